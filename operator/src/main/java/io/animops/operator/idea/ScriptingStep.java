package io.animops.operator.idea;

import io.animops.crds.AnimOps;
import io.animops.crds.ConditionTypes;
import io.animops.crds.Conditions;
import io.animops.crds.Reasons;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.AnimationIdeaStatus;
import io.animops.crds.v1alpha1.AttemptPhase;
import io.animops.crds.v1alpha1.IdeaPhase;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderMode;
import io.animops.crds.v1alpha1.ScriptAttempt;
import io.animops.crds.v1alpha1.ScriptAttemptSpec;
import io.animops.crds.v1alpha1.ScriptError;
import io.animops.operator.kube.OwnedChildren;
import io.animops.operator.llm.LlmException;
import io.animops.operator.pipeline.PipelineSettings;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Scripting: a script attempt is written and checked; an invalid one is repaired by the next, up to the limit. With
 * Godot validation on, a statically valid script then goes to a Validate job (real Godot compiles it and runs its
 * physics smoke test, on any web or native agent); its errors, in Godot's words, go to the next attempt, and the
 * preview starts only from a script Godot compiled.
 */
final class ScriptingStep implements PhaseStep {
    @Override
    public void advance(IdeaLifecycle run, AnimationIdea idea, IdeaLifecycle.Observed observed) {
        ScriptAttempt attempt = observed.attempt();
        if (attempt == null
                || attempt.getStatus() == null
                || attempt.getStatus().getPhase() == null
                || !attempt.getStatus().getPhase().isTerminal()) {
            showProviderWait(run, idea, attempt);
            return;
        }
        AttemptPhase phase = attempt.getStatus().getPhase();
        if (phase == AttemptPhase.Failed) {
            String reason = Conditions.find(attempt.getStatus().getConditions(), ConditionTypes.SUCCEEDED)
                    .map(c -> c.getReason())
                    .orElse(Reasons.AUTHORING_FAILED);
            String message = Conditions.find(attempt.getStatus().getConditions(), ConditionTypes.SUCCEEDED)
                    .map(c -> c.getMessage())
                    .orElse("");
            run.end(
                    idea,
                    IdeaPhase.Failed,
                    reason,
                    "script attempt " + attempt.getMetadata().getName() + " failed: " + message);
            return;
        }
        if (phase == AttemptPhase.Invalid) {
            repairOrReject(
                    run, idea, observed.settings(), attempt, attempt.getStatus().getErrors());
            return;
        }
        String preview = IdeaChildren.jobName(attempt, RenderMode.Preview);
        if (!observed.settings().godotValidation()) {
            PreviewStep.start(run, idea, observed.settings(), attempt, preview);
            return;
        }
        String validateJob = IdeaChildren.jobName(attempt, RenderMode.Validate);
        if (!validateJob.equals(idea.getStatus().getRenderJob())) {
            startGodotValidation(run, idea, observed.settings(), attempt, validateJob);
            return;
        }
        PreviewStep.follow(
                run,
                idea,
                observed,
                Reasons.GODOT_VALIDATION_FAILED,
                job -> PreviewStep.start(run, idea, observed.settings(), attempt, preview));
    }

    /** While the attempt waits for an unavailable model provider, the idea says so, with the attempt's message. */
    private static void showProviderWait(IdeaLifecycle run, AnimationIdea idea, ScriptAttempt attempt) {
        if (attempt == null || attempt.getStatus() == null) {
            return;
        }
        Conditions.find(attempt.getStatus().getConditions(), ConditionTypes.SUCCEEDED)
                .filter(c -> Conditions.UNKNOWN.equals(c.getStatus()) && LlmException.isTransient(c.getReason()))
                .ifPresent(c -> run.condition(
                        idea,
                        ConditionTypes.SUCCEEDED,
                        Conditions.UNKNOWN,
                        c.getReason(),
                        "script attempt " + attempt.getSpec().getAttempt() + " waits for the model provider: "
                                + c.getMessage()));
    }

    /** The Validate job of a statically valid attempt; the idea follows it as its render job until the preview. */
    private static void startGodotValidation(
            IdeaLifecycle run, AnimationIdea idea, PipelineSettings settings, ScriptAttempt attempt, String jobName) {
        RenderJob job =
                IdeaChildren.renderJob(idea, settings, attempt, RenderMode.Validate, settings.preview(), jobName);
        String message = "script attempt " + attempt.getSpec().getAttempt() + " passed the static check; Validate job "
                + jobName + " compiles it with real Godot";
        idea.getStatus().setRenderJob(jobName);
        run.condition(idea, ConditionTypes.SUCCEEDED, Conditions.UNKNOWN, Reasons.GODOT_VALIDATING, message);
        run.create(job);
    }

    /** Enters Scripting with attempt {@code number}, which carries the previous attempt's errors to fix. */
    static void start(
            IdeaLifecycle run, AnimationIdea idea, int number, String previous, List<ScriptError> previousErrors) {
        AnimationIdeaStatus status = idea.getStatus();
        ScriptAttempt attempt = new ScriptAttempt();
        attempt.setMetadata(
                OwnedChildren.metadata(idea, IdeaChildren.attemptName(idea, number), IdeaChildren.labels(idea)));
        attempt.getMetadata()
                .setAnnotations(Map.of(AnimOps.LABEL_IDEA, idea.getMetadata().getName()));
        ScriptAttemptSpec spec = new ScriptAttemptSpec();
        spec.setIdeaRef(idea.getMetadata().getName());
        spec.setAttempt(number);
        spec.setPreviousAttemptRef(previous);
        spec.setPreviousErrors(new ArrayList<>(previousErrors));
        attempt.setSpec(spec);
        run.enter(idea, IdeaPhase.Scripting, Reasons.SCRIPTING, "script attempt " + number + " started");
        status.setAttempts(number);
        status.setCurrentAttempt(attempt.getMetadata().getName());
        run.condition(
                idea,
                ConditionTypes.SUCCEEDED,
                Conditions.UNKNOWN,
                Reasons.SCRIPTING,
                "script attempt " + number + " started");
        run.create(attempt);
    }

    /** The next attempt with the failed one's errors, or Rejected (ScriptAttemptsExhausted) after the last. */
    static void repairOrReject(
            IdeaLifecycle run,
            AnimationIdea idea,
            PipelineSettings settings,
            ScriptAttempt failed,
            List<ScriptError> errors) {
        int made = failed.getSpec().getAttempt();
        if (made < settings.maxScriptAttempts()) {
            start(run, idea, made + 1, failed.getMetadata().getName(), errors);
            return;
        }
        String summary = errors.stream()
                .limit(3)
                .map(e -> e.getStage() + " " + (e.getRule() == null ? "" : e.getRule() + " ") + e.getLine() + ":"
                        + e.getColumn() + " " + e.getMessage())
                .collect(Collectors.joining("; "));
        run.reject(
                idea,
                Reasons.SCRIPT_ATTEMPTS_EXHAUSTED,
                made + " of " + settings.maxScriptAttempts() + " script attempts failed; last errors: " + summary);
    }
}
