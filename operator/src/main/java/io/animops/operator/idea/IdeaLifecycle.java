package io.animops.operator.idea;

import io.animops.crds.AnimOps;
import io.animops.crds.Conditions;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.AnimationIdeaStatus;
import io.animops.crds.v1alpha1.AttemptPhase;
import io.animops.crds.v1alpha1.IdeaPhase;
import io.animops.crds.v1alpha1.Publication;
import io.animops.crds.v1alpha1.PublicationPhase;
import io.animops.crds.v1alpha1.PublicationSpec;
import io.animops.crds.v1alpha1.PublishTarget;
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
import io.animops.operator.qc.QcItemResult;
import io.animops.operator.qc.QcResult;
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
 * The state machine of an idea after the gate: selection, script attempts with repair, the preview render,
 * its QC, the final render and the publications. Pure: it reads what the reconciler observed, updates the
 * idea's status and names the children to create; the reconciler does the I/O.
 */
public final class IdeaLifecycle {
    /** How long an Auto-selected idea waits before looking at its run's siblings again. */
    static final Duration SIBLING_RECHECK = Duration.ofSeconds(2);

    /**
     * What the reconciler must do next: create children (or nothing), look again after a while (or on events);
     * and the phases the idea entered on the way, each one a transition to audit.
     */
    public record Step(List<HasMetadata> children, Duration requeue, List<Transition> entered) {
        /** The one child to create, or null. */
        public HasMetadata child() {
            return children.isEmpty() ? null : children.get(0);
        }
    }

    /**
     * What the reconciler observed after the preview: the preview's QC result (or why there is none), the final
     * render job and the publications of the idea.
     *
     * @param qcProblem    why no QC result could be made (e.g. an unknown checklist), else null
     * @param reviewRecheck how soon to look at a QC result again while a person has items to tick
     */
    public record Downstream(QcResult qc, String qcProblem, RenderJob finalJob, List<Publication> publications,
                             Duration reviewRecheck) {
        public static final Downstream NONE = new Downstream(null, null, null, List.of(), Duration.ofSeconds(10));
    }

    /** A phase the idea entered, and why. */
    public record Transition(IdeaPhase phase, String reason, String message) {
    }

    private final Clock clock;
    private final List<Transition> entered = new ArrayList<>();
    private final List<HasMetadata> children = new ArrayList<>();
    private Duration requeue;

