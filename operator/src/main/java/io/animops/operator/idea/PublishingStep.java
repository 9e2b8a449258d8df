package io.animops.operator.idea;

import io.animops.crds.AnimOps;
import io.animops.crds.ConditionTypes;
import io.animops.crds.Conditions;
import io.animops.crds.Reasons;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.IdeaPhase;
import io.animops.crds.v1alpha1.Publication;
import io.animops.crds.v1alpha1.PublicationPhase;
import io.animops.crds.v1alpha1.PublicationSpec;
import io.animops.crds.v1alpha1.PublishTarget;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.operator.kube.OwnedChildren;
import io.animops.operator.pipeline.PipelineSettings;
import io.animops.operator.publish.PublicationTemplate;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Publishing: one publication per publish target of the schedule, owned by the final render and named after the
 * idea and the platform, so that however often this runs nothing is published twice. Missing ones are (re)created.
 */
final class PublishingStep implements PhaseStep {
    @Override
    public void advance(IdeaLifecycle run, AnimationIdea idea, IdeaLifecycle.Observed observed) {
        RenderJob job = observed.downstream().finalJob();
        if (job == null) {
            return;
        }
        List<Publication> expected = publications(idea, observed.settings(), job);
        if (expected.isEmpty()) {
            run.condition(
                    idea,
                    ConditionTypes.SUCCEEDED,
                    Conditions.UNKNOWN,
                    Reasons.NO_PUBLISH_TARGETS,
                    "final render " + job.getMetadata().getName()
                            + " is ready; the schedule names no publish target (spec.publish)");
            return;
        }
        Map<String, Publication> seen = observed.downstream().publications().stream()
                .collect(Collectors.toMap(p -> p.getMetadata().getName(), p -> p, (a, b) -> a));
        List<Publication> present = new ArrayList<>();
        List<Publication> missing = new ArrayList<>();
        for (Publication publication : expected) {
            Publication existing = seen.get(publication.getMetadata().getName());
            if (existing == null) {
                missing.add(publication);
                run.create(publication);
            } else {
                present.add(existing);
            }
        }
        List<Publication> failed = present.stream()
                .filter(p -> phaseOf(p) == PublicationPhase.Failed)
                .toList();
        boolean settled = missing.isEmpty()
                && present.stream()
                        .allMatch(
                                p -> phaseOf(p) == PublicationPhase.Published || phaseOf(p) == PublicationPhase.Failed);
        if (settled && !failed.isEmpty()) {
            // every publication ended; those that failed are named with their reasons
            String failures = failed.stream()
                    .map(p -> p.getMetadata().getName() + " (" + p.getSpec().getPlatform() + "): " + summary(p))
                    .collect(Collectors.joining("; "));
            if (failed.size() == present.size()) {
                run.end(idea, IdeaPhase.Failed, Reasons.PUBLICATION_FAILED, "every publication failed: " + failures);
            } else {
                run.end(
                        idea,
                        IdeaPhase.PartiallyPublished,
                        Reasons.PARTIALLY_PUBLISHED,
                        (present.size() - failed.size()) + " of " + present.size()
                                + " publication(s) published; failed: " + failures);
            }
            return;
        }
        if (idea.getStatus().getPhase() != IdeaPhase.Publishing) {
            run.enter(idea, IdeaPhase.Publishing, Reasons.PUBLISHING, "a publication is under way again (retried)");
        }
        List<Publication> unpublished = present.stream()
                .filter(p -> phaseOf(p) != PublicationPhase.Published)
                .toList();
        if (missing.isEmpty() && unpublished.isEmpty()) {
            String message = "published: "
                    + present.stream()
                            .map(p -> p.getSpec().getPlatform() + " "
                                    + (p.getStatus().getUrl() == null
                                            ? p.getMetadata().getName()
                                            : p.getStatus().getUrl()))
                            .collect(Collectors.joining(", "));
            run.enter(idea, IdeaPhase.Published, Reasons.PUBLISHED, message);
            run.condition(idea, ConditionTypes.SUCCEEDED, Conditions.TRUE, Reasons.PUBLISHED, message);
            return;
        }
        if (!unpublished.isEmpty()) {
            Publication first = unpublished.get(0);
            String reason = first.getStatus() == null
                    ? Reasons.PUBLISHING
                    : Conditions.find(first.getStatus().getConditions(), ConditionTypes.SUCCEEDED)
                            .map(c -> c.getReason())
                            .orElse(Reasons.PUBLISHING);
            run.condition(
                    idea,
                    ConditionTypes.SUCCEEDED,
                    Conditions.UNKNOWN,
                    reason,
                    (present.size() - unpublished.size()) + " of " + expected.size() + " publication(s) published; "
                            + first.getMetadata().getName() + ": " + summary(first));
        } else {
            run.condition(
                    idea,
                    ConditionTypes.SUCCEEDED,
                    Conditions.UNKNOWN,
                    Reasons.PUBLISHING,
                    expected.size() + " publication(s) requested");
        }
    }

    /** The publications an idea's final render gets: one per target; a second target on one platform is numbered. */
    static List<Publication> publications(AnimationIdea idea, PipelineSettings settings, RenderJob finalJob) {
        List<Publication> publications = new ArrayList<>();
        Map<String, Integer> perPlatform = new LinkedHashMap<>();
        for (PublishTarget target : settings.publish()) {
            String platform = target.getPlatform().name().toLowerCase(java.util.Locale.ROOT);
            int n = perPlatform.merge(platform, 1, Integer::sum);
            String name = n == 1
                    ? OwnedChildren.name(idea.getMetadata().getName(), platform)
                    : OwnedChildren.name(idea.getMetadata().getName(), platform, Integer.toString(n));
            Publication publication = new Publication();
            publication.setMetadata(OwnedChildren.metadata(finalJob, name, IdeaChildren.labels(idea)));
            publication
                    .getMetadata()
                    .setAnnotations(
                            Map.of(AnimOps.LABEL_IDEA, idea.getMetadata().getName()));
            PublicationSpec spec = new PublicationSpec();
            spec.setRenderJobRef(finalJob.getMetadata().getName());
            spec.setPlatform(target.getPlatform());
            spec.setAccountSecretRef(target.getAccountSecretRef());
            PublicationTemplate.apply(
                    idea, settings.publishing(), settings.timeZone(), target, spec, clockOf(finalJob));
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
        return Conditions.find(publication.getStatus().getConditions(), ConditionTypes.SUCCEEDED)
                .map(c -> c.getReason() + ": " + c.getMessage())
                .orElse(String.valueOf(publication.getStatus().getPhase()));
    }

    /** The final render's creation time: the publish window is computed from it, so the spec never changes later. */
    private static Instant clockOf(RenderJob finalJob) {
        String created = finalJob.getMetadata().getCreationTimestamp();
        return created == null ? Instant.EPOCH : Instant.parse(created);
    }
}
