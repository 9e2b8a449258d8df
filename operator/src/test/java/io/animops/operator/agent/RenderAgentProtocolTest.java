package io.animops.operator.agent;

import io.animops.crds.Conditions;
import io.animops.crds.v1alpha1.RenderAgent;
import io.animops.crds.v1alpha1.RenderAgentStatus;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderJobStatus;
import io.animops.crds.v1alpha1.RenderMode;
import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.operator.agent.AgentHarness.RunningAgent;
import io.animops.operator.standalone.EmbeddedKubernetesApi;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.animops.operator.agent.AgentHarness.get;
import static io.animops.operator.agent.AgentHarness.pendingJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The render agent's side of docs/render-protocol.md against the embedded Kubernetes API (optimistic concurrency on
 * merge patches naming a resourceVersion). The test plays the operator: it leaves jobs Pending with their script, and
 * a {@link StorageGrantWriter} writes upload grants to a {@link FakeObjectStore}. Each test has its own namespace and
 * agent pool label, so jobs go to that test's agents only.
 */
class RenderAgentProtocolTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String SCRIPT = "extends Node2D\n# a scene\n";
    /** A scene the stand-in Godot validates and renders. */
    private static final String GODOT_SCRIPT = """
            extends Node2D

            func _ready() -> void:
            \tvar ball := RigidBody2D.new()
            \tadd_child(ball)
            """;

    static EmbeddedKubernetesApi api;
    static KubernetesClient client;
    static FakeObjectStore store;
    static StorageGrantWriter grants;

    @TempDir
    static Path work;

    @BeforeAll
    static void start() {
        api = new EmbeddedKubernetesApi().start(freePort());
        api.applyCrds();
        client = new KubernetesClientBuilder().withConfig(api.clientConfig()).build();
        store = new FakeObjectStore();
        grants = new StorageGrantWriter(
                new KubernetesClientBuilder().withConfig(api.clientConfig()).build(), store);
    }

    @AfterAll
    static void stop() {
        grants.close();
        store.close();
        client.close();
        api.stop();
    }

    @Test
    void twoAgentsRacingForFiftyJobsRunEachExactlyOnce() {
        String ns = "race";
        ScriptedJobExecutor left = new ScriptedJobExecutor(work.resolve("left"), "mac-left");
        ScriptedJobExecutor right = new ScriptedJobExecutor(work.resolve("right"), "mac-right");
        try (RunningAgent a = agent("mac-left", "race", 2, left, Duration.ofSeconds(20));
                RunningAgent b = agent("mac-right", "race", 2, right, Duration.ofSeconds(20))) {
            for (int i = 0; i < 50; i++) {
                pendingJob(
                        client,
                        ns,
                        "job-" + i,
                        "race",
                        RenderMode.Preview,
                        SCRIPT + "# test: render-ms=20\n# " + i + "\n");
            }
            await().atMost(Duration.ofSeconds(120))
                    .untilAsserted(() -> assertThat(jobs(ns))
                            .hasSize(50)
                            .allSatisfy(
                                    j -> assertThat(j.getStatus().getPhase()).isEqualTo(RenderPhase.Succeeded)));
        }
        Map<String, Integer> runs = new HashMap<>();
        left.executions().forEach((uid, n) -> runs.merge(uid, n.get(), Integer::sum));
        right.executions().forEach((uid, n) -> runs.merge(uid, n.get(), Integer::sum));
        List<RenderJob> done = jobs(ns);
        assertThat(runs)
                .hasSize(50)
                .allSatisfy((uid, n) -> assertThat(n).as("executions of " + uid).isEqualTo(1));
        assertThat(done).extracting(j -> j.getMetadata().getUid()).containsExactlyInAnyOrderElementsOf(runs.keySet());
        // both agents took part, and every job names the one that ran it
        assertThat(left.executions()).isNotEmpty();
        assertThat(right.executions()).isNotEmpty();
        for (RenderJob job : done) {
            RenderJobStatus status = job.getStatus();
            String ranOn = left.executions().containsKey(job.getMetadata().getUid()) ? "mac-left" : "mac-right";
            assertThat(status.getAttempts()).isEqualTo(1);
            assertThat(status.getProvenance().getAgent()).isEqualTo(ranOn);
            assertThat(status.getProvenance().getScriptSha256())
                    .isEqualTo(status.getScript().getSha256());
            assertThat(status.getProvenance().getGodotVersion()).isEqualTo(ScriptedJobExecutor.GODOT_VERSION);
            assertThat(status.getProvenance().getContractVersion()).isEqualTo("contract-v1");
            String videoKey = StorageGrantWriter.keyOf(job, "video.mp4");
            FakeObjectStore.Stored video = store.objects().get(videoKey);
            assertThat(video.contentType()).isEqualTo("video/mp4");
            assertThat(status.getArtifacts().getVideo().getKey()).isEqualTo(videoKey);
            assertThat(status.getArtifacts().getVideo().getSha256()).isEqualTo(AgentHarness.sha256(video.bytes()));
            assertThat(status.getArtifacts().getVideo().getBytes()).isEqualTo(video.bytes().length);
            assertThat(status.getArtifacts().getThumbnail().getContentType()).isEqualTo("image/jpeg");
            assertThat(status.getMedia().getVideoCodec()).isEqualTo("h264");
            assertThat(succeeded(status).getStatus()).isEqualTo(Conditions.TRUE);
            assertThat(status.getAgent()).isEqualTo(ranOn);
        }
        assertThat(left.liveWorkspaces()).isEmpty();
        assertThat(right.liveWorkspaces()).isEmpty();
    }

    @Test
    void theAgentRegistersAndReportsItsRunningJobs() throws Exception {
        ScriptedJobExecutor executor = new ScriptedJobExecutor(work.resolve("registration"), "mac-reg");
        try (RunningAgent agent = agent("mac-reg", "registration", 3, executor, Duration.ofSeconds(20))) {
            RenderAgent registered =
                    client.resources(RenderAgent.class).withName("mac-reg").get();
            assertThat(registered.getSpec().getOs()).isEqualTo("darwin");
            assertThat(registered.getSpec().getArch()).isEqualTo("arm64");
            assertThat(registered.getSpec().getGodotVersion()).isEqualTo(ScriptedJobExecutor.GODOT_VERSION);
            assertThat(registered.getSpec().getMaxConcurrent()).isEqualTo(3);
            assertThat(registered.getSpec().getLabels()).containsEntry(AgentHarness.POOL_LABEL, "registration");
            pendingJob(client, "registration", "long", "registration", RenderMode.Preview, SCRIPT + "# test: slow\n");
            assertThat(executor.awaitRendering("long", 30)).isTrue();
            await().atMost(PATIENCE).untilAsserted(() -> {
                RenderAgent now =
                        client.resources(RenderAgent.class).withName("mac-reg").get();
                assertThat(now.getStatus().getActiveJobs()).isEqualTo(1);
                assertThat(now.getStatus().getJobs()).containsExactly("registration/long");
                RenderJob job = get(client, "registration", "long");
                assertThat(job.getStatus().getPhase()).isEqualTo(RenderPhase.Rendering);
                assertThat(job.getStatus().getProgress().getPercent()).isNotNull();
            });
            // heartbeats keep coming into the job it holds
            String first = get(client, "registration", "long").getStatus().getLastHeartbeat();
            await().atMost(PATIENCE)
                    .until(() -> !first.equals(
                            get(client, "registration", "long").getStatus().getLastHeartbeat()));
        }
        // a restart with another Godot updates the spec in place
        try (RunningAgent again = agent("mac-reg", "registration-2", 1, executor, Duration.ofSeconds(20))) {
            assertThat(client.resources(RenderAgent.class)
                            .withName("mac-reg")
                            .get()
                            .getSpec()
                            .getLabels())
                    .containsEntry(AgentHarness.POOL_LABEL, "registration-2");
        }
    }

    @Test
    void aJobHeldBeforeARestartIsGivenBackAtOnceAndRunAgain() {
        RenderJob created = pendingJob(client, "restart", "orphan", "restart", RenderMode.Preview, SCRIPT);
        // as the agent left it when it was killed: Rendering, held by mac-restart, a recent heartbeat
        Map<String, Object> held = new LinkedHashMap<>();
        held.put("phase", "Rendering");
        held.put("agent", "mac-restart");
        held.put("attempts", 1);
        held.put("claimedAt", java.time.Instant.now().toString());
        held.put("lastHeartbeat", java.time.Instant.now().toString());
        client.resources(RenderJob.class)
                .inNamespace("restart")
                .withName("orphan")
                .subresource("status")
                .patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(Map.of("status", held)));
        ScriptedJobExecutor executor = new ScriptedJobExecutor(work.resolve("restart"), "mac-restart");
        try (RunningAgent agent = agent("mac-restart", "restart", 1, executor, Duration.ofSeconds(20))) {
            RenderJob job = awaitPhase("restart", "orphan", RenderPhase.Succeeded);
            assertThat(job.getStatus().getAgentFailures()).containsExactly(Map.entry("mac-restart", 1));
            assertThat(job.getStatus().getAttempts()).isEqualTo(2);
            assertThat(executor.executions().get(created.getMetadata().getUid()).get())
                    .isEqualTo(1);
        }
    }

    @Test
    void scriptErrorsFromGodotFailTheJobWithTheErrors() {
        ScriptedJobExecutor executor = new ScriptedJobExecutor(work.resolve("invalid"), "mac-inv");
        try (RunningAgent agent = agent("mac-inv", "invalid", 1, executor, Duration.ofSeconds(20))) {
            pendingJob(client, "invalid", "broken", "invalid", RenderMode.Preview, SCRIPT + "# test: script-error\n");
            RenderJob job = awaitPhase("invalid", "broken", RenderPhase.Failed);
            assertThat(job.getStatus().getErrors()).singleElement().satisfies(e -> {
                assertThat(e.getLine()).isEqualTo(34);
                assertThat(e.getStage().name()).isEqualTo("physics");
            });
            assertThat(succeeded(job.getStatus()).getReason()).isEqualTo("ScriptInvalid");
            assertThat(succeeded(job.getStatus()).getStatus()).isEqualTo(Conditions.FALSE);
            assertThat(succeeded(job.getStatus()).getMessage()).contains("line 34", "Nonexistent function");
            assertThat(store.puts()).noneMatch(k -> k.contains("/broken/"));
            assertThat(executor.liveWorkspaces()).isEmpty();
        }
    }

    @Test
    void aTimedOutRenderFailsWithRenderTimeout() {
        ScriptedJobExecutor executor = new ScriptedJobExecutor(work.resolve("timeout"), "mac-to");
        try (RunningAgent agent = agent("mac-to", "timeout", 1, executor, Duration.ofSeconds(20))) {
            pendingJob(client, "timeout", "endless", "timeout", RenderMode.Final, SCRIPT + "# test: timeout\n");
            RenderJob job = awaitPhase("timeout", "endless", RenderPhase.Failed);
            assertThat(succeeded(job.getStatus()).getReason()).isEqualTo("RenderTimeout");
            assertThat(succeeded(job.getStatus()).getMessage()).contains("spec.timeoutSeconds (1800 s)");
            assertThat(job.getStatus().getArtifacts()).isNull();
        }
    }

    @Test
    void anAgentFailureGivesTheJobBackUntilTheClaimLimit() {
        ScriptedJobExecutor executor = new ScriptedJobExecutor(work.resolve("failing"), "mac-fail");
        try (RunningAgent agent = agent("mac-fail", "failing", 1, executor, Duration.ofSeconds(20))) {
            RenderJob created = pendingJob(
                    client, "failing", "no-encoder", "failing", RenderMode.Preview, SCRIPT + "# test: agent-failure\n");
            // given back twice (Pending, counted against the agent), failed on the third claim
            RenderJob job = awaitPhase("failing", "no-encoder", RenderPhase.Failed);
            assertThat(job.getStatus().getAttempts()).isEqualTo(3);
            assertThat(job.getStatus().getAgentFailures()).containsExactly(Map.entry("mac-fail", 3));
            assertThat(job.getStatus().getAgent()).isNull();
            assertThat(succeeded(job.getStatus()).getReason()).isEqualTo("AgentFailed");
            assertThat(succeeded(job.getStatus()).getMessage())
                    .contains("Unknown encoder 'libx264'", "claimed 3 of 3 times");
            assertThat(executor.executions().get(created.getMetadata().getUid()).get())
                    .isEqualTo(3);
        }
    }

    @Test
    void anUploadFailingForGoodAndAnExecutorBugGiveTheJobBack() {
        ScriptedJobExecutor executor = new ScriptedJobExecutor(work.resolve("giveback"), "mac-gb");
        try (RunningAgent agent = agent("mac-gb", "giveback", 1, executor, Duration.ofSeconds(20))) {
            store.failNext(1000);
            RenderJob unstorable = pendingJob(client, "giveback", "unstorable", "giveback", RenderMode.Preview, SCRIPT);
            RenderJob job = awaitPhase("giveback", "unstorable", RenderPhase.Failed);
            store.failNext(0);
            assertThat(job.getStatus().getAgentFailures()).containsExactly(Map.entry("mac-gb", 3));
            assertThat(succeeded(job.getStatus()).getReason()).isEqualTo("AgentFailed");
            assertThat(succeeded(job.getStatus()).getMessage())
                    .contains("upload of video to " + StorageGrantWriter.keyOf(unstorable, "video.mp4")
                            + " failed after 3 attempt(s): HTTP 503");
            assertThat(job.getStatus().getArtifacts()).isNull();

            pendingJob(
                    client, "giveback", "buggy", "giveback", RenderMode.Preview, SCRIPT + "# test: executor-throws\n");
            RenderJob buggy = awaitPhase("giveback", "buggy", RenderPhase.Failed);
            assertThat(succeeded(buggy.getStatus()).getMessage())
                    .contains(
                            "the executor failed: java.lang.IllegalStateException: executor bug: workspace layout unknown");
            assertThat(executor.liveWorkspaces()).isEmpty();
        } finally {
            store.failNext(0);
        }
    }

    @Test
    void aGrantTheStoreRefusesIsReplacedByAFreshOneOnceThenTheJobIsGivenBack() {
        ScriptedJobExecutor executor = new ScriptedJobExecutor(work.resolve("refused"), "mac-403");
        // the store tells the issuer, which renews the grants: the agent's re-read finds fresh ones
        store.refuseGrants("/stale-grant/", key -> grants.renew("refused", "stale-grant"));
        // nobody renews these: the same grant refused twice ends the claim
        store.refuseGrants("/forged-grant/", key -> {});
        try (RunningAgent agent = agent("mac-403", "refused", 1, executor, Duration.ofSeconds(20))) {
            RenderJob stale = pendingJob(client, "refused", "stale-grant", "refused", RenderMode.Preview, SCRIPT);
            RenderJob renewed = awaitPhase("refused", "stale-grant", RenderPhase.Succeeded);
            String videoKey = StorageGrantWriter.keyOf(stale, "video.mp4");
            assertThat(store.puts().stream().filter(videoKey::equals)).hasSize(2);
            assertThat(renewed.getStatus().getArtifacts().getVideo().getSha256())
                    .isEqualTo(AgentHarness.sha256(store.objects().get(videoKey).bytes()));

            RenderJob forged = pendingJob(client, "refused", "forged-grant", "refused", RenderMode.Preview, SCRIPT);
            RenderJob failed = awaitPhase("refused", "forged-grant", RenderPhase.Failed);
            assertThat(succeeded(failed.getStatus()).getReason()).isEqualTo("AgentFailed");
            assertThat(succeeded(failed.getStatus()).getMessage()).contains("refused: HTTP 403");
            // two PUTs per claim (the grant, then the same grant read again), three claims
            assertThat(store.puts().stream().filter(StorageGrantWriter.keyOf(forged, "video.mp4")::equals))
                    .hasSize(6);
        }
    }

    @Test
    void withoutUploadGrantsInTimeTheJobIsGivenBack() {
        ScriptedJobExecutor executor = new ScriptedJobExecutor(work.resolve("nogrant"), "mac-ng");
        grants.withhold("ungranted");
        try (RunningAgent agent = agent("mac-ng", "nogrant", 1, executor, Duration.ofSeconds(1))) {
            RenderJob created = pendingJob(client, "nogrant", "ungranted", "nogrant", RenderMode.Preview, SCRIPT);
            // given back after each claim (counted against the agent), failed on the third
            RenderJob job = awaitPhase("nogrant", "ungranted", RenderPhase.Failed);
            assertThat(job.getStatus().getAgentFailures()).containsExactly(Map.entry("mac-ng", 3));
            assertThat(succeeded(job.getStatus()).getReason()).isEqualTo("AgentFailed");
            assertThat(succeeded(job.getStatus()).getMessage())
                    .contains("no usable upload grant within 1 s: status.uploads: not written by the operator yet");
            assertThat(store.puts())
                    .noneMatch(k -> k.contains(created.getMetadata().getUid()));
        }
    }

    @Test
    void anAgentWaitingForGrantsTakesThemFromItsInformerWithoutReadingTheJob() throws Exception {
        ScriptedJobExecutor executor = new ScriptedJobExecutor(work.resolve("grant-wait"), "mac-gw");
        grants.withhold("late");
        try (RunningAgent agent = agent("mac-gw", "grant-wait", 1, executor, Duration.ofSeconds(30))) {
            RenderJob created = pendingJob(client, "grant-wait", "late", "grant-wait", RenderMode.Preview, SCRIPT);
            awaitPhase("grant-wait", "late", RenderPhase.Uploading);
            long readsBefore = api.requests().snapshot().getOrDefault("GET renderjobs", 0L);
            // the former poll read the job six times in this while
            Thread.sleep(3000);
            long readsWaiting = api.requests().snapshot().getOrDefault("GET renderjobs", 0L) - readsBefore;
            grants.release("late");
            RenderJob job = awaitPhase("grant-wait", "late", RenderPhase.Succeeded);

            // one read at most: an informer's relist, should its watch reconnect meanwhile
            assertThat(readsWaiting).isLessThanOrEqualTo(1L);
            assertThat(job.getStatus().getArtifacts().getVideo().getKey())
                    .isEqualTo(StorageGrantWriter.keyOf(created, "video.mp4"));
        }
    }

    @Test
    void storeErrorsAreRetriedAndTheJobStillSucceeds() {
        ScriptedJobExecutor executor = new ScriptedJobExecutor(work.resolve("flaky"), "mac-flaky");
        try (RunningAgent agent = agent("mac-flaky", "flaky", 1, executor, Duration.ofSeconds(20))) {
            store.failNext(2);
            RenderJob created = pendingJob(client, "flaky", "retried", "flaky", RenderMode.Preview, SCRIPT);
            RenderJob job = awaitPhase("flaky", "retried", RenderPhase.Succeeded);
            String videoKey = StorageGrantWriter.keyOf(created, "video.mp4");
            assertThat(store.puts().stream().filter(videoKey::equals)).hasSize(3);
            assertThat(job.getStatus().getArtifacts().getVideo().getSha256())
                    .isEqualTo(AgentHarness.sha256(store.objects().get(videoKey).bytes()));
        }
    }

    @Test
    void aJobDeletedMidRenderIsCancelledAndNothingIsUploaded() throws Exception {
        ScriptedJobExecutor executor = new ScriptedJobExecutor(work.resolve("deleted"), "mac-del");
        try (RunningAgent agent = agent("mac-del", "deleted", 1, executor, Duration.ofSeconds(20))) {
            RenderJob created =
                    pendingJob(client, "deleted", "doomed", "deleted", RenderMode.Preview, SCRIPT + "# test: slow\n");
            assertThat(executor.awaitRendering("doomed", 30)).isTrue();
            client.resource(created).delete();
            await().atMost(PATIENCE).untilAsserted(() -> {
                assertThat(executor.cancellationOf(created.getMetadata().getUid()))
                        .isEqualTo("the RenderJob was deleted");
                assertThat(executor.liveWorkspaces()).isEmpty();
                assertThat(agent.runtime().runningJobs()).isEmpty();
            });
            assertThat(store.puts())
                    .noneMatch(k -> k.contains(created.getMetadata().getUid()));
        }
    }

    @Test
    void aJobRequeuedByTheOperatorMidRenderIsDroppedWithoutAnotherWrite() throws Exception {
        ScriptedJobExecutor executor = new ScriptedJobExecutor(work.resolve("requeued"), "mac-lost");
        try (RunningAgent agent = agent("mac-lost", "requeued", 1, executor, Duration.ofSeconds(20))) {
            RenderJob created =
                    pendingJob(client, "requeued", "taken", "requeued", RenderMode.Preview, SCRIPT + "# test: slow\n");
            assertThat(executor.awaitRendering("taken", 30)).isTrue();
            // the operator takes the job back as if the lease had lapsed, counting three failures so that this agent
            // may not claim it again
            Map<String, Object> status = new LinkedHashMap<>();
            status.put("phase", "Pending");
            status.put("agent", null);
            status.put("claimedAt", null);
            status.put("lastHeartbeat", null);
            status.put("agentFailures", Map.of("mac-lost", 3));
            // as the operator does: a write locked to the version read, read again on 409 (the agent writes progress)
            await().atMost(PATIENCE)
                    .ignoreException(KubernetesClientException.class)
                    .until(() -> {
                        Map<String, Object> patch = new HashMap<>();
                        patch.put(
                                "metadata",
                                Map.of(
                                        "resourceVersion",
                                        get(client, "requeued", "taken")
                                                .getMetadata()
                                                .getResourceVersion()));
                        patch.put("status", status);
                        client.resources(RenderJob.class)
                                .inNamespace("requeued")
                                .withName("taken")
                                .subresource("status")
                                .patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(patch));
                        return true;
                    });
            String requeuedVersion =
                    get(client, "requeued", "taken").getMetadata().getResourceVersion();

            await().atMost(PATIENCE).untilAsserted(() -> {
                assertThat(executor.cancellationOf(created.getMetadata().getUid()))
                        .isEqualTo("another writer took the job (lease lapsed or claim lost)");
                assertThat(agent.runtime().runningJobs()).isEmpty();
            });
            // the agent's 409 was its last word: the requeued job is untouched
            RenderJob after = get(client, "requeued", "taken");
            assertThat(after.getMetadata().getResourceVersion()).isEqualTo(requeuedVersion);
            assertThat(after.getStatus().getPhase()).isEqualTo(RenderPhase.Pending);
            assertThat(store.puts())
                    .noneMatch(k -> k.contains(created.getMetadata().getUid()));
            assertThat(executor.liveWorkspaces()).isEmpty();
        }
    }

    @Test
    void withItsApiDownAnAgentStopsWithinSeconds() {
        // the operator (and, in the standalone mode, the API it serves) goes away
        RunningAgent agent = agentWhoseApiStopped("orphan", freePort());
        long start = System.nanoTime();
        agent.close();
        // not the ~19 s of the client's retries for a sign-off nobody can receive
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void anApiThatStopsAnsweringAsTheAgentStopsHoldsItsSignOffForSecondsOnly() throws Exception {
        int port = freePort();
        RunningAgent agent = agentWhoseApiStopped("mute", port);
        // the port still takes connections, so the agent finds the API reachable, but nothing answers its sign-off,
        // as when the operator stops at the same moment
        try (ServerSocket mute = new ServerSocket()) {
            mute.setReuseAddress(true);
            mute.bind(new java.net.InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), port));
            long start = System.nanoTime();
            agent.close();
            // its 5 s for the sign-off; unbounded, the client's request timeout alone held it 10 s
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
        }
    }

    /** An agent {@code mac-<name>} registered with an API on {@code port}, which has stopped since. */
    private RunningAgent agentWhoseApiStopped(String name, int port) {
        EmbeddedKubernetesApi operatorApi = new EmbeddedKubernetesApi().start(port);
        operatorApi.applyCrds();
        RunningAgent agent = AgentHarness.start(
                operatorApi.clientConfig(),
                "mac-" + name,
                name,
                1,
                new ScriptedJobExecutor(work.resolve(name), "mac-" + name),
                work.resolve("agent-" + name),
                Duration.ofSeconds(20));
        operatorApi.stop();
        return agent;
    }

    @Test
    void aStoppingAgentWaitingForGrantsHandsTheJobBackAtOnce() {
        ScriptedJobExecutor executor = new ScriptedJobExecutor(work.resolve("stop-waiting"), "mac-wait");
        grants.withhold("waiting");
        RunningAgent agent = agent("mac-wait", "stop-waiting", 1, executor, Duration.ofMinutes(10));
        pendingJob(client, "stop-waiting", "waiting", "stop-waiting", RenderMode.Preview, SCRIPT);
        awaitPhase("stop-waiting", "waiting", RenderPhase.Uploading);
        long start = System.nanoTime();
        agent.close();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        RenderJob job = get(client, "stop-waiting", "waiting");
        assertThat(job.getStatus().getPhase()).isEqualTo(RenderPhase.Pending);
        assertThat(succeeded(job.getStatus()).getReason()).isEqualTo("AgentShutdown");
        assertThat(executor.liveWorkspaces()).isEmpty();
    }

    @Test
    void aStoppingAgentHandsItsJobsBackWithoutCountingAFailure() throws Exception {
        ScriptedJobExecutor executor = new ScriptedJobExecutor(work.resolve("shutdown"), "mac-stop");
        RunningAgent agent = agent("mac-stop", "shutdown", 2, executor, Duration.ofSeconds(20));
        pendingJob(client, "shutdown", "first", "shutdown", RenderMode.Preview, SCRIPT + "# test: slow\n");
        pendingJob(client, "shutdown", "second", "shutdown", RenderMode.Preview, SCRIPT + "# test: slow\n");
        assertThat(executor.awaitRendering("first", 30)).isTrue();
        assertThat(executor.awaitRendering("second", 30)).isTrue();
        agent.close();
        for (String name : List.of("first", "second")) {
            RenderJob job = get(client, "shutdown", name);
            assertThat(job.getStatus().getPhase()).isEqualTo(RenderPhase.Pending);
            assertThat(job.getStatus().getAgent()).isNull();
            assertThat(job.getStatus().getAgentFailures()).isEmpty();
            assertThat(succeeded(job.getStatus()).getReason()).isEqualTo("AgentShutdown");
        }
        assertThat(executor.liveWorkspaces()).isEmpty();
        // NotReady at once, not when the lease runs out
        RenderAgentStatus stopped =
                client.resources(RenderAgent.class).withName("mac-stop").get().getStatus();
        assertThat(stopped.getActiveJobs()).isZero();
        assertThat(stopped.getJobs()).isEmpty();
        Condition ready = Conditions.find(stopped.getConditions(), "Ready").orElseThrow();
        assertThat(ready.getStatus()).isEqualTo(Conditions.FALSE);
        assertThat(ready.getReason()).isEqualTo(RenderAgentStatus.REASON_STOPPED);
    }

    @Test
    void aJobDeletedWhileTheStandInGodotRendersLeavesNoProcessNoUploadAndNoWorkspace() throws Exception {
        Path workDir = work.resolve("standin-delete");
        Path godot = AgentHarness.standinGodot(work.resolve("tools"), 5);
        try (RunningAgent agent =
                AgentHarness.startWithGodot(api.clientConfig(), "mac-standin", "standin-delete", workDir, godot)) {
            RenderJob created = pendingJob(
                    client, "standin-delete", "doomed-render", "standin-delete", RenderMode.Preview, GODOT_SCRIPT, 20);
            await().atMost(PATIENCE).untilAsserted(() -> {
                assertThat(get(client, "standin-delete", "doomed-render")
                                .getStatus()
                                .getPhase())
                        .isEqualTo(RenderPhase.Rendering);
                assertThat(AgentHarness.processesUnder(workDir)).isNotEmpty();
            });
            List<ProcessHandle> tree = AgentHarness.processesUnder(workDir);
            client.resource(created).delete();
            await().atMost(PATIENCE).untilAsserted(() -> {
                assertThat(AgentHarness.processesUnder(workDir)).isEmpty();
                assertThat(tree).noneMatch(ProcessHandle::isAlive);
                assertThat(agent.runtime().runningJobs()).isEmpty();
                try (var left = Files.list(workDir)) {
                    assertThat(left).isEmpty();
                }
            });
            assertThat(store.puts())
                    .noneMatch(k -> k.contains(created.getMetadata().getUid()));
        }
    }

    @Test
    void theAgentJarsMainHandsItsJobBackOnSigterm() throws Exception {
        Path workDir = work.resolve("sigterm");
        Path properties = work.resolve("sigterm-agent.properties");
        Files.writeString(
                properties,
                String.join(
                        "\n",
                        "name=mac-sigterm",
                        "labels=animops.io/os=darwin," + AgentHarness.POOL_LABEL + "=sigterm",
                        "workDir=" + workDir,
                        "godot=" + AgentHarness.standinGodot(work.resolve("tools"), 5),
                        "sandbox=false", // a shell script: see AgentHarness.config
                        "kubeconfig=" + api.writeKubeconfig(work.resolve("sigterm-kubeconfig")),
                        "namespaces=sigterm",
                        "heartbeatInterval=1s",
                        ""));
        Path log = work.resolve("sigterm-agent.log");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process agent = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        "io.animops.agent.RenderAgentMain",
                        "--config",
                        properties.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        try {
            pendingJob(client, "sigterm", "interrupted", "sigterm", RenderMode.Preview, GODOT_SCRIPT, 20);
            await().atMost(PATIENCE).untilAsserted(() -> {
                RenderJob job = get(client, "sigterm", "interrupted");
                assertThat(job.getStatus().getAgent()).isEqualTo("mac-sigterm");
                assertThat(job.getStatus().getPhase()).isEqualTo(RenderPhase.Rendering);
                assertThat(AgentHarness.processesUnder(workDir)).isNotEmpty();
            });
            agent.destroy();
            assertThat(agent.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            agent.destroyForcibly();
        }
        RenderJob job = get(client, "sigterm", "interrupted");
        assertThat(job.getStatus().getPhase()).isEqualTo(RenderPhase.Pending);
        assertThat(job.getStatus().getAgent()).isNull();
        assertThat(job.getStatus().getAgentFailures()).isEmpty();
        assertThat(succeeded(job.getStatus()).getReason()).isEqualTo("AgentShutdown");
        assertThat(AgentHarness.processesUnder(workDir)).isEmpty();
        assertThat(Files.readString(log))
                .contains("render job sigterm/interrupted: handed back on shutdown", "agent mac-sigterm stopped");
        RenderAgent registered =
                client.resources(RenderAgent.class).withName("mac-sigterm").get();
        assertThat(registered.getSpec().getGodotVersion()).isEqualTo("4.6.stable.standin");
        assertThat(registered.getSpec().getFfmpegVersion()).startsWith("ffmpeg version");
    }

    private RunningAgent agent(
            String name, String pool, int maxConcurrent, ScriptedJobExecutor executor, Duration grantWait) {
        return AgentHarness.start(
                api.clientConfig(), name, pool, maxConcurrent, executor, work.resolve("agent-" + name), grantWait);
    }

    private static RenderJob awaitPhase(String ns, String name, RenderPhase phase) {
        await().atMost(PATIENCE)
                .untilAsserted(() ->
                        assertThat(get(client, ns, name).getStatus().getPhase()).isEqualTo(phase));
        return get(client, ns, name);
    }

    private static List<RenderJob> jobs(String ns) {
        return new ArrayList<>(
                client.resources(RenderJob.class).inNamespace(ns).list().getItems());
    }

    private static Condition succeeded(RenderJobStatus status) {
        return Conditions.find(status.getConditions(), "Succeeded")
                .orElseThrow(() -> new AssertionError("no Succeeded condition"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
