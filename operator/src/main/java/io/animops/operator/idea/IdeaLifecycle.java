package io.animops.operator.idea;

import io.animops.crds.AnimOps;
import io.animops.crds.Conditions;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.AnimationIdeaStatus;
import io.animops.crds.v1alpha1.AttemptPhase;
import io.animops.crds.v1alpha1.IdeaPhase;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderJobSpec;
import io.animops.crds.v1alpha1.RenderMode;
import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.crds.v1alpha1.RenderSettings;
import io.animops.crds.v1alpha1.ScriptAttempt;
import io.animops.crds.v1alpha1.ScriptAttemptSpec;
import io.animops.crds.v1alpha1.ScriptError;
import io.animops.crds.v1alpha1.Selection;
import io.animops.crds.v1alpha1.SimilarIdea;
import io.animops.operator.kube.OwnedChildren;
import io.animops.operator.schedule.PipelineSettings;
import io.fabric8.kubernetes.api.model.HasMetadata;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The state machine of an idea after the gate: selection, script attempts with repair, and the preview
 * render. Pure: it reads what the reconciler observed, updates the idea's status and names the child to
 * create; the reconciler does the I/O.
 */
public final class IdeaLifecycle {
    /** How long an Auto-selected idea waits before looking at its run's siblings again. */
    static final Duration SIBLING_RECHECK = Duration.ofSeconds(2);

    /** What the reconciler must do next: create a child (or nothing), and look again after a while (or on events). */
    public record Step(HasMetadata child, Duration requeue) {
        static Step none() {
            return new Step(null, null);
        }
    }

    private final Clock clock;

