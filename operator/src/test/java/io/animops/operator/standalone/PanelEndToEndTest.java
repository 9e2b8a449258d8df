package io.animops.operator.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.animops.crds.AnimOps;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.IdeaPhase;
import io.animops.crds.v1alpha1.Publication;
import io.animops.crds.v1alpha1.PublicationPhase;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderMode;
import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.operator.auth.Totp;
import io.animops.operator.publish.PlatformAccount;
import io.animops.operator.testing.FakeYouTube;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.bouncycastle.util.encoders.Base32;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The web panel in a real browser against the standalone mode: the packaged {@code quarkus-run.jar standalone} (its
 * own JVM, home and free ports), stand-in render agents, the fake YouTube, and a seeded scenario (proposals waiting
 * in the Idea Gate, a render whose progress moves, a preview, a QC review item, a manual publication awaiting
 * confirmation). Then {@code npx playwright test} in {@code panel/}, driving Debian's chromium, with the environment
 * the panel's specs read (/work notes: panel-contract.md; docs/panel.md). Its output is streamed; a failing spec fails
 * this test. Screenshots, the standalone log and the agents' logs stay under {@code operator/target/panel-e2e}.
 * Skipped only when {@code panel/node_modules} is missing (a build with {@code -Danimops.panel.skip=true}).
 */
