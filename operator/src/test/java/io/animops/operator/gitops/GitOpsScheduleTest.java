package io.animops.operator.gitops;

import io.animops.crds.AnimOps;
import io.animops.crds.Conditions;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.ContentSchedule;
import io.animops.crds.v1alpha1.Selection;
import io.animops.operator.testing.EmbeddedKubernetesApiResource;
import io.animops.operator.testing.EmbeddedPostgresResource;
import io.animops.operator.testing.Pipeline;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The example schedules repository (examples/gitops) applied with kubectl to the embedded API the standalone mode
 * runs, with the operator reconciling: no drift in {@code kubectl diff}, and a prune of a schedule keeps its ideas.
 */
@QuarkusTest
@QuarkusTestResource(value = EmbeddedKubernetesApiResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(EmbeddedPostgresResource.class)
@EnabledIf("kubectlPresent")
class GitOpsScheduleTest {
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final String KUBECTL = System.getenv().getOrDefault("KUBECTL", "/usr/bin/kubectl");
    private static final Path STAGING = Path.of("../examples/gitops/schedules/overlays/staging");
    private static final String NS = "animops-staging";
    private static final String LEGACY_IDEA = "legacy-20260101-0900-1";
    private static Path kubeconfig;

    @Inject
    KubernetesClient client;

    static boolean kubectlPresent() {
        return Files.isExecutable(Path.of(KUBECTL));
    }

    @BeforeAll
    static void workDir() throws IOException {
        kubeconfig = Files.createTempFile("gitops-kubeconfig", ".yaml");
    }

    @Test
    void theStagingOverlayAppliesReconcilesWithoutDriftAndSurvivesAPruneOfASchedule() throws Exception {
        writeKubeconfig();
        Result applied = kubectl("apply", "-k", STAGING.toString());
        assertThat(applied.exit()).as(applied.err()).isZero();
        assertThat(applied.out()).contains("contentschedule.animops.io/physics-shorts-weekday created");

        // every schedule fires once (runOnCreate in the overlay) and reports its run in status
        await().atMost(PATIENCE).untilAsserted(() -> {
            for (ContentSchedule s : client.resources(ContentSchedule.class)
                    .inNamespace(NS)
                    .list()
                    .getItems()) {
                assertThat(s.getStatus()).as(s.getMetadata().getName()).isNotNull();
                assertThat(s.getStatus().getObservedGeneration())
                        .isEqualTo(s.getMetadata().getGeneration());
                assertThat(ready(s).getStatus()).as(ready(s).getMessage()).isEqualTo(Conditions.TRUE);
                assertThat(s.getStatus().getNextScheduleTime()).isNotNull();
                assertThat(s.getStatus().getLastRun()).isNotNull();
                assertThat(s.getStatus().getLastRun().getProposed())
                        .isEqualTo(s.getSpec().getIdeasPerRun());
            }
        });
        ContentSchedule weekday = schedule("physics-shorts-weekday");
        assertThat(weekday.getStatus().getLastRun().getRunId())
                .isEqualTo(weekday.getStatus().getLastRunId());

        // the operator wrote status only and the schema filled the defaults: kubectl diff sees nothing to change.
        // (kubectl reads the live object and then asks for a dry run: while the ideas move on, the schedule's status
        // may change in between and show up; spec drift would never go away, so this waits for a quiet moment.)
        await().atMost(PATIENCE).untilAsserted(() -> {
            Result diff = kubectl("diff", "-k", STAGING.toString());
            assertThat(diff.exit())
                    .as("kubectl diff:\n" + diff.out() + diff.err())
                    .isZero();
            assertThat(diff.out()).isEmpty();
        });

        // a prune (the schedule renamed in Git: the old name deleted) keeps every idea it made
        List<String> ideasBefore = ideaNames("physics-shorts-weekday");
        assertThat(ideasBefore).hasSize(4);
        Result deleted = kubectl("delete", "contentschedule", "physics-shorts-weekday", "-n", NS);
        assertThat(deleted.exit()).as(deleted.err()).isZero();
        await().atMost(PATIENCE).untilAsserted(() -> {
            assertThat(ideaNames("physics-shorts-weekday")).containsExactlyInAnyOrderElementsOf(ideasBefore);
            // in-flight ideas stop and say why; finished ones keep their conditions
            for (AnimationIdea idea : ideas("physics-shorts-weekday")) {
                assertThat(idea.getStatus())
                        .as("status of " + idea.getMetadata().getName())
                        .isNotNull();
                if (!idea.getStatus().getPhase().isTerminal()) {
                    Condition attached = condition(idea.getStatus().getConditions(), "ScheduleAttached");
                    assertThat(attached.getStatus()).isEqualTo(Conditions.FALSE);
                    assertThat(attached.getReason()).isEqualTo("ScheduleDeleted");
                }
            }
        });

        // re-created under the same name, it picks its history up: no second run, the ideas counted again
        Result reapplied = kubectl("apply", "-k", STAGING.toString());
        assertThat(reapplied.exit()).as(reapplied.err()).isZero();
        await().atMost(PATIENCE).untilAsserted(() -> {
            ContentSchedule again = schedule("physics-shorts-weekday");
            assertThat(again.getStatus()).isNotNull();
            assertThat(again.getStatus().getLastFiredSlot())
                    .isEqualTo(weekday.getStatus().getLastFiredSlot());
            assertThat(again.getStatus().getLastRun().getProposed()).isEqualTo(4);
            assertThat(again.getStatus().getIdeas().values().stream()
                            .mapToInt(Integer::intValue)
                            .sum())
                    .isEqualTo(4);
            for (AnimationIdea idea : ideas("physics-shorts-weekday")) {
                Conditions.find(idea.getStatus().getConditions(), "ScheduleAttached")
                        .ifPresent(c -> assertThat(c.getReason()).isEqualTo("ScheduleRecreated"));
            }
        });
        assertThat(ideaNames("physics-shorts-weekday")).containsExactlyInAnyOrderElementsOf(ideasBefore);
    }

    @Test
    void anIdeaOwnedByItsScheduleBeforeThisChangeIsReleasedSoThatDeletingTheScheduleKeepsIt() {
        String ns = "gitops-migrate";
        ContentSchedule schedule = Pipeline.schedule(ns, "legacy", Selection.Mode.Manual, 1, 1, 0.99);
        schedule.getSpec().setRunOnCreate(false);
        schedule = client.resource(schedule).create();
        // as the operator made ideas before: owned by the schedule, with its label and reference
        AnimationIdea idea = Pipeline.idea(ns, LEGACY_IDEA, "Legacy owned idea", "An idea made by an older operator");
        idea.getSpec().setScheduleRef("legacy");
        idea.getMetadata().setLabels(Map.of(AnimOps.LABEL_SCHEDULE, "legacy", AnimOps.LABEL_RUN, "20260101-0900"));
        idea.getMetadata()
                .setOwnerReferences(List.of(new OwnerReferenceBuilder()
                        .withApiVersion(schedule.getApiVersion())
                        .withKind(schedule.getKind())
                        .withName("legacy")
                        .withUid(schedule.getMetadata().getUid())
                        .withController(true)
                        .withBlockOwnerDeletion(true)
                        .build()));
        client.resource(idea).create();

        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(client.resources(AnimationIdea.class)
                                .inNamespace(ns)
                                .withName(LEGACY_IDEA)
                                .get()
                                .getMetadata()
                                .getOwnerReferences())
                        .isNullOrEmpty());

        // the embedded API collects dependents as Kubernetes' garbage collector does: the idea is no longer one
        client.resource(schedule).delete();
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(client.resources(ContentSchedule.class)
                                .inNamespace(ns)
                                .withName("legacy")
                                .get())
                        .isNull());
        assertThat(client.resources(AnimationIdea.class)
                        .inNamespace(ns)
                        .withName(LEGACY_IDEA)
                        .get())
                .isNotNull();
    }

    private ContentSchedule schedule(String name) {
        return client.resources(ContentSchedule.class)
                .inNamespace(NS)
                .withName(name)
                .get();
    }

    private List<AnimationIdea> ideas(String schedule) {
        return client.resources(AnimationIdea.class)
                .inNamespace(NS)
                .withLabel(AnimOps.LABEL_SCHEDULE, schedule)
                .list()
                .getItems();
    }

    private List<String> ideaNames(String schedule) {
        return ideas(schedule).stream().map(i -> i.getMetadata().getName()).toList();
    }

    private static Condition ready(ContentSchedule schedule) {
        return condition(schedule.getStatus().getConditions(), "Ready");
    }

    private static Condition condition(List<Condition> conditions, String type) {
        return Conditions.find(conditions, type)
                .orElseThrow(() -> new AssertionError("no condition " + type + " in " + conditions));
    }

    private void writeKubeconfig() throws IOException {
        Files.writeString(
                kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: embedded
                  cluster:
                    server: %s
                users:
                - name: embedded
                  user: {}
                contexts:
                - name: embedded
                  context: {cluster: embedded, user: embedded}
                current-context: embedded
                """.formatted(client.getMasterUrl().toString().replaceAll("/$", "")));
    }

    record Result(int exit, String out, String err) {}

    private static Result kubectl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(KUBECTL, "--kubeconfig", kubeconfig.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile("kubectl", ".out");
        Path err = Files.createTempFile("kubectl", ".err");
        Process p = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("kubectl timed out: " + command);
        }
        return new Result(
                p.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }
}
