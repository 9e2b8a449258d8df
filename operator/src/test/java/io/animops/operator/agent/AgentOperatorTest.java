package io.animops.operator.agent;

import io.animops.crds.Conditions;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.Artifact;
import io.animops.crds.v1alpha1.AttemptPhase;
import io.animops.crds.v1alpha1.ContentSchedule;
import io.animops.crds.v1alpha1.JobScript;
import io.animops.crds.v1alpha1.RenderAgent;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderJobSpec;
import io.animops.crds.v1alpha1.RenderMode;
import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.crds.v1alpha1.ScriptAttempt;
import io.animops.crds.v1alpha1.ScriptError;
import io.animops.crds.v1alpha1.Selection;
import io.animops.operator.agent.AgentHarness.RunningAgent;
import io.animops.operator.testing.EmbeddedKubernetesApiResource;
import io.animops.operator.testing.EmbeddedPostgresResource;
import io.animops.operator.testing.FakeOpenAiServer;
import io.animops.operator.testing.FakeOpenAiServer.Reply;
import io.animops.operator.testing.Pipeline;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Render agents with the real operator, over the embedded API: the lease of an agent killed with SIGKILL mid-render
 * lapses and another agent finishes its job; and Godot's errors found on an agent go back through the idea's repair
 * loop to the language model (rendered with the real executor and the stand-in Godot). Uploads go to the operator's
 * own local store, with the grants the operator writes into held jobs.
 */
