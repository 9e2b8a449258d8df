package io.animops.agent.job;

import io.animops.agent.AgentConfig;
import io.animops.agent.godot.GodotCommandLine;
import io.animops.agent.godot.GodotOutput;
import io.animops.agent.godot.GodotWorkspace;
import io.animops.agent.process.ExecutionBudget;
import io.animops.agent.process.LineListener;
import io.animops.agent.process.OutputStream;
import io.animops.agent.process.ProcessOutcome;
import io.animops.agent.process.ProcessRunner;
import io.animops.agent.process.ProcessStoppedException;
import io.animops.agent.sandbox.HostCapabilities;
import io.animops.agent.sandbox.Isolation;
import io.animops.crds.v1alpha1.ScriptError;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The Godot binary on the agent's machine: {@code --check-only}, the headless physics smoke run and Movie Maker,
 * each isolated in the workspace (see {@link Isolation}).
 */
final class NativeJobEngine implements JobEngine {
    private final AgentConfig config;
    private final ProcessRunner runner;
    private final GodotCommandLine godot;
    private HostCapabilities host;
    private volatile String godotVersion;

    NativeJobEngine(AgentConfig config, ProcessRunner runner) {
        this.config = config;
        this.runner = runner;
        this.godot = new GodotCommandLine(config.godot());
    }

    @Override
    public List<ScriptError> validate(JobRequest job, GodotWorkspace workspace, ExecutionBudget budget)
            throws ProcessStoppedException, GodotUnavailableException, InterruptedException {
        ProcessOutcome check =
                runGodot("check-only", godot.checkOnly(workspace.dir()), job, workspace, budget, LineListener.NONE);
        List<ScriptError> errors =
                GodotOutput.scriptErrors(check.stdout().lines(), check.stderr().lines(), ScriptError.Stage.parse);
        if (!errors.isEmpty()) {
            return errors;
        }
        ProcessOutcome smoke = runGodot(
                "smoke run",
                godot.smoke(workspace.dir(), job.smokeFrames()),
                job,
                workspace,
                budget,
                LineListener.NONE);
        return GodotOutput.smokeErrors(smoke.stdout().lines(), smoke.stderr().lines(), job.smokeFrames());
    }

    @Override
    public List<ScriptError> render(
            JobRequest job, GodotWorkspace workspace, ExecutionBudget budget, RenderProgressReporter progress)
            throws ProcessStoppedException, GodotUnavailableException, InterruptedException, IOException {
        int totalFrames = job.totalFrames();
        ProcessOutcome render = runGodot(
                "render",
                godot.render(workspace.dir(), workspace.movie(), job.fps(), totalFrames, job.width(), job.height()),
                job,
                workspace,
                budget,
                (stream, line) -> {
                    if (stream == OutputStream.STDOUT) {
                        GodotOutput.frame(line).ifPresent(progress::frames);
                    }
                });
        // the real renderer prints engine errors the headless validation never saw: only the script's own count here
        List<ScriptError> renderErrors =
                GodotOutput.scriptErrors(
                                render.stdout().lines(), render.stderr().lines(), ScriptError.Stage.physics)
                        .stream()
                        .filter(e -> e.getLine() != null)
                        .toList();
        if (!renderErrors.isEmpty()) {
            return renderErrors;
        }
        if (render.exitCode() > 128) {
            // ended by a signal nobody here sent (a crash): the AVI, if any, is cut short
            throw new GodotUnavailableException(
                    "render: Godot ended by signal " + (render.exitCode() - 128) + " after " + progress.lastFrames()
                            + " of " + totalFrames + " frames: " + render.diagnosticTail(),
                    null);
        }
        GodotJobExecutor.requireMovie(workspace, "exit code " + render.exitCode(), render.diagnosticTail());
        return List.of();
    }

    /**
     * Runs Godot isolated in the workspace. An exit by the CPU limit counts as the job's timeout; an exit of the
     * wrapper itself (limits not settable, Godot not found behind it) is the machine's fault.
     */
    private ProcessOutcome runGodot(
            String step,
            List<String> command,
            JobRequest job,
            GodotWorkspace workspace,
            ExecutionBudget budget,
            LineListener lines)
            throws ProcessStoppedException, GodotUnavailableException, InterruptedException {
        long cpuSeconds = config.cpuLimitSeconds() != null
                ? config.cpuLimitSeconds()
                : Math.max(1, job.timeout().toSeconds());
        ProcessOutcome outcome;
        try {
            List<String> wrapped = Isolation.wrap(
                    host(),
                    config.sandbox(),
                    cpuSeconds,
                    workspace.dir().toRealPath(),
                    Path.of(System.getProperty("user.home")),
                    command);
            outcome = runner.runStep(step, wrapped, workspace.dir(), budget, lines);
        } catch (IOException e) {
            throw new GodotUnavailableException(
                    step + ": cannot run " + config.godot() + " (agent setting godot): " + e.getMessage(), e);
        }
        if (cpuSeconds > 0 && outcome.exitCode() == Isolation.CPU_LIMIT_EXIT_CODE) {
            throw new ProcessStoppedException(
                    ProcessOutcome.Ending.TIMED_OUT, step + " used up its CPU time limit of " + cpuSeconds + " s");
        }
        if (Isolation.wrapperFailed(outcome.exitCode())) {
            throw new GodotUnavailableException(
                    step + ": Godot did not start (exit code " + outcome.exitCode()
                            + ", agent settings godot, sandbox, cpuLimitSeconds): " + outcome.diagnosticTail(),
                    null);
        }
        return outcome;
    }

    /** Looked at once, when the first Godot run needs it. */
    private synchronized HostCapabilities host() throws InterruptedException {
        if (host == null) {
            host = HostCapabilities.detect(runner);
        }
        return host;
    }

    /** {@code godot --version}, read once (not isolated: it runs no job code). */
    @Override
    public String version(GodotWorkspace workspace, ExecutionBudget budget)
            throws ProcessStoppedException, GodotUnavailableException, InterruptedException {
        String cached = godotVersion;
        if (cached != null) {
            return cached;
        }
        ProcessOutcome outcome;
        try {
            outcome = runner.runStep("godot --version", godot.version(), workspace.dir(), budget, LineListener.NONE);
        } catch (IOException e) {
            throw new GodotUnavailableException(
                    "godot --version: cannot run " + config.godot() + " (agent setting godot): " + e.getMessage(), e);
        }
        String first = outcome.stdout().lines().stream()
                .filter(l -> !l.isBlank())
                .findFirst()
                .orElse("")
                .trim();
        if (outcome.exitCode() != 0 || first.isEmpty()) {
            throw new GodotUnavailableException(
                    "godot --version: exit code " + outcome.exitCode() + " and no version (agent setting godot: "
                            + config.godot() + "): " + outcome.diagnosticTail(),
                    null);
        }
        godotVersion = first;
        return first;
    }

    @Override
    public String toString() {
        return "native[godot=" + config.godot() + ", sandbox=" + config.sandbox() + "]";
    }
}
