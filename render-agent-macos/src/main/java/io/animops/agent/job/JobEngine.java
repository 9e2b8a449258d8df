package io.animops.agent.job;

import io.animops.agent.godot.GodotWorkspace;
import io.animops.agent.process.ExecutionBudget;
import io.animops.agent.process.ProcessStoppedException;
import io.animops.crds.v1alpha1.ScriptError;

import java.io.IOException;
import java.util.List;

/**
 * The Godot that validates and renders a job in its workspace: {@link NativeJobEngine} (a Godot binary) or
 * {@link WebJobEngine} (Godot's web build in headless Chromium). {@link GodotJobExecutor} does the rest.
 * Every step stops with a {@link ProcessStoppedException} on the job's timeout or cancellation.
 */
interface JobEngine {
    /** What this engine's validation cannot check, said with every success; null when it checks everything. */
    default String validationNote() {
        return null;
    }

    /** What runs the job, for the render's provenance. */
    String version(GodotWorkspace workspace, ExecutionBudget budget)
            throws ProcessStoppedException, GodotUnavailableException, InterruptedException;

    /** Parse, load and the physics smoke run: the errors Godot reported, empty when the script passed. */
    List<ScriptError> validate(JobRequest job, GodotWorkspace workspace, ExecutionBudget budget)
            throws ProcessStoppedException, GodotUnavailableException, InterruptedException, IOException;

    /**
     * Renders with Movie Maker into {@link GodotWorkspace#movie()}, reporting the probe's frame counts.
     *
     * @return errors in the script that the render revealed (empty when none)
     * @throws GodotUnavailableException when Godot ended without its movie (a crash)
     */
    List<ScriptError> render(
            JobRequest job, GodotWorkspace workspace, ExecutionBudget budget, RenderProgressReporter progress)
            throws ProcessStoppedException, GodotUnavailableException, InterruptedException, IOException;
}