@QuarkusTest
@TestProfile(ShortLeaseProfile.class)
@QuarkusTestResource(value = EmbeddedKubernetesApiResource.class, restrictToAnnotatedClass = true)
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AgentOperatorTest {
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private static final Path ARTIFACTS = Path.of("target/agent-operator-artifacts");
    private static final FakeOpenAiServer FAKE = new FakeOpenAiServer();
    private static Path work;

    @Inject
    KubernetesClient client;

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void folders() throws IOException {
        work = Files.createTempDirectory("animops-agent-operator-test");
    }

    @AfterAll
    static void stopFakes() {
        FAKE.close();
    }

    @Test
    @Order(1)
    void anAgentKilledMidRenderLosesTheJobToAnotherAgentAfterTheLeaseTtl() throws Exception {
        Process doomed = agentJvm("mac-doomed", "lease");
        try {
            await().atMost(PATIENCE)
                    .until(() -> client.resources(RenderAgent.class)
                                    .withName("mac-doomed")
                                    .get()
                            != null);
            RenderJob created =
                    resolvedJob("lease", "survives", "lease", "extends Node2D\n# test: slow-on=mac-doomed\n");
            await().atMost(PATIENCE).untilAsserted(() -> {
                RenderJob job = AgentHarness.get(client, "lease", "survives");
                assertThat(job.getStatus().getAgent()).isEqualTo("mac-doomed");
                assertThat(job.getStatus().getPhase()).isEqualTo(RenderPhase.Rendering);
            });
            // the other agent starts once the job is taken, so the claim is certainly the doomed agent's
            ScriptedJobExecutor survivorExecutor = new ScriptedJobExecutor(work.resolve("survivor"), "mac-survivor");
            try (RunningAgent survivor = AgentHarness.start(
                    api(),
                    "mac-survivor",
                    "lease",
                    1,
                    survivorExecutor,
                    work.resolve("agent-survivor"),
                    Duration.ofSeconds(30))) {
                doomed.destroyForcibly();
                assertThat(doomed.waitFor(30, TimeUnit.SECONDS)).isTrue();
                // what the lease counts from: the last heartbeat, or the claim when the agent died before its first
                RenderJob held = AgentHarness.get(client, "lease", "survives");
                String lastSeen = java.util.Objects.requireNonNullElse(
                        held.getStatus().getLastHeartbeat(), held.getStatus().getClaimedAt());

                RenderJob done = awaitPhase("lease", "survives", RenderPhase.Succeeded);
                assertThat(done.getStatus().getAgent()).isEqualTo("mac-survivor");
                assertThat(done.getStatus().getProvenance().getAgent()).isEqualTo("mac-survivor");
                assertThat(done.getStatus().getAgentFailures()).containsExactly(Map.entry("mac-doomed", 1));
                assertThat(done.getStatus().getAttempts()).isEqualTo(2);
                // requeued by the operator only once the 3 s lease had lapsed (timestamps have second precision)
                assertThat(Instant.parse(done.getStatus().getClaimedAt()))
                        .isAfterOrEqualTo(Instant.parse(lastSeen).plusSeconds(2));
                assertThat(survivorExecutor
                                .executions()
                                .get(created.getMetadata().getUid())
                                .get())
                        .isEqualTo(1);
                assertStored(done);
                await().atMost(PATIENCE).untilAsserted(() -> assertRecorded(done, "mac-survivor"));

                // the killed agent is NotReady and its job no longer counts as active on it
                await().atMost(PATIENCE).untilAsserted(() -> {
                    RenderAgent killed = client.resources(RenderAgent.class)
                            .withName("mac-doomed")
                            .get();
                    assertThat(Conditions.find(killed.getStatus().getConditions(), "Ready")
                                    .orElseThrow()
                                    .getReason())
                            .isEqualTo("HeartbeatExpired");
                    assertThat(killed.getStatus().getActiveJobs()).isZero();
                    assertThat(killed.getStatus().getJobs()).isEmpty();
                });
            }
        } finally {
            doomed.destroyForcibly();
        }
    }

    @Test
    @Order(2)
    void godotErrorsOnTheAgentGoToTheNextScriptAttemptAndTheModel() throws IOException {
        String ns = "agent-repair";
        String model = "scenario-agent-repair";
        String good =
                "```gdscript\n" + FakeOpenAiServer.scene("pendulum-wave.gd").stripTrailing() + "\n```\n";
        String runtimeError = "Invalid call. Nonexistent function 'apply_impulse_x' in base 'RigidBody2D'.";
        // the stand-in Godot prints Godot's SCRIPT ERROR lines for this marker during the physics smoke run
        String failsOnGodot = good.replace("\n```\n", "\n# standin: runtime-error 34 " + runtimeError + "\n```\n");
        FAKE.enqueue(
                model,
                Reply.ok(ideas("Pendulum wave that fails on the agent"), 300, 200),
                Reply.ok(failsOnGodot, 5000, 3000),
                Reply.ok(good, 5000, 3000));
        try (RunningAgent agent = AgentHarness.startWithGodot(
                api(),
                "mac-studio",
                "studio",
                work.resolve("agent-studio"),
                AgentHarness.standinGodot(work.resolve("tools"), 0))) {
            startSchedule(ns, model);
            // the second preview rendered: the idea moves on (QC and beyond are not this test's)
            await().atMost(PATIENCE)
                    .untilAsserted(() -> assertThat(previews(ns))
                            .extracting(j ->
                                    j.getStatus() == null ? null : j.getStatus().getPhase())
                            .containsExactly(RenderPhase.Failed, RenderPhase.Succeeded));
        }
        AnimationIdea idea = Pipeline.ideasOf(client, ns, "daily").get(0);
        List<ScriptAttempt> attempts = Pipeline.attemptsOf(
                        client, ns, idea.getMetadata().getName())
                .stream()
                .sorted(Comparator.comparingInt(a -> a.getSpec().getAttempt()))
                .toList();
        assertThat(attempts)
                .extracting(a -> a.getStatus().getPhase())
                .containsExactly(AttemptPhase.Valid, AttemptPhase.Valid);
        List<RenderJob> renders = previews(ns);
        assertThat(Conditions.find(renders.get(0).getStatus().getConditions(), "Succeeded")
                        .orElseThrow()
                        .getReason())
                .isEqualTo("ScriptInvalid");
        assertStored(renders.get(1));
        assertThat(renders.get(1).getStatus().getArtifacts().getVideo().getContentType())
                .isEqualTo("video/mp4");
        assertThat(renders.get(1).getStatus().getProvenance().getGodotVersion()).isEqualTo("4.6.stable.standin");

        ScriptError fromGodot = renders.get(0).getStatus().getErrors().get(0);
        assertThat(fromGodot.getStage()).isEqualTo(ScriptError.Stage.physics);
        assertThat(fromGodot.getLine()).isEqualTo(34);
        assertThat(fromGodot.getRule()).isEqualTo("godot.runtime-error");
        assertThat(fromGodot.getMessage()).contains(runtimeError);
        assertThat(attempts.get(1).getSpec().getPreviousErrors()).containsExactly(fromGodot);
        String repairPrompt = FAKE.requestsFor(model).get(2).user();
        assertThat(repairPrompt).contains("- physics " + fromGodot.getRule() + " 34:1 " + fromGodot.getMessage());
    }

    /** The artifacts the job names are in the operator's local store, byte for byte (size and SHA-256). */
    /**
     * The phases the agents wrote are in the audit log, and the job's row (which the API lists read) says what the
     * resource says, once the operator has seen the agent's last write.
     */
    private void assertRecorded(RenderJob job, String agent) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            PreparedStatement row = c.prepareStatement("select phase, agent from render_jobs where uid = ?");
            row.setObject(1, UUID.fromString(job.getMetadata().getUid()));
            try (ResultSet r = row.executeQuery()) {
                assertThat(r.next()).isTrue();
                assertThat(r.getString(1)).isEqualTo(RenderPhase.Succeeded.name());
                assertThat(r.getString(2)).isEqualTo(agent);
            }
            PreparedStatement audit = c.prepareStatement("select payload->>'to' from audit_events "
                    + "where subject_uid = ? and event_type = 'RenderJob.PhaseChanged' order by id");
            audit.setObject(1, UUID.fromString(job.getMetadata().getUid()));
            List<String> phases = new java.util.ArrayList<>();
            try (ResultSet r = audit.executeQuery()) {
                while (r.next()) {
                    phases.add(r.getString(1));
                }
            }
            // written by the agents (Rendering, Succeeded) and by the operator (Pending, again after the lapse)
            assertThat(phases).startsWith("Pending").contains("Rendering").endsWith("Succeeded");
            assertThat(phases.stream().filter("Pending"::equals).count()).isEqualTo(2);
        }
    }

    private static void assertStored(RenderJob job) throws IOException {
        for (Artifact artifact : List.of(
                job.getStatus().getArtifacts().getVideo(),
                job.getStatus().getArtifacts().getThumbnail())) {
            assertThat(artifact.getKey())
                    .startsWith("renders/" + job.getMetadata().getNamespace() + "/");
            byte[] stored = Files.readAllBytes(ARTIFACTS.resolve(artifact.getKey()));
            assertThat(stored).hasSize(artifact.getBytes().intValue());
            assertThat(AgentHarness.sha256(stored)).isEqualTo(artifact.getSha256());
        }
    }

    private Config api() {
        return new ConfigBuilder(Config.empty())
                .withMasterUrl(client.getMasterUrl().toString())
                .withTrustCerts(true)
                .build();
    }

    /** An agent in a JVM of its own, with this test's class path, so that it can be killed with SIGKILL. */
    private Process agentJvm(String name, String pool) throws IOException {
        Path log = work.resolve(name + ".log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        ScriptedAgentMain.class.getName(),
                        client.getMasterUrl().toString(),
                        name,
                        pool,
                        work.resolve(name).toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    /** A job whose ScriptAttempt is not part of the test: the script is written where the operator would put it. */
    private RenderJob resolvedJob(String namespace, String name, String pool, String script) {
        RenderJob job = new RenderJob();
        job.setMetadata(
                new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
        RenderJobSpec spec = new RenderJobSpec();
        spec.setScriptAttemptRef("not-needed-" + name);
        spec.setMode(RenderMode.Preview);
        spec.setWidth(90);
        spec.setHeight(160);
        spec.setFps(10);
        spec.setDurationSeconds(1);
        spec.setAgentSelector(Map.of(AgentHarness.POOL_LABEL, pool));
        job.setSpec(spec);
        RenderJob created = client.resource(job).create();
        // the operator has looked at it once (it cannot resolve the script) before the script is written in
        await().atMost(PATIENCE)
                .until(() -> AgentHarness.get(client, namespace, name).getStatus() != null);
        Map<String, Object> status =
                Map.of("phase", "Pending", "script", new JobScript(AgentHarness.sha256(script), script, "contract-v1"));
        client.resources(RenderJob.class)
                .inNamespace(namespace)
                .withName(name)
                .subresource("status")
                .patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(Map.of("status", status)));
        return created;
    }

    private RenderJob awaitPhase(String namespace, String name, RenderPhase phase) {
        await().atMost(PATIENCE)
                .untilAsserted(() -> assertThat(AgentHarness.get(client, namespace, name)
                                .getStatus()
                                .getPhase())
                        .isEqualTo(phase));
        return AgentHarness.get(client, namespace, name);
    }

    /** The idea's preview render jobs, oldest first. */
    private List<RenderJob> previews(String ns) {
        return Pipeline.ideasOf(client, ns, "daily").stream()
                .flatMap(i -> Pipeline.renderJobsOf(client, ns, i.getMetadata().getName()).stream())
                .filter(j -> j.getSpec().getMode() == RenderMode.Preview)
                .sorted(Comparator.comparing(j -> j.getMetadata().getCreationTimestamp()))
                .toList();
    }

    private void startSchedule(String ns, String model) {
        client.resource(FakeOpenAiServer.keySecret(ns)).create();
        ContentSchedule schedule = Pipeline.schedule(ns, "daily", Selection.Mode.Auto, 1, 1, 0.99);
        schedule.getSpec().setMaxScriptAttempts(3);
        schedule.getSpec().setLlm(FAKE.llm(model));
        client.resource(schedule).create();
    }

    private static String ideas(String title) {
        return Serialization.asJson(List.of(Map.of(
                "title",
                title,
                "premise",
                "A scene about " + title.toLowerCase() + ", shown from start to finish in one take.",
                "physicsHook",
                "gravity and collisions",
                "hook",
                "how it ends")));
    }
}
