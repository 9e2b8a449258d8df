package io.animops.operator.idea;

import io.animops.crds.Conditions;
import io.animops.crds.SecretKeyRef;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.AnimationIdeaStatus;
import io.animops.crds.v1alpha1.AttemptPhase;
import io.animops.crds.v1alpha1.IdeaPhase;
import io.animops.crds.v1alpha1.Platform;
import io.animops.crds.v1alpha1.Privacy;
import io.animops.crds.v1alpha1.Publication;
import io.animops.crds.v1alpha1.PublicationPhase;
import io.animops.crds.v1alpha1.PublicationStatus;
import io.animops.crds.v1alpha1.PublishMode;
import io.animops.crds.v1alpha1.PublishTarget;
import io.animops.crds.v1alpha1.QcSettings;
import io.animops.crds.v1alpha1.RenderExecutor;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderJobStatus;
import io.animops.crds.v1alpha1.RenderMode;
import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.crds.v1alpha1.RenderSettings;
import io.animops.crds.v1alpha1.ScriptAttempt;
import io.animops.crds.v1alpha1.ScriptAttemptStatus;
import io.animops.crds.v1alpha1.ScriptError;
import io.animops.crds.v1alpha1.Selection;
import io.animops.crds.v1alpha1.Similarity;
import io.animops.operator.kube.StatusSupport;
import io.animops.operator.pipeline.PipelineSettings;
import io.animops.operator.qc.QcItemResult;
import io.animops.operator.qc.QcOutcome;
import io.animops.operator.qc.QcResult;
import io.animops.operator.qc.QcRule;
import io.animops.operator.testing.Pipeline;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The repair loop and render outcomes, which the pipeline tests cannot reach without broken scripts or an agent. */
class IdeaLifecycleTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T12:00:00Z"), ZoneOffset.UTC);
    private static final PipelineSettings SETTINGS = new PipelineSettings(
            Selection.Mode.Auto,
            1,
            0.85,
            2,
            null,
            RenderSettings.preview(),
            RenderSettings.fin(),
            Map.of("animops.io/os", "darwin"),
            new QcSettings(),
            List.of(target(Platform.YouTube, PublishMode.Api), target(Platform.TikTok, PublishMode.Manual)));
    private static final ScriptError PARSE_ERROR =
            new ScriptError(ScriptError.Stage.parse, "parse.syntax", 12, 5, "Expected ':'");

    @Test
    void anInvalidAttemptIsRepairedWithItsErrorsThenTheIdeaIsRejectedWhenAttemptsRunOut() {
        AnimationIdea idea = scripting(1);
        IdeaLifecycle.Step step = IdeaLifecycle.advance(
                CLOCK,
                idea,
                SETTINGS,
                List.of(),
                attempt(idea, 1, AttemptPhase.Invalid),
                null,
                IdeaLifecycle.Downstream.NONE);
        ScriptAttempt second = (ScriptAttempt) step.child();
        assertThat(second.getMetadata().getName()).isEqualTo("idea-a2");
        assertThat(second.getSpec().getAttempt()).isEqualTo(2);
        assertThat(second.getSpec().getPreviousAttemptRef()).isEqualTo("idea-a1");
        assertThat(second.getSpec().getPreviousErrors()).containsExactly(PARSE_ERROR);
        assertThat(idea.getStatus().getAttempts()).isEqualTo(2);

        step = IdeaLifecycle.advance(
                CLOCK,
                idea,
                SETTINGS,
                List.of(),
                attempt(idea, 2, AttemptPhase.Invalid),
                null,
                IdeaLifecycle.Downstream.NONE);
        assertThat(step.child()).isNull();
        assertThat(idea.getStatus().getPhase()).isEqualTo(IdeaPhase.Rejected);
        var succeeded =
                Conditions.find(idea.getStatus().getConditions(), "Succeeded").orElseThrow();
        assertThat(succeeded.getReason()).isEqualTo("ScriptAttemptsExhausted");
        assertThat(succeeded.getMessage()).contains("2 of 2").contains("parse parse.syntax 12:5 Expected ':'");
        assertThat(step.entered()).extracting(IdeaLifecycle.Transition::phase).containsExactly(IdeaPhase.Rejected);
    }

    @Test
    void aValidAttemptGetsAPreviewRenderWithTheScheduleSettings() {
        AnimationIdea idea = scripting(1);
        IdeaLifecycle.Step step = IdeaLifecycle.advance(
                CLOCK,
                idea,
                SETTINGS,
                List.of(),
                attempt(idea, 1, AttemptPhase.Valid),
                null,
                IdeaLifecycle.Downstream.NONE);
        RenderJob job = (RenderJob) step.child();
        assertThat(job.getMetadata().getName()).isEqualTo("idea-a1-preview");
        assertThat(job.getMetadata().getOwnerReferences().get(0).getName()).isEqualTo("idea-a1");
        assertThat(job.getSpec().getWidth()).isEqualTo(540);
        assertThat(job.getSpec().getFps()).isEqualTo(30);
        assertThat(job.getSpec().getAgentSelector()).containsEntry("animops.io/os", "darwin");
        assertThat(idea.getStatus().getPhase()).isEqualTo(IdeaPhase.Rendering);
    }

    @Test
    void aScheduleThatRequiresNativeGodotPassesThatToItsRenderJobs() {
        AnimationIdea idea = scripting(1);
        PipelineSettings nativeOnly = new PipelineSettings(
                Selection.Mode.Auto,
                1,
                0.85,
                2,
                null,
                RenderSettings.preview(),
                RenderSettings.fin(),
                Map.of(),
                new QcSettings(),
                List.of(),
                null,
                "UTC",
                RenderExecutor.Native);
        RenderJob job = (RenderJob) IdeaLifecycle.advance(
                        CLOCK,
                        idea,
                        nativeOnly,
                        List.of(),
                        attempt(idea, 1, AttemptPhase.Valid),
                        null,
                        IdeaLifecycle.Downstream.NONE)
                .child();
        assertThat(job.getSpec().getExecutor()).isEqualTo(RenderExecutor.Native);
        assertThat(SETTINGS.executor()).as("any executor unless required").isNull();
    }

    @Test
    void withGodotValidationAValidAttemptIsCompiledByRealGodotBeforeItsPreview() {
        PipelineSettings validating = withGodotValidation(RenderExecutor.Native);
        AnimationIdea idea = scripting(1);
        ScriptAttempt valid = attempt(idea, 1, AttemptPhase.Valid);
        RenderJob validate = (RenderJob)
                IdeaLifecycle.advance(CLOCK, idea, validating, List.of(), valid, null, IdeaLifecycle.Downstream.NONE)
                        .child();
        assertThat(validate.getMetadata().getName()).isEqualTo("idea-a1-validate");
        assertThat(validate.getSpec().getMode()).isEqualTo(RenderMode.Validate);
        assertThat(validate.getSpec().getExecutor()).isEqualTo(RenderExecutor.Native);
        assertThat(idea.getStatus().getPhase()).isEqualTo(IdeaPhase.Scripting);
        assertThat(idea.getStatus().getRenderJob()).isEqualTo("idea-a1-validate");
        assertThat(Conditions.find(idea.getStatus().getConditions(), "Succeeded")
                        .orElseThrow()
                        .getReason())
                .isEqualTo("GodotValidating");

        // not observed yet, then queued: no second job, the idea shows what the job waits for
        assertThat(IdeaLifecycle.advance(CLOCK, idea, validating, List.of(), valid, null, IdeaLifecycle.Downstream.NONE)
                        .child())
                .isNull();
        RenderJob queued = validateJob(RenderPhase.Pending, List.of());
        queued.getStatus().setConditions(new java.util.ArrayList<>());
        Conditions.set(queued.getStatus(), CLOCK, "Succeeded", Conditions.UNKNOWN, "NoAgentAvailable", "no agent");
        assertThat(IdeaLifecycle.advance(
                                CLOCK, idea, validating, List.of(), valid, queued, IdeaLifecycle.Downstream.NONE)
                        .child())
                .isNull();
        assertThat(Conditions.find(idea.getStatus().getConditions(), "Succeeded")
                        .orElseThrow()
                        .getReason())
                .isEqualTo("NoAgentAvailable");

        RenderJob preview = (RenderJob) IdeaLifecycle.advance(
                        CLOCK,
                        idea,
                        validating,
                        List.of(),
                        valid,
                        validateJob(RenderPhase.Succeeded, List.of()),
                        IdeaLifecycle.Downstream.NONE)
                .child();
        assertThat(preview.getMetadata().getName()).isEqualTo("idea-a1-preview");
        assertThat(preview.getSpec().getMode()).isEqualTo(RenderMode.Preview);
        assertThat(idea.getStatus().getPhase()).isEqualTo(IdeaPhase.Rendering);
        assertThat(idea.getStatus().getRenderJob()).isEqualTo("idea-a1-preview");
    }

    @Test
    void godotsErrorsFromTheValidateJobGoIntoTheNextAttemptAndOtherFailuresFailTheIdea() {
        PipelineSettings validating = withGodotValidation(null);
        AnimationIdea idea = scripting(1);
        idea.getStatus().setRenderJob("idea-a1-validate");
        ScriptError godot = new ScriptError(
                ScriptError.Stage.parse,
                "godot.parse-error",
                9,
                null,
                "Identifier \"BUTTON_LEFT\" not declared in the current scope.");
        ScriptAttempt next = (ScriptAttempt) IdeaLifecycle.advance(
                        CLOCK,
                        idea,
                        validating,
                        List.of(),
                        attempt(idea, 1, AttemptPhase.Valid),
                        validateJob(RenderPhase.Failed, List.of(godot)),
                        IdeaLifecycle.Downstream.NONE)
                .child();
        assertThat(next.getSpec().getPreviousErrors()).containsExactly(godot);
        assertThat(idea.getStatus().getPhase()).isEqualTo(IdeaPhase.Scripting);

        AnimationIdea crashed = scripting(1);
        crashed.getStatus().setRenderJob("idea-a1-validate");
        IdeaLifecycle.advance(
                CLOCK,
                crashed,
                validating,
                List.of(),
                attempt(crashed, 1, AttemptPhase.Valid),
                validateJob(RenderPhase.Failed, List.of()),
                IdeaLifecycle.Downstream.NONE);
        assertThat(crashed.getStatus().getPhase()).isEqualTo(IdeaPhase.Failed);
        assertThat(Conditions.find(crashed.getStatus().getConditions(), "Succeeded")
                        .orElseThrow()
                        .getReason())
                .isEqualTo("GodotValidationFailed");
    }

    @Test
    void errorsFoundByTheAgentGoIntoTheNextAttempt() {
        AnimationIdea idea = scripting(1);
        idea.getStatus().setPhase(IdeaPhase.Rendering);
        ScriptError loadError =
                new ScriptError(ScriptError.Stage.load, null, 7, null, "Invalid call. Nonexistent function 'foo'");
        IdeaLifecycle.Step step = IdeaLifecycle.advance(
                CLOCK,
                idea,
                SETTINGS,
                List.of(),
                attempt(idea, 1, AttemptPhase.Valid),
                job(RenderPhase.Failed, List.of(loadError)),
                IdeaLifecycle.Downstream.NONE);
        assertThat(((ScriptAttempt) step.child()).getSpec().getPreviousErrors()).containsExactly(loadError);
        assertThat(idea.getStatus().getPhase()).isEqualTo(IdeaPhase.Scripting);
    }

    @Test
    void renderOutcomesWithoutScriptErrors() {
        AnimationIdea rendered = scripting(1);
        rendered.getStatus().setPhase(IdeaPhase.Rendering);
        IdeaLifecycle.advance(
                CLOCK,
                rendered,
                SETTINGS,
                List.of(),
                null,
                job(RenderPhase.Succeeded, List.of()),
                IdeaLifecycle.Downstream.NONE);
        assertThat(rendered.getStatus().getPhase()).isEqualTo(IdeaPhase.AwaitingQc);

        AnimationIdea crashed = scripting(1);
        crashed.getStatus().setPhase(IdeaPhase.Rendering);
        IdeaLifecycle.advance(
                CLOCK,
                crashed,
                SETTINGS,
                List.of(),
                null,
                job(RenderPhase.Failed, List.of()),
                IdeaLifecycle.Downstream.NONE);
        assertThat(crashed.getStatus().getPhase()).isEqualTo(IdeaPhase.Failed);
        assertThat(Conditions.find(crashed.getStatus().getConditions(), "Succeeded")
                        .orElseThrow()
                        .getReason())
                .isEqualTo("RenderFailed");
    }

    @Test
    void anAuthoringFailureFailsTheIdeaWithTheAttemptsReason() {
        AnimationIdea idea = scripting(1);
        ScriptAttempt failed = attempt(idea, 1, AttemptPhase.Failed);
        Conditions.set(
                failed.getStatus(), CLOCK, "Succeeded", Conditions.FALSE, "ProviderUnavailable", "no such provider");
        IdeaLifecycle.advance(CLOCK, idea, SETTINGS, List.of(), failed, null, IdeaLifecycle.Downstream.NONE);
        assertThat(idea.getStatus().getPhase()).isEqualTo(IdeaPhase.Failed);
        assertThat(Conditions.find(idea.getStatus().getConditions(), "Succeeded")
                        .orElseThrow()
                        .getReason())
                .isEqualTo("ProviderUnavailable");
    }

    @Test
    void autoSelectionWaitsForTheWholeRunThenTakesTheMostNovel() {
        AnimationIdea a = proposed("a", 0.10);
        AnimationIdea b = proposed("b", 0.40);
        AnimationIdea c = Pipeline.idea("ns", "c", "Title c", "Premise of c");
        c.getSpec().setScheduleRef("daily");
        IdeaLifecycle.Step waiting =
                IdeaLifecycle.advance(CLOCK, b, SETTINGS, List.of(a, b, c), null, null, IdeaLifecycle.Downstream.NONE);
        assertThat(waiting.requeue()).isNotNull();
        assertThat(b.getStatus().getPhase()).isEqualTo(IdeaPhase.Proposed);

        c.setStatus(proposed("c", 0.90).getStatus()); // a near-duplicate does not compete
        IdeaLifecycle.advance(CLOCK, b, SETTINGS, List.of(a, b, c), null, null, IdeaLifecycle.Downstream.NONE);
        assertThat(b.getStatus().getPhase()).isEqualTo(IdeaPhase.Rejected);
        assertThat(Conditions.find(b.getStatus().getConditions(), "Selected")
                        .orElseThrow()
                        .getMessage())
                .isEqualTo("rank 2 by novelty of 2 novel proposal(s); maxAccepted 1");
        IdeaLifecycle.Step accepted =
                IdeaLifecycle.advance(CLOCK, a, SETTINGS, List.of(a, b, c), null, null, IdeaLifecycle.Downstream.NONE);
        assertThat(a.getStatus().getPhase()).isEqualTo(IdeaPhase.Scripting);
        assertThat(accepted.entered())
                .extracting(IdeaLifecycle.Transition::phase)
                .containsExactly(IdeaPhase.Accepted, IdeaPhase.Scripting);
    }

    @Test
    void aProposalWaitingForItsRunKeepsTheSameStatusWhileSiblingsAreGated() {
        AnimationIdea a = proposed("a", 0.10);
        AnimationIdea b = Pipeline.idea("ns", "b", "Title b", "Premise of b");
        b.getSpec().setScheduleRef("daily");
        AnimationIdea c = Pipeline.idea("ns", "c", "Title c", "Premise of c");
        c.getSpec().setScheduleRef("daily");
        IdeaLifecycle.advance(CLOCK, a, SETTINGS, List.of(a, b, c), null, null, IdeaLifecycle.Downstream.NONE);
        AnimationIdeaStatus waitingForTwo = StatusSupport.copy(a.getStatus());
        assertThat(condition(a, "Selected").getReason()).isEqualTo("WaitingForRun");

        // a status that changed with every sibling gated would be written on every recheck of every waiting idea
        b.setStatus(proposed("b", 0.40).getStatus());
        IdeaLifecycle.Step step =
                IdeaLifecycle.advance(CLOCK, a, SETTINGS, List.of(a, b, c), null, null, IdeaLifecycle.Downstream.NONE);
        assertThat(step.requeue()).isNotNull();
        assertThat(a.getStatus()).isEqualTo(waitingForTwo);
    }

    @Test
    void aRerunRequestAfterExhaustedAttemptsStartsOneMoreAttemptWithTheLastErrorsOnce() {
        AnimationIdea idea = scripting(2);
        IdeaLifecycle.advance(
                CLOCK,
                idea,
                SETTINGS,
                List.of(),
                attempt(idea, 2, AttemptPhase.Invalid),
                null,
                IdeaLifecycle.Downstream.NONE);
        assertThat(idea.getStatus().getPhase()).isEqualTo(IdeaPhase.Rejected);
        assertThat(IdeaRefusals.rerunAttemptRefusal(idea)).isNull();

        idea.getSpec().setRerunAttemptRequest("2026-11-24T12:00:00Z");
        IdeaLifecycle.Step step = IdeaLifecycle.advance(
                CLOCK,
                idea,
                SETTINGS,
                List.of(),
                attempt(idea, 2, AttemptPhase.Invalid),
                null,
                IdeaLifecycle.Downstream.NONE);
        ScriptAttempt third = (ScriptAttempt) step.child();
        assertThat(third.getMetadata().getName()).isEqualTo("idea-a3");
        assertThat(third.getSpec().getPreviousAttemptRef()).isEqualTo("idea-a2");
        assertThat(third.getSpec().getPreviousErrors()).containsExactly(PARSE_ERROR);
        assertThat(idea.getStatus().getRerunAttemptHandled()).isEqualTo("2026-11-24T12:00:00Z");
        assertThat(step.entered()).extracting(IdeaLifecycle.Transition::phase).containsExactly(IdeaPhase.Scripting);
        assertThat(Conditions.find(idea.getStatus().getConditions(), "RerunAttempt")
                        .orElseThrow()
                        .getStatus())
                .isEqualTo(Conditions.TRUE);

        // the same request again (a repeated reconciliation): followed, not repeated
        step = IdeaLifecycle.advance(
                CLOCK,
                idea,
                SETTINGS,
                List.of(),
                attempt(idea, 3, AttemptPhase.Authoring),
                null,
                IdeaLifecycle.Downstream.NONE);
        assertThat(step.child()).isNull();
        assertThat(idea.getStatus().getAttempts()).isEqualTo(3);
    }

    @Test
    void aRerunRequestTakesTheAgentsFindingsOnTheRenderFirst() {
        AnimationIdea idea = scripting(1);
        idea.getStatus().setPhase(IdeaPhase.AwaitingQc);
        idea.getStatus().setRenderJob("idea-a1-preview");
        ScriptError physics = new ScriptError(ScriptError.Stage.physics, null, 40, null, "body left the frame");
        RenderJob job = job(RenderPhase.Succeeded, List.of(physics));
        job.setSpec(new io.animops.crds.v1alpha1.RenderJobSpec());
        job.getSpec().setScriptAttemptRef("idea-a1");
        idea.getSpec().setRerunAttemptRequest("r1");
        ScriptAttempt second = (ScriptAttempt) IdeaLifecycle.advance(
                        CLOCK,
                        idea,
                        SETTINGS,
                        List.of(),
                        attempt(idea, 1, AttemptPhase.Valid),
                        job,
                        IdeaLifecycle.Downstream.NONE)
                .child();
        assertThat(second.getSpec().getAttempt()).isEqualTo(2);
        assertThat(second.getSpec().getPreviousErrors()).containsExactly(physics);
    }

    @Test
    void aRerunRequestTheIdeaCannotHonourIsRecordedAsRefusedOnce() {
        AnimationIdea idea = scripting(1);
        idea.getSpec().setRerunAttemptRequest("r1");
        IdeaLifecycle.Step step = IdeaLifecycle.advance(
                CLOCK,
                idea,
                SETTINGS,
                List.of(),
                attempt(idea, 1, AttemptPhase.Authoring),
                null,
                IdeaLifecycle.Downstream.NONE);
        assertThat(step.child()).isNull();
        assertThat(idea.getStatus().getPhase()).isEqualTo(IdeaPhase.Scripting);
        assertThat(idea.getStatus().getRerunAttemptHandled()).isEqualTo("r1");
        var refused = Conditions.find(idea.getStatus().getConditions(), "RerunAttempt")
                .orElseThrow();
        assertThat(refused.getStatus()).isEqualTo(Conditions.FALSE);
        assertThat(refused.getMessage()).contains("is Scripting");
    }

    @Test
    void rerunIsRefusedOutsideItsPhasesAndAtTheAttemptLimit() {
        AnimationIdea idea = scripting(1);
        assertThat(IdeaRefusals.rerunAttemptRefusal(proposed("fresh", 0.1))).contains("no script attempt");
        for (IdeaPhase allowed : List.of(IdeaPhase.Failed, IdeaPhase.AwaitingQc)) {
            idea.getStatus().setPhase(allowed);
            assertThat(IdeaRefusals.rerunAttemptRefusal(idea))
                    .as(allowed.name())
                    .isNull();
        }
        idea.getStatus().setPhase(IdeaPhase.Rejected);
        Conditions.set(idea.getStatus(), CLOCK, "Succeeded", Conditions.FALSE, "Declined", "no");
        assertThat(IdeaRefusals.rerunAttemptRefusal(idea)).contains("Rejected (Declined)");
        idea.getStatus().setPhase(IdeaPhase.Failed);
        idea.getStatus().setAttempts(IdeaRefusals.MAX_ATTEMPT_NUMBER);
        assertThat(IdeaRefusals.rerunAttemptRefusal(idea)).contains("10 script attempts");
    }

    @Test
    void aRerenderRequestMakesOneNewPreviewOfTheSameAttemptOnceTheJobIsObserved() {
        AnimationIdea idea = scripting(1);
        idea.getStatus().setPhase(IdeaPhase.AwaitingQc);
        idea.getStatus().setRenderJob("idea-a1-preview");
        idea.getSpec().setRerenderRequest("r1");
        ScriptAttempt valid = attempt(idea, 1, AttemptPhase.Valid);

        // the finished job is not in the cache yet: wait, without using up the request
        IdeaLifecycle.Step step =
                IdeaLifecycle.advance(CLOCK, idea, SETTINGS, List.of(), valid, null, IdeaLifecycle.Downstream.NONE);
        assertThat(step.child()).isNull();
        assertThat(step.requeue()).isNotNull();
        assertThat(idea.getStatus().getRerenderHandled()).isNull();

        step = IdeaLifecycle.advance(
                CLOCK,
                idea,
                SETTINGS,
                List.of(),
                valid,
                job(RenderPhase.Succeeded, List.of()),
                IdeaLifecycle.Downstream.NONE);
        RenderJob rerender = (RenderJob) step.child();
        assertThat(rerender.getMetadata().getName())
                .isEqualTo(IdeaChildren.rerenderJobName("idea-a1", "r1"))
                .startsWith("idea-a1-preview-")
                .isNotEqualTo(IdeaChildren.rerenderJobName("idea-a1", "r2"));
        assertThat(rerender.getSpec().getScriptAttemptRef()).isEqualTo("idea-a1");
        assertThat(idea.getStatus().getRenderJob())
                .isEqualTo(rerender.getMetadata().getName());
        assertThat(idea.getStatus().getRerenderHandled()).isEqualTo("r1");
        assertThat(step.entered()).extracting(IdeaLifecycle.Transition::phase).containsExactly(IdeaPhase.Rendering);
    }

    @Test
    void aRerenderRequestWhileTheJobRunsIsRefused() {
        AnimationIdea idea = scripting(1);
        idea.getStatus().setPhase(IdeaPhase.Rendering);
        idea.getStatus().setRenderJob("idea-a1-preview");
        idea.getSpec().setRerenderRequest("r1");
        IdeaLifecycle.Step step = IdeaLifecycle.advance(
                CLOCK,
                idea,
                SETTINGS,
                List.of(),
                attempt(idea, 1, AttemptPhase.Valid),
                job(RenderPhase.Rendering, List.of()),
                IdeaLifecycle.Downstream.NONE);
        assertThat(step.child()).isNull();
        assertThat(idea.getStatus().getRerenderHandled()).isEqualTo("r1");
        assertThat(Conditions.find(idea.getStatus().getConditions(), "Rerender")
                        .orElseThrow()
                        .getMessage())
                .contains("is Rendering");
        // Failed for a render error may render again, once the job has finished
        idea.getStatus().setPhase(IdeaPhase.Failed);
        Conditions.set(idea.getStatus(), CLOCK, "Succeeded", Conditions.FALSE, "RenderFailed", "agent crashed");
        assertThat(IdeaRefusals.rerenderRefusal(idea, job(RenderPhase.Failed, List.of())))
                .isNull();
        assertThat(IdeaRefusals.rerenderRefusal(idea, job(RenderPhase.Encoding, List.of())))
                .contains("has not finished");
    }

    private static final QcItemResult DURATION_OK = new QcItemResult(
            "duration",
            "Duration",
            QcItemResult.Kind.Automatic,
            QcRule.durationWithin,
            QcOutcome.Passed,
            "20 s +- 0.5 s",
            "20.2 s",
            "off by 0.2 s",
            null,
            null,
            null);
    private static final QcItemResult BLACK_FAILED = new QcItemResult(
            "no-black",
            "No black",
            QcItemResult.Kind.Automatic,
            QcRule.noBlackSegmentOver,
            QcOutcome.Failed,
            "no segment over 0.5 s",
            "longest 0.8 s at 0 s",
            "1 black segment(s) over 0.5 s: 0-0.8 s (0.8 s)",
            null,
            null,
            null);
    private static final QcItemResult MOTION_PENDING = new QcItemResult(
            "motion-reads",
            "Motion reads",
            QcItemResult.Kind.Manual,
            QcRule.manual,
            QcOutcome.Pending,
            "a person's judgement",
            null,
            "waiting",
            null,
            null,
            null);

    @Test
    void aPassedQcStartsTheFinalRenderOwnedByTheAttemptWithTheFinalSettings() {
        AnimationIdea idea = awaitingQc();
        IdeaLifecycle.Step step = IdeaLifecycle.advance(
                CLOCK,
                idea,
                SETTINGS,
                List.of(),
                attempt(idea, 1, AttemptPhase.Valid),
                job(RenderPhase.Succeeded, List.of()),
                downstream(qc(QcOutcome.Passed, DURATION_OK), null, List.of()));
        RenderJob fin = (RenderJob) step.child();
        assertThat(fin.getMetadata().getName()).isEqualTo("idea-a1-final");
        assertThat(fin.getMetadata().getOwnerReferences().get(0).getName()).isEqualTo("idea-a1");
        assertThat(fin.getMetadata().getAnnotations()).containsEntry("animops.io/idea", "idea");
        assertThat(fin.getSpec().getMode()).isEqualTo(RenderMode.Final);
        assertThat(fin.getSpec().getWidth()).isEqualTo(1080);
        assertThat(fin.getSpec().getHeight()).isEqualTo(1920);
        assertThat(fin.getSpec().getFps()).isEqualTo(60);
        assertThat(fin.getSpec().getScriptAttemptRef()).isEqualTo("idea-a1");
        assertThat(idea.getStatus().getPhase()).isEqualTo(IdeaPhase.FinalRendering);
        assertThat(idea.getStatus().getFinalRenderJob()).isEqualTo("idea-a1-final");
        assertThat(condition(idea, "QualityChecked").getReason()).isEqualTo("QcPassed");
        assertThat(condition(idea, "QualityChecked").getStatus()).isEqualTo(Conditions.TRUE);
        assertThat(condition(idea, "Succeeded").getReason()).isEqualTo("FinalRendering");
        assertThat(step.entered())
                .extracting(IdeaLifecycle.Transition::phase)
                .containsExactly(IdeaPhase.FinalRendering);
    }

    @Test
    void aFailedAutomaticItemRejectsTheIdeaNamingTheItem() {
        AnimationIdea idea = awaitingQc();
        IdeaLifecycle.Step step = IdeaLifecycle.advance(
                CLOCK,
                idea,
                SETTINGS,
                List.of(),
                attempt(idea, 1, AttemptPhase.Valid),
                job(RenderPhase.Succeeded, List.of()),
                downstream(qc(QcOutcome.Failed, DURATION_OK, BLACK_FAILED, MOTION_PENDING), null, List.of()));
        assertThat(step.children()).isEmpty();
        assertThat(idea.getStatus().getPhase()).isEqualTo(IdeaPhase.Rejected);
        assertThat(condition(idea, "Succeeded").getReason()).isEqualTo("QcFailed");
        assertThat(condition(idea, "Succeeded").getMessage())
                .isEqualTo(
                        "QC shorts v3 of idea-a1-preview failed: no-black (1 black segment(s) over 0.5 s: 0-0.8 s (0.8 s))");
        assertThat(condition(idea, "QualityChecked").getStatus()).isEqualTo(Conditions.FALSE);
    }

    @Test
    void manualItemsWaitForAPersonAndAFailedTickRejectsWithTheComment() {
        AnimationIdea idea = awaitingQc();
        IdeaLifecycle.Step waiting = IdeaLifecycle.advance(
                CLOCK,
                idea,
                SETTINGS,
                List.of(),
                attempt(idea, 1, AttemptPhase.Valid),
                job(RenderPhase.Succeeded, List.of()),
                downstream(qc(QcOutcome.Pending, DURATION_OK, MOTION_PENDING), null, List.of()));
        assertThat(waiting.children()).isEmpty();
        assertThat(waiting.requeue()).isEqualTo(Duration.ofSeconds(10));
        assertThat(idea.getStatus().getPhase()).isEqualTo(IdeaPhase.AwaitingQc);
        assertThat(condition(idea, "QualityChecked").getReason()).isEqualTo("AwaitingReview");
        assertThat(condition(idea, "Succeeded").getMessage())
                .contains("1 item(s) of QC shorts v3 wait for a person: motion-reads");

        QcItemResult failedByPerson = new QcItemResult(
                "motion-reads",
                "Motion reads",
                QcItemResult.Kind.Manual,
                QcRule.manual,
                QcOutcome.Failed,
                "a person's judgement",
                null,
                "failed by alice: too fast",
                "alice",
                "2026-11-24T12:00:00Z",
                "too fast");
        IdeaLifecycle.advance(
                CLOCK,
                idea,
                SETTINGS,
                List.of(),
                attempt(idea, 1, AttemptPhase.Valid),
                job(RenderPhase.Succeeded, List.of()),
                downstream(qc(QcOutcome.Failed, DURATION_OK, failedByPerson), null, List.of()));
        assertThat(idea.getStatus().getPhase()).isEqualTo(IdeaPhase.Rejected);
        assertThat(condition(idea, "Succeeded").getReason()).isEqualTo("QcRejected");
        assertThat(condition(idea, "Succeeded").getMessage()).endsWith("motion-reads failed by alice: too fast");
    }

    @Test
    void aQcResultThatCannotBeMadeIsShownAndLookedAtAgain() {
        AnimationIdea idea = awaitingQc();
        IdeaLifecycle.Step step = IdeaLifecycle.advance(
                CLOCK,
                idea,
                SETTINGS,
                List.of(),
                attempt(idea, 1, AttemptPhase.Valid),
                job(RenderPhase.Succeeded, List.of()),
                new IdeaLifecycle.Downstream(
                        null,
                        "spec.qc.checklist: no QC checklist named \"nope\" is registered",
                        null,
                        List.of(),
                        Duration.ofSeconds(10)));
        assertThat(step.children()).isEmpty();
        assertThat(step.requeue()).isEqualTo(Duration.ofSeconds(10));
        assertThat(idea.getStatus().getPhase()).isEqualTo(IdeaPhase.AwaitingQc);
        assertThat(condition(idea, "QualityChecked").getReason()).isEqualTo("QcUnavailable");
        assertThat(condition(idea, "QualityChecked").getMessage()).contains("spec.qc.checklist");
    }

    @Test
    void aSucceededFinalRenderGetsOnePublicationPerTargetAndTheIdeaIsPublishedWhenAllAre() {
        AnimationIdea idea = finalRendering();
        RenderJob fin = finalJob(RenderPhase.Succeeded);
        IdeaLifecycle.Step step =
                IdeaLifecycle.advance(CLOCK, idea, SETTINGS, List.of(), null, null, downstream(null, fin, List.of()));
        assertThat(idea.getStatus().getPhase()).isEqualTo(IdeaPhase.Publishing);
        assertThat(step.entered()).extracting(IdeaLifecycle.Transition::phase).containsExactly(IdeaPhase.Publishing);
        List<Publication> created =
                step.children().stream().map(Publication.class::cast).toList();
        assertThat(created).extracting(p -> p.getMetadata().getName()).containsExactly("idea-youtube", "idea-tiktok");
        Publication youtube = created.get(0);
        assertThat(youtube.getMetadata().getOwnerReferences().get(0).getUid()).isEqualTo("uid-final");
        assertThat(youtube.getMetadata().getAnnotations()).containsEntry("animops.io/idea", "idea");
        assertThat(youtube.getSpec().getRenderJobRef()).isEqualTo("idea-a1-final");
        assertThat(youtube.getSpec().getTitle()).isEqualTo("A title");
        assertThat(youtube.getSpec().getDescription()).isEqualTo("A premise long enough");
        assertThat(youtube.getSpec().getAccountSecretRef().getName()).isEqualTo("youtube-account");
        assertThat(created.get(1).getSpec().getMode()).isEqualTo(PublishMode.Manual);

        // observed again with both publications present: nothing more is created
        IdeaLifecycle.Step again = IdeaLifecycle.advance(
                CLOCK,
                idea,
                SETTINGS,
                List.of(),
                null,
                null,
                downstream(
                        null,
                        fin,
                        List.of(
                                published(created.get(0), PublicationPhase.Blocked),
                                published(created.get(1), PublicationPhase.AwaitingManualPost))));
        assertThat(again.children()).isEmpty();
        assertThat(idea.getStatus().getPhase()).isEqualTo(IdeaPhase.Publishing);
        assertThat(condition(idea, "Succeeded").getMessage())
                .startsWith("0 of 2 publication(s) published; idea-youtube");

        IdeaLifecycle.Step done = IdeaLifecycle.advance(
                CLOCK,
                idea,
                SETTINGS,
                List.of(),
                null,
                null,
                downstream(
                        null,
                        fin,
                        List.of(
                                published(created.get(0), PublicationPhase.Published),
                                published(created.get(1), PublicationPhase.Published))));
        assertThat(done.children()).isEmpty();
        assertThat(idea.getStatus().getPhase()).isEqualTo(IdeaPhase.Published);
        assertThat(condition(idea, "Succeeded").getStatus()).isEqualTo(Conditions.TRUE);
        assertThat(condition(idea, "Succeeded").getMessage()).contains("YouTube https://example.test/idea-youtube");
    }

    @Test
    void failedPublicationsMakeTheIdeaPartiallyPublishedOrFailedAndAFailedFinalRenderFailsIt() {
        AnimationIdea publishing = finalRendering();
        publishing.getStatus().setPhase(IdeaPhase.Publishing);
        RenderJob fin = finalJob(RenderPhase.Succeeded);
        List<Publication> expected = PublishingStep.publications(publishing, SETTINGS, fin);
        // one failed while the other is under way: the idea waits for both
        IdeaLifecycle.advance(
                CLOCK,
                publishing,
                SETTINGS,
                List.of(),
                null,
                null,
                downstream(
                        null,
                        fin,
                        List.of(
                                published(expected.get(0), PublicationPhase.Failed),
                                published(expected.get(1), PublicationPhase.Uploading))));
        assertThat(publishing.getStatus().getPhase()).isEqualTo(IdeaPhase.Publishing);
        IdeaLifecycle.advance(
                CLOCK,
                publishing,
                SETTINGS,
                List.of(),
                null,
                null,
                downstream(
                        null,
                        fin,
                        List.of(
                                published(expected.get(0), PublicationPhase.Failed),
                                published(expected.get(1), PublicationPhase.Published))));
        assertThat(publishing.getStatus().getPhase()).isEqualTo(IdeaPhase.PartiallyPublished);
        assertThat(condition(publishing, "Succeeded").getReason()).isEqualTo("PartiallyPublished");
        assertThat(condition(publishing, "Succeeded").getMessage())
                .contains("1 of 2")
                .contains("failed: idea-youtube (YouTube)");
        // the failed one retried and published: the idea is Published
        IdeaLifecycle.advance(
                CLOCK,
                publishing,
                SETTINGS,
                List.of(),
                null,
                null,
                downstream(
                        null,
                        fin,
                        List.of(
                                published(expected.get(0), PublicationPhase.Pending),
                                published(expected.get(1), PublicationPhase.Published))));
        assertThat(publishing.getStatus().getPhase()).isEqualTo(IdeaPhase.Publishing);
        IdeaLifecycle.advance(
                CLOCK,
                publishing,
                SETTINGS,
                List.of(),
                null,
                null,
                downstream(
                        null,
                        fin,
                        List.of(
                                published(expected.get(0), PublicationPhase.Published),
                                published(expected.get(1), PublicationPhase.Published))));
        assertThat(publishing.getStatus().getPhase()).isEqualTo(IdeaPhase.Published);

        AnimationIdea allFailed = finalRendering();
        allFailed.getStatus().setPhase(IdeaPhase.Publishing);
        IdeaLifecycle.advance(
                CLOCK,
                allFailed,
                SETTINGS,
                List.of(),
                null,
                null,
                downstream(
                        null,
                        fin,
                        List.of(
                                published(expected.get(0), PublicationPhase.Failed),
                                published(expected.get(1), PublicationPhase.Failed))));
        assertThat(allFailed.getStatus().getPhase()).isEqualTo(IdeaPhase.Failed);
        assertThat(condition(allFailed, "Succeeded").getReason()).isEqualTo("PublicationFailed");

        AnimationIdea rendering = finalRendering();
        IdeaLifecycle.advance(
                CLOCK,
                rendering,
                SETTINGS,
                List.of(),
                null,
                null,
                downstream(null, finalJob(RenderPhase.Failed), List.of()));
        assertThat(rendering.getStatus().getPhase()).isEqualTo(IdeaPhase.Failed);
        assertThat(condition(rendering, "Succeeded").getReason()).isEqualTo("FinalRenderFailed");
    }

    @Test
    void withoutPublishTargetsTheFinalRenderWaitsAndSaysWhy() {
        PipelineSettings none = new PipelineSettings(
                Selection.Mode.Auto,
                1,
                0.85,
                2,
                null,
                RenderSettings.preview(),
                RenderSettings.fin(),
                Map.of(),
                new QcSettings(),
                List.of());
        AnimationIdea idea = finalRendering();
        IdeaLifecycle.Step step = IdeaLifecycle.advance(
                CLOCK, idea, none, List.of(), null, null, downstream(null, finalJob(RenderPhase.Succeeded), List.of()));
        assertThat(step.children()).isEmpty();
        assertThat(idea.getStatus().getPhase()).isEqualTo(IdeaPhase.Publishing);
        assertThat(condition(idea, "Succeeded").getReason()).isEqualTo("NoPublishTargets");
    }

    @Test
    void twoTargetsOnOnePlatformGetDistinctNames() {
        PipelineSettings two = new PipelineSettings(
                Selection.Mode.Auto,
                1,
                0.85,
                2,
                null,
                RenderSettings.preview(),
                RenderSettings.fin(),
                Map.of(),
                new QcSettings(),
                List.of(target(Platform.YouTube, PublishMode.Api), target(Platform.YouTube, PublishMode.Manual)));
        assertThat(PublishingStep.publications(finalRendering(), two, finalJob(RenderPhase.Succeeded)))
                .extracting(p -> p.getMetadata().getName())
                .containsExactly("idea-youtube", "idea-youtube-2");
    }

    private static IdeaLifecycle.Downstream downstream(
            QcResult qc, RenderJob finalJob, List<Publication> publications) {
        return new IdeaLifecycle.Downstream(qc, null, finalJob, publications, Duration.ofSeconds(10));
    }

    private static QcResult qc(QcOutcome outcome, QcItemResult... items) {
        return new QcResult(
                UUID.randomUUID(),
                "ns",
                "idea-a1-preview",
                "idea",
                "shorts",
                3,
                QcSettings.Policy.AutoPass,
                outcome,
                List.of(items),
                CLOCK.instant(),
                CLOCK.instant());
    }

    private static AnimationIdea awaitingQc() {
        AnimationIdea idea = scripting(1);
        idea.getStatus().setPhase(IdeaPhase.AwaitingQc);
        idea.getStatus().setRenderJob("idea-a1-preview");
        return idea;
    }

    private static AnimationIdea finalRendering() {
        AnimationIdea idea = awaitingQc();
        idea.getStatus().setPhase(IdeaPhase.FinalRendering);
        idea.getStatus().setFinalRenderJob("idea-a1-final");
        return idea;
    }

    private static RenderJob finalJob(RenderPhase phase) {
        RenderJob job = job(phase, List.of());
        job.getMetadata().setName("idea-a1-final");
        job.getMetadata().setUid("uid-final");
        job.getMetadata().setNamespace("ns");
        return job;
    }

    private static Publication published(Publication expected, PublicationPhase phase) {
        Publication observed = new Publication();
        observed.setMetadata(expected.getMetadata());
        observed.setSpec(expected.getSpec());
        observed.setStatus(new PublicationStatus());
        observed.getStatus().setPhase(phase);
        observed.getStatus()
                .setUrl(
                        phase == PublicationPhase.Published
                                ? "https://example.test/"
                                        + expected.getMetadata().getName()
                                : null);
        Conditions.set(
                observed.getStatus(),
                CLOCK,
                "Succeeded",
                phase == PublicationPhase.Published ? Conditions.TRUE : Conditions.UNKNOWN,
                phase.name(),
                "as observed");
        return observed;
    }

    private static PublishTarget target(Platform platform, PublishMode mode) {
        PublishTarget target = new PublishTarget();
        target.setPlatform(platform);
        target.setMode(mode);
        target.setPrivacy(Privacy.Private);
        if (mode == PublishMode.Api) {
            target.setAccountSecretRef(new SecretKeyRef(platform.name().toLowerCase() + "-account", null));
        }
        return target;
    }

    private static io.fabric8.kubernetes.api.model.Condition condition(AnimationIdea idea, String type) {
        return Conditions.find(idea.getStatus().getConditions(), type)
                .orElseThrow(() -> new AssertionError("no condition " + type));
    }

    private static AnimationIdea proposed(String name, double score) {
        AnimationIdea idea = Pipeline.idea("ns", name, "Title " + name, "Premise of " + name);
        idea.getMetadata().setUid("uid-" + name);
        idea.getSpec().setScheduleRef("daily");
        idea.setStatus(new AnimationIdeaStatus());
        idea.getStatus().setPhase(IdeaPhase.Proposed);
        Similarity similarity = new Similarity();
        similarity.setScore(score);
        similarity.setThreshold(0.85);
        similarity.setNearest(List.of(new io.animops.crds.v1alpha1.SimilarIdea("older", "Older idea", score)));
        idea.getStatus().setSimilarity(similarity);
        return idea;
    }

    private static AnimationIdea scripting(int attempts) {
        AnimationIdea idea = Pipeline.idea("ns", "idea", "A title", "A premise long enough");
        idea.getMetadata().setUid("uid-idea");
        idea.setStatus(new AnimationIdeaStatus());
        idea.getStatus().setPhase(IdeaPhase.Scripting);
        idea.getStatus().setAttempts(attempts);
        idea.getStatus().setCurrentAttempt("idea-a" + attempts);
        return idea;
    }

    private static ScriptAttempt attempt(AnimationIdea idea, int number, AttemptPhase phase) {
        AnimationIdea parent = idea;
        ScriptAttempt attempt = new ScriptAttempt();
        attempt.setMetadata(io.animops.operator.kube.OwnedChildren.metadata(parent, "idea-a" + number, Map.of()));
        attempt.getMetadata().setUid("uid-a" + number);
        attempt.setSpec(new io.animops.crds.v1alpha1.ScriptAttemptSpec());
        attempt.getSpec().setAttempt(number);
        attempt.setStatus(new ScriptAttemptStatus());
        attempt.getStatus().setPhase(phase);
        attempt.getStatus().setErrors(phase == AttemptPhase.Invalid ? List.of(PARSE_ERROR) : List.of());
        return attempt;
    }

    private static PipelineSettings withGodotValidation(RenderExecutor executor) {
        return new PipelineSettings(
                Selection.Mode.Auto,
                1,
                0.85,
                2,
                null,
                RenderSettings.preview(),
                RenderSettings.fin(),
                Map.of(),
                new QcSettings(),
                List.of(),
                null,
                "UTC",
                executor,
                true);
    }

    @Test
    void anIdeaShowsWhichAgentHoldsItsJobOnceNotEachStepTheAgentWrites() {
        PipelineSettings validating = withGodotValidation(RenderExecutor.Native);
        AnimationIdea idea = scripting(1);
        ScriptAttempt valid = attempt(idea, 1, AttemptPhase.Valid);
        IdeaLifecycle.advance(CLOCK, idea, validating, List.of(), valid, null, IdeaLifecycle.Downstream.NONE);
        List<io.fabric8.kubernetes.api.model.Condition> seen = new java.util.ArrayList<>();
        for (RenderPhase step : List.of(RenderPhase.Claimed, RenderPhase.Validating, RenderPhase.Uploading)) {
            RenderJob held = validateJob(step, List.of());
            held.getStatus().setAgent("mac-1");
            held.getStatus().setAttempts(1);
            held.getStatus().setConditions(new java.util.ArrayList<>());
            Conditions.set(held.getStatus(), CLOCK, "Succeeded", Conditions.UNKNOWN, step.name(), step + " on mac-1");
            IdeaLifecycle.advance(CLOCK, idea, validating, List.of(), valid, held, IdeaLifecycle.Downstream.NONE);
            seen.add(Conditions.find(idea.getStatus().getConditions(), "Succeeded")
                    .orElseThrow());
        }

        assertThat(seen).extracting(c -> c.getReason()).containsOnly("Claimed");
        assertThat(seen)
                .extracting(c -> c.getMessage())
                .containsOnly("render job idea-a1-validate: claimed by agent mac-1 (claim 1)");
        assertThat(idea.getStatus().getPhase()).isEqualTo(IdeaPhase.Scripting);
    }

    private static RenderJob validateJob(RenderPhase phase, List<ScriptError> errors) {
        RenderJob job = job(phase, errors);
        job.getMetadata().setName("idea-a1-validate");
        return job;
    }

    private static RenderJob job(RenderPhase phase, List<ScriptError> errors) {
        RenderJob job = new RenderJob();
        job.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
                .withName("idea-a1-preview")
                .build());
        job.setStatus(new RenderJobStatus());
        job.getStatus().setPhase(phase);
        job.getStatus().setErrors(errors);
        return job;
    }
}
