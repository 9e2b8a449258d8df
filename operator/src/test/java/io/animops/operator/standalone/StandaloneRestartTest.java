package io.animops.operator.standalone;

import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.ContentSchedule;
import io.animops.crds.v1alpha1.IdeaPhase;
import io.animops.crds.v1alpha1.Publication;
import io.animops.crds.v1alpha1.PublicationPhase;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.crds.v1alpha1.ScriptAttempt;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The standalone mode as a user runs it (the packaged {@code quarkus-run.jar standalone}, in a JVM of its own) with
 * two stand-in render agents (JVMs of their own too), through one schedule run of 50 ideas, killed with SIGKILL at
 * seeded random moments in each phase of the pipeline and started again each time. At the end: every idea is there
 * with its uid, none is stuck, no child exists twice (resources and database rows), the schedule fired once, and
 * each idea's audit trail of phase changes is a chain without a gap that ends in its current phase.
 * The seed is printed; {@code -Danimops.restart.seed=N} replays a run. The jar is built before the tests by the
 * operator's package-before-tests build (every {@code ./mvnw test}); when it is missing the test is skipped.
 */
class StandaloneRestartTest {
    /** Ideas in the run; {@code -Danimops.restart.ideas=N} runs a smaller one while working on the test. */
    private static final int IDEAS = Integer.getInteger("animops.restart.ideas", 50);

    private static final String NAMESPACE = "default";
    private static final String SCHEDULE = "restart-run";
    private static final Duration PHASE_WAIT = Duration.ofSeconds(90);
    /** A bound, not the expected time: on an idle 2-core machine the run settles within a few minutes. */
    private static final Duration SETTLE_WAIT = Duration.ofMinutes(10);
    /** A bound too: the operator starts in about 15 s on an idle machine, over a minute on a loaded one. */
    private static final Duration START_WAIT = Duration.ofMinutes(4);
    /** The kill points, in pipeline order, each with what must be seen in the API before the kill. */
    private static final List<String> KILL_PHASES =
            List.of("gate", "authoring", "claim", "rendering", "upload", "qc", "publication");

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();
    private Process standalone;
    private Path repo;
    private Path home;
    private int apiPort;
    private int dbPort;
    private int httpPort;

