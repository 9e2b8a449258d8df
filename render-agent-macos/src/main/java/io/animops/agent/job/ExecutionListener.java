package io.animops.agent.job;

import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.crds.v1alpha1.RenderProgress;

/** What the executor reports while it works; the caller turns it into status writes. */
public interface ExecutionListener {
    /** Entered Validating, Rendering or Encoding. */
    void phase(RenderPhase phase);

    /** Frames rendered so far; called every few seconds while rendering. */
    void progress(RenderProgress progress);
}
