package io.animops.agent.job;

import io.animops.crds.v1alpha1.JobDesignSystem;
import io.animops.crds.v1alpha1.JobScript;
import io.animops.crds.v1alpha1.RenderMode;

import java.time.Duration;

/**
 * One claimed job, as the executor needs it: no Kubernetes types beyond the shared status pieces.
 *
 * @param designSystem null when the operator resolved none
 * @param timeout      wall-clock limit of the whole execution (validation, render, encoding)
 */
public record JobRequest(
        String namespace,
        String name,
        String uid,
        RenderMode mode,
        int width,
        int height,
        int fps,
        int durationSeconds,
        int smokeFrames,
        Duration timeout,
        JobScript script,
        JobDesignSystem designSystem) {

    public int totalFrames() {
        return fps * durationSeconds;
    }
}