    @AfterEach
    void stopEverything() {
        if (standalone != null && standalone.isAlive()) {
            standalone.destroy();
            ChildJvms.waitFor(standalone, Duration.ofSeconds(40));
        }
        processes.forEach(p -> p.descendants().forEach(ProcessHandle::destroyForcibly));
        processes.forEach(Process::destroyForcibly);
        // a PostgreSQL left by the last kill, should the final clean stop have failed
        String pgdata = home == null ? null : home.resolve("pgdata").toString();
        if (pgdata != null) {
            ProcessHandle.allProcesses()
                    .filter(p ->
                            p.info().commandLine().map(c -> c.contains(pgdata)).orElse(false))
                    .forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void killedAtRandomInEveryPhaseItLosesNothingAndDoesNothingTwice() throws Exception {
        repo = Path.of(System.getProperty("animops.repo.dir", ".."))
                .toAbsolutePath()
                .normalize();
        Path jar = repo.resolve("operator/target/quarkus-app/quarkus-run.jar");
        assumeTrue(
                Files.exists(jar), "no packaged operator at " + jar + ": run the full ./mvnw test, or package first");
        long seed = Long.getLong("animops.restart.seed", System.nanoTime());
        Random random = new Random(seed);
        System.out.println("StandaloneRestartTest seed " + seed + " (replay with -Danimops.restart.seed=" + seed + ")");
        home = dir.resolve("home");
        apiPort = FreePorts.next();
        dbPort = FreePorts.next();
        httpPort = FreePorts.next();
        Path examples = Files.createDirectories(dir.resolve("examples"));
        Files.writeString(examples.resolve("schedule.yaml"), scheduleYaml());
        Path ideasFile = dir.resolve("ideas.md");
        Files.writeString(ideasFile, ideasMarkdown(IDEAS + 10, new Random(seed)));

        startStandalone(jar, examples, ideasFile);
        Config apiConfig = new ConfigBuilder(Config.empty())
                .withMasterUrl("http://127.0.0.1:" + apiPort)
                .withNamespace(NAMESPACE)
                .withRequestTimeout(5_000)
                .withConnectionTimeout(2_000)
                .withRequestRetryBackoffLimit(0)
                .build();
        startAgent("standin-a");
        startAgent("standin-b");

        Map<String, String> uids = new HashMap<>();
        List<String> killedIn = new ArrayList<>();
        try (KubernetesClient client =
                new KubernetesClientBuilder().withConfig(apiConfig).build()) {
            for (String phase : KILL_PHASES) {
                Instant deadline = Instant.now().plus(PHASE_WAIT);
                boolean seen = false;
                while (!seen && Instant.now().isBefore(deadline)) {
                    Optional<Snapshot> snapshot = snapshot(client);
                    snapshot.ifPresent(s -> s.ideas()
                            .forEach(i -> uids.putIfAbsent(
                                    i.getMetadata().getName(), i.getMetadata().getUid())));
                    seen = snapshot.map(s -> s.shows(phase)).orElse(false);
                    if (!seen) {
                        Thread.sleep(100);
                    }
                }
                Thread.sleep(random.nextInt(400));
                standalone.destroyForcibly();
                ChildJvms.waitFor(standalone, Duration.ofSeconds(20));
                killedIn.add(phase + (seen ? "" : " (not seen in time: killed anyway)"));
                System.out.println("StandaloneRestartTest killed the standalone mode in phase "
                        + killedIn.get(killedIn.size() - 1));
                startStandalone(jar, examples, ideasFile);
            }

            Snapshot settled = awaitSettled(client);
            settled.ideas()
                    .forEach(i -> uids.putIfAbsent(
                            i.getMetadata().getName(), i.getMetadata().getUid()));

            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(killedIn.stream()
                            .filter(k -> !k.contains("not seen"))
                            .toList())
                    .as("kills in a phase seen at that moment")
                    .hasSizeGreaterThanOrEqualTo(5);
            // 0 ideas lost: all of the run's ideas are there, each with the uid it was first seen with
            soft.assertThat(settled.ideas()).as("ideas").hasSize(IDEAS);
            soft.assertThat(uids).as("ideas ever seen").hasSize(IDEAS);
            settled.ideas()
                    .forEach(i -> soft.assertThat(i.getMetadata().getUid())
                            .as(i.getMetadata().getName())
                            .isEqualTo(uids.get(i.getMetadata().getName())));
            // 0 stuck
            soft.assertThat(settled.ideas().stream()
                            .filter(i -> !settled.isSettled(i))
                            .map(StandaloneRestartTest::describe))
                    .as("ideas neither terminal nor waiting for publishing or a person")
                    .isEmpty();
            // 0 duplicate children
            soft.assertThat(twins(
                            settled.attempts(), a -> String.valueOf(a.getSpec().getAttempt())))
                    .as("attempts")
                    .isEmpty();
            soft.assertThat(twins(
                            settled.jobs(), j -> String.valueOf(j.getSpec().getMode())))
                    .as("render jobs")
                    .isEmpty();
            soft.assertThat(twins(
                            settled.publications(),
                            p -> String.valueOf(p.getSpec().getPlatform())))
                    .as("publications")
                    .isEmpty();
            // the schedule fired once: runOnCreate survived every restart
            ContentSchedule schedule = client.resources(ContentSchedule.class)
                    .inNamespace(NAMESPACE)
                    .withName(SCHEDULE)
                    .get();
            soft.assertThat(schedule.getStatus().getLastFiredSlot())
                    .as("lastFiredSlot")
                    .isNotBlank();
            soft.assertThat(settled.ideas())
                    .extracting(i -> i.getMetadata().getLabels().get("animops.io/run"))
                    .as("runs of the ideas")
                    .containsOnly(schedule.getStatus().getLastFiredSlot());
            checkDatabase(settled, soft);
            soft.assertAll();
            System.out.println("StandaloneRestartTest: killed in " + killedIn + "; ideas by phase "
                    + settled.ideas().stream()
                            .collect(Collectors.groupingBy(i -> i.getStatus().getPhase(), Collectors.counting())));
        }
    }

    /** What the API holds at one moment. */
    private record Snapshot(
            List<AnimationIdea> ideas,
            List<ScriptAttempt> attempts,
            List<RenderJob> jobs,
            List<Publication> publications) {
        boolean shows(String phase) {
            return switch (phase) {
                case "gate" ->
                    ideas.stream()
                            .anyMatch(i -> i.getStatus() == null
                                    || i.getStatus().getPhase() == null
                                    || i.getStatus().getPhase() == IdeaPhase.Proposed);
                case "authoring" ->
                    attempts.stream()
                            .anyMatch(a -> a.getStatus() == null
                                    || a.getStatus().getPhase() == null
                                    || !a.getStatus().getPhase().name().matches("Valid|Invalid|Failed"));
                case "claim" -> jobPhase(RenderPhase.Claimed, RenderPhase.Validating);
                case "rendering" -> jobPhase(RenderPhase.Rendering);
                case "upload" -> jobPhase(RenderPhase.Encoding, RenderPhase.Uploading);
                case "qc" ->
                    ideas.stream()
                            .anyMatch(
                                    i -> i.getStatus() != null && i.getStatus().getPhase() == IdeaPhase.AwaitingQc);
                case "publication" -> !publications.isEmpty();
                default -> throw new IllegalArgumentException(phase);
            };
        }

        private boolean jobPhase(RenderPhase... phases) {
            Set<RenderPhase> wanted = Set.of(phases);
            return jobs.stream()
                    .anyMatch(j -> j.getStatus() != null
                            && wanted.contains(j.getStatus().getPhase()));
        }

        /** Terminal, or waiting for what only publishing (not landed yet) or a person can bring. */
        boolean isSettled(AnimationIdea idea) {
            IdeaPhase phase = idea.getStatus() == null ? null : idea.getStatus().getPhase();
            if (phase == null) {
                return false;
            }
            if (phase.isTerminal()) {
                return true;
            }
            if (phase != IdeaPhase.Publishing) {
                return false;
            }
            List<Publication> own =
                    publications.stream().filter(p -> ownedThrough(p, idea)).toList();
            return !own.isEmpty()
                    && own.stream()
                            .allMatch(p -> p.getStatus() != null
                                    && (p.getStatus().getPhase() == PublicationPhase.Blocked
                                            || p.getStatus().getPhase() == PublicationPhase.AwaitingManualPost));
        }

        private boolean ownedThrough(HasMetadata child, AnimationIdea idea) {
            String uid = idea.getMetadata().getUid();
            Map<String, HasMetadata> byUid = new HashMap<>();
            attempts.forEach(a -> byUid.put(a.getMetadata().getUid(), a));
            jobs.forEach(j -> byUid.put(j.getMetadata().getUid(), j));
            HasMetadata current = child;
            for (int depth = 0; current != null && depth < 5; depth++) {
                List<OwnerReference> owners = current.getMetadata().getOwnerReferences();
                if (owners == null || owners.isEmpty()) {
                    return false;
                }
                if (owners.stream().anyMatch(o -> uid.equals(o.getUid()))) {
                    return true;
                }
                current = byUid.get(owners.get(0).getUid());
            }
            return false;
        }
    }

    private Optional<Snapshot> snapshot(KubernetesClient client) {
        try {
            return Optional.of(new Snapshot(
                    client.resources(AnimationIdea.class)
                            .inNamespace(NAMESPACE)
                            .list()
                            .getItems(),
                    client.resources(ScriptAttempt.class)
                            .inNamespace(NAMESPACE)
                            .list()
                            .getItems(),
                    client.resources(RenderJob.class)
                            .inNamespace(NAMESPACE)
                            .list()
                            .getItems(),
                    client.resources(Publication.class)
                            .inNamespace(NAMESPACE)
                            .list()
                            .getItems()));
        } catch (RuntimeException e) {
            // the API is down while the standalone mode restarts
            return Optional.empty();
        }
    }

    private Snapshot awaitSettled(KubernetesClient client) throws InterruptedException {
        Instant deadline = Instant.now().plus(SETTLE_WAIT);
        Snapshot last = null;
        while (Instant.now().isBefore(deadline)) {
            Optional<Snapshot> s = snapshot(client);
            if (s.isPresent()) {
                last = s.get();
                Snapshot current = last;
                if (current.ideas().size() >= IDEAS && current.ideas().stream().allMatch(current::isSettled)) {
                    return current;
                }
            }
            Thread.sleep(1000);
        }
        assertThat(last).as("the API answered after the last restart").isNotNull();
        return last;
    }

    /** Children that share an owner and a key (attempt number, render mode, platform): there should be none. */
    private static <T extends HasMetadata> List<List<String>> twins(
            List<T> children, java.util.function.Function<T, String> key) {
        Map<String, List<String>> byOwnerAndKey = new LinkedHashMap<>();
        for (T child : children) {
            String owner = child.getMetadata().getOwnerReferences().get(0).getUid();
            byOwnerAndKey
                    .computeIfAbsent(owner + "/" + key.apply(child), k -> new ArrayList<>())
                    .add(child.getMetadata().getName());
        }
        return byOwnerAndKey.values().stream().filter(names -> names.size() > 1).toList();
    }

    /** One database row per resource, and an audit trail per idea that chains its phases up to the current one. */
    private void checkDatabase(Snapshot settled, SoftAssertions soft) throws Exception {
        try (Connection c = DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + dbPort + "/animops", "postgres", "postgres")) {
            for (String table : List.of("ideas", "script_attempts", "render_jobs", "publications")) {
                try (Statement s = c.createStatement();
                        ResultSet rs = s.executeQuery("select namespace, name, count(*) from " + table
                                + " group by namespace, name having count(*) > 1")) {
                    List<String> twins = new ArrayList<>();
                    while (rs.next()) {
                        twins.add(rs.getString(1) + "/" + rs.getString(2) + " x" + rs.getInt(3));
                    }
                    soft.assertThat(twins)
                            .as("rows of " + table + " for one resource")
                            .isEmpty();
                }
            }
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(
                            "select count(*) from audit_events where event_type = 'ContentSchedule.Fired'")) {
                rs.next();
                soft.assertThat(rs.getInt(1)).as("schedule runs").isEqualTo(1);
            }
            try (PreparedStatement q = c.prepareStatement("select payload->>'from', payload->>'to' from audit_events "
                    + "where event_type = 'AnimationIdea.PhaseChanged' and subject_uid = ?::uuid order by id")) {
                for (AnimationIdea idea : settled.ideas()) {
                    q.setString(1, idea.getMetadata().getUid());
                    List<String> chain = new ArrayList<>();
                    String previous = null;
                    try (ResultSet rs = q.executeQuery()) {
                        while (rs.next()) {
                            String from = rs.getString(1);
                            String to = rs.getString(2);
                            soft.assertThat(from)
                                    .as(idea.getMetadata().getName() + " audit trail " + chain + " then " + from
                                            + " -> " + to)
                                    .isEqualTo(previous);
                            chain.add(to);
                            previous = to;
                        }
                    }
                    soft.assertThat(previous)
                            .as(idea.getMetadata().getName() + " audit trail " + chain + " ends in its phase")
                            .isEqualTo(idea.getStatus().getPhase().name());
                }
            }
        }
    }