    public IdeaLifecycle(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param siblings     ideas of the same schedule run (including this one), for Auto selection
     * @param attempt      the current script attempt as observed, or null
     * @param renderJob    the current render job as observed, or null
     */
    public Step advance(AnimationIdea idea, PipelineSettings settings, List<AnimationIdea> siblings,
                        ScriptAttempt attempt, RenderJob renderJob) {
        AnimationIdeaStatus status = idea.getStatus();
        return switch (status.getPhase()) {
            case Proposed -> select(idea, settings, siblings);
            case Accepted -> startAttempt(idea, 1, null, List.of());
            case Scripting -> followAttempt(idea, settings, attempt);
            case Rendering -> followRender(idea, settings, attempt, renderJob);
            case AwaitingQc, Publishing, Published, Rejected, Failed -> Step.none();
        };
    }

    private Step select(AnimationIdea idea, PipelineSettings settings, List<AnimationIdea> siblings) {
        AnimationIdeaStatus status = idea.getStatus();
        if (status.getSimilarity().getScore() >= status.getSimilarity().getThreshold()) {
            SimilarIdea nearest = status.getSimilarity().getNearest().get(0);
            String message = String.format("similarity %.2f to %s \"%s\" is at or above the threshold %.2f",
                    nearest.getScore(), nearest.getName(), nearest.getTitle(), status.getSimilarity().getThreshold());
            Conditions.set(status, clock, "Gated", Conditions.FALSE, "NearDuplicate", message);
            return reject(idea, "Duplicate", message);
        }
        Conditions.set(status, clock, "Gated", Conditions.TRUE, "Novel", String.format(
                "highest similarity %.2f is below the threshold %.2f", status.getSimilarity().getScore(),
                status.getSimilarity().getThreshold()));
        Boolean approved = idea.getSpec().getApproved();
        if (Boolean.FALSE.equals(approved)) {
            Conditions.set(status, clock, "Selected", Conditions.FALSE, "Declined", "spec.approved is false");
            return reject(idea, "Declined", "a person declined the idea (spec.approved: false)");
        }
        if (Boolean.TRUE.equals(approved)) {
            return accept(idea, "Approved", "a person approved the idea (spec.approved: true)");
        }
        if (idea.getSpec().getScheduleRef() == null) {
            return accept(idea, "WrittenByHand", "the idea has no schedule: whoever wrote it selected it");
        }
        if (settings.selection() == Selection.Mode.Manual) {
            String message = "Manual selection: waiting for spec.approved (or approval in the panel)";
            Conditions.set(status, clock, "Selected", Conditions.UNKNOWN, "AwaitingApproval", message);
            Conditions.set(status, clock, "Succeeded", Conditions.UNKNOWN, "AwaitingApproval", message);
            return Step.none();
        }
        return selectByNovelty(idea, settings, siblings);
    }

    /** Auto selection: the run's maxAccepted most novel non-duplicates, once every sibling is gated. */
    private Step selectByNovelty(AnimationIdea idea, PipelineSettings settings, List<AnimationIdea> siblings) {
        AnimationIdeaStatus status = idea.getStatus();
        long ungated = siblings.stream().filter(s -> s.getStatus() == null || s.getStatus().getSimilarity() == null).count();
        if (ungated > 0) {
            String message = ungated + " other proposal(s) of this run are not gated yet";
            Conditions.set(status, clock, "Selected", Conditions.UNKNOWN, "WaitingForRun", message);
            Conditions.set(status, clock, "Succeeded", Conditions.UNKNOWN, "WaitingForRun", message);
            return new Step(null, SIBLING_RECHECK);
        }
        List<AnimationIdea> ranked = siblings.stream()
                .filter(s -> s.getStatus().getSimilarity().getScore() < s.getStatus().getSimilarity().getThreshold())
                .filter(s -> !Boolean.FALSE.equals(s.getSpec().getApproved()))
                .sorted(Comparator.comparingDouble((AnimationIdea s) -> s.getStatus().getSimilarity().getScore())
                        .thenComparing(s -> s.getMetadata().getName()))
                .toList();
        int rank = 0;
        while (rank < ranked.size() && !ranked.get(rank).getMetadata().getName().equals(idea.getMetadata().getName())) {
            rank++;
        }
        String standing = "rank " + (rank + 1) + " by novelty of " + ranked.size() + " novel proposal(s); maxAccepted "
                + settings.maxAccepted();
        if (rank < settings.maxAccepted()) {
            return accept(idea, "TopByNovelty", standing);
        }
        Conditions.set(status, clock, "Selected", Conditions.FALSE, "NotSelected", standing);
        return reject(idea, "NotSelected", standing);
    }

    private Step accept(AnimationIdea idea, String reason, String message) {
        AnimationIdeaStatus status = idea.getStatus();
        Conditions.set(status, clock, "Selected", Conditions.TRUE, reason, message);
        status.setPhase(IdeaPhase.Accepted);
        return startAttempt(idea, 1, null, List.of());
    }

    private Step startAttempt(AnimationIdea idea, int number, String previous, List<ScriptError> previousErrors) {
        AnimationIdeaStatus status = idea.getStatus();
        ScriptAttempt attempt = new ScriptAttempt();
        attempt.setMetadata(OwnedChildren.metadata(idea, attemptName(idea, number), childLabels(idea)));
        attempt.getMetadata().setAnnotations(Map.of(AnimOps.LABEL_IDEA, idea.getMetadata().getName()));
        ScriptAttemptSpec spec = new ScriptAttemptSpec();
        spec.setIdeaRef(idea.getMetadata().getName());
        spec.setAttempt(number);
        spec.setPreviousAttemptRef(previous);
        spec.setPreviousErrors(new ArrayList<>(previousErrors));
        attempt.setSpec(spec);
        status.setPhase(IdeaPhase.Scripting);
        status.setAttempts(number);
        status.setCurrentAttempt(attempt.getMetadata().getName());
        Conditions.set(status, clock, "Succeeded", Conditions.UNKNOWN, "Scripting", "script attempt " + number + " started");
        return new Step(attempt, null);
    }

    private Step followAttempt(AnimationIdea idea, PipelineSettings settings, ScriptAttempt attempt) {
        AnimationIdeaStatus status = idea.getStatus();
        if (attempt == null || attempt.getStatus() == null || attempt.getStatus().getPhase() == null
                || !attempt.getStatus().getPhase().isTerminal()) {
            return Step.none();
        }
        AttemptPhase phase = attempt.getStatus().getPhase();
        if (phase == AttemptPhase.Failed) {
            String reason = Conditions.find(attempt.getStatus().getConditions(), "Succeeded").map(c -> c.getReason()).orElse("AuthoringFailed");
            String message = Conditions.find(attempt.getStatus().getConditions(), "Succeeded").map(c -> c.getMessage()).orElse("");
            status.setPhase(IdeaPhase.Failed);
            Conditions.set(status, clock, "Succeeded", Conditions.FALSE, reason,
                    "script attempt " + attempt.getMetadata().getName() + " failed: " + message);
            return Step.none();
        }
        if (phase == AttemptPhase.Invalid) {
            return repairOrReject(idea, settings, attempt, attempt.getStatus().getErrors());
        }
        return startPreview(idea, settings, attempt);
    }

    private Step startPreview(AnimationIdea idea, PipelineSettings settings, ScriptAttempt attempt) {
        AnimationIdeaStatus status = idea.getStatus();
        RenderSettings preview = settings.preview();
        RenderJob job = new RenderJob();
        Map<String, String> labels = new LinkedHashMap<>(childLabels(idea));
        labels.put(AnimOps.LABEL_RENDER_MODE, "preview");
        job.setMetadata(OwnedChildren.metadata(attempt, OwnedChildren.name(attempt.getMetadata().getName(), "preview"), labels));
        // the label value may be shortened to 63 characters; the annotation keeps the idea's full name
        job.getMetadata().setAnnotations(Map.of(AnimOps.LABEL_IDEA, idea.getMetadata().getName()));
        RenderJobSpec spec = new RenderJobSpec();
        spec.setScriptAttemptRef(attempt.getMetadata().getName());
        spec.setMode(RenderMode.Preview);
        spec.setWidth(preview.getWidth());
        spec.setHeight(preview.getHeight());
        spec.setFps(preview.getFps());
        spec.setDurationSeconds(preview.getDurationSeconds());
        spec.setAgentSelector(new LinkedHashMap<>(settings.agentSelector()));
        job.setSpec(spec);
        status.setPhase(IdeaPhase.Rendering);
        status.setRenderJob(job.getMetadata().getName());
        Conditions.set(status, clock, "Succeeded", Conditions.UNKNOWN, "Rendering",
                "preview render " + job.getMetadata().getName() + " requested");
        return new Step(job, null);
    }

    private Step followRender(AnimationIdea idea, PipelineSettings settings, ScriptAttempt attempt, RenderJob job) {
        AnimationIdeaStatus status = idea.getStatus();
        if (job == null || job.getStatus() == null || job.getStatus().getPhase() == null) {
            return Step.none();
        }
        RenderPhase phase = job.getStatus().getPhase();
        if (phase == RenderPhase.Succeeded) {
            status.setPhase(IdeaPhase.AwaitingQc);
            Conditions.set(status, clock, "Succeeded", Conditions.UNKNOWN, "AwaitingQc",
                    "preview " + job.getMetadata().getName() + " rendered; waiting for its QC result");
            return Step.none();
        }
        List<ScriptError> scriptErrors = job.getStatus().getErrors() == null ? List.of() : job.getStatus().getErrors();
        if (phase == RenderPhase.Failed && !scriptErrors.isEmpty() && attempt != null) {
            return repairOrReject(idea, settings, attempt, scriptErrors);
        }
        String reason = Conditions.find(job.getStatus().getConditions(), "Succeeded").map(c -> c.getReason()).orElse("Rendering");
        String message = Conditions.find(job.getStatus().getConditions(), "Succeeded").map(c -> c.getMessage()).orElse("");
        if (phase == RenderPhase.Failed) {
            status.setPhase(IdeaPhase.Failed);
            Conditions.set(status, clock, "Succeeded", Conditions.FALSE, "RenderFailed",
                    "render job " + job.getMetadata().getName() + " failed: " + reason + ": " + message);
        } else {
            // the idea shows why it waits, e.g. NoAgentAvailable
            Conditions.set(status, clock, "Succeeded", Conditions.UNKNOWN, reason,
                    "render job " + job.getMetadata().getName() + ": " + message);
        }
        return Step.none();
    }

    private Step repairOrReject(AnimationIdea idea, PipelineSettings settings, ScriptAttempt failed, List<ScriptError> errors) {
        int made = failed.getSpec().getAttempt();
        if (made < settings.maxScriptAttempts()) {
            return startAttempt(idea, made + 1, failed.getMetadata().getName(), errors);
        }
        String summary = errors.stream().limit(3)
                .map(e -> e.getStage() + " " + (e.getRule() == null ? "" : e.getRule() + " ") + e.getLine() + ":" + e.getColumn() + " " + e.getMessage())
                .collect(Collectors.joining("; "));
        return reject(idea, "ScriptAttemptsExhausted", made + " of " + settings.maxScriptAttempts()
                + " script attempts failed; last errors: " + summary);
    }

    private Step reject(AnimationIdea idea, String reason, String message) {
        idea.getStatus().setPhase(IdeaPhase.Rejected);
        Conditions.set(idea.getStatus(), clock, "Succeeded", Conditions.FALSE, reason, message);
        return Step.none();
    }

    public static String attemptName(AnimationIdea idea, int number) {
        return OwnedChildren.name(idea.getMetadata().getName(), "a" + number);
    }

    private static Map<String, String> childLabels(AnimationIdea idea) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(AnimOps.LABEL_IDEA, OwnedChildren.name(idea.getMetadata().getName()));
        if (idea.getSpec().getScheduleRef() != null) {
            labels.put(AnimOps.LABEL_SCHEDULE, idea.getSpec().getScheduleRef());
        }
        return labels;
    }
}
