package io.animops.agent.cluster;

import io.animops.agent.job.JobRequest;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderJobSpec;
import io.animops.crds.v1alpha1.RenderMode;
import io.animops.crds.v1alpha1.RenderSettings;

import java.time.Duration;
import java.util.Objects;

/** A claimed RenderJob as the executor needs it. Pure. */
public final class JobRequests {
    private JobRequests() {}

    /** Unset sizes take the mode's defaults (a Final job 1080x1920 at 60 fps; Preview and Validate 540x960 at 30). */
    public static JobRequest of(RenderJob job) {
        RenderJobSpec spec = job.getSpec();
        RenderMode mode = Objects.requireNonNull(spec.getMode(), "spec.mode");
        RenderSettings defaults = mode == RenderMode.Final ? RenderSettings.fin() : RenderSettings.preview();
        RenderSettings settings = new RenderSettings(
                        spec.getWidth(), spec.getHeight(), spec.getFps(), spec.getDurationSeconds())
                .orDefaults(defaults);
        int smokeFrames = spec.getSmokeFrames() == null ? 120 : spec.getSmokeFrames();
        int timeout = spec.getTimeoutSeconds() == null ? 1800 : spec.getTimeoutSeconds();
        return new JobRequest(
                job.getMetadata().getNamespace(),
                job.getMetadata().getName(),
                job.getMetadata().getUid(),
                mode,
                settings.getWidth(),
                settings.getHeight(),
                settings.getFps(),
                settings.getDurationSeconds(),
                smokeFrames,
                Duration.ofSeconds(timeout),
                job.getStatus().getScript(),
                job.getStatus().getDesignSystem());
    }
}