    private void startStandalone(Path jar, Path examples, Path ideasFile) throws IOException, InterruptedException {
        Path log = dir.resolve("standalone.log");
        standalone = new ProcessBuilder(
                        ChildJvms.java(),
                        "-Xmx512m",
                        "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1",
                        "-Dquarkus.http.port=" + httpPort,
                        "-Danimops.ideas.file=" + ideasFile,
                        "-Danimops.agents.pending-recheck=2s",
                        "-Dquarkus.log.console.json.enabled=false",
                        "-jar",
                        jar.toString(),
                        "standalone",
                        "--api-port=" + apiPort,
                        "--db-port=" + dbPort,
                        "--home=" + home,
                        "--examples=" + examples)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        processes.add(standalone);
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(START_WAIT);
        while (Instant.now().isBefore(deadline)) {
            assertThat(standalone.isAlive())
                    .as("standalone mode running; its log: " + log)
                    .isTrue();
            try {
                HttpResponse<Void> ready = http.send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + "/q/health/ready"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError(
                "the standalone mode did not become ready within " + START_WAIT.toSeconds() + " s; its log: " + log);
    }

    private void startAgent(String name) throws IOException {
        processes.add(ChildJvms.startStandinAgent(
                repo, dir, home.resolve("kubeconfig"), name, "animops.io/os=darwin", Map.of()));
    }

    private static String describe(AnimationIdea idea) {
        return idea.getMetadata().getName() + " in "
                + (idea.getStatus() == null
                        ? "no status"
                        : idea.getStatus().getPhase() + " " + idea.getStatus().getConditions());
    }

    private static String scheduleYaml() {
        return """
                apiVersion: animops.io/v1alpha1
                kind: ContentSchedule
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  cron: "0 0 1 1 *"
                  runOnCreate: true
                  ideasPerRun: %d
                  selection:
                    mode: Auto
                    maxAccepted: %d
                  similarityThreshold: 0.995
                  maxScriptAttempts: 3
                  render:
                    preview: {width: 90, height: 160, fps: 10, durationSeconds: 1}
                    final: {width: 90, height: 160, fps: 10, durationSeconds: 1}
                  qc:
                    policy: AutoPass
                    checklist: shorts
                  agentSelector:
                    animops.io/os: darwin
                  publish:
                    - platform: YouTube
                      mode: Api
                      privacy: Private
                      accountSecretRef:
                        name: no-such-channel
                    - platform: TikTok
                      mode: Manual
                      privacy: SelfOnly
                """.formatted(SCHEDULE, NAMESPACE, IDEAS, IDEAS);
    }

    /** Distinct ideas (different words, not only a different number) so the Idea Gate keeps them apart. */
    static String ideasMarkdown(int count, Random random) {
        List<String> things = List.of(
                "marbles",
                "dominoes",
                "pendulums",
                "springs",
                "bubbles",
                "cubes",
                "ropes",
                "magnets",
                "feathers",
                "gears",
                "rockets",
                "jelly blocks",
                "paper planes",
                "snowballs",
                "bowling pins");
        List<String> places = List.of(
                "a spiral ramp",
                "a glass funnel",
                "a rotating drum",
                "a zig-zag staircase",
                "a trampoline floor",
                "a narrow canyon",
                "a wind tunnel",
                "a seesaw",
                "a conveyor belt",
                "a honeycomb");
        List<String> effects = List.of(
                "elastic collisions",
                "friction on slopes",
                "centripetal force",
                "buoyancy",
                "chain reactions",
                "resonance",
                "gravity wells",
                "momentum transfer",
                "damping",
                "stacking stability");
        StringBuilder md = new StringBuilder("# Ideas for the restart test\n\n");
        for (int i = 1; i <= count; i++) {
            String thing = things.get(random.nextInt(things.size()));
            String place = places.get(random.nextInt(places.size()));
            String effect = effects.get(random.nextInt(effects.size()));
            md.append("## ")
                    .append(Character.toUpperCase(thing.charAt(0)))
                    .append(thing.substring(1))
                    .append(" in ")
                    .append(place)
                    .append(" no. ")
                    .append(i)
                    .append('\n')
                    .append("Premise: ")
                    .append(10 + random.nextInt(90))
                    .append(' ')
                    .append(thing)
                    .append(" meet ")
                    .append(place)
                    .append(" and show ")
                    .append(effect)
                    .append(" in take ")
                    .append(i)
                    .append(".\n")
                    .append("Physics: ")
                    .append(effect)
                    .append('\n')
                    .append("Hook: which of the ")
                    .append(thing)
                    .append(" comes out first?\n\n");
        }
        return md.toString();
    }
}
