package io.animops.agent.cluster;

import io.animops.crds.v1alpha1.JobScript;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderJobSpec;
import io.animops.crds.v1alpha1.RenderJobStatus;
import io.animops.crds.v1alpha1.RenderMode;
import io.animops.crds.v1alpha1.RenderPhase;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;

import java.util.Map;

/** Render jobs as the agent sees them in its informer, for the pure tests. */
final class Jobs {
    private Jobs() {}

    static RenderJob pending(String name, String resourceVersion, Map<String, String> selector) {
        RenderJob job = new RenderJob();
        job.setMetadata(new ObjectMetaBuilder()
                .withNamespace("studio")
                .withName(name)
                .withUid("uid-" + name)
                .withResourceVersion(resourceVersion)
                .build());
        RenderJobSpec spec = new RenderJobSpec();
        spec.setScriptAttemptRef(name + "-a1");
        spec.setMode(RenderMode.Preview);
        spec.setAgentSelector(selector);
        job.setSpec(spec);
        RenderJobStatus status = new RenderJobStatus();
        status.setPhase(RenderPhase.Pending);
        status.setScript(new JobScript("ab".repeat(32), "extends Node2D\n", "contract-v1"));
        job.setStatus(status);
        return job;
    }

    /** The job held by {@code agent} in {@code phase}. */
    static RenderJob held(String name, String resourceVersion, String agent, RenderPhase phase) {
        RenderJob job = pending(name, resourceVersion, Map.of());
        job.getStatus().setPhase(phase);
        job.getStatus().setAgent(agent);
        job.getStatus().setAttempts(1);
        job.getStatus().setClaimedAt("2026-11-24T10:00:00Z");
        job.getStatus().setLastHeartbeat("2026-11-24T10:00:00Z");
        return job;
    }
}
