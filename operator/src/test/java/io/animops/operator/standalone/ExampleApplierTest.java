package io.animops.operator.standalone;

import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.AnimationIdeaStatus;
import io.animops.crds.v1alpha1.ContentSchedule;
import io.animops.crds.v1alpha1.IdeaPhase;
import io.animops.crds.v1alpha1.RenderAgent;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ExampleApplierTest {
    @TempDir
    Path examples;

    EmbeddedKubernetesApi api;
    KubernetesClient client;
    ExampleApplier.History history = ExampleApplier.History.inMemory();

    @BeforeEach
    void start() {
        api = new EmbeddedKubernetesApi().start(FreePorts.next());
        api.applyCrds();
        client = api.client();
    }

    @AfterEach
    void stop() {
        api.stop();
    }

    @Test
    void appliesAnimOpsResourcesAndNamespacesAndSkipsOrReportsTheRest() throws Exception {
        Files.writeString(examples.resolve("schedule.yaml"), """
                ---
                apiVersion: animops.io/v1alpha1
                kind: ContentSchedule
                metadata:
                  name: daily
                spec:
                  cron: "0 9 * * *"
                  ideasPerRun: 2
                  runOnCreate: true
                ---
                apiVersion: animops.io/v1alpha1
                kind: AnimationIdea
                metadata:
                  name: marble-run
                  namespace: studio
                spec:
                  title: Marble run
                  premise: A marble rolls down a spiral track and rings a bell.
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata:
                  name: not-for-standalone
                data:
                  a: b
                ---
                """);
        // a namespace in a file sorted after its user: namespaces go first
        Files.writeString(examples.resolve("zz-namespace.yml"), """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: studio
                """);
        Files.createDirectories(examples.resolve("agents"));
        Files.writeString(examples.resolve("agents/mac.yaml"), """
                apiVersion: animops.io/v1alpha1
                kind: RenderAgent
                metadata:
                  name: studio-mac
                spec:
                  os: darwin
                  arch: arm64
                """);
        Files.writeString(examples.resolve("broken.yaml"), """
                apiVersion: animops.io/v1alpha1
                kind: ContentSchedule
                metadata:
                  name: greedy
                spec:
                  cron: "0 9 * * *"
                  ideasPerRun: 99
                """);
        Files.writeString(examples.resolve("README.md"), "not a manifest");

        List<ExampleApplier.Outcome> outcomes = new ExampleApplier(client, history).apply(examples);

        assertThat(outcomes)
                .extracting(o -> o.kind() + "/" + o.name() + ":" + o.action())
                .containsExactly(
                        "Namespace/studio:CREATED",
                        // then files in path order: agents/mac.yaml, broken.yaml, schedule.yaml
                        "RenderAgent/studio-mac:CREATED",
                        "ContentSchedule/greedy:FAILED",
                        "ContentSchedule/daily:CREATED",
                        "AnimationIdea/marble-run:CREATED",
                        "ConfigMap/not-for-standalone:SKIPPED");
        assertThat(outcomes.get(2).message()).contains("spec.ideasPerRun");
        ContentSchedule daily = client.resources(ContentSchedule.class)
                .inNamespace("default")
                .withName("daily")
                .get();
        assertThat(daily.getSpec().getRunOnCreate()).isTrue();
        assertThat(client.resources(AnimationIdea.class)
                        .inNamespace("studio")
                        .withName("marble-run")
                        .get())
                .isNotNull();
        assertThat(client.resources(RenderAgent.class)
                        .withName("studio-mac")
                        .get()
                        .getMetadata()
                        .getNamespace())
                .isNull();
        assertThat(client.namespaces().withName("studio").get()).isNotNull();
        assertThat(client.configMaps().inAnyNamespace().list().getItems()).isEmpty();
        assertThat(client.resources(ContentSchedule.class)
                        .inAnyNamespace()
                        .list()
                        .getItems())
                .extracting(s -> s.getMetadata().getName())
                .containsExactly("daily");
    }

    @Test
    void applyingAgainKeepsWhatTheUserChangedAndDoesNotBringBackWhatTheyDeleted() throws Exception {
        Path file = examples.resolve("ideas.yaml");
        Files.writeString(file, """
                apiVersion: animops.io/v1alpha1
                kind: AnimationIdea
                metadata:
                  name: pendulum
                spec:
                  title: Pendulum
                  premise: A pendulum swings through a field of candles.
                ---
                apiVersion: animops.io/v1alpha1
                kind: AnimationIdea
                metadata:
                  name: domino
                spec:
                  title: Domino
                  premise: Dominoes fall in a spiral.
                """);
        new ExampleApplier(client, history).apply(examples);
        AnimationIdea stored = client.resources(AnimationIdea.class)
                .inNamespace("default")
                .withName("pendulum")
                .get();
        AnimationIdeaStatus status = new AnimationIdeaStatus();
        status.setPhase(IdeaPhase.Accepted);
        stored.setStatus(status);
        client.resource(stored).updateStatus();
        stored = client.resources(AnimationIdea.class)
                .inNamespace("default")
                .withName("pendulum")
                .get();
        stored.getSpec().setTitle("Pendulum, as the user wants it");
        client.resource(stored).update();
        client.resources(AnimationIdea.class)
                .inNamespace("default")
                .withName("domino")
                .delete();
        String resourceVersion = client.resources(AnimationIdea.class)
                .inNamespace("default")
                .withName("pendulum")
                .get()
                .getMetadata()
                .getResourceVersion();

        Files.writeString(file, Files.readString(file).replace("title: Pendulum", "title: Pendulum at dusk"));
        List<ExampleApplier.Outcome> again = new ExampleApplier(client, history).apply(examples);

        assertThat(again)
                .extracting(o -> o.name() + ":" + o.action())
                .containsExactly("pendulum:KEPT", "domino:DELETED_SINCE");
        AnimationIdea kept = client.resources(AnimationIdea.class)
                .inNamespace("default")
                .withName("pendulum")
                .get();
        assertThat(kept.getSpec().getTitle()).isEqualTo("Pendulum, as the user wants it");
        assertThat(kept.getStatus().getPhase()).isEqualTo(IdeaPhase.Accepted);
        assertThat(kept.getMetadata().getResourceVersion()).isEqualTo(resourceVersion);
        assertThat(client.resources(AnimationIdea.class)
                        .inNamespace("default")
                        .withName("domino")
                        .get())
                .isNull();
    }

    @Test
    void anExampleAddedLaterIsCreatedAtTheNextStart() throws Exception {
        Files.writeString(examples.resolve("a.yaml"), """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: first
                """);
        new ExampleApplier(client, history).apply(examples);
        Files.writeString(examples.resolve("b.yaml"), """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: second
                """);
        assertThat(new ExampleApplier(client, history).apply(examples))
                .extracting(o -> o.name() + ":" + o.action())
                .containsExactly("first:KEPT", "second:CREATED");
    }

    @Test
    void aMissingFolderAppliesNothing() {
        assertThat(new ExampleApplier(client, history).apply(examples.resolve("absent")))
                .isEmpty();
    }
}
