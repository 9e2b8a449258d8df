package io.animops.operator.testing;

import io.animops.crds.AnimOps;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.AnimationIdeaSpec;
import io.animops.crds.v1alpha1.ContentSchedule;
import io.animops.crds.v1alpha1.ContentScheduleSpec;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.ScriptAttempt;
import io.animops.crds.v1alpha1.Selection;
import io.animops.operator.db.Database;
import io.animops.operator.db.JsonColumn;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.List;
import java.util.UUID;

/** Builders and look-ups shared by the pipeline tests. */
public final class Pipeline {
    private Pipeline() {}

    public static ContentSchedule schedule(
            String namespace, String name, Selection.Mode mode, int ideasPerRun, int maxAccepted, double threshold) {
        ContentSchedule schedule = new ContentSchedule();
        schedule.setMetadata(
                new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
        ContentScheduleSpec spec = new ContentScheduleSpec();
        spec.setCron("0 9 * * *");
        spec.setTimeZone("Europe/Paris");
        spec.setRunOnCreate(true);
        spec.setIdeasPerRun(ideasPerRun);
        Selection selection = new Selection();
        selection.setMode(mode);
        selection.setMaxAccepted(maxAccepted);
        spec.setSelection(selection);
        spec.setSimilarityThreshold(threshold);
        spec.setAgentSelector(java.util.Map.of("animops.io/os", "darwin"));
        schedule.setSpec(spec);
        return schedule;
    }

    public static AnimationIdea idea(String namespace, String name, String title, String premise) {
        AnimationIdea idea = new AnimationIdea();
        idea.setMetadata(
                new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
        AnimationIdeaSpec spec = new AnimationIdeaSpec();
        spec.setTitle(title);
        spec.setPremise(premise);
        spec.setSource(AnimationIdeaSpec.Source.Manual);
        idea.setSpec(spec);
        return idea;
    }

    public static List<AnimationIdea> ideasOf(KubernetesClient client, String namespace, String schedule) {
        return client.resources(AnimationIdea.class)
                .inNamespace(namespace)
                .withLabel(AnimOps.LABEL_SCHEDULE, schedule)
                .list()
                .getItems();
    }

    public static List<ScriptAttempt> attemptsOf(KubernetesClient client, String namespace, String idea) {
        return client.resources(ScriptAttempt.class).inNamespace(namespace).list().getItems().stream()
                .filter(a -> idea.equals(a.getSpec().getIdeaRef()))
                .toList();
    }

    public static List<RenderJob> renderJobsOf(KubernetesClient client, String namespace, String idea) {
        return client.resources(RenderJob.class).inNamespace(namespace).list().getItems().stream()
                .filter(j -> j.getMetadata().getAnnotations() != null
                        && idea.equals(j.getMetadata().getAnnotations().get(AnimOps.LABEL_IDEA)))
                .toList();
    }

    public static AnimationIdea get(KubernetesClient client, String namespace, String name) {
        return client.resources(AnimationIdea.class)
                .inNamespace(namespace)
                .withName(name)
                .get();
    }

    /** An audit row as a test reads it; payload is the JSON text. */
    public record Audited(String actor, String eventType, String payload) {}

    public static List<Audited> auditOf(Database database, HasMetadata subject) {
        return database.list(
                "select actor, event_type, payload::text from audit_events where subject_uid = $1 order by id",
                row -> new Audited(row.getString("actor"), row.getString("event_type"), row.getString("payload")),
                UUID.fromString(subject.getMetadata().getUid()));
    }

    /** The "to" phases of a resource's PhaseChanged audit events, oldest first. */
    public static List<Object> phasesAudited(Database database, HasMetadata subject) {
        return auditOf(database, subject).stream()
                .filter(e -> e.eventType().equals(subject.getKind() + ".PhaseChanged"))
                .map(e -> JsonColumn.read(e.payload(), java.util.Map.class).get("to"))
                .toList();
    }
}
