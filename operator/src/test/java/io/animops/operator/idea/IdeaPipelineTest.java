package io.animops.operator.idea;

import io.animops.crds.Conditions;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.ContentSchedule;
import io.animops.crds.v1alpha1.IdeaPhase;
import io.animops.crds.v1alpha1.QcSettings;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.crds.v1alpha1.ScriptAttempt;
import io.animops.crds.v1alpha1.Selection;
import io.animops.operator.db.Database;
import io.animops.operator.script.OfflineSceneLibrary;
import io.animops.operator.testing.EmbeddedPostgresResource;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static io.animops.operator.testing.Pipeline.attemptsOf;
import static io.animops.operator.testing.Pipeline.get;
import static io.animops.operator.testing.Pipeline.idea;
import static io.animops.operator.testing.Pipeline.ideasOf;
import static io.animops.operator.testing.Pipeline.phasesAudited;
import static io.animops.operator.testing.Pipeline.renderJobsOf;
import static io.animops.operator.testing.Pipeline.schedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Ideas driven through the operator against the Fabric8 mock API server and a real PostgreSQL, to every
 * terminal state reachable without a render agent.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class IdeaPipelineTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    KubernetesClient client;

    @Inject
    Database database;

    @Inject
    IdeaRepository repository;

    @Test
    void autoScheduleTakesTheMostNovelIdeaToARenderJobWaitingForAnAgent() {
        String ns = "auto";
        client.resource(schedule(ns, "daily", Selection.Mode.Auto, 3, 1, 0.99)).create();

        await().atMost(PATIENCE).untilAsserted(() -> {
            List<AnimationIdea> ideas = ideasOf(client, ns, "daily");
            assertThat(ideas).hasSize(3);
            assertThat(ideas)
                    .extracting(
                            i -> i.getStatus() == null ? null : i.getStatus().getPhase())
                    .containsExactlyInAnyOrder(IdeaPhase.Rendering, IdeaPhase.Rejected, IdeaPhase.Rejected);
        });
        List<AnimationIdea> ideas = ideasOf(client, ns, "daily");
        AnimationIdea accepted = ideas.stream()
                .filter(i -> i.getStatus().getPhase() == IdeaPhase.Rendering)
                .findFirst()
                .orElseThrow();
        assertThat(condition(accepted.getStatus().getConditions(), "Selected").getReason())
                .isEqualTo("TopByNovelty");
        for (AnimationIdea rejected : ideas.stream()
                .filter(i -> i != accepted && i.getStatus().getPhase() == IdeaPhase.Rejected)
                .toList()) {
            Condition succeeded = condition(rejected.getStatus().getConditions(), "Succeeded");
            assertThat(succeeded.getStatus()).isEqualTo(Conditions.FALSE);
            assertThat(succeeded.getReason()).isEqualTo("NotSelected");
            assertThat(rejected.getStatus().getAttempts()).isNull();
        }

        ScriptAttempt attempt =
                attemptsOf(client, ns, accepted.getMetadata().getName()).get(0);
        assertThat(attempt.getStatus().getAuthoring().getProvider()).isEqualTo(OfflineSceneLibrary.PROVIDER_ID);
        assertThat(attempt.getStatus().getAuthoring().getOffline()).isTrue();
        assertThat(attempt.getStatus().getScriptSha256()).hasSize(64);
        assertThat(condition(attempt.getStatus().getConditions(), "Succeeded").getStatus())
                .isEqualTo(Conditions.TRUE);

        await().atMost(PATIENCE).untilAsserted(() -> {
            RenderJob job =
                    renderJobsOf(client, ns, accepted.getMetadata().getName()).get(0);
            assertThat(job.getStatus().getPhase()).isEqualTo(RenderPhase.Pending);
            assertThat(condition(job.getStatus().getConditions(), "Scheduled").getReason())
                    .isEqualTo("NoAgentAvailable");
            assertThat(condition(job.getStatus().getConditions(), "Succeeded").getStatus())
                    .isEqualTo(Conditions.UNKNOWN);
            assertThat(job.getStatus().getScript().getSha256())
                    .isEqualTo(attempt.getStatus().getScriptSha256());
            assertThat(job.getStatus().getScript().getSource()).contains("extends Node2D");
            // the idea shows why it waits
            assertThat(condition(
                                    get(client, ns, accepted.getMetadata().getName())
                                            .getStatus()
                                            .getConditions(),
                                    "Succeeded")
                            .getReason())
                    .isEqualTo("NoAgentAvailable");
        });
        RenderJob job =
                renderJobsOf(client, ns, accepted.getMetadata().getName()).get(0);
        assertThat(job.getSpec().getWidth()).isEqualTo(540);
        assertThat(job.getSpec().getAgentSelector()).containsEntry("animops.io/os", "darwin");

        ContentSchedule schedule = client.resources(ContentSchedule.class)
                .inNamespace(ns)
                .withName("daily")
                .get();
        await().atMost(PATIENCE).untilAsserted(() -> {
            ContentSchedule s = client.resources(ContentSchedule.class)
                    .inNamespace(ns)
                    .withName("daily")
                    .get();
            // every phase is listed, so that a merge patch replaces the count of a phase the ideas have left
            assertThat(s.getStatus().getIdeas())
                    .containsEntry("Rejected", 2)
                    .containsEntry("Rendering", 1)
                    .containsEntry("Proposed", 0)
                    .containsEntry("Scripting", 0)
                    .hasSize(IdeaPhase.values().length);
            assertThat(s.getStatus().getIdeas().values().stream()
                            .mapToInt(Integer::intValue)
                            .sum())
                    .isEqualTo(3);
            assertThat(s.getStatus().getLastScheduleTime()).isNotNull();
            assertThat(s.getStatus().getNextScheduleTime()).isNotNull();
            assertThat(condition(s.getStatus().getConditions(), "Ready").getStatus())
                    .isEqualTo(Conditions.TRUE);
        });

        for (HasMetadata r :
                List.of(schedule, get(client, ns, accepted.getMetadata().getName()), attempt, job)) {
            HasMetadata fresh = client.resource(r).get();
            assertThat(observedGeneration(fresh))
                    .as(r.getMetadata().getName())
                    .isEqualTo(fresh.getMetadata().getGeneration());
        }

        // the idea is linked to its schedule by label and reference (a prune of the schedule keeps it); owner
        // references along idea -> attempt -> render job, so deleting an idea cascades
        assertThat(accepted.getMetadata().getOwnerReferences()).isNullOrEmpty();
        assertThat(accepted.getMetadata().getLabels()).containsEntry("animops.io/schedule", "daily");
        assertThat(accepted.getSpec().getScheduleRef()).isEqualTo("daily");
        assertOwnedBy(attempt, accepted);
        assertOwnedBy(job, attempt);

        // one audit row per transition, in order
        assertThat(phasesAudited(database, accepted)).containsExactly("Proposed", "Accepted", "Scripting", "Rendering");
        assertThat(phasesAudited(database, attempt)).containsExactly("Valid");
        assertThat(phasesAudited(database, job)).containsExactly("Pending");
        AnimationIdea notSelected = ideas.stream()
                .filter(i -> i.getStatus().getPhase() == IdeaPhase.Rejected)
                .findFirst()
                .orElseThrow();
        assertThat(phasesAudited(database, notSelected)).containsExactly("Proposed", "Rejected");
    }

    @Test
    void aScheduleNamingAnUnknownChecklistIsNotReadyAndProposesNothing() {
        String ns = "unknown-checklist";
        ContentSchedule schedule = schedule(ns, "daily", Selection.Mode.Auto, 2, 1, 0.8);
        QcSettings qc = new QcSettings();
        qc.setChecklist("no-such-checklist");
        schedule.getSpec().setQc(qc);
        client.resource(schedule).create();
        await().atMost(PATIENCE).untilAsserted(() -> {
            ContentSchedule s = client.resources(ContentSchedule.class)
                    .inNamespace(ns)
                    .withName("daily")
                    .get();
            assertThat(s.getStatus()).isNotNull();
            Condition ready = condition(s.getStatus().getConditions(), "Ready");
            assertThat(ready.getStatus()).isEqualTo(Conditions.FALSE);
            assertThat(ready.getReason()).isEqualTo("UnknownChecklist");
            assertThat(ready.getMessage()).contains("spec.qc.checklist").contains("no-such-checklist");
        });
        assertThat(ideasOf(client, ns, "daily")).isEmpty();
    }

    @Test
    void nearDuplicateIsRejectedNamingTheNearestPastIdea() {
        String ns = "duplicates";
        client.resource(idea(
                        ns,
                        "original",
                        "Newton's cradle with ten steel balls",
                        "Ten steel balls hang in a row; the first one swings and the impulse travels through the row."))
                .create();
        await().atMost(PATIENCE).until(() -> phaseOf(ns, "original") == IdeaPhase.Rendering);

        client.resource(
                        idea(
                                ns,
                                "copy",
                                "Newton's cradle with ten steel balls",
                                "Ten steel balls hang in a row; the first ball swings and the impulse travels through the row."))
                .create();
        await().atMost(PATIENCE).until(() -> phaseOf(ns, "copy") == IdeaPhase.Rejected);

        AnimationIdea copy = get(client, ns, "copy");
        assertThat(copy.getStatus().getSimilarity().getNearest().get(0).getName())
                .isEqualTo("original");
        assertThat(copy.getStatus().getSimilarity().getScore()).isGreaterThanOrEqualTo(0.85);
        Condition succeeded = condition(copy.getStatus().getConditions(), "Succeeded");
        assertThat(succeeded.getReason()).isEqualTo("Duplicate");
        assertThat(succeeded.getMessage()).contains("original").contains("Newton's cradle");
        assertThat(condition(copy.getStatus().getConditions(), "Gated").getReason())
                .isEqualTo("NearDuplicate");
        assertThat(attemptsOf(client, ns, "copy")).isEmpty();
        assertThat(phasesAudited(database, copy)).containsExactly("Proposed", "Rejected");
        // kubectl describe tells the same story: one event per phase, the rejection a Warning
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(client.v1().events().inNamespace(ns).list().getItems().stream()
                                .filter(e -> copy.getMetadata()
                                        .getUid()
                                        .equals(e.getInvolvedObject().getUid()))
                                .map(e -> e.getType() + " " + e.getReason() + " "
                                        + e.getInvolvedObject().getKind()))
                        .containsExactlyInAnyOrder("Normal Proposed AnimationIdea", "Warning Duplicate AnimationIdea"));

        // history outlives the resource: the gate keeps comparing with it, the audit trail stays
        client.resource(copy).delete();
        await().atMost(PATIENCE).until(() -> get(client, ns, "copy") == null);
        IdeaRecord row =
                repository.find(java.util.UUID.fromString(copy.getMetadata().getUid()));
        assertThat(row.title).isEqualTo("Newton's cradle with ten steel balls");
        assertThat(row.phase).isEqualTo("Rejected");
        assertThat(phasesAudited(database, copy)).containsExactly("Proposed", "Rejected");
    }

    @Test
    void manualSelectionWaitsForApprovalAndFollowsThePersonsDecision() {
        String ns = "manual";
        client.resource(schedule(ns, "picks", Selection.Mode.Manual, 2, 1, 0.99))
                .create();
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<AnimationIdea> ideas = ideasOf(client, ns, "picks");
            assertThat(ideas).hasSize(2);
            for (AnimationIdea idea : ideas) {
                assertThat(idea.getStatus()).isNotNull();
                assertThat(idea.getStatus().getPhase()).isEqualTo(IdeaPhase.Proposed);
                assertThat(condition(idea.getStatus().getConditions(), "Selected")
                                .getReason())
                        .isEqualTo("AwaitingApproval");
            }
        });
        List<AnimationIdea> ideas = ideasOf(client, ns, "picks");
        String chosen = ideas.get(0).getMetadata().getName();
        String declined = ideas.get(1).getMetadata().getName();
        assertThat(attemptsOf(client, ns, chosen)).isEmpty();

        // Fabric8's edit sends the resourceVersion it read: a status write of the operator in between is a 409
        retryOnConflict(() -> client.resources(AnimationIdea.class)
                .inNamespace(ns)
                .withName(chosen)
                .edit(i -> {
                    i.getSpec().setApproved(true);
                    return i;
                }));
        retryOnConflict(() -> client.resources(AnimationIdea.class)
                .inNamespace(ns)
                .withName(declined)
                .edit(i -> {
                    i.getSpec().setApproved(false);
                    return i;
                }));
        await().atMost(PATIENCE)
                .until(() -> phaseOf(ns, chosen) == IdeaPhase.Rendering && phaseOf(ns, declined) == IdeaPhase.Rejected);
        AnimationIdea approved = get(client, ns, chosen);
        assertThat(approved.getMetadata().getGeneration()).isEqualTo(2L);
        assertThat(approved.getStatus().getObservedGeneration()).isEqualTo(2L);
        assertThat(condition(approved.getStatus().getConditions(), "Selected").getReason())
                .isEqualTo("Approved");
        assertThat(condition(get(client, ns, declined).getStatus().getConditions(), "Succeeded")
                        .getReason())
                .isEqualTo("Declined");
        assertThat(phasesAudited(database, approved)).containsExactly("Proposed", "Accepted", "Scripting", "Rendering");
    }

    @Test
    void aReconciliationRepeatedAfterACrashCreatesNoSecondChild() {
        String ns = "restart";
        client.resource(schedule(ns, "nightly", Selection.Mode.Auto, 2, 2, 0.99))
                .create();
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(ideasOf(client, ns, "nightly"))
                        .allSatisfy(i -> assertThat(phaseOf(ns, i.getMetadata().getName()))
                                .isEqualTo(IdeaPhase.Rendering))
                        .hasSize(2));
        String idea = ideasOf(client, ns, "nightly").get(0).getMetadata().getName();
        ContentSchedule fired = client.resources(ContentSchedule.class)
                .inNamespace(ns)
                .withName("nightly")
                .get();

        // as if the operator had died after creating the children but before writing status; the operator may
        // still be writing (render jobs report NoAgentAvailable), so these writes retry on conflict like any client
        retryOnConflict(() -> client.resources(ContentSchedule.class)
                .inNamespace(ns)
                .withName("nightly")
                .editStatus(s -> {
                    // the status write a crash loses holds the fired slot too
                    s.getStatus().setLastScheduleTime(null);
                    s.getStatus().setLastRunId(null);
                    s.getStatus().setLastFiredSlot(null);
                    return s;
                }));
        retryOnConflict(() -> client.resources(AnimationIdea.class)
                .inNamespace(ns)
                .withName(idea)
                .editStatus(i -> {
                    i.getStatus().setPhase(IdeaPhase.Accepted);
                    i.getStatus().setCurrentAttempt(null);
                    i.getStatus().setRenderJob(null);
                    return i;
                }));
        // a child event wakes both up, as a restarted operator's first reconciliation would
        ScriptAttempt attempt = attemptsOf(client, ns, idea).get(0);
        retryOnConflict(() -> client.resources(ScriptAttempt.class)
                .inNamespace(ns)
                .withName(attempt.getMetadata().getName())
                .edit(a -> {
                    a.getMetadata().getLabels().put("touched", "true");
                    return a;
                }));
        retryOnConflict(() -> client.resources(AnimationIdea.class)
                .inNamespace(ns)
                .withName(idea)
                .edit(i -> {
                    i.getMetadata().getLabels().put("touched", "true");
                    return i;
                }));

        await().atMost(PATIENCE).untilAsserted(() -> {
            ContentSchedule s = client.resources(ContentSchedule.class)
                    .inNamespace(ns)
                    .withName("nightly")
                    .get();
            assertThat(s.getStatus().getLastRunId()).isEqualTo(fired.getStatus().getLastRunId());
            assertThat(phaseOf(ns, idea)).isEqualTo(IdeaPhase.Rendering);
        });
        assertThat(ideasOf(client, ns, "nightly")).hasSize(2);
        assertThat(attemptsOf(client, ns, idea)).hasSize(1);
        assertThat(renderJobsOf(client, ns, idea)).hasSize(1);
    }

    private static void retryOnConflict(Runnable write) {
        for (int attempt = 1; ; attempt++) {
            try {
                write.run();
                return;
            } catch (io.fabric8.kubernetes.client.KubernetesClientException e) {
                if (e.getCode() != 409 || attempt == 10) {
                    throw e;
                }
            }
        }
    }

    private IdeaPhase phaseOf(String ns, String name) {
        AnimationIdea idea = get(client, ns, name);
        return idea == null || idea.getStatus() == null
                ? null
                : idea.getStatus().getPhase();
    }

    private static Condition condition(List<Condition> conditions, String type) {
        return Conditions.find(conditions, type)
                .orElseThrow(() -> new AssertionError("no condition " + type + " in " + conditions));
    }

    private static Long observedGeneration(HasMetadata resource) {
        return ((io.fabric8.kubernetes.client.CustomResource<?, ? extends io.animops.crds.AnimOpsStatus>) resource)
                .getStatus()
                .getObservedGeneration();
    }

    private static void assertOwnedBy(HasMetadata child, HasMetadata parent) {
        assertThat(child.getMetadata().getOwnerReferences()).singleElement().satisfies((OwnerReference ref) -> {
            assertThat(ref.getUid()).isEqualTo(parent.getMetadata().getUid());
            assertThat(ref.getKind()).isEqualTo(parent.getKind());
            assertThat(ref.getController()).isTrue();
        });
    }
}
