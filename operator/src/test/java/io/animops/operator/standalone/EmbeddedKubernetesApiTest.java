package io.animops.operator.standalone;

import io.animops.crds.Conditions;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.AnimationIdeaSpec;
import io.animops.crds.v1alpha1.AnimationIdeaStatus;
import io.animops.crds.v1alpha1.ContentSchedule;
import io.animops.crds.v1alpha1.IdeaPhase;
import io.animops.crds.v1alpha1.RenderAgent;
import io.animops.crds.v1alpha1.RenderAgentSpec;
import io.animops.crds.v1alpha1.RenderAgentStatus;
import io.animops.crds.v1alpha1.ScriptAttempt;
import io.animops.crds.v1alpha1.ScriptAttemptSpec;
import io.animops.crds.v1alpha1.Selection;
import io.animops.operator.kube.OwnedChildren;
import io.animops.operator.testing.Pipeline;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectRulesReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedKubernetesApiTest {
    static final String KUBECTL = System.getenv().getOrDefault("KUBECTL", "/usr/bin/kubectl");

    static EmbeddedKubernetesApi api;
    static KubernetesClient client;

    @TempDir
    static Path dir;

    static Path kubeconfig;

    @BeforeAll
    static void start() {
        api = new EmbeddedKubernetesApi().start(FreePorts.next());
        api.applyCrds();
        client = api.client();
        kubeconfig = api.writeKubeconfig(dir.resolve("kubeconfig"));

        AnimationIdea idea = new AnimationIdea();
        idea.setMetadata(new ObjectMetaBuilder()
                .withName("falling-dominoes")
                .withNamespace("default")
                .build());
        AnimationIdeaSpec spec = new AnimationIdeaSpec();
        spec.setTitle("Falling dominoes");
        spec.setPremise("A spiral of dominoes topples into a heart shape.");
        idea.setSpec(spec);
        AnimationIdea created = client.resource(idea).create();
        AnimationIdeaStatus status = new AnimationIdeaStatus();
        status.setPhase(IdeaPhase.Scripting);
        status.setAttempts(2);
        status.getConditions()
                .add(new ConditionBuilder()
                        .withType("Succeeded")
                        .withStatus(Conditions.UNKNOWN)
                        .withReason("RepairingScript")
                        .withLastTransitionTime("2026-01-01T00:00:00Z")
                        .build());
        created.setStatus(status);
        client.resource(created).updateStatus();

        RenderAgent agent = new RenderAgent();
        agent.setMetadata(new ObjectMetaBuilder().withName("mac-mini-1").build());
        RenderAgentSpec agentSpec = new RenderAgentSpec();
        agentSpec.setOs("darwin");
        agentSpec.setArch("arm64");
        agentSpec.setGodotVersion("4.6.stable");
        agent.setSpec(agentSpec);
        RenderAgent createdAgent = client.resource(agent).create();
        RenderAgentStatus agentStatus = new RenderAgentStatus();
        agentStatus.setActiveJobs(1);
        agentStatus
                .getConditions()
                .add(new ConditionBuilder()
                        .withType("Ready")
                        .withStatus("True")
                        .withReason("Heartbeat")
                        .withLastTransitionTime("2026-01-01T00:00:00Z")
                        .build());
        createdAgent.setStatus(agentStatus);
        client.resource(createdAgent).updateStatus();
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.stop();
        }
    }

    static boolean kubectlPresent() {
        return Files.isExecutable(Path.of(KUBECTL));
    }

    @Test
    void deletingAParentDeletesItsWholeChainLikeTheGarbageCollector() {
        ContentSchedule schedule = client.resource(
                        Pipeline.schedule("cascade", "daily", Selection.Mode.Auto, 1, 1, 0.85))
                .create();
        AnimationIdea idea = Pipeline.idea("cascade", "daily-1", "Cascading title", "A premise that is long enough");
        idea.setMetadata(OwnedChildren.metadata(schedule, "daily-1", Map.of()));
        idea = client.resource(idea).create();
        ScriptAttempt attempt = new ScriptAttempt();
        attempt.setMetadata(OwnedChildren.metadata(idea, "daily-1-a1", Map.of()));
        attempt.setSpec(new ScriptAttemptSpec());
        attempt.getSpec().setIdeaRef("daily-1");
        attempt.getSpec().setAttempt(1);
        client.resource(attempt).create();
        AnimationIdea unrelated = client.resource(
                        Pipeline.idea("cascade", "standalone-idea", "Unrelated title", "Owned by nobody at all"))
                .create();

        client.resource(schedule).delete();

        assertThat(client.resources(AnimationIdea.class)
                        .inNamespace("cascade")
                        .list()
                        .getItems())
                .extracting(i -> i.getMetadata().getName())
                .containsExactly(unrelated.getMetadata().getName());
        assertThat(client.resources(ScriptAttempt.class)
                        .inNamespace("cascade")
                        .list()
                        .getItems())
                .isEmpty();
    }

    @Test
    void listsAndCollectionDeletesSeeOnlyTheirNamespaceAndSelectedLabels() {
        for (String namespace : List.of("lists-a", "lists-ab")) {
            client.namespaces()
                    .resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                            .withNewMetadata()
                            .withName(namespace)
                            .endMetadata()
                            .build())
                    .create();
            for (String colour : List.of("red", "blue")) {
                client.configMaps()
                        .inNamespace(namespace)
                        .resource(new io.fabric8.kubernetes.api.model.ConfigMapBuilder()
                                .withNewMetadata()
                                .withName(colour)
                                .withLabels(Map.of("colour", colour))
                                .endMetadata()
                                .build())
                        .create();
            }
        }

        assertThat(client.configMaps().inNamespace("lists-a").list().getItems())
                .extracting(c ->
                        c.getMetadata().getNamespace() + "/" + c.getMetadata().getName())
                .containsExactly("lists-a/blue", "lists-a/red");
        assertThat(client.configMaps()
                        .inAnyNamespace()
                        .withLabel("colour", "red")
                        .list()
                        .getItems())
                .extracting(c ->
                        c.getMetadata().getNamespace() + "/" + c.getMetadata().getName())
                .containsExactly("lists-a/red", "lists-ab/red");

        client.configMaps().inNamespace("lists-a").withLabel("colour", "red").delete();

        assertThat(client.configMaps()
                        .inAnyNamespace()
                        .withLabel("colour")
                        .list()
                        .getItems())
                .extracting(c ->
                        c.getMetadata().getNamespace() + "/" + c.getMetadata().getName())
                .containsExactly("lists-a/blue", "lists-ab/blue", "lists-ab/red");
        assertThat(client.configMaps().inNamespace("lists-a").withName("red").get())
                .isNull();
    }

    @Test
    void selfSubjectReviewsSayEverythingIsAllowed() {
        var review = client.authorization()
                .v1()
                .selfSubjectRulesReview()
                .create(new SelfSubjectRulesReviewBuilder()
                        .withNewSpec()
                        .withNamespace("default")
                        .endSpec()
                        .build());
        assertThat(review.getStatus().getResourceRules())
                .singleElement()
                .satisfies(r -> assertThat(r.getVerbs()).containsExactly("*"));
        var access = client.authorization()
                .v1()
                .selfSubjectAccessReview()
                .create(new SelfSubjectAccessReviewBuilder()
                        .withNewSpec()
                        .withNewResourceAttributes()
                        .withGroup("animops.io")
                        .withResource("renderjobs")
                        .withVerb("patch")
                        .endResourceAttributes()
                        .endSpec()
                        .build());
        assertThat(access.getStatus().getAllowed()).isTrue();
    }

    @Test
    void statusWrittenThroughTheSubresourceIsStored() {
        AnimationIdea stored = client.resources(AnimationIdea.class)
                .inNamespace("default")
                .withName("falling-dominoes")
                .get();
        assertThat(stored.getStatus().getPhase()).isEqualTo(IdeaPhase.Scripting);
        assertThat(stored.getSpec().getTitle()).isEqualTo("Falling dominoes");
    }

    @Test
    void aWriteOfTheMainResourceKeepsTheStatusOfAResourceWithTheStatusSubresource() {
        AnimationIdea idea = new AnimationIdea();
        idea.setMetadata(new ObjectMetaBuilder()
                .withName("status-kept")
                .withNamespace("default")
                .build());
        idea.setSpec(new AnimationIdeaSpec());
        idea.getSpec().setTitle("Status kept");
        idea.getSpec().setPremise("A premise long enough for the schema.");
        idea.setStatus(new AnimationIdeaStatus());
        idea.getStatus().setPhase(IdeaPhase.Published);
        AnimationIdea created = client.resource(idea).create();
        assertThat(created.getStatus()).as("a create ignores the status").isNull();
        created.setStatus(new AnimationIdeaStatus());
        created.getStatus().setPhase(IdeaPhase.Scripting);
        client.resource(created).updateStatus();

        AnimationIdea withoutStatus = client.resources(AnimationIdea.class)
                .inNamespace("default")
                .withName("status-kept")
                .get();
        withoutStatus.setStatus(null);
        withoutStatus.getMetadata().setLabels(Map.of("replaced", "yes"));
        client.resource(withoutStatus).update();
        client.resources(AnimationIdea.class)
                .inNamespace("default")
                .withName("status-kept")
                .edit(i -> {
                    i.getMetadata().setLabels(Map.of("patched", "yes"));
                    i.setStatus(null);
                    return i;
                });

        AnimationIdea stored = client.resources(AnimationIdea.class)
                .inNamespace("default")
                .withName("status-kept")
                .get();
        assertThat(stored.getMetadata().getLabels()).containsEntry("patched", "yes");
        assertThat(stored.getStatus().getPhase()).isEqualTo(IdeaPhase.Scripting);
    }

    @Test
    @EnabledIf("kubectlPresent")
    void kubectlGetCategoryListsBothKinds() throws Exception {
        Result r = kubectl("get", "animops", "-A");
        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(r.out)
                .contains("animationidea.animops.io/falling-dominoes")
                .contains("renderagent.animops.io/mac-mini-1");
    }

    @Test
    @EnabledIf("kubectlPresent")
    void kubectlGetIdeaShowsPrinterColumns() throws Exception {
        Result r = kubectl("get", "idea", "-n", "default");
        assertThat(r.exit).as(r.toString()).isZero();
        List<String> lines = r.out.lines().toList();
        assertThat(lines.get(0).split("\\s+"))
                .containsExactly("NAME", "PHASE", "TITLE", "SIMILARITY", "ATTEMPTS", "REASON", "AGE");
        String header = lines.get(0);
        String row = lines.get(1);
        assertThat(cell(header, row, "NAME")).isEqualTo("falling-dominoes");
        assertThat(cell(header, row, "PHASE")).isEqualTo("Scripting");
        assertThat(cell(header, row, "TITLE")).isEqualTo("Falling dominoes");
        // no similarity score yet: the API server leaves the cell empty and kubectl prints nothing
        assertThat(cell(header, row, "SIMILARITY")).isEmpty();
        assertThat(cell(header, row, "ATTEMPTS")).isEqualTo("2");
        assertThat(cell(header, row, "REASON")).isEqualTo("RepairingScript");
        // AGE rendered from creationTimestamp, e.g. "3s"
        assertThat(cell(header, row, "AGE")).matches("\\d+s");
    }

    @Test
    @EnabledIf("kubectlPresent")
    void kubectlGetSingleIdeaByFullName() throws Exception {
        Result r = kubectl("get", "animationideas.animops.io", "falling-dominoes", "-o", "wide");
        assertThat(r.exit).as(r.toString()).isZero();
        assertThat(r.out).contains("PHASE").contains("Scripting");
    }

    @Test
    @EnabledIf("kubectlPresent")
    void kubectlGetRenderAgentEvaluatesTheReadyConditionFilter() throws Exception {
        Result r = kubectl("get", "ragent");
        assertThat(r.exit).as(r.toString()).isZero();
        List<String> lines = r.out.lines().toList();
        String header = lines.get(0);
        // rows come in name order, as from a real server; other tests add agents
        String row = lines.stream()
                .filter(l -> l.startsWith("mac-mini-1 "))
                .findFirst()
                .orElseThrow();
        assertThat(header.split("\\s+"))
                .containsExactly("NAME", "READY", "OS", "ARCH", "GODOT", "ACTIVE", "HEARTBEAT", "AGE");
        assertThat(cell(header, row, "NAME")).isEqualTo("mac-mini-1");
        assertThat(cell(header, row, "READY")).isEqualTo("True");
        assertThat(cell(header, row, "OS")).isEqualTo("darwin");
        assertThat(cell(header, row, "ARCH")).isEqualTo("arm64");
        assertThat(cell(header, row, "GODOT")).isEqualTo("4.6.stable");
        assertThat(cell(header, row, "ACTIVE")).isEqualTo("1");
        assertThat(cell(header, row, "AGE")).matches("\\d+s");
    }

    @Test
    @EnabledIf("kubectlPresent")
    void kubectlGetMissingObjectSaysNotFound() throws Exception {
        Result r = kubectl("get", "idea", "no-such-idea");
        assertThat(r.exit).isNotZero();
        assertThat(r.err).contains("NotFound").contains("animationideas.animops.io \"no-such-idea\" not found");
    }

    @Test
    void invalidScheduleIsRejectedThroughTheClient() {
        GenericKubernetesResource schedule = Serialization.unmarshal("""
                apiVersion: animops.io/v1alpha1
                kind: ContentSchedule
                metadata:
                  name: too-many
                  namespace: default
                spec:
                  cron: "0 9 * * *"
                  ideasPerRun: 99
                """, GenericKubernetesResource.class);
        assertThatThrownBy(() -> client.resource(schedule).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    assertThat(e.getStatus().getReason()).isEqualTo("Invalid");
                    assertThat(e.getStatus().getMessage())
                            .contains("ContentSchedule.animops.io \"too-many\" is invalid")
                            .contains("spec.ideasPerRun");
                    assertThat(e.getStatus().getDetails().getCauses()).anySatisfy(c -> {
                        assertThat(c.getField()).isEqualTo("spec.ideasPerRun");
                        assertThat(c.getReason()).isEqualTo("FieldValueInvalid");
                    });
                });
        assertThat(client.resources(ContentSchedule.class)
                        .inNamespace("default")
                        .withName("too-many")
                        .get())
                .isNull();
    }

    @Test
    void anIdeaNamedOutsideDns1123IsRefusedNamingTheField() {
        AnimationIdea idea = new AnimationIdea();
        idea.setMetadata(new ObjectMetaBuilder()
                .withName("Bad_Name")
                .withNamespace("default")
                .build());
        AnimationIdeaSpec spec = new AnimationIdeaSpec();
        spec.setTitle("Bad name");
        spec.setPremise("A premise that is fine.");
        idea.setSpec(spec);
        assertThatThrownBy(() -> client.resource(idea).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    assertThat(e.getStatus().getReason()).isEqualTo("Invalid");
                    assertThat(e.getStatus().getMessage())
                            .startsWith(
                                    "AnimationIdea.animops.io \"Bad_Name\" is invalid: "
                                            + "metadata.name: Invalid value: \"Bad_Name\": a lowercase RFC 1123 subdomain must consist of");
                    assertThat(e.getStatus().getDetails().getCauses())
                            .singleElement()
                            .satisfies(c -> {
                                assertThat(c.getField()).isEqualTo("metadata.name");
                                assertThat(c.getReason()).isEqualTo("FieldValueInvalid");
                            });
                });
        assertThat(client.resources(AnimationIdea.class)
                        .inNamespace("default")
                        .withName("Bad_Name")
                        .get())
                .isNull();
    }

    @Test
    void namespacesTakeDns1123LabelsWithoutDotsAndAtMost63Characters() {
        assertThatThrownBy(() -> client.namespaces()
                        .resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                                .withNewMetadata()
                                .withName("with.dot")
                                .endMetadata()
                                .build())
                        .create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    assertThat(e.getStatus().getMessage())
                            .startsWith("Namespace \"with.dot\" is invalid: metadata.name")
                            .contains("RFC 1123 label");
                });
        String long64 = "a".repeat(64);
        assertThatThrownBy(() -> client.namespaces()
                        .resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                                .withNewMetadata()
                                .withName(long64)
                                .endMetadata()
                                .build())
                        .create())
                .hasMessageContaining("must be no more than 63 characters");
        assertThat(ObjectNames.violation("animops.io", "animationideas", "with.dot-1"))
                .isEmpty();
        assertThat(ObjectNames.violation("animops.io", "animationideas", "-leading"))
                .isPresent();
        assertThat(ObjectNames.violation("animops.io", "animationideas", "a".repeat(254)))
                .isPresent();
    }

    @Test
    void aCreateIsStoredWithTheServersMetadataAndWithoutTheStatusOfAStatusSubresource() throws Exception {
        String sent = """
                {"kind": "AnimationIdea", "apiVersion": "animops.io/v1alpha1",
                 "spec": {"title": "Sent with a server's metadata", "premise": "A ball rolls."},
                 "status": {"phase": "Published"},
                 "metadata": {"name": "created-as-sent", "labels": {"tier": "gold"}, "uid": "not-mine",
                   "resourceVersion": "999999", "generation": 7, "creationTimestamp": "2020-01-01T00:00:00Z",
                   "deletionTimestamp": "2020-01-02T00:00:00Z"}}""";
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        api.url() + "/apis/animops.io/v1alpha1/namespaces/default/animationideas"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofString(sent))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).startsWith("{\"apiVersion\":\"animops.io/v1alpha1\",\"kind\":\"AnimationIdea\",");
        AnimationIdea created = Serialization.unmarshal(response.body(), AnimationIdea.class);
        assertThat(created.getMetadata().getNamespace()).isEqualTo("default");
        assertThat(java.util.UUID.fromString(created.getMetadata().getUid()).version())
                .isEqualTo(4);
        assertThat(created.getMetadata().getGeneration()).isEqualTo(1L);
        assertThat(created.getMetadata().getDeletionTimestamp()).isNull();
        assertThat(created.getMetadata().getLabels()).containsEntry("tier", "gold");
        // the server's time, in whole seconds
        assertThat(created.getMetadata().getCreationTimestamp()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        assertThat(java.time.Instant.parse(created.getMetadata().getCreationTimestamp()))
                .isAfter(java.time.Instant.now().minus(java.time.Duration.ofMinutes(1)));
        assertThat(Long.parseLong(created.getMetadata().getResourceVersion())).isNotEqualTo(999999L);
        assertThat(created.getStatus())
                .as("set through the status subresource only")
                .isNull();
        assertThat(created.getSpec().getTitle()).isEqualTo("Sent with a server's metadata");
        assertThat(client.resources(AnimationIdea.class)
                        .inNamespace("default")
                        .withName("created-as-sent")
                        .get())
                .isEqualTo(created);

        assertThatThrownBy(() -> client.resource(created).create())
                .isInstanceOfSatisfying(
                        KubernetesClientException.class,
                        e -> assertThat(e.getCode()).isEqualTo(409));
        // the other tests count the namespace's ideas
        client.resource(created).delete();
    }

    @Test
    @SuppressWarnings("unchecked")
    void schemaDefaultsAreFilledInOnCreate() {
        GenericKubernetesResource schedule = Serialization.unmarshal("""
                apiVersion: animops.io/v1alpha1
                kind: ContentSchedule
                metadata:
                  name: defaults
                  namespace: default
                spec:
                  cron: "@daily"
                """, GenericKubernetesResource.class);
        GenericKubernetesResource created = client.resource(schedule).create();
        Map<String, Object> spec = created.get("spec");
        assertThat(spec).containsEntry("ideasPerRun", 3).containsEntry("runOnCreate", false);
        GenericKubernetesResource stored = client.genericKubernetesResources("animops.io/v1alpha1", "ContentSchedule")
                .inNamespace("default")
                .withName("defaults")
                .get();
        assertThat((Map<String, Object>) stored.get("spec")).containsEntry("ideasPerRun", 3);
    }

    @Test
    void invalidPatchIsRejectedAndTheStoredObjectKept() {
        assertThatThrownBy(() -> client.resources(RenderAgent.class)
                        .withName("mac-mini-1")
                        .edit(a -> {
                            a.getSpec().setOs(null);
                            return a;
                        }))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    assertThat(e.getStatus().getMessage()).contains("spec.os");
                });
        assertThat(client.resources(RenderAgent.class)
                        .withName("mac-mini-1")
                        .get()
                        .getSpec()
                        .getOs())
                .isEqualTo("darwin");
    }

    @Test
    void serverSideApplyOfStatusIsMergedLikeJosdkExpects() {
        RenderAgent patch = new RenderAgent();
        patch.setMetadata(new ObjectMetaBuilder().withName("mac-mini-1").build());
        RenderAgentStatus status = new RenderAgentStatus();
        status.setActiveJobs(3);
        status.setLastHeartbeat("2026-01-01T00:00:00Z");
        patch.setStatus(status);
        // what JOSDK 5 does for status: PATCH .../status with application/apply-patch+yaml
        client.resource(patch)
                .subresource("status")
                .patch(new io.fabric8.kubernetes.client.dsl.base.PatchContext.Builder()
                        .withPatchType(io.fabric8.kubernetes.client.dsl.base.PatchType.SERVER_SIDE_APPLY)
                        .withFieldManager("animops")
                        .withForce(true)
                        .build());
        RenderAgent stored =
                client.resources(RenderAgent.class).withName("mac-mini-1").get();
        assertThat(stored.getStatus().getLastHeartbeat()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(stored.getSpec().getOs()).isEqualTo("darwin");
    }

    @Test
    void appliedListsReplaceTheStoredOnesInsteadOfPilingUp() {
        RenderAgent agent = new RenderAgent();
        agent.setMetadata(new ObjectMetaBuilder().withName("mac-studio-2").build());
        agent.setSpec(new RenderAgentSpec());
        agent.getSpec().setOs("darwin");
        agent.getSpec().setArch("arm64");
        client.resource(agent).create();
        for (String reason : List.of("NoHeartbeat", "Heartbeating")) {
            RenderAgent patch = new RenderAgent();
            patch.setMetadata(new ObjectMetaBuilder().withName("mac-studio-2").build());
            patch.setStatus(new RenderAgentStatus());
            patch.getStatus()
                    .getConditions()
                    .add(new ConditionBuilder()
                            .withType("Ready")
                            .withStatus("Unknown")
                            .withReason(reason)
                            .withLastTransitionTime("2026-01-01T00:00:00Z")
                            .build());
            client.resource(patch)
                    .subresource("status")
                    .patch(new io.fabric8.kubernetes.client.dsl.base.PatchContext.Builder()
                            .withPatchType(io.fabric8.kubernetes.client.dsl.base.PatchType.SERVER_SIDE_APPLY)
                            .withFieldManager("animops")
                            .withForce(true)
                            .build());
        }
        assertThat(client.resources(RenderAgent.class)
                        .withName("mac-studio-2")
                        .get()
                        .getStatus()
                        .getConditions())
                .extracting(c -> c.getReason())
                .containsExactly("Heartbeating");
    }

    @Test
    void aStatusReplaceWithAStaleResourceVersionIsRefusedLikeOnARealServer() {
        RenderAgent agent = new RenderAgent();
        agent.setMetadata(new ObjectMetaBuilder().withName("racing-mac").build());
        agent.setSpec(new RenderAgentSpec());
        agent.getSpec().setOs("darwin");
        agent.getSpec().setArch("arm64");
        RenderAgent first = client.resource(agent).create();
        RenderAgent second =
                client.resources(RenderAgent.class).withName("racing-mac").get();

        first.setStatus(new RenderAgentStatus());
        first.getStatus().setActiveJobs(1);
        client.resource(first)
                .lockResourceVersion(first.getMetadata().getResourceVersion())
                .updateStatus();
        second.setStatus(new RenderAgentStatus());
        second.getStatus().setActiveJobs(2);
        assertThatThrownBy(() -> client.resource(second)
                        .lockResourceVersion(second.getMetadata().getResourceVersion())
                        .updateStatus())
                .isInstanceOfSatisfying(
                        io.fabric8.kubernetes.client.KubernetesClientException.class,
                        e -> assertThat(e.getCode()).isEqualTo(409))
                .hasMessageContaining("the object has been modified");
        assertThat(client.resources(RenderAgent.class)
                        .withName("racing-mac")
                        .get()
                        .getStatus()
                        .getActiveJobs())
                .isEqualTo(1);
    }

    @Test
    void aStatusReplaceChangesTheStatusOnlyAsTheApiServerDoes() throws Exception {
        AnimationIdea idea = new AnimationIdea();
        idea.setMetadata(new ObjectMetaBuilder()
                .withName("status-replaced")
                .withNamespace("default")
                .withLabels(Map.of("kept", "yes"))
                .build());
        idea.setSpec(new AnimationIdeaSpec());
        idea.getSpec().setTitle("Status replaced");
        idea.getSpec().setPremise("A premise long enough for the schema.");
        AnimationIdea created = client.resource(idea).create();
        var watched = new java.util.concurrent.LinkedBlockingQueue<String>();
        try (var watch = client.resources(AnimationIdea.class)
                .inNamespace("default")
                .withName("status-replaced")
                .watch(new io.fabric8.kubernetes.client.Watcher<>() {
                    @Override
                    public void eventReceived(Action action, AnimationIdea resource) {
                        watched.add(action + " " + resource.getStatus().getPhase());
                    }

                    @Override
                    public void onClose(io.fabric8.kubernetes.client.WatcherException cause) {}
                })) {
            // the body changes the spec and the labels too: a status replace keeps them as stored
            AnimationIdea body = Serialization.clone(created);
            body.getSpec().setTitle("Changed through status");
            body.getMetadata().setLabels(Map.of("kept", "no"));
            body.setStatus(new AnimationIdeaStatus());
            body.getStatus().setPhase(IdeaPhase.Rendering);
            HttpResponse<String> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(api.url()
                                            + "/apis/animops.io/v1alpha1/namespaces/default/animationideas"
                                            + "/status-replaced/status"))
                                    .header("Content-Type", "application/json")
                                    .PUT(HttpRequest.BodyPublishers.ofString(Serialization.asJson(body)))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).isEqualTo(200);
            AnimationIdea answered = Serialization.unmarshal(response.body(), AnimationIdea.class);
            AnimationIdea stored = client.resources(AnimationIdea.class)
                    .inNamespace("default")
                    .withName("status-replaced")
                    .get();
            for (AnimationIdea seen : List.of(answered, stored)) {
                assertThat(seen.getStatus().getPhase()).isEqualTo(IdeaPhase.Rendering);
                assertThat(seen.getSpec().getTitle()).isEqualTo("Status replaced");
                assertThat(seen.getMetadata().getLabels()).containsEntry("kept", "yes");
                assertThat(seen.getMetadata().getGeneration())
                        .isEqualTo(created.getMetadata().getGeneration());
                assertThat(Long.parseLong(seen.getMetadata().getResourceVersion()))
                        .isGreaterThan(Long.parseLong(created.getMetadata().getResourceVersion()));
            }
            assertThat(watched.poll(10, TimeUnit.SECONDS)).isEqualTo("MODIFIED Rendering");
        }
    }

    @Test
    void aStatusMergePatchNamingAStaleResourceVersionIsRefusedLikeOnARealServer() {
        RenderAgent agent = new RenderAgent();
        agent.setMetadata(new ObjectMetaBuilder().withName("claiming-mac").build());
        agent.setSpec(new RenderAgentSpec());
        agent.getSpec().setOs("darwin");
        agent.getSpec().setArch("arm64");
        String seen = client.resource(agent).create().getMetadata().getResourceVersion();
        var status =
                client.resources(RenderAgent.class).withName("claiming-mac").subresource("status");
        var merge = io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE);

        status.patch(merge, "{\"metadata\":{\"resourceVersion\":\"" + seen + "\"},\"status\":{\"activeJobs\":1}}");
        assertThatThrownBy(() -> status.patch(
                        merge, "{\"metadata\":{\"resourceVersion\":\"" + seen + "\"},\"status\":{\"activeJobs\":2}}"))
                .isInstanceOfSatisfying(
                        io.fabric8.kubernetes.client.KubernetesClientException.class,
                        e -> assertThat(e.getCode()).isEqualTo(409));
        // a patch that names no resourceVersion is unconditional, as on a real server
        status.patch(merge, "{\"status\":{\"jobs\":[\"a/b\"]}}");
        RenderAgent stored =
                client.resources(RenderAgent.class).withName("claiming-mac").get();
        assertThat(stored.getStatus().getActiveJobs()).isEqualTo(1);
        assertThat(stored.getStatus().getJobs()).containsExactly("a/b");
    }

    @Test
    void serverSideApplyCreatesAMissingObject() {
        GenericKubernetesResource idea = Serialization.unmarshal("""
                apiVersion: animops.io/v1alpha1
                kind: AnimationIdea
                metadata:
                  name: applied-idea
                  namespace: default
                spec:
                  title: Pendulum wave
                  premise: Fifteen pendulums of growing length swing into waves.
                """, GenericKubernetesResource.class);
        client.resource(idea).fieldManager("test").forceConflicts().serverSideApply();
        assertThat(client.resources(AnimationIdea.class)
                        .inNamespace("default")
                        .withName("applied-idea")
                        .get()
                        .getSpec()
                        .getTitle())
                .isEqualTo("Pendulum wave");
    }

    @Test
    @EnabledIf("kubectlPresent")
    void kubectlApplyOfAnInvalidScheduleIsRejectedWith422() throws Exception {
        Path manifest = dir.resolve("invalid-schedule.yaml");
        Files.writeString(manifest, """
                apiVersion: animops.io/v1alpha1
                kind: ContentSchedule
                metadata:
                  name: kubectl-too-many
                spec:
                  cron: "0 9 * * *"
                  ideasPerRun: 99
                """);
        Result r = kubectl("apply", "--validate=false", "-f", manifest.toString());
        assertThat(r.exit).as(r.toString()).isNotZero();
        // kubectl rewrites the server's 422 message to "The <Kind> "<name>" is invalid: <causes>"
        assertThat(r.err)
                .contains("The ContentSchedule \"kubectl-too-many\" is invalid")
                .contains("spec.ideasPerRun: Invalid value: 99");
    }

    @Test
    @EnabledIf("kubectlPresent")
    void kubectlApplyOfABadNameSaysWhatTheApiServerSays() throws Exception {
        Path manifest = dir.resolve("bad-name.yaml");
        Files.writeString(manifest, """
                apiVersion: animops.io/v1alpha1
                kind: AnimationIdea
                metadata:
                  name: Bad_Name
                spec:
                  title: Bad name
                  premise: A premise that is fine.
                """);
        Result r = kubectl("apply", "--validate=false", "-f", manifest.toString());
        assertThat(r.exit).as(r.toString()).isNotZero();
        assertThat(r.err)
                .contains("The AnimationIdea \"Bad_Name\" is invalid")
                .contains("metadata.name: Invalid value: \"Bad_Name\"");
    }

    @Test
    @EnabledIf("kubectlPresent")
    void kubectlApplyCreatesThenConfiguresAValidIdea() throws Exception {
        Path manifest = dir.resolve("idea.yaml");
        Files.writeString(manifest, """
                apiVersion: animops.io/v1alpha1
                kind: AnimationIdea
                metadata:
                  name: kubectl-idea
                spec:
                  title: Newton's cradle
                  premise: Five steel balls pass momentum along the row.
                """);
        Result created = kubectl("apply", "-f", manifest.toString());
        assertThat(created.exit).as(created.toString()).isZero();
        assertThat(created.out).contains("animationidea.animops.io/kubectl-idea created");
        Files.writeString(
                manifest, Files.readString(manifest).replace("Newton's cradle", "Newton's cradle, slow motion"));
        Result configured = kubectl("apply", "-f", manifest.toString());
        assertThat(configured.exit).as(configured.toString()).isZero();
        assertThat(configured.out).contains("animationidea.animops.io/kubectl-idea configured");
        assertThat(client.resources(AnimationIdea.class)
                        .inNamespace("default")
                        .withName("kubectl-idea")
                        .get()
                        .getSpec()
                        .getTitle())
                .isEqualTo("Newton's cradle, slow motion");
    }

    @Test
    @SuppressWarnings("unchecked")
    void discoveryListsCategoriesShortNamesAndVerbs() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(api.url() + "/apis/animops.io/v1alpha1"))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        Map<?, ?> list = Serialization.unmarshal(response.body(), Map.class);
        List<?> resources = (List<?>) list.get("resources");
        assertThat(resources).anySatisfy(r -> {
            Map<?, ?> resource = (Map<?, ?>) r;
            assertThat(resource.get("name")).isEqualTo("renderagents");
            assertThat(resource.get("namespaced")).isEqualTo(false);
            assertThat((List<Object>) resource.get("shortNames")).containsExactly("ragent");
            assertThat((List<Object>) resource.get("categories")).containsExactly("animops");
            assertThat((List<Object>) resource.get("verbs")).contains("list", "watch", "create", "patch");
        });
        assertThat(resources)
                .anySatisfy(r -> assertThat(((Map<?, ?>) r).get("name")).isEqualTo("animationideas/status"));
    }

    record Result(int exit, String out, String err) {}

    /** The text of a column in kubectl's aligned output, found by the header's column position. */
    static String cell(String header, String row, String column) {
        int start = header.indexOf(column);
        int end = start + column.length();
        while (end < header.length() && header.charAt(end) == ' ') {
            end++;
        }
        boolean last = end >= header.length();
        return (last ? row.substring(Math.min(start, row.length())) : row.substring(start, Math.min(end, row.length())))
                .trim();
    }

    static Result kubectl(String... args) throws IOException, InterruptedException {
        return kubectl(kubeconfig, args);
    }

    static Result kubectl(Path kubeconfig, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(KUBECTL, "--kubeconfig", kubeconfig.toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
        // kubectl's outputs are small; read them after exit
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("kubectl timed out: " + command);
        }
        return new Result(
                p.exitValue(),
                new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }
}