    private IdeaLifecycle(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param siblings     ideas of the same schedule run (including this one), for Auto selection
     * @param attempt      the current script attempt as observed, or null
     * @param renderJob    the current render job as observed, or null
     */
    public static Step advance(Clock clock, AnimationIdea idea, PipelineSettings settings, List<AnimationIdea> siblings,
                               ScriptAttempt attempt, RenderJob renderJob) {
        return advance(clock, idea, settings, siblings, attempt, renderJob, Downstream.NONE);
    }

    /**
     * @param siblings     ideas of the same schedule run (including this one), for Auto selection
     * @param attempt      the current script attempt as observed, or null
     * @param renderJob    the preview render job as observed, or null
     * @param downstream   QC, final render and publications as observed
     */
    public static Step advance(Clock clock, AnimationIdea idea, PipelineSettings settings, List<AnimationIdea> siblings,
                               ScriptAttempt attempt, RenderJob renderJob, Downstream downstream) {
        IdeaLifecycle run = new IdeaLifecycle(clock);
        AnimationIdeaStatus status = idea.getStatus();
        if (status.getPhase() == null) {
            run.enter(idea, IdeaPhase.Proposed, "Proposed", "proposed (source " + idea.getSpec().getSource() + ")");
        }
        if (run.honourRequests(idea, settings, attempt, renderJob)) {
            return run.step();
        }
        switch (status.getPhase()) {
            case Proposed -> run.select(idea, settings, siblings);
            case Accepted -> run.startAttempt(idea, 1, null, List.of());
            case Scripting -> run.followAttempt(idea, settings, attempt);
            case Rendering -> run.followRender(idea, settings, attempt, renderJob);
            case AwaitingQc -> run.followQc(idea, settings, attempt, downstream);
            case FinalRendering -> run.followFinal(idea, settings, downstream);
            case Publishing -> run.followPublications(idea, settings, downstream);
            case Published, Rejected, Failed -> {
            }
        }
        return run.step();
    }

    private Step step() {
        return new Step(List.copyOf(children), requeue, List.copyOf(entered));
    }

    private void enter(AnimationIdea idea, IdeaPhase phase, String reason, String message) {
        idea.getStatus().setPhase(phase);
        entered.add(new Transition(phase, reason, message));
    }

    private void select(AnimationIdea idea, PipelineSettings settings, List<AnimationIdea> siblings) {
        AnimationIdeaStatus status = idea.getStatus();
        if (status.getSimilarity().getScore() >= status.getSimilarity().getThreshold()) {
            SimilarIdea nearest = status.getSimilarity().getNearest().get(0);
            String message = String.format("similarity %.2f to %s \"%s\" is at or above the threshold %.2f",
                    nearest.getScore(), nearest.getName(), nearest.getTitle(), status.getSimilarity().getThreshold());
            Conditions.set(status, clock, "Gated", Conditions.FALSE, "NearDuplicate", message);
            reject(idea, "Duplicate", message);
            return;
        }
        Conditions.set(status, clock, "Gated", Conditions.TRUE, "Novel", String.format(
                "highest similarity %.2f is below the threshold %.2f", status.getSimilarity().getScore(),
                status.getSimilarity().getThreshold()));
        Boolean approved = idea.getSpec().getApproved();
        if (Boolean.FALSE.equals(approved)) {
            Conditions.set(status, clock, "Selected", Conditions.FALSE, "Declined", "spec.approved is false");
            reject(idea, "Declined", "a person declined the idea (spec.approved: false)");
            return;
        }
        if (Boolean.TRUE.equals(approved)) {
            accept(idea, "Approved", "a person approved the idea (spec.approved: true)");
            return;
        }
        if (idea.getSpec().getScheduleRef() == null) {
            accept(idea, "WrittenByHand", "the idea has no schedule: whoever wrote it selected it");
            return;
        }
        if (settings.selection() == Selection.Mode.Manual) {
            String message = "Manual selection: waiting for spec.approved (or approval in the panel)";
            Conditions.set(status, clock, "Selected", Conditions.UNKNOWN, "AwaitingApproval", message);
            Conditions.set(status, clock, "Succeeded", Conditions.UNKNOWN, "AwaitingApproval", message);
            return;
        }
        selectByNovelty(idea, settings, siblings);
    }

    /** Auto selection: the run's maxAccepted most novel non-duplicates, once every sibling is gated. */
    private void selectByNovelty(AnimationIdea idea, PipelineSettings settings, List<AnimationIdea> siblings) {
        AnimationIdeaStatus status = idea.getStatus();
        long ungated = siblings.stream().filter(s -> s.getStatus() == null || s.getStatus().getSimilarity() == null).count();
        if (ungated > 0) {
            String message = ungated + " other proposal(s) of this run are not gated yet";
            Conditions.set(status, clock, "Selected", Conditions.UNKNOWN, "WaitingForRun", message);
            Conditions.set(status, clock, "Succeeded", Conditions.UNKNOWN, "WaitingForRun", message);
            requeue = SIBLING_RECHECK;
            return;
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
            accept(idea, "TopByNovelty", standing);
            return;
        }
        Conditions.set(status, clock, "Selected", Conditions.FALSE, "NotSelected", standing);
        reject(idea, "NotSelected", standing);
    }

    private void accept(AnimationIdea idea, String reason, String message) {
        AnimationIdeaStatus status = idea.getStatus();
        Conditions.set(status, clock, "Selected", Conditions.TRUE, reason, message);
        enter(idea, IdeaPhase.Accepted, reason, message);
        startAttempt(idea, 1, null, List.of());
    }

    private void startAttempt(AnimationIdea idea, int number, String previous, List<ScriptError> previousErrors) {
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
        enter(idea, IdeaPhase.Scripting, "Scripting", "script attempt " + number + " started");
        status.setAttempts(number);
        status.setCurrentAttempt(attempt.getMetadata().getName());
        Conditions.set(status, clock, "Succeeded", Conditions.UNKNOWN, "Scripting", "script attempt " + number + " started");
        children.add(attempt);
    }

    private void followAttempt(AnimationIdea idea, PipelineSettings settings, ScriptAttempt attempt) {
        AnimationIdeaStatus status = idea.getStatus();
        if (attempt == null || attempt.getStatus() == null || attempt.getStatus().getPhase() == null
                || !attempt.getStatus().getPhase().isTerminal()) {
            return;
        }
        AttemptPhase phase = attempt.getStatus().getPhase();
        if (phase == AttemptPhase.Failed) {
            String reason = Conditions.find(attempt.getStatus().getConditions(), "Succeeded").map(c -> c.getReason()).orElse("AuthoringFailed");
            String message = Conditions.find(attempt.getStatus().getConditions(), "Succeeded").map(c -> c.getMessage()).orElse("");
            end(idea, IdeaPhase.Failed, reason, "script attempt " + attempt.getMetadata().getName() + " failed: " + message);
            return;
        }
        if (phase == AttemptPhase.Invalid) {
            repairOrReject(idea, settings, attempt, attempt.getStatus().getErrors());
            return;
        }
        startPreview(idea, settings, attempt);
    }

    private void startPreview(AnimationIdea idea, PipelineSettings settings, ScriptAttempt attempt) {
        startPreview(idea, settings, attempt, jobName(attempt, RenderMode.Preview));
    }

    private void startPreview(AnimationIdea idea, PipelineSettings settings, ScriptAttempt attempt, String jobName) {
        RenderJob job = renderJob(idea, settings, attempt, RenderMode.Preview, settings.preview(), jobName);
        enter(idea, IdeaPhase.Rendering, "Rendering", "preview render " + job.getMetadata().getName() + " requested");
        idea.getStatus().setRenderJob(job.getMetadata().getName());
        Conditions.set(idea.getStatus(), clock, "Succeeded", Conditions.UNKNOWN, "Rendering",
                "preview render " + job.getMetadata().getName() + " requested");
        children.add(job);
    }

    /** The usual name of an attempt's render in a mode: {@code <attempt>-preview}, {@code <attempt>-final}. */
    private static String jobName(ScriptAttempt attempt, RenderMode mode) {
        return OwnedChildren.name(attempt.getMetadata().getName(), mode.name().toLowerCase(java.util.Locale.ROOT));
    }

    /** A render of the attempt's script, owned by the attempt. */
    private static RenderJob renderJob(AnimationIdea idea, PipelineSettings settings, ScriptAttempt attempt, RenderMode mode,
                                       RenderSettings render, String name) {
        RenderJob job = new RenderJob();
        Map<String, String> labels = new LinkedHashMap<>(childLabels(idea));
        labels.put(AnimOps.LABEL_RENDER_MODE, mode.name().toLowerCase(java.util.Locale.ROOT));
        job.setMetadata(OwnedChildren.metadata(attempt, name, labels));
        // the label value may be shortened to 63 characters; the annotation keeps the idea's full name
        job.getMetadata().setAnnotations(Map.of(AnimOps.LABEL_IDEA, idea.getMetadata().getName()));
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

    private void followRender(AnimationIdea idea, PipelineSettings settings, ScriptAttempt attempt, RenderJob job) {
        AnimationIdeaStatus status = idea.getStatus();
        if (job == null || job.getStatus() == null || job.getStatus().getPhase() == null) {
            return;
        }
        RenderPhase phase = job.getStatus().getPhase();
        if (phase == RenderPhase.Succeeded) {
            enter(idea, IdeaPhase.AwaitingQc, "AwaitingQc", "preview " + job.getMetadata().getName() + " rendered; waiting for its QC result");
            Conditions.set(status, clock, "Succeeded", Conditions.UNKNOWN, "AwaitingQc",
                    "preview " + job.getMetadata().getName() + " rendered; waiting for its QC result");
            return;
        }
        List<ScriptError> scriptErrors = job.getStatus().getErrors() == null ? List.of() : job.getStatus().getErrors();
        if (phase == RenderPhase.Failed && !scriptErrors.isEmpty() && attempt != null) {
            repairOrReject(idea, settings, attempt, scriptErrors);
            return;
        }
        String reason = Conditions.find(job.getStatus().getConditions(), "Succeeded").map(c -> c.getReason()).orElse("Rendering");
        String message = Conditions.find(job.getStatus().getConditions(), "Succeeded").map(c -> c.getMessage()).orElse("");
        if (phase == RenderPhase.Failed) {
            end(idea, IdeaPhase.Failed, "RenderFailed",
                    "render job " + job.getMetadata().getName() + " failed: " + reason + ": " + message);
        } else {
            // the idea shows why it waits, e.g. NoAgentAvailable
            Conditions.set(status, clock, "Succeeded", Conditions.UNKNOWN, reason,
                    "render job " + job.getMetadata().getName() + ": " + message);
        }
    }

    /** The preview's QC result decides: rejected, waiting for a person, or on to the final render. */
    private void followQc(AnimationIdea idea, PipelineSettings settings, ScriptAttempt attempt, Downstream observed) {
        AnimationIdeaStatus status = idea.getStatus();
        if (observed.qcProblem() != null) {
            Conditions.set(status, clock, "QualityChecked", Conditions.UNKNOWN, "QcUnavailable", observed.qcProblem());
            Conditions.set(status, clock, "Succeeded", Conditions.UNKNOWN, "QcUnavailable", observed.qcProblem());
            requeue = observed.reviewRecheck();
            return;
        }
        QcResult qc = observed.qc();
        if (qc == null) {
            return;
        }
        List<QcItemResult> autoFailed = qc.failed(QcItemResult.Kind.Automatic);
        List<QcItemResult> manualFailed = qc.failed(QcItemResult.Kind.Manual);
        if (!autoFailed.isEmpty()) {
            String message = "QC " + qc.checklist() + " of " + qc.renderJob() + " failed: " + autoFailed.stream()
                    .map(i -> i.id() + " (" + i.message() + ")").collect(Collectors.joining("; "));
            Conditions.set(status, clock, "QualityChecked", Conditions.FALSE, "QcFailed", message);
            reject(idea, "QcFailed", message);
            return;
        }
        if (!manualFailed.isEmpty()) {
            String message = "QC " + qc.checklist() + " of " + qc.renderJob() + " rejected: " + manualFailed.stream()
                    .map(i -> i.id() + " failed by " + i.tickedBy() + ": " + i.comment()).collect(Collectors.joining("; "));
            Conditions.set(status, clock, "QualityChecked", Conditions.FALSE, "QcRejected", message);
            reject(idea, "QcRejected", message);
            return;
        }
        List<QcItemResult> pending = qc.pending();
        if (!pending.isEmpty()) {
            String message = "automatic items passed; " + pending.size() + " item(s) of QC " + qc.checklist()
                    + " wait for a person: " + pending.stream().map(QcItemResult::id).collect(Collectors.joining(", "));
            Conditions.set(status, clock, "QualityChecked", Conditions.UNKNOWN, "AwaitingReview", message);
            Conditions.set(status, clock, "Succeeded", Conditions.UNKNOWN, "AwaitingReview", message);
            requeue = observed.reviewRecheck();
            return;
        }
        if (attempt == null) {
            // the attempt owns the final render; wait until it is observed
            return;
        }
        Conditions.set(status, clock, "QualityChecked", Conditions.TRUE, "QcPassed",
                "all " + qc.items().size() + " item(s) of QC " + qc.checklist() + " passed");
        RenderJob job = renderJob(idea, settings, attempt, RenderMode.Final, settings.fin(), jobName(attempt, RenderMode.Final));
        String message = "QC " + qc.checklist() + " passed; final render " + job.getMetadata().getName() + " requested";
        enter(idea, IdeaPhase.FinalRendering, "QcPassed", message);
        status.setFinalRenderJob(job.getMetadata().getName());
        Conditions.set(status, clock, "Succeeded", Conditions.UNKNOWN, "FinalRendering", message);
        children.add(job);
    }

    private void followFinal(AnimationIdea idea, PipelineSettings settings, Downstream observed) {
        AnimationIdeaStatus status = idea.getStatus();
        RenderJob job = observed.finalJob();
        if (job == null || job.getStatus() == null || job.getStatus().getPhase() == null) {
            return;
        }
        String reason = Conditions.find(job.getStatus().getConditions(), "Succeeded").map(c -> c.getReason()).orElse("FinalRendering");
        String message = Conditions.find(job.getStatus().getConditions(), "Succeeded").map(c -> c.getMessage()).orElse("");
        if (job.getStatus().getPhase() == RenderPhase.Succeeded) {
            enter(idea, IdeaPhase.Publishing, "Publishing", "final render " + job.getMetadata().getName() + " succeeded; publishing to "
                    + settings.publish().size() + " target(s)");
            followPublications(idea, settings, observed);
        } else if (job.getStatus().getPhase() == RenderPhase.Failed) {
            end(idea, IdeaPhase.Failed, "FinalRenderFailed", "final render " + job.getMetadata().getName() + " failed: "
                    + reason + ": " + message);
        } else {
            Conditions.set(status, clock, "Succeeded", Conditions.UNKNOWN, reason,
                    "final render " + job.getMetadata().getName() + ": " + (message.isEmpty() ? job.getStatus().getPhase() : message));
        }
    }

    /**
     * One publication per publish target of the schedule, owned by the final render and named after the idea and
     * the platform, so that however often this runs nothing is published twice. Missing ones are (re)created.
     */
    private void followPublications(AnimationIdea idea, PipelineSettings settings, Downstream observed) {
        AnimationIdeaStatus status = idea.getStatus();
        RenderJob job = observed.finalJob();
        if (job == null) {
            return;
        }
        List<Publication> expected = publications(idea, settings, job);
        if (expected.isEmpty()) {
            Conditions.set(status, clock, "Succeeded", Conditions.UNKNOWN, "NoPublishTargets", "final render "
                    + job.getMetadata().getName() + " is ready; the schedule names no publish target (spec.publish)");
            return;
        }
        Map<String, Publication> seen = observed.publications().stream()
                .collect(Collectors.toMap(p -> p.getMetadata().getName(), p -> p, (a, b) -> a));
        List<Publication> present = new ArrayList<>();
        for (Publication publication : expected) {
            Publication existing = seen.get(publication.getMetadata().getName());
            if (existing == null) {
                children.add(publication);
            } else {
                present.add(existing);
            }
        }
        for (Publication publication : present) {
            if (phaseOf(publication) == PublicationPhase.Failed) {
                end(idea, IdeaPhase.Failed, "PublicationFailed", "publication " + publication.getMetadata().getName() + " ("
                        + publication.getSpec().getPlatform() + ") failed: " + summary(publication));
                return;
            }
        }
        List<Publication> unpublished = present.stream().filter(p -> phaseOf(p) != PublicationPhase.Published).toList();
        if (children.isEmpty() && unpublished.isEmpty()) {
            String message = "published: " + present.stream().map(p -> p.getSpec().getPlatform() + " "
                    + (p.getStatus().getUrl() == null ? p.getMetadata().getName() : p.getStatus().getUrl())).collect(Collectors.joining(", "));
            enter(idea, IdeaPhase.Published, "Published", message);
            Conditions.set(status, clock, "Succeeded", Conditions.TRUE, "Published", message);
            return;
        }
        if (!unpublished.isEmpty()) {
            Publication first = unpublished.get(0);
            String reason = first.getStatus() == null ? "Publishing"
                    : Conditions.find(first.getStatus().getConditions(), "Succeeded").map(c -> c.getReason()).orElse("Publishing");
            Conditions.set(status, clock, "Succeeded", Conditions.UNKNOWN, reason, (present.size() - unpublished.size()) + " of "
                    + expected.size() + " publication(s) published; " + first.getMetadata().getName() + ": " + summary(first));
        } else {
            Conditions.set(status, clock, "Succeeded", Conditions.UNKNOWN, "Publishing", expected.size() + " publication(s) requested");
        }
    }

    /** The publications an idea's final render gets: one per target; a second target on one platform is numbered. */
    static List<Publication> publications(AnimationIdea idea, PipelineSettings settings, RenderJob finalJob) {
        List<Publication> publications = new ArrayList<>();
        Map<String, Integer> perPlatform = new LinkedHashMap<>();
        for (PublishTarget target : settings.publish()) {
            String platform = target.getPlatform().name().toLowerCase(java.util.Locale.ROOT);
            int n = perPlatform.merge(platform, 1, Integer::sum);
            String name = n == 1 ? OwnedChildren.name(idea.getMetadata().getName(), platform)
                    : OwnedChildren.name(idea.getMetadata().getName(), platform, Integer.toString(n));
            Publication publication = new Publication();
            publication.setMetadata(OwnedChildren.metadata(finalJob, name, childLabels(idea)));
            publication.getMetadata().setAnnotations(Map.of(AnimOps.LABEL_IDEA, idea.getMetadata().getName()));
            PublicationSpec spec = new PublicationSpec();
            spec.setRenderJobRef(finalJob.getMetadata().getName());
            spec.setPlatform(target.getPlatform());
            spec.setAccountSecretRef(target.getAccountSecretRef());
            spec.setTitle(cut(idea.getSpec().getTitle(), 100));
            String description = idea.getSpec().getPremise()
                    + (idea.getSpec().getHook() == null ? "" : "\n\n" + idea.getSpec().getHook());
            spec.setDescription(cut(description, 5000));
            spec.setPrivacy(target.getPrivacy());
            spec.setMode(target.getMode());
            publication.setSpec(spec);
            publications.add(publication);
        }
        return publications;
    }

    private static PublicationPhase phaseOf(Publication publication) {
        return publication.getStatus() == null ? null : publication.getStatus().getPhase();
    }

    private static String summary(Publication publication) {
        if (publication.getStatus() == null) {
            return "not reconciled yet";
        }
        return Conditions.find(publication.getStatus().getConditions(), "Succeeded")
                .map(c -> c.getReason() + ": " + c.getMessage()).orElse(String.valueOf(publication.getStatus().getPhase()));
    }

    /** At most {@code max} code points, as the Publication CRD limits title and description. */
    private static String cut(String text, int max) {
        return text.codePointCount(0, text.length()) <= max ? text : text.substring(0, text.offsetByCodePoints(0, max));
    }

    private void repairOrReject(AnimationIdea idea, PipelineSettings settings, ScriptAttempt failed, List<ScriptError> errors) {
        int made = failed.getSpec().getAttempt();
        if (made < settings.maxScriptAttempts()) {
            startAttempt(idea, made + 1, failed.getMetadata().getName(), errors);
            return;
        }
        String summary = errors.stream().limit(3)
                .map(e -> e.getStage() + " " + (e.getRule() == null ? "" : e.getRule() + " ") + e.getLine() + ":" + e.getColumn() + " " + e.getMessage())
                .collect(Collectors.joining("; "));
        reject(idea, "ScriptAttemptsExhausted", made + " of " + settings.maxScriptAttempts()
                + " script attempts failed; last errors: " + summary);
    }

    private void reject(AnimationIdea idea, String reason, String message) {
        end(idea, IdeaPhase.Rejected, reason, message);
    }

    /** A terminal phase other than Published: Succeeded turns False with the reason. */
    private void end(AnimationIdea idea, IdeaPhase phase, String reason, String message) {
        enter(idea, phase, reason, message);
        Conditions.set(idea.getStatus(), clock, "Succeeded", Conditions.FALSE, reason, message);
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

    /**
     * Requests a person made in spec (the API's rerun-attempt and rerender actions). Each value is handled once:
     * status records it, honoured or refused (refusals explained in condition RerunAttempt or Rerender).
     * True when a request started a child, which ends this step.
     */
    private boolean honourRequests(AnimationIdea idea, PipelineSettings settings, ScriptAttempt attempt, RenderJob job) {
        AnimationIdeaStatus status = idea.getStatus();
        String rerun = idea.getSpec().getRerunAttemptRequest();
        if (rerun != null && !rerun.equals(status.getRerunAttemptHandled())) {
            status.setRerunAttemptHandled(rerun);
            String refusal = rerunAttemptRefusal(idea);
            if (refusal != null) {
                Conditions.set(status, clock, "RerunAttempt", Conditions.FALSE, "Refused", refusal);
            } else {
                int number = status.getAttempts() + 1;
                Conditions.set(status, clock, "RerunAttempt", Conditions.TRUE, "Requested",
                        "script attempt " + number + " requested by a person");
                startAttempt(idea, number, status.getCurrentAttempt(), lastErrors(attempt, job));
                return true;
            }
        }
        String rerender = idea.getSpec().getRerenderRequest();
        if (rerender != null && !rerender.equals(status.getRerenderHandled())) {
            String refusal = rerenderRefusal(idea, job);
            if (refusal == null && (attempt == null || job == null)) {
                // not in the informer cache yet: decide once they are observed, without using up the request
                requeue = SIBLING_RECHECK;
                return false;
            }
            status.setRerenderHandled(rerender);
            if (refusal != null) {
                Conditions.set(status, clock, "Rerender", Conditions.FALSE, "Refused", refusal);
            } else {
                Conditions.set(status, clock, "Rerender", Conditions.TRUE, "Requested",
                        "new preview of " + attempt.getMetadata().getName() + " requested by a person");
                startPreview(idea, settings, attempt, rerenderJobName(attempt.getMetadata().getName(), rerender));
                return true;
            }
        }
        return false;
    }

    /** The highest attempt number a ScriptAttempt accepts (its CRD's spec.attempt maximum). */
    public static final int MAX_ATTEMPT_NUMBER = 10;

    /** Why one more script attempt cannot be started now, or null when it can. Shared with the API's 409. */
    public static String rerunAttemptRefusal(AnimationIdea idea) {
        AnimationIdeaStatus status = idea.getStatus();
        if (status == null || status.getAttempts() == null || status.getCurrentAttempt() == null) {
            return "the idea has no script attempt yet";
        }
        IdeaPhase phase = status.getPhase();
        String reason = Conditions.find(status.getConditions(), "Succeeded").map(c -> c.getReason()).orElse(null);
        // a new script is what a QC rejection calls for too: the same script renders the same frames
        boolean rejectedScript = phase == IdeaPhase.Rejected
                && ("ScriptAttemptsExhausted".equals(reason) || "QcFailed".equals(reason) || "QcRejected".equals(reason));
        if (!rejectedScript && phase != IdeaPhase.Failed && phase != IdeaPhase.AwaitingQc) {
            return "the idea is " + phase + " (" + reason + "): a script attempt is rerun only from Rejected"
                    + " (ScriptAttemptsExhausted, QcFailed, QcRejected), Failed or AwaitingQc";
        }
        if (status.getAttempts() >= MAX_ATTEMPT_NUMBER) {
            return "the idea has made " + status.getAttempts() + " script attempts, the most an idea may make";
        }
        return null;
    }

    /** Why the idea's render job cannot be rendered again now, or null when it can. Shared with the API's 409. */
    public static String rerenderRefusal(AnimationIdea idea, RenderJob job) {
        AnimationIdeaStatus status = idea.getStatus();
        if (status == null || status.getRenderJob() == null) {
            return "the idea has no render job yet";
        }
        IdeaPhase phase = status.getPhase();
        String reason = Conditions.find(status.getConditions(), "Succeeded").map(c -> c.getReason()).orElse(null);
        if (phase != IdeaPhase.AwaitingQc && !(phase == IdeaPhase.Failed && "RenderFailed".equals(reason))) {
            return "the idea is " + phase + " (" + reason + "): a preview is rendered again only from AwaitingQc"
                    + " or Failed (RenderFailed)";
        }
        if (job != null && (job.getStatus() == null || job.getStatus().getPhase() == null
                || !job.getStatus().getPhase().isTerminal())) {
            return "render job " + job.getMetadata().getName() + " has not finished";
        }
        return null;
    }

    /** What the next attempt must fix: the agent's findings on the render when there are some, else the validator's. */
    private static List<ScriptError> lastErrors(ScriptAttempt attempt, RenderJob job) {
        if (job != null && job.getStatus() != null && job.getStatus().getErrors() != null && !job.getStatus().getErrors().isEmpty()
                && attempt != null && job.getSpec() != null
                && attempt.getMetadata().getName().equals(job.getSpec().getScriptAttemptRef())) {
            return job.getStatus().getErrors();
        }
        return attempt == null || attempt.getStatus() == null || attempt.getStatus().getErrors() == null
                ? List.of() : attempt.getStatus().getErrors();
    }

    /**
     * The job a rerender request makes: named after the request, so that one request makes one job whatever the
     * retries, and a new request a new job beside the finished one (which keeps its artifacts and history).
     */
    public static String rerenderJobName(String attempt, String request) {
        return OwnedChildren.name(attempt, "preview", shortHash(request));
    }

    /** Eight hex digits of the request's SHA-256. */
    private static String shortHash(String request) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(request.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest, 0, 4);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