class PanelEndToEndTest {
    static final String NAMESPACE = "default";
    static final String ADMIN_PASSWORD = "e2e-admin-password-7431";
    static final String VIEWER_PASSWORD = "e2e-viewer-password-2209";
    static final String TIKTOK_POST_URL = "https://www.tiktok.com/@animops/video/7301234567890123456";
    private static final String REFRESH_TOKEN = "1//e2e-refresh";
    private static final Duration START_WAIT = Duration.ofMinutes(4);
    private static final Duration SEED_WAIT = Duration.ofMinutes(6);
    private static final Duration PLAYWRIGHT_WAIT = Duration.ofMinutes(15);
    private static final Pattern ONE_TIME_PASSWORD = Pattern.compile("one-time password\\s+(\\S+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Process> processes = new ArrayList<>();
    private Process standalone;
    private FakeYouTube youTube;
    private Path home;
    private Path run;

    @AfterEach
    void stopEverything() throws IOException {
        if (standalone != null && standalone.isAlive()) {
            standalone.destroy();
            ChildJvms.waitFor(standalone, Duration.ofSeconds(40));
        }
        processes.forEach(p -> p.descendants().forEach(ProcessHandle::destroyForcibly));
        processes.forEach(Process::destroyForcibly);
        if (home != null) {
            String pgdata = home.resolve("pgdata").toString();
            ProcessHandle.allProcesses()
                    .filter(p ->
                            p.info().commandLine().map(c -> c.contains(pgdata)).orElse(false))
                    .forEach(ProcessHandle::destroyForcibly);
        }
        if (youTube != null) {
            youTube.close();
        }
    }

    @Test
    void thePanelPassesItsBrowserTestsAgainstTheStandaloneMode() throws Exception {
        Path repo = Path.of(System.getProperty("animops.repo.dir", ".."))
                .toAbsolutePath()
                .normalize();
        Path panel = repo.resolve("panel");
        assumeTrue(
                Files.isDirectory(panel.resolve("node_modules")),
                "no panel/node_modules: the build ran with "
                        + "-Danimops.panel.skip=true, so the panel's browser tests cannot run (build without it to run them)");
        Path jar = repo.resolve("operator/target/quarkus-app/quarkus-run.jar");
        assertThat(jar)
                .as("the packaged operator (./mvnw test packages it before the tests; -Dquarkus.build.skip=true "
                        + "leaves it out)")
                .exists();
        Path out = Path.of("target/panel-e2e").toAbsolutePath();
        run = out.resolve("run");
        deleteRecursively(run);
        Path screenshots = Files.createDirectories(out.resolve("screenshots"));
        home = run.resolve("home");
        Files.createDirectories(run);
        Instant started = Instant.now();

        youTube = new FakeYouTube();
        youTube.acceptRefreshToken(REFRESH_TOKEN);
        int apiPort = FreePorts.next();
        int dbPort = FreePorts.next();
        int httpPort = FreePorts.next();
        Path examples = Files.createDirectories(run.resolve("examples"));
        Files.writeString(examples.resolve("schedules.yaml"), schedulesYaml());
        Path ideasFile = run.resolve("ideas.md");
        Files.writeString(ideasFile, StandaloneRestartTest.ideasMarkdown(20, new Random(14)));
        Path log = run.resolve("standalone.log");
        standalone = new ProcessBuilder(
                        ChildJvms.java(),
                        "-Xmx600m",
                        "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1",
                        "-Dquarkus.http.port=" + httpPort,
                        "-Danimops.ideas.file=" + ideasFile,
                        "-Danimops.agents.pending-recheck=2s",
                        "-Danimops.qc.review-recheck=2s",
                        "-Danimops.publish.youtube.token-url=" + youTube.baseUrl() + "/token",
                        "-Danimops.publish.youtube.api-url=" + youTube.baseUrl(),
                        "-Danimops.publish.youtube.analytics-url=" + youTube.baseUrl(),
                        "-Danimops.publish.youtube.processing-recheck=1s",
                        "-Dquarkus.log.console.json.enabled=false",
                        "-jar",
                        jar.toString(),
                        "standalone",
                        "--api-port=" + apiPort,
                        "--db-port=" + dbPort,
                        "--home=" + home,
                        "--examples=" + examples)
                .directory(run.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        processes.add(standalone);
        String base = "http://127.0.0.1:" + httpPort;
        awaitReady(base, log);
        String index = new Api(base).get("/").body();
        assertThat(index)
                .as("the operator serves the panel at / (the jar was built with -Danimops.panel.skip=true?)")
                .contains("<div id=\"root\"");

        Config apiConfig = new ConfigBuilder(Config.empty())
                .withMasterUrl("http://127.0.0.1:" + apiPort)
                .withNamespace(NAMESPACE)
                .withRequestTimeout(10_000)
                .withRequestRetryBackoffLimit(0)
                .build();
        try (KubernetesClient client =
                new KubernetesClientBuilder().withConfig(apiConfig).build()) {
            client.resource(new SecretBuilder()
                            .withMetadata(new ObjectMetaBuilder()
                                    .withName("e2e-channel")
                                    .withNamespace(NAMESPACE)
                                    .addToLabels(PlatformAccount.PLATFORM_LABEL, "YouTube")
                                    .build())
                            .addToData(PlatformAccount.CLIENT_ID, base64(FakeYouTube.CLIENT_ID))
                            .addToData(PlatformAccount.CLIENT_SECRET, base64("e2e-client-secret"))
                            .addToData(PlatformAccount.REFRESH_TOKEN, base64(REFRESH_TOKEN))
                            .build())
                    .createOr(r -> r.update());
            startAgent(repo, "standin-fast-a", "fast", Map.of());
            startAgent(repo, "standin-fast-b", "fast", Map.of());

            Map<String, String> env = new LinkedHashMap<>();
            env.put("E2E_BASE_URL", base);
            env.put("E2E_NAMESPACE", NAMESPACE);
            env.putAll(users(base, log));
            env.putAll(seed(
                    client,
                    new Api(base)
                            .withToken(
                                    Files.readString(home.resolve("api-token")).trim())));
            env.put("E2E_SCREENSHOT_DIR", screenshots.toString());
            env.put("E2E_CHROMIUM", chromium());
            env.put("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
            env.put("CI", "1");
            System.out.println("PanelEndToEndTest: seeded in "
                    + Duration.between(started, Instant.now()).toSeconds()
                    + " s; environment "
                    + env.entrySet().stream()
                            .filter(e -> !e.getKey().contains("PASSWORD")
                                    && !e.getKey().contains("SECRET"))
                            .toList());

            // the only agent of pool "slow" claims the render the progress spec watches and holds it at Rendering,
            // no frame drawn, until that spec (its page open) creates the release file
            Path release = run.resolve("render-progress.release");
            startAgent(
                    repo,
                    "standin-slow",
                    "slow",
                    Map.of("STANDIN_GODOT_FPS", "10", "STANDIN_GODOT_HOLD", release.toString()));
            awaitHeld(client, env.get("E2E_RENDER_JOB"));
            env.put("E2E_RENDER_RELEASE", release.toString());
            Instant playwright = Instant.now();
            int exit = playwright(panel, env);
            System.out.println("PanelEndToEndTest: playwright took "
                    + Duration.between(playwright, Instant.now()).toSeconds() + " s, the whole test "
                    + Duration.between(started, Instant.now()).toSeconds() + " s");
            assertThat(exit)
                    .as("npx playwright test exit code (its output is above; screenshots in " + screenshots
                            + "; the standalone log in " + log + ")")
                    .isZero();
        }
    }

    /** The admin with its password changed and TOTP enrolled, and a viewer with its password changed. */
    private Map<String, String> users(String base, Path log) throws Exception {
        String oneTime = awaitOneTimePassword(log);
        Api admin = new Api(base);
        admin.signIn("admin", oneTime);
        admin.post("/api/v1/session/password", Map.of("currentPassword", oneTime, "newPassword", ADMIN_PASSWORD));
        admin.refreshCsrf();
        String secret = admin.post("/api/v1/session/totp/enrolment", Map.of())
                .path("secret")
                .asText();
        admin.post("/api/v1/session/totp/enrolment/confirm", Map.of("code", totp(secret)));
        String viewerOneTime = admin.post("/api/v1/users", Map.of("name", "viewer", "role", "viewer"))
                .path("oneTimePassword")
                .asText();
        Api viewer = new Api(base);
        viewer.signIn("viewer", viewerOneTime);
        viewer.post(
                "/api/v1/session/password", Map.of("currentPassword", viewerOneTime, "newPassword", VIEWER_PASSWORD));
        Map<String, String> env = new LinkedHashMap<>();
        env.put("E2E_ADMIN_USER", "admin");
        env.put("E2E_ADMIN_PASSWORD", ADMIN_PASSWORD);
        env.put("E2E_ADMIN_TOTP_SECRET", secret);
        env.put("E2E_VIEWER_USER", "viewer");
        env.put("E2E_VIEWER_PASSWORD", VIEWER_PASSWORD);
        return env;
    }

    /** Waits for the scenario the schedules make, passes QC of one studio preview, and names what the specs use. */
    private Map<String, String> seed(KubernetesClient client, Api token) throws Exception {
        // one passes QC, one waits in the review queue, two are rendered again and rerun from the panel
        List<RenderJob> previews = await("four studio previews awaiting QC", () -> {
            List<RenderJob> done = jobs(client, "e2e-studio", RenderMode.Preview).stream()
                    .filter(j -> j.getStatus() != null && j.getStatus().getPhase() == RenderPhase.Succeeded)
                    .toList();
            List<AnimationIdea> waiting = ideas(client, "e2e-studio").stream()
                    .filter(i -> phase(i) == IdeaPhase.AwaitingQc)
                    .toList();
            return done.size() >= 4 && waiting.size() >= 4 ? Optional.of(done) : Optional.empty();
        });
        RenderJob passed = previews.get(0);
        RenderJob review = previews.get(1);
        for (String item : List.of("motion-reads", "safe-margins", "hook")) {
            token.post(
                    "/api/v1/qc/results/" + NAMESPACE + "/" + name(passed) + "/items/" + item,
                    Map.of("passed", true, "comment", "seeded by PanelEndToEndTest"));
        }
        Publication manual = await(
                "the passed idea's manual TikTok publication",
                () -> client.resources(Publication.class).inNamespace(NAMESPACE).list().getItems().stream()
                        .filter(p -> p.getStatus() != null
                                && p.getStatus().getPhase() == PublicationPhase.AwaitingManualPost)
                        .findFirst());
        List<AnimationIdea> proposals = await("three proposals in the Idea Gate", () -> {
            List<AnimationIdea> waiting = ideas(client, "e2e-gate").stream()
                    .filter(i -> phase(i) == IdeaPhase.Proposed && i.getStatus().getSimilarity() != null)
                    .toList();
            return waiting.size() >= 3 ? Optional.of(waiting) : Optional.empty();
        });
        RenderJob slow = await(
                "the progress idea's preview, waiting for the slow agent",
                () -> jobs(client, "e2e-progress", RenderMode.Preview).stream().findFirst());
        Map<String, String> env = new LinkedHashMap<>();
        env.put(
                "E2E_GATE_IDEAS",
                String.join(
                        ",",
                        proposals.stream().map(PanelEndToEndTest::name).sorted().toList()));
        env.put(
                "E2E_GATE_IDEA",
                proposals.stream()
                        .map(PanelEndToEndTest::name)
                        .sorted()
                        .findFirst()
                        .orElseThrow());
        env.put("E2E_RENDER_JOB", name(slow));
        env.put("E2E_RENDER_IDEA", idea(slow));
        env.put("E2E_PREVIEW_JOB", name(passed));
        env.put("E2E_QC_JOB", name(review));
        env.put("E2E_QC_IDEA", idea(review));
        env.put("E2E_RERENDER_IDEA", idea(previews.get(2)));
        env.put("E2E_RERUN_IDEA", idea(previews.get(3)));
        env.put("E2E_PUBLICATION", name(manual));
        env.put("E2E_PUBLICATION_URL", TIKTOK_POST_URL);
        return env;
    }

    /** Waits until the slow agent has claimed the job and the stand-in holds it before its first frame. */
    private static void awaitHeld(KubernetesClient client, String job) throws InterruptedException {
        await(
                "render job " + job + " held by the slow agent at Rendering",
                () -> Optional.ofNullable(client.resources(RenderJob.class)
                                .inNamespace(NAMESPACE)
                                .withName(job)
                                .get())
                        .map(RenderJob::getStatus)
                        .filter(s -> s.getPhase() == RenderPhase.Rendering && s.getProgress() == null));
    }

    private int playwright(Path panel, Map<String, String> env) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("npx", "playwright", "test")
                .directory(panel.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        processes.add(process);
        Thread pump = new Thread(
                () -> {
                    try (BufferedReader lines = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        lines.lines().forEach(line -> System.out.println("[playwright] " + line));
                    } catch (IOException e) {
                        System.out.println("[playwright] output lost: " + e);
                    }
                },
                "playwright-output");
        pump.start();
        if (!process.waitFor(PLAYWRIGHT_WAIT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("npx playwright test did not end within " + PLAYWRIGHT_WAIT.toMinutes() + " min");
        }
        pump.join(10_000);
        return process.exitValue();
    }

    private void startAgent(Path repo, String name, String pool, Map<String, String> env) throws IOException {
        processes.add(ChildJvms.startStandinAgent(
                repo, run, home.resolve("kubeconfig"), name, "animops.io/pool=" + pool, env));
    }

    private void awaitReady(String base, Path log) throws InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        Instant deadline = Instant.now().plus(START_WAIT);
        while (Instant.now().isBefore(deadline)) {
            assertThat(standalone.isAlive())
                    .as("standalone mode running; its log: " + log)
                    .isTrue();
            try {
                if (http.send(
                                        HttpRequest.newBuilder(URI.create(base + "/q/health/ready"))
                                                .timeout(Duration.ofSeconds(2))
                                                .build(),
                                        HttpResponse.BodyHandlers.discarding())
                                .statusCode()
                        == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new AssertionError(
                "the standalone mode was not ready within " + START_WAIT.toSeconds() + " s; log: " + log);
    }

    private static String awaitOneTimePassword(Path log) throws Exception {
        return await("the first admin's one-time password in the banner", () -> {
            try {
                Matcher m = ONE_TIME_PASSWORD.matcher(Files.readString(log));
                return m.find() ? Optional.of(m.group(1)) : Optional.empty();
            } catch (IOException e) {
                return Optional.empty();
            }
        });
    }

    private static <T> T await(String what, Supplier<Optional<T>> probe) throws InterruptedException {
        Instant deadline = Instant.now().plus(SEED_WAIT);
        while (Instant.now().isBefore(deadline)) {
            Optional<T> found;
            try {
                found = probe.get();
            } catch (RuntimeException e) {
                found = Optional.empty();
            }
            if (found.isPresent()) {
                return found.get();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("seeding the scenario: no " + what + " within " + SEED_WAIT.toMinutes() + " min");
    }

    private static List<AnimationIdea> ideas(KubernetesClient client, String schedule) {
        return client.resources(AnimationIdea.class).inNamespace(NAMESPACE).list().getItems().stream()
                .filter(i -> schedule.equals(i.getSpec().getScheduleRef()))
                .toList();
    }

    private static List<RenderJob> jobs(KubernetesClient client, String schedule, RenderMode mode) {
        return client
                .resources(RenderJob.class)
                .inNamespace(NAMESPACE)
                .withLabel(AnimOps.LABEL_SCHEDULE, schedule)
                .list()
                .getItems()
                .stream()
                .filter(j -> j.getSpec().getMode() == mode)
                .sorted(Comparator.comparing(PanelEndToEndTest::name))
                .toList();
    }

    private static IdeaPhase phase(AnimationIdea idea) {
        return idea.getStatus() == null ? null : idea.getStatus().getPhase();
    }

    private static String name(io.fabric8.kubernetes.api.model.HasMetadata resource) {
        return resource.getMetadata().getName();
    }

    private static String idea(RenderJob job) {
        return job.getMetadata().getAnnotations().get(AnimOps.LABEL_IDEA);
    }

    private static String totp(String base32Secret) {
        return Totp.code(Base32.decode(base32Secret), Totp.step(Instant.now()), Totp.DIGITS);
    }

    private static String base64(String value) {
        return java.util.Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static String chromium() {
        return Stream.of("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
                .filter(p -> Files.isExecutable(Path.of(p)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no chromium executable (.ci/run installs Debian's chromium)"));
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    /** The REST API as a person (session cookie and CSRF token) or a script (the operator token). */
    private static final class Api {
        private final String base;
        private final HttpClient http;
        private String csrf;
        private String token;

        Api(String base) {
            this.base = base;
            this.http =
                    HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        }

        Api withToken(String value) {
            token = value;
            return this;
        }

        void signIn(String name, String password) throws Exception {
            JsonNode session = post("/api/v1/session", Map.of("name", name, "password", password));
            assertThat(session.path("status").asText())
                    .as("sign-in of " + name + ": " + session)
                    .isEqualTo("signedIn");
            csrf = session.path("csrfToken").asText();
        }

        void refreshCsrf() throws Exception {
            csrf = JSON.readTree(get("/api/v1/session").body())
                    .path("csrfToken")
                    .asText();
        }

        HttpResponse<String> get(String path) throws Exception {
            return http.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        /** The answer's JSON; any status but 2xx fails the test with the answer. */
        JsonNode post(String path, Object body) throws Exception {
            HttpResponse<String> answer = http.send(
                    request(path)
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode())
                    .as("POST " + path + " answered " + answer.body())
                    .isBetween(200, 299);
            JsonNode json = answer.body().isBlank() ? JSON.createObjectNode() : JSON.readTree(answer.body());
            if (json.hasNonNull("csrfToken")) {
                csrf = json.path("csrfToken").asText();
            }
            return json;
        }

        private HttpRequest.Builder request(String path) {
            HttpRequest.Builder builder =
                    HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
            if (token != null) {
                builder.header("Authorization", "Bearer " + token);
            }
            if (csrf != null) {
                builder.header("X-CSRF-Token", csrf);
            }
            return builder;
        }
    }

    private static String schedulesYaml() {
        String render = """
                  render:
                    preview: {width: 270, height: 480, fps: 15, durationSeconds: 4}
                    final: {width: 270, height: 480, fps: 15, durationSeconds: 4}
                """;
        return """
                # a run that reaches QC (a person's ticks), the final render and both publications
                apiVersion: animops.io/v1alpha1
                kind: ContentSchedule
                metadata: {name: e2e-studio, namespace: default}
                spec:
                  cron: "0 9 * * *"
                  runOnCreate: true
                  ideasPerRun: 4
                  selection: {mode: Auto, maxAccepted: 4}
                  similarityThreshold: 0.995
                %s  qc: {policy: RequireReview, checklist: shorts-reviewed}
                  agentSelector: {animops.io/pool: fast}
                  publish:
                    - {platform: YouTube, mode: Api, privacy: Private, accountSecretRef: {name: e2e-channel}}
                    - {platform: TikTok, mode: Manual, privacy: SelfOnly}
                ---
                # proposals that wait for a person in the Idea Gate
                apiVersion: animops.io/v1alpha1
                kind: ContentSchedule
                metadata: {name: e2e-gate, namespace: default}
                spec:
                  cron: "0 10 * * 1"
                  runOnCreate: false
                  ideasPerRun: 3
                  selection: {mode: Manual, maxAccepted: 3}
                  similarityThreshold: 0.995
                %s  qc: {policy: RequireReview, checklist: shorts-reviewed}
                  agentSelector: {animops.io/pool: fast}
                ---
                # one preview for the slow agent: held until the progress spec releases it, then 300 frames at 10
                # a second (the stand-in reports every 30 frames: a tenth of the way every 3 s)
                apiVersion: animops.io/v1alpha1
                kind: ContentSchedule
                metadata: {name: e2e-progress, namespace: default}
                spec:
                  cron: "0 11 * * 1"
                  runOnCreate: false
                  ideasPerRun: 1
                  selection: {mode: Auto, maxAccepted: 1}
                  similarityThreshold: 0.995
                  render:
                    preview: {width: 270, height: 480, fps: 10, durationSeconds: 30}
                    final: {width: 270, height: 480, fps: 10, durationSeconds: 30}
                  qc: {policy: RequireReview, checklist: shorts-reviewed}
                  agentSelector: {animops.io/pool: slow}
                  # the preview itself must wait for the slow agent: no Validate job ahead of it
                  godotValidation: false
                ---
                %s---
                %s---
                %s---
                %s""".formatted(
                        render,
                        render,
                        handWritten(
                                "e2e-gate-1",
                                "e2e-gate",
                                "Pendulum wave of twelve brass bobs",
                                "Twelve pendulums of rising length swing out of phase and fall back into line."),
                        handWritten(
                                "e2e-gate-2",
                                "e2e-gate",
                                "Sand hourglass that empties upward",
                                "A sealed glass tips over and the grains race through the neck against a spinning fan."),
                        handWritten(
                                "e2e-gate-3",
                                "e2e-gate",
                                "Newton's cradle with one heavy steel ball",
                                "A cradle of light balls meets a ball three times heavier and the rhythm breaks."),
                        handWritten(
                                "e2e-progress-1",
                                "e2e-progress",
                                "Paper boats racing down a rain gutter",
                                "Five folded boats ride a stream of water over steps and one capsizes at the drain."));
    }

    /** A hand-written idea of a schedule: the schedules' static ideas file would give each schedule the same first ideas. */
    private static String handWritten(String name, String schedule, String title, String premise) {
        return """
                apiVersion: animops.io/v1alpha1
                kind: AnimationIdea
                metadata: {name: %s, namespace: default}
                spec:
                  title: "%s"
                  premise: "%s"
                  physicsHook: "momentum and timing"
                  hook: "which one reaches the end first?"
                  source: Manual
                  scheduleRef: %s
                """.formatted(name, title, premise, schedule);
    }
}
