package io.animops.operator.idea;

import io.animops.crds.AnimOps;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderJobSpec;
import io.animops.crds.v1alpha1.RenderMode;
import io.animops.crds.v1alpha1.RenderSettings;
import io.animops.crds.v1alpha1.ScriptAttempt;
import io.animops.operator.common.Hashes;
import io.animops.operator.kube.OwnedChildren;
import io.animops.operator.pipeline.PipelineSettings;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The names and labels of an idea's children. Names are deterministic, so that a restarted operator (or the API
 * predicting a name) finds a child instead of creating it twice.
 */
public final class IdeaChildren {
    private IdeaChildren() {}

    public static String attemptName(AnimationIdea idea, int number) {
        return OwnedChildren.name(idea.getMetadata().getName(), "a" + number);
    }

    /**
     * The job a rerender request makes: named after the request, so that one request makes one job whatever the
     * retries, and a new request a new job beside the finished one (which keeps its artifacts and history).
     */
    public static String rerenderJobName(String attempt, String request) {
        // eight hex digits of the request's SHA-256
        return OwnedChildren.name(attempt, "preview", Hashes.sha256Prefix(request, 4));
    }

    /** The usual name of an attempt's render in a mode: {@code <attempt>-preview}, {@code <attempt>-final}. */
    static String jobName(ScriptAttempt attempt, RenderMode mode) {
        return OwnedChildren.name(attempt.getMetadata().getName(), mode.name().toLowerCase(Locale.ROOT));
    }

    /** A render of the attempt's script, owned by the attempt. */
    static RenderJob renderJob(
            AnimationIdea idea,
            PipelineSettings settings,
            ScriptAttempt attempt,
            RenderMode mode,
            RenderSettings render,
            String name) {
        RenderJob job = new RenderJob();
        Map<String, String> labels = new LinkedHashMap<>(labels(idea));
        labels.put(AnimOps.LABEL_RENDER_MODE, mode.name().toLowerCase(Locale.ROOT));
        job.setMetadata(OwnedChildren.metadata(attempt, name, labels));
        // the label value may be shortened to 63 characters; the annotation keeps the idea's full name
        job.getMetadata()
                .setAnnotations(Map.of(AnimOps.LABEL_IDEA, idea.getMetadata().getName()));
        RenderJobSpec spec = new RenderJobSpec();
        spec.setScriptAttemptRef(attempt.getMetadata().getName());
        spec.setMode(mode);
        spec.setWidth(render.getWidth());
        spec.setHeight(render.getHeight());
        spec.setFps(render.getFps());
        spec.setDurationSeconds(render.getDurationSeconds());
        spec.setAgentSelector(new LinkedHashMap<>(settings.agentSelector()));
        spec.setExecutor(settings.executor());
        job.setSpec(spec);
        return job;
    }

    /** The labels every child of the idea carries: the idea and, when it has one, its schedule. */
    static Map<String, String> labels(AnimationIdea idea) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(AnimOps.LABEL_IDEA, OwnedChildren.name(idea.getMetadata().getName()));
        if (idea.getSpec().getScheduleRef() != null) {
            labels.put(AnimOps.LABEL_SCHEDULE, idea.getSpec().getScheduleRef());
        }
        return labels;
    }
}
