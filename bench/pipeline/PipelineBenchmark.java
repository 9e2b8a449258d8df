package io.animops.operator.agent;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.animops.agent.AgentConfig;
import io.animops.agent.cluster.AgentIdentity;
import io.animops.agent.job.Cancellation;
import io.animops.agent.job.ExecutionListener;
import io.animops.agent.job.ExecutionResult;
import io.animops.agent.job.JobExecutor;
import io.animops.agent.job.JobRequest;
import io.animops.crds.AnimOps;
import io.animops.crds.SecretKeyRef;
import io.animops.crds.WatchTransport;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.ContentSchedule;
import io.animops.crds.v1alpha1.IdeaPhase;
import io.animops.crds.v1alpha1.LlmSettings;
import io.animops.crds.v1alpha1.MediaFacts;
import io.animops.crds.v1alpha1.Platform;
import io.animops.crds.v1alpha1.Publication;
import io.animops.crds.v1alpha1.PublicationPhase;
import io.animops.crds.v1alpha1.PublishMode;
import io.animops.crds.v1alpha1.PublishTarget;
import io.animops.crds.v1alpha1.QcSettings;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.crds.v1alpha1.Selection;
import io.animops.operator.testing.FakeOpenAiServer;
import io.animops.operator.testing.FakeOpenAiServer.Reply;
import io.animops.operator.testing.Pipeline;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.HashMap;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * 1,000 ideas end to end through the packaged operator in standalone mode (the README's command, so its memory
 * settings are the ones measured): schedules whose language model is a fake OpenAI-compatible server failing 30 % of
 * calls with 429 or 500, render agents with the real agent runtime (claim, heartbeat, status, upload to the operator's
 * store, per docs/render-protocol.md) and an executor that neither renders nor encodes, and publications that a
 * stand-in publisher completes (see {@link Publisher}). Prints the wall time, ideas per minute, the operator's peak
 * RSS and CPU time, the ideas lost and the children duplicated, and the LLM spend against the budget.
 * Usage: PipelineBenchmark [ideas=1000] [agents=4] [timeout seconds=900]
 */
public final class PipelineBenchmark {
    private static final String NS = "bench";
    private static final String POOL = "pipeline-bench";
    private static final int IDEAS_PER_SCHEDULE = 50;
    private static final double FAILURE_RATE = 0.30;
    private static final long DAILY_TOKEN_BUDGET = 3_000_000L;
    private static final String API_TOKEN = "pipeline-bench-token-0123456789abcdef";
    private static final String API_REQUESTS = "animops_standalone_api_requests_total";
    private static final String RECONCILIATIONS = "reconciliations_started_total";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration STALL = Duration.ofSeconds(300);

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        } catch (Exception | Error e) {
            e.printStackTrace();
            System.exit(1);
        }
        // the agents' and informers' client threads would keep this JVM (and bench/pipeline/run) waiting
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        int ideas = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int agents = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        Duration timeout = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 900);
        Path repo = Path.of(System.getProperty("animops.repo.dir", ".")).toAbsolutePath().normalize();
        System.setProperty("animops.repo.dir", repo.toString());
        Path work = Files.createTempDirectory("animops-pipeline-bench");
        Path log = repo.resolve("bench/pipeline/target/operator.log");
        FakeLlm fakeLlm = new FakeLlm(FakeOpenAiServer.scene("pendulum-wave.gd"), new Random(42));
        List<AgentHarness.RunningAgent> running = new ArrayList<>();
        Process launcher = null;
        try (FakeOpenAiServer llm = new FakeOpenAiServer(fakeLlm::reply)) {
            int httpPort = freePort();
            launcher = startOperator(repo, work, httpPort, log);
            ProcessHandle operator = awaitOperator(launcher, work, httpPort);
            PeakSampler peaks = PeakSampler.start(operator.pid());
            startFlightRecording(operator.pid());
            CpuProfile profile = CpuProfile.start(operator.pid());
            // the agents watch as the packaged agent does (RenderAgentMain), over HTTP
            Config api = WatchTransport.overHttp(
                    Config.fromKubeconfig(Files.readString(work.resolve("home/kubeconfig"))));
            KubernetesClient client = WatchTransport.clientBuilder(api).build();
            client.resource(new NamespaceBuilder().withNewMetadata().withName(NS).endMetadata().build()).create();
            client.resource(new SecretBuilder().withNewMetadata().withNamespace(NS).withName("llm").endMetadata()
                    .withStringData(Map.of("api-key", FakeOpenAiServer.API_KEY)).build()).create();

            BenchExecutor executor = new BenchExecutor(work.resolve("jobs"));
            for (int i = 0; i < agents; i++) {
                running.add(AgentHarness.start(api, agentConfig("bench-agent-" + i, work.resolve("agent-" + i)),
                        executor,
                        new AgentIdentity("darwin", "arm64", "4.6.stable.bench", "ffmpeg version bench")));
            }
            SharedIndexInformer<AnimationIdea> ideaWatch =
                    client.resources(AnimationIdea.class).inNamespace(NS).inform();
            SharedIndexInformer<RenderJob> jobWatch = client.resources(RenderJob.class).inNamespace(NS).inform();
            SharedIndexInformer<Publication> publicationWatch =
                    client.resources(Publication.class).inNamespace(NS).inform();
            Publisher publisher = Publisher.detect(httpPort);
            System.out.println("publishing: " + publisher.describe());

            Counters requestsBefore = Counters.read(httpPort, API_REQUESTS, "verb", "resource");
            Counters reconciliationsBefore = Counters.read(httpPort, RECONCILIATIONS, "controller_name");
            long cpuBefore = cpuMillis(operator.pid());
            Path pgdata = work.resolve("home/pgdata");
            long postgresBefore = postgresCpuMillis(pgdata);
            long benchBefore = cpuMillis(ProcessHandle.current().pid());
            MachineCpu machineBefore = MachineCpu.read();
            Map<String, ThreadCpu> threadsBefore = ThreadCpu.of(operator.pid());
            long started = System.nanoTime();
            int schedules = (ideas + IDEAS_PER_SCHEDULE - 1) / IDEAS_PER_SCHEDULE;
            for (int s = 0; s < schedules; s++) {
                int count = Math.min(IDEAS_PER_SCHEDULE, ideas - s * IDEAS_PER_SCHEDULE);
                client.resource(schedule(String.format("s%02d", s), llm.baseUrl(), count, publisher.mode())).create();
            }
            Outcome outcome = drive(ideas, timeout, ideaWatch, publicationWatch, publisher, started);
            double wallSeconds = (System.nanoTime() - started) / 1e9;
            double cpuSeconds = (cpuMillis(operator.pid()) - cpuBefore) / 1000.0;
            String controlPlane = describeControlPlane(cpuSeconds,
                    (postgresCpuMillis(pgdata) - postgresBefore) / 1000.0,
                    (cpuMillis(ProcessHandle.current().pid()) - benchBefore) / 1000.0,
                    MachineCpu.read().since(machineBefore));
            String cpuByThread = ThreadCpu.describe(threadsBefore, ThreadCpu.of(operator.pid()),
                    ThreadCpu.javaNames(operator.pid()));
            profile.stop();
            Counters requests = Counters.read(httpPort, API_REQUESTS, "verb", "resource").minus(requestsBefore);
            Counters reconciliations =
                    Counters.read(httpPort, RECONCILIATIONS, "controller_name").minus(reconciliationsBefore);

            report(ideas, agents, outcome, wallSeconds, cpuSeconds, peaks, operator, launcher,
                    ideaWatch.getStore().list(), jobWatch.getStore().list(), publicationWatch.getStore().list(),
                    executor, fakeLlm, publisher);
            System.out.println(requests.describe("requests", ideas));
            System.out.println("requests by kind, per idea: " + requests.perIdea(ideas));
            System.out.println(reconciliations.describe("reconciliations", ideas));
            System.out.println("operator CPU by thread: " + cpuByThread);
            System.out.println(controlPlane);
            printLiveHeap(operator.pid());
        } finally {
            running.forEach(AgentHarness.RunningAgent::close);
            if (launcher != null) {
                launcher.destroy();
                launcher.waitFor();
            }
            deleteTree(work);
        }
    }

    /** What the run ended with: done, timed out, or stalled. */
    private record Outcome(String how, Map<String, Integer> phases) {
    }

    private static Outcome drive(int ideas, Duration timeout, SharedIndexInformer<AnimationIdea> ideaWatch,
                                 SharedIndexInformer<Publication> publicationWatch, Publisher publisher, long started)
            throws InterruptedException {
        long deadline = started + timeout.toNanos();
        Map<String, Integer> lastPhases = Map.of();
        long lastChange = System.nanoTime();
        long lastPrint = 0;
        while (true) {
            publisher.publish(publicationWatch.getStore().list());
            Map<String, Integer> phases = phases(ideaWatch.getStore().list());
            int done = publisher.finished(ideaWatch.getStore().list(), publicationWatch.getStore().list());
            long now = System.nanoTime();
            if (!phases.equals(lastPhases)) {
                lastPhases = phases;
                lastChange = now;
            }
            if (now - lastPrint > Duration.ofSeconds(5).toNanos() || done >= ideas) {
                System.out.printf("progress %6.1f s: %d of %d at the end; ideas by phase %s%n", (now - started) / 1e9,
                        done, ideas, phases);
                lastPrint = now;
            }
            if (done >= ideas) {
                return new Outcome("all ideas reached the end", phases);
            }
            if (now > deadline) {
                return new Outcome("timed out after " + timeout.toSeconds() + " s", phases);
            }
            if (now - lastChange > STALL.toNanos()) {
                return new Outcome("stalled: no idea changed phase for " + STALL.toSeconds() + " s", phases);
            }
            Thread.sleep(200);
        }
    }

    private static void report(int ideas, int agents, Outcome outcome, double wallSeconds, double cpuSeconds,
                               PeakSampler peaks, ProcessHandle operator, Process launcher, List<AnimationIdea> all,
                               List<RenderJob> jobs, List<Publication> publications, BenchExecutor executor,
                               FakeLlm llm, Publisher publisher) {
        Map<String, Long> titles = all.stream()
                .collect(Collectors.groupingBy(i -> i.getSpec().getTitle(), Collectors.counting()));
        long duplicateIdeas = titles.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
        Map<String, Long> jobsPerIdeaAndMode = jobs.stream().collect(Collectors.groupingBy(
                j -> ideaOf(j) + "/" + j.getSpec().getMode(), Collectors.counting()));
        long duplicateJobs = jobsPerIdeaAndMode.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
        Map<String, String> ideaOfJob = jobs.stream()
                .collect(Collectors.toMap(j -> j.getMetadata().getName(), PipelineBenchmark::ideaOf));
        Map<String, Long> publicationsPerTarget = publications.stream().collect(Collectors.groupingBy(
                p -> ideaOfJob.getOrDefault(p.getSpec().getRenderJobRef(), "?") + "/" + p.getSpec().getPlatform(),
                Collectors.counting()));
        long duplicatePublications = publicationsPerTarget.values().stream().filter(n -> n > 1)
                .mapToLong(n -> n - 1).sum();
        long duplicateExecutions = executor.executions.values().stream().mapToInt(AtomicInteger::get)
                .filter(n -> n > 1).mapToLong(n -> n - 1).sum();
        int done = publisher.finished(all, publications);
        long published = publications.stream().filter(p -> p.getStatus() != null
                && p.getStatus().getPhase() == PublicationPhase.Published).count();
        long awaitingManual = publications.stream().filter(p -> p.getStatus() != null
                && p.getStatus().getPhase() == PublicationPhase.AwaitingManualPost).count();
        Map<String, Integer> ended = new TreeMap<>();
        all.stream().filter(i -> i.getStatus() != null && (i.getStatus().getPhase() == IdeaPhase.Rejected
                        || i.getStatus().getPhase() == IdeaPhase.Failed))
                .forEach(i -> ended.merge(i.getStatus().getPhase() + "/" + reason(i), 1, Integer::sum));

        System.out.printf("pipeline: %s; %d ideas asked of %d schedules, %d agents (real agent runtime, no render or "
                + "encoding), fake LLM failing %.0f %% of calls with 429 or 500%n", outcome.how(), ideas,
                (ideas + IDEAS_PER_SCHEDULE - 1) / IDEAS_PER_SCHEDULE, agents, FAILURE_RATE * 100);
        System.out.printf("wall time: %.1f s from the schedules' creation to the last idea at the end (%s); "
                + "%.1f ideas per minute; operator CPU %.1f s (%.0f %% of one core)%n", wallSeconds, publisher.end(),
                done / wallSeconds * 60, cpuSeconds, 100 * cpuSeconds / wallSeconds);
        System.out.printf("operator RSS: peak %d MB (VmHWM %d MB, JVM pid %d), %d threads at most; launcher JVM %d MB;"
                + " embedded PostgreSQL not included%n", peaks.peakMb(), procStatus(operator.pid(), "VmHWM") / 1024,
                operator.pid(), peaks.peakThreads(), procStatus(launcher.pid(), "VmHWM") / 1024);
        System.out.printf("ideas: %d at the end (%s), lost %d; by phase %s; rejected or failed %s%n", done,
                publisher.end(), ideas - done, outcome.phases(), ended);
        System.out.printf("publications: %d, Published %d, AwaitingManualPost %d; %s%n", publications.size(), published,
                awaitingManual, publisher.describe());
        System.out.printf("duplicated: %d ideas (same title), %d render jobs (same idea and mode), %d publications "
                + "(same idea and platform), %d job executions (same job run twice)%n", duplicateIdeas, duplicateJobs,
                duplicatePublications, duplicateExecutions);
        System.out.printf("llm: %d calls, %d answered 429 or 500 (%.1f %%), %d tokens served; highest schedule spend "
                + "%d of its daily budget %d (%s)%n", llm.calls.get(), llm.failed.get(),
                100.0 * llm.failed.get() / Math.max(1, llm.calls.get()), llm.tokens.get(), llm.maxSpend(),
                DAILY_TOKEN_BUDGET, llm.maxSpend() <= DAILY_TOKEN_BUDGET ? "respected" : "EXCEEDED");
    }

    private static String reason(AnimationIdea idea) {
        return idea.getStatus().getConditions().stream().filter(c -> "Succeeded".equals(c.getType()))
                .map(c -> c.getReason()).findFirst().orElse("?");
    }

    private static String ideaOf(RenderJob job) {
        return job.getMetadata().getAnnotations() == null ? "?"
                : job.getMetadata().getAnnotations().getOrDefault(AnimOps.LABEL_IDEA, "?");
    }

    private static Map<String, Integer> phases(List<AnimationIdea> ideas) {
        Map<String, Integer> phases = new TreeMap<>();
        for (AnimationIdea idea : ideas) {
            String phase = idea.getStatus() == null || idea.getStatus().getPhase() == null ? "New"
                    : idea.getStatus().getPhase().name();
            phases.merge(phase, 1, Integer::sum);
        }
        return phases;
    }

    private static ContentSchedule schedule(String name, String baseUrl, int ideas, PublishMode publishMode) {
        // threshold 1: only an exact repeat is a duplicate; the fake's titles are unique but alike
        ContentSchedule schedule = Pipeline.schedule(NS, name, Selection.Mode.Auto, ideas, ideas, 1.0);
        LlmSettings llm = new LlmSettings();
        llm.setProvider(LlmSettings.Provider.OpenAi);
        llm.setBaseUrl(baseUrl);
        llm.setModel("bench-" + name);
        llm.setSecretRef(new SecretKeyRef("llm", "api-key"));
        llm.setDailyTokenBudget(DAILY_TOKEN_BUDGET);
        schedule.getSpec().setLlm(llm);
        schedule.getSpec().setTimeZone("UTC");
        // runOnCreate fires the one run; a yearly slot half a year away cannot add a second run mid-bench
        // (a daily slot did: a run crossing it proposed the same titles again, all rejected as duplicates)
        schedule.getSpec().setCron(yearlySlotHalfAYearAway());
        schedule.getSpec().setAgentSelector(Map.of(AgentHarness.POOL_LABEL, POOL));
        QcSettings qc = new QcSettings();
        qc.setPolicy(QcSettings.Policy.AutoPass);
        schedule.getSpec().setQc(qc);
        PublishTarget target = new PublishTarget();
        target.setPlatform(Platform.TikTok);
        target.setMode(publishMode);
        schedule.getSpec().setPublish(List.of(target));
        return schedule;
    }

    private static String yearlySlotHalfAYearAway() {
        java.time.ZonedDateTime away = java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC).plusMonths(6);
        return String.format("0 0 %d %d *", Math.min(away.getDayOfMonth(), 28), away.getMonthValue());
    }

    private static AgentConfig agentConfig(String name, Path workDir) {
        java.util.Properties file = new java.util.Properties();
        file.setProperty("name", name);
        file.setProperty("labels", "animops.io/os=darwin," + AgentHarness.POOL_LABEL + "=" + POOL);
        file.setProperty("maxConcurrent", "8");
        file.setProperty("workDir", workDir.toString());
        file.setProperty("namespaces", NS);
        return AgentConfig.from(file, Map.of());
    }

    /**
     * The operator as the README starts it, on free ports and in a scratch home with no examples. The language model
     * settings are a local provider's: a generous rate limit and short backoffs (the fake's 429s say Retry-After 0),
     * also between the tries of a call whose provider stayed unavailable.
     */
    private static Process startOperator(Path repo, Path work, int httpPort, Path log) throws IOException {
        Path jar = repo.resolve("operator/target/quarkus-app/quarkus-run.jar");
        Files.createDirectories(work.resolve("examples"));
        Files.createDirectories(log.getParent());
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        // e.g. -XX:NativeMemoryTracking=summary; the launcher passes its options on to the operator's JVM
        String options = System.getenv().getOrDefault("ANIMOPS_BENCH_OPERATOR_JAVA_OPTIONS", "");
        Stream.of(options.trim().split("\\s+")).filter(o -> !o.isEmpty()).forEach(command::add);
        command.addAll(List.of("-Dquarkus.http.port=" + httpPort, "-jar", jar.toString(), "standalone",
                "--api-port=" + freePort(), "--db-port=" + freePort(), "--home=" + work.resolve("home"),
                "--examples=" + work.resolve("examples")));
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("ANIMOPS_API_TOKEN", API_TOKEN);
        builder.environment().put("ANIMOPS_LLM_RATE_LIMIT_PER_SECOND", "200");
        builder.environment().put("ANIMOPS_LLM_RATE_LIMIT_BURST", "50");
        builder.environment().put("ANIMOPS_LLM_INITIAL_BACKOFF", "50ms");
        builder.environment().put("ANIMOPS_LLM_MAX_BACKOFF", "500ms");
        // a call whose four HTTP tries all fail (0.3^4 of them here) is tried again soon, as a real run would later
        builder.environment().put("ANIMOPS_LLM_UNAVAILABLE_FIRST_DELAY", "200ms");
        builder.environment().put("ANIMOPS_LLM_UNAVAILABLE_MAX_DELAY", "2s");
        builder.environment().put("ANIMOPS_LLM_UNAVAILABLE_GIVE_UP_AFTER", "5m");
        return builder.start();
    }

    /**
     * With ANIMOPS_BENCH_PROFILE=FILE, async-profiler's CPU profile (interval timer, 10 ms, by thread) of the
     * operator's JVM while the ideas run, written to FILE as collapsed stacks ({@code bench/pipeline/jfr-shares
     * FILE}). It samples CPU time, so its shares add up to the CPU the bench prints; JFR's execution samples had put
     * 22 % of it on Fabric8's watch loop, where this profile finds 5 %. With ANIMOPS_BENCH_PROFILE_EVENT=alloc, it
     * samples allocations instead (async-profiler's {@code event=alloc}: a sample every 512 KB allocated, weighed by
     * bytes), which tells what the collector's work comes from.
     */
    private record CpuProfile(long pid, String library, String file) {
        static CpuProfile start(long pid) throws IOException, InterruptedException {
            String file = System.getenv("ANIMOPS_BENCH_PROFILE");
            String library = System.getProperty("animops.bench.profiler");
            CpuProfile profile = new CpuProfile(pid, library, file == null || file.isBlank() ? null
                    : Path.of(file).toAbsolutePath().toString());
            String event = System.getenv().getOrDefault("ANIMOPS_BENCH_PROFILE_EVENT", "cpu");
            profile.agent(event.equals("alloc")
                    ? "start,event=alloc,threads"
                    : "start,event=itimer,interval=10ms,threads");
            return profile;
        }

        void stop() throws IOException, InterruptedException {
            agent("stop,file=" + file + ",collapsed");
        }

        private void agent(String options) throws IOException, InterruptedException {
            if (file == null) {
                return;
            }
            // quoted, or jcmd reads the options' key=value pairs as its own arguments
            System.out.println("cpu profile: " + options + ": "
                    + jcmd(pid, "JVMTI.agent_load", library, '"' + options + '"').trim());
        }
    }

    /**
     * With ANIMOPS_BENCH_JFR=FILE, a Java Flight Recorder profile of the operator's JVM from the schedules' creation
     * on, dumped to FILE when the operator stops ({@code jfr print --events jdk.ExecutionSample FILE}).
     */
    private static void startFlightRecording(long pid) throws IOException, InterruptedException {
        String file = System.getenv("ANIMOPS_BENCH_JFR");
        if (file == null || file.isBlank()) {
            return;
        }
        System.out.println("flight recording: " + jcmd(pid, "JFR.start", "settings=profile", "dumponexit=true",
                "filename=" + Path.of(file).toAbsolutePath()).trim());
    }

    /** What {@code jcmd PID COMMAND...} of this JDK prints, its errors included. */
    static String jcmd(long pid, String... command) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(), Long.toString(pid)));
        line.addAll(List.of(command));
        Process jcmd = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(jcmd.getInputStream().readAllBytes());
        jcmd.waitFor();
        return output;
    }

    /**
     * The operator's live heap with every idea at the end: a class histogram (which collects fully first) by jcmd,
     * its total on the terminal and its largest classes in the log.
     */
    private static void printLiveHeap(long pid) throws IOException, InterruptedException {
        List<String> lines = jcmd(pid, "GC.class_histogram").lines().toList();
        lines.stream()
                .filter(line -> line.startsWith("Total"))
                .findFirst()
                .ifPresentOrElse(
                        total -> System.out.printf("heap: %d MB live at the end, after a full collection (largest "
                                + "classes in target/run.log)%n", Long.parseLong(total.trim().split("\\s+")[2]) >> 20),
                        () -> System.out.println("heap: no class histogram from jcmd: " + lines));
        lines.stream().limit(33).forEach(line -> System.out.println("  histogram " + line));
    }

    /** The JVM that runs the operator (the launcher's child when the launcher bounds the heap), once it serves. */
    private static ProcessHandle awaitOperator(Process launcher, Path work, int httpPort) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofMinutes(4).toNanos();
        while (System.nanoTime() < deadline) {
            if (!launcher.isAlive()) {
                throw new IllegalStateException("the operator exited with " + launcher.exitValue()
                        + "; see bench/pipeline/target/operator.log");
            }
            try {
                HttpResponse<Void> ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort
                        + "/q/health/ready")).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200 && Files.exists(work.resolve("home/kubeconfig"))) {
                    return launcher.toHandle().children().findFirst().orElse(launcher.toHandle());
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the operator was not ready within 4 minutes; see "
                + "bench/pipeline/target/operator.log");
    }

    /**
     * A counter of the operator's {@code /q/metrics} (behind the API token in standalone mode) by the values of some of
     * its labels: the embedded API's requests ({@code animops_standalone_api_requests_total} by verb and resource), the
     * Operator SDK's reconciliations ({@code reconciliations_started_total} by controller).
     */
    record Counters(String metric, Map<String, Double> counts) {
        private static final Pattern LABEL = Pattern.compile("(\\w+)=\"([^\"]*)\"");

        static Counters read(int httpPort, String metric, String... labels) throws IOException, InterruptedException {
            String text = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                            + httpPort + "/q/metrics")).header("Authorization", "Bearer " + API_TOKEN).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            Pattern sample = Pattern.compile("^" + Pattern.quote(metric) + "\\{(.*)} ([0-9.eE+]+)$", Pattern.MULTILINE);
            Map<String, Double> counts = new TreeMap<>();
            Matcher line = sample.matcher(text);
            while (line.find()) {
                Map<String, String> values = new HashMap<>();
                Matcher label = LABEL.matcher(line.group(1));
                while (label.find()) {
                    values.put(label.group(1), label.group(2));
                }
                String key = Arrays.stream(labels).map(values::get).collect(Collectors.joining(" "));
                counts.merge(key, Double.parseDouble(line.group(2)), Double::sum);
            }
            return new Counters(metric, counts);
        }

        Counters minus(Counters earlier) {
            Map<String, Double> difference = new TreeMap<>();
            counts.forEach((key, n) -> difference.put(key, n - earlier.counts.getOrDefault(key, 0.0)));
            return new Counters(metric, difference);
        }

        Map<String, String> perIdea(int ideas) {
            Map<String, String> perIdea = new TreeMap<>();
            counts.forEach((key, n) -> perIdea.put(key, String.format("%.2f", n / ideas)));
            return perIdea;
        }

        /** One line: the count per idea asked, and the ten largest per idea. */
        String describe(String what, int ideas) {
            if (counts.isEmpty()) {
                return what + ": not counted (no " + metric + " on /q/metrics)";
            }
            double total = counts.values().stream().mapToDouble(Double::doubleValue).sum();
            String top = counts.entrySet().stream()
                    .sorted(Map.Entry.<String, Double>comparingByValue().reversed()).limit(10)
                    .map(e -> String.format("%s %.1f", e.getKey(), e.getValue() / ideas))
                    .collect(Collectors.joining(", "));
            return String.format("%s: %.1f per idea (%.0f in all); top: %s", what, total / ideas, total, top);
        }
    }

    /**
     * The language model: ideas as JSON (unique titles per schedule and run), a scene that passes the contract for a
     * script; 30 % of calls answer 429 or 500 instead. Tokens are counted per model, that is per schedule.
     */
    static final class FakeLlm {
        private static final Pattern SCHEDULE = Pattern.compile("bench/(s\\d+)");
        private final String scene;
        private final Random random;
        final AtomicLong calls = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong tokens = new AtomicLong();
        private final Map<String, AtomicLong> spentPerModel = new ConcurrentHashMap<>();
        private final AtomicInteger ideaRuns = new AtomicInteger();

        FakeLlm(String scene, Random random) {
            this.scene = scene;
            this.random = random;
        }

        Reply reply(FakeOpenAiServer.Request request) {
            calls.incrementAndGet();
            double draw;
            synchronized (random) {
                draw = random.nextDouble();
            }
            if (draw < FAILURE_RATE) {
                failed.incrementAndGet();
                return new Reply(draw < FAILURE_RATE / 2 ? 429 : 500, null, 0, 0);
            }
            String content = request.system().contains("JSON array") ? ideas(request.user())
                    : "```gdscript\n" + scene + "\n```";
            long prompt = (request.system().length() + request.user().length()) / 4;
            long completion = content.length() / 4;
            tokens.addAndGet(prompt + completion);
            spentPerModel.computeIfAbsent(request.model(), m -> new AtomicLong()).addAndGet(prompt + completion);
            return Reply.ok(content, prompt, completion);
        }

        private String ideas(String user) {
            Matcher m = SCHEDULE.matcher(user);
            String schedule = m.find() ? m.group(1) : "run" + ideaRuns.incrementAndGet();
            List<Map<String, String>> ideas = new ArrayList<>();
            for (int i = 0; i < IDEAS_PER_SCHEDULE; i++) {
                String title = "Bench " + schedule + " idea " + i + ": " + WORDS[i % WORDS.length] + " and "
                        + WORDS[(i / WORDS.length + schedule.length()) % WORDS.length];
                ideas.add(Map.of("title", title, "premise", "Benchmark premise for " + title + ": balls fall on pegs.",
                        "physicsHook", "gravity and collisions", "hook", "which bin wins?"));
            }
            try {
                return JSON.writeValueAsString(ideas);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        long maxSpend() {
            return spentPerModel.values().stream().mapToLong(AtomicLong::get).max().orElse(0);
        }

        private static final String[] WORDS = {"marbles", "dominoes", "pendulums", "springs", "ramps", "funnels",
                "pegs", "chains", "wheels", "jars", "rings", "blocks", "bridges", "balloons", "cups", "hexagons"};
    }

    /**
     * Renders nothing: reports Validating and Rendering, writes two small files and media facts that match the job,
     * so that the agent uploads them and the automatic QC passes. Counts executions per job uid.
     */
    static final class BenchExecutor implements JobExecutor {
        private final Path root;
        final Map<String, AtomicInteger> executions = new ConcurrentHashMap<>();

        BenchExecutor(Path root) {
            this.root = root;
        }

        @Override
        public ExecutionResult execute(JobRequest request, ExecutionListener listener, Cancellation cancellation) {
            executions.computeIfAbsent(request.uid(), u -> new AtomicInteger()).incrementAndGet();
            Path workspace = root.resolve(request.uid());
            Runnable cleanup = () -> deleteTree(workspace);
            listener.phase(RenderPhase.Validating);
            if (request.mode() == io.animops.crds.v1alpha1.RenderMode.Validate) {
                return new ExecutionResult.Rendered(null, null, null, "4.6.stable.bench", "ffmpeg version bench", 0.01,
                        0, cleanup);
            }
            listener.phase(RenderPhase.Rendering);
            try {
                Files.createDirectories(workspace);
                Path video = Files.writeString(workspace.resolve("video.mp4"), "bench video " + request.uid());
                Path thumbnail = Files.writeString(workspace.resolve("thumbnail.jpg"),
                        "bench thumbnail " + request.uid());
                MediaFacts media = ScriptedJobExecutor.mediaAsRequested(request);
                media.setBytes(Files.size(video));
                return new ExecutionResult.Rendered(video, thumbnail, media, "4.6.stable.bench", "ffmpeg version bench",
                        0.01, 0, cleanup);
            } catch (IOException e) {
                return new ExecutionResult.AgentFailure("bench executor: " + e, cleanup);
            }
        }
    }

    /**
     * Samples the operator's resident set and its count of threads every 100 ms; the resident set's peak is also the
     * kernel's VmHWM.
     */
    static final class PeakSampler {
        private final AtomicLong peakKb = new AtomicLong();
        private final AtomicLong peakThreads = new AtomicLong();

        static PeakSampler start(long pid) {
            PeakSampler sampler = new PeakSampler();
            Thread thread = new Thread(() -> {
                while (true) {
                    sampler.peakKb.accumulateAndGet(procStatus(pid, "VmRSS"), Math::max);
                    sampler.peakThreads.accumulateAndGet(procStatus(pid, "Threads"), Math::max);
                    try {
                        Thread.sleep(100);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }, "peak-sampler");
            thread.setDaemon(true);
            thread.start();
            return sampler;
        }

        long peakMb() {
            return peakKb.get() / 1024;
        }

        long peakThreads() {
            return peakThreads.get();
        }
    }

    /** How publications are completed, and which idea counts as at the end of the pipeline. */
    interface Publisher {
        PublishMode mode();

        /** Acts on the publications seen, at most once each. */
        void publish(List<Publication> publications);

        int finished(List<AnimationIdea> ideas, List<Publication> publications);

        /** The end state, in words. */
        String end();

        String describe();

        /** Confirms manual posts when the operator's API offers it (its OpenAPI document names the operation). */
        static Publisher detect(int httpPort) throws IOException, InterruptedException {
            HttpClient http = HttpClient.newHttpClient();
            String openApi = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort
                    + "/api/v1/openapi")).build(), HttpResponse.BodyHandlers.ofString()).body();
            return openApi.contains("confirmPublication") ? new ManualConfirm(http, httpPort) : new NotDriven();
        }
    }

    /**
     * People's part, as the panel would do it: each publication AwaitingManualPost is confirmed once with the URL of
     * its post, through {@code POST /api/v1/publications/{ns}/{name}/confirm}, up to 8 at once (one at a time, a pass
     * of the driver's loop took up to a minute under load and made the wall time its own). An idea is at the
     * end when Published.
     */
    static final class ManualConfirm implements Publisher {
        private final HttpClient http;
        private final int httpPort;
        private final Map<String, Integer> answers = new ConcurrentHashMap<>();
        private final AtomicLong nextVideo = new AtomicLong(7_300_000_000_000_000_000L);
        /** Confirmations at once: people on the panel, not one person, so that the driver is not the bottleneck. */
        private final Semaphore inFlight = new Semaphore(8);
        private final List<CompletableFuture<?>> sent = new CopyOnWriteArrayList<>();
        private static final int SENT = -1;

        ManualConfirm(HttpClient http, int httpPort) {
            this.http = http;
            this.httpPort = httpPort;
        }

        @Override
        public PublishMode mode() {
            return PublishMode.Manual;
        }

        @Override
        public void publish(List<Publication> publications) {
            for (Publication publication : publications) {
                String name = publication.getMetadata().getName();
                boolean waiting = publication.getStatus() != null
                        && publication.getStatus().getPhase() == PublicationPhase.AwaitingManualPost;
                if (!waiting || answers.putIfAbsent(name, SENT) != null) {
                    continue;
                }
                String url = "https://www.tiktok.com/@animops.bench/video/" + nextVideo.getAndIncrement();
                HttpRequest confirm = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort
                                + "/api/v1/publications/" + NS + "/" + name + "/confirm"))
                        .header("Authorization", "Bearer " + API_TOKEN).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"url\": \"" + url + "\"}")).build();
                try {
                    inFlight.acquire();
                } catch (InterruptedException e) {
                    answers.remove(name);
                    Thread.currentThread().interrupt();
                    return;
                }
                sent.add(http.sendAsync(confirm, HttpResponse.BodyHandlers.discarding())
                        .handle((answer, failure) -> answers.put(name, failure == null ? answer.statusCode() : 0))
                        .whenComplete((ignored, failure) -> inFlight.release()));
            }
        }

        @Override
        public int finished(List<AnimationIdea> ideas, List<Publication> publications) {
            return (int) ideas.stream().filter(i -> i.getStatus() != null
                    && i.getStatus().getPhase() == IdeaPhase.Published).count();
        }

        @Override
        public String end() {
            return "Published";
        }

        @Override
        public String describe() {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
            Map<Integer, Long> byStatus = answers.values().stream()
                    .collect(Collectors.groupingBy(code -> code, TreeMap::new, Collectors.counting()));
            return "publishing driven through POST /api/v1/publications/{ns}/{name}/confirm (Manual TikTok posts): "
                    + answers.size() + " confirmations sent, answers by HTTP status " + byStatus;
        }
    }

    /**
     * Publishing is not driven: this branch has neither fake platforms nor a way to confirm a manual post. An idea is
     * at the end when it is Publishing and its (Manual) publication waits for a person: AwaitingManualPost.
     */
    static final class NotDriven implements Publisher {
        @Override
        public PublishMode mode() {
            return PublishMode.Manual;
        }

        @Override
        public void publish(List<Publication> publications) {
        }

        @Override
        public int finished(List<AnimationIdea> ideas, List<Publication> publications) {
            long waiting = publications.stream().filter(p -> p.getStatus() != null
                    && p.getStatus().getPhase() == PublicationPhase.AwaitingManualPost).count();
            long publishing = ideas.stream().filter(i -> i.getStatus() != null
                    && i.getStatus().getPhase() == IdeaPhase.Publishing).count();
            return (int) Math.min(waiting, publishing);
        }

        @Override
        public String end() {
            return "Publishing, its publication AwaitingManualPost";
        }

        @Override
        public String describe() {
            return "publishing is NOT driven (no fake platform or confirm endpoint on this branch): "
                    + "nothing was published";
        }
    }

    /** A numeric field of /proc/PID/status (memory in kB, Threads a count), 0 when the process is gone. */
    static long procStatus(long pid, String field) {
        try (Stream<String> lines = Files.lines(Path.of("/proc/" + pid + "/status"))) {
            return lines.filter(l -> l.startsWith(field + ":")).findFirst()
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", ""))).orElse(0L);
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
    }

    /**
     * A thread's name as the kernel has it (Java's, cut to 15 characters) and its user plus system CPU time in ms, by
     * thread id: where the operator's CPU goes by kind of thread (event loops, reconcilers, informers, the collector,
     * the compiler), which a sampling profiler only estimates.
     */
    record ThreadCpu(String name, long millis) {
        static Map<String, ThreadCpu> of(long pid) {
            Map<String, ThreadCpu> threads = new HashMap<>();
            try (Stream<Path> tasks = Files.list(Path.of("/proc/" + pid + "/task"))) {
                for (Path task : tasks.toList()) {
                    try {
                        String stat = Files.readString(task.resolve("stat"));
                        String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                        threads.put(task.getFileName().toString(), new ThreadCpu(name, statCpuMillis(stat)));
                    } catch (IOException ended) {
                        // the thread ended while the list was read
                    }
                }
            } catch (IOException | UncheckedIOException gone) {
                // the process ended: what was read is all there is
            }
            return threads;
        }

        /** The Java threads' whole names by thread id, from jcmd's thread dump ({@code nid=0x...}). */
        static Map<String, String> javaNames(long pid) throws IOException, InterruptedException {
            String text = jcmd(pid, "Thread.print");
            Map<String, String> names = new HashMap<>();
            Matcher thread = Pattern.compile("(?m)^\"(.*)\" .*nid=0x([0-9a-f]+)").matcher(text);
            while (thread.find()) {
                names.put(Long.toString(Long.parseLong(thread.group(2), 16)), thread.group(1));
            }
            return names;
        }

        /**
         * CPU seconds between the two readings by kind of thread (its Java name if it has one, without numbers),
         * largest first.
         */
        static String describe(Map<String, ThreadCpu> before, Map<String, ThreadCpu> after, Map<String, String> names) {
            Map<String, Long> byKind = new HashMap<>();
            after.forEach((tid, thread) -> {
                ThreadCpu earlier = before.get(tid);
                long millis = thread.millis() - (earlier == null ? 0 : earlier.millis());
                String name = names.getOrDefault(tid, thread.name());
                byKind.merge(name.replaceAll("[-_ #]*\\d+$", "").replaceAll("\\d+", "N"), millis, Long::sum);
            });
            return byKind.entrySet().stream()
                    .filter(e -> e.getValue() >= 100)
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .map(e -> String.format("%s %.1f s", e.getKey(), e.getValue() / 1000.0))
                    .collect(Collectors.joining(", "))
                    + " (threads that ended during the run not counted)";
        }
    }

    /**
     * The control plane's CPU (the operator and its embedded PostgreSQL) beside this benchmark's own JVM (agents, fake
     * language model, informers) and how busy the machine was: when it is, the wall time is bound by all three.
     */
    static String describeControlPlane(double operator, double postgres, double bench, String machine) {
        return String.format("control plane CPU: %.1f s (operator %.1f s, embedded PostgreSQL %.1f s); benchmark JVM "
                + "(agents, fake LLM, watches) %.1f s; machine %s", operator + postgres, operator, postgres, bench,
                machine);
    }

    /**
     * The CPU time in ms of the embedded PostgreSQL: its postmaster (with the children it reaped) and its live
     * backends, found by the pid in its data folder's postmaster.pid; 0 when it is not running.
     */
    static long postgresCpuMillis(Path dataDirectory) {
        long postmaster;
        try {
            postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        long millis = 0;
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    String[] fields = statFields(Files.readString(process.resolve("stat")));
                    long pid = Long.parseLong(process.getFileName().toString());
                    if (pid == postmaster) {
                        // utime, stime, and the same for the children it waited for (backends that ended)
                        millis += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])
                                + Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * 10;
                    } else if (Long.parseLong(fields[1]) == postmaster) {
                        millis += (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
                    }
                } catch (IOException ended) {
                    // the process ended while the list was read: its parent counts it
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return 0;
        }
        return millis;
    }

    /** The machine's CPU ticks, busy and all, from the first line of /proc/stat. */
    record MachineCpu(long busy, long total) {
        static MachineCpu read() {
            try {
                String[] fields = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < fields.length; i++) {
                    total += Long.parseLong(fields[i]);
                }
                // idle and iowait are the fourth and fifth values
                return new MachineCpu(total - Long.parseLong(fields[4]) - Long.parseLong(fields[5]), total);
            } catch (IOException e) {
                return new MachineCpu(0, 0);
            }
        }

        String since(MachineCpu before) {
            int cores = Runtime.getRuntime().availableProcessors();
            return String.format("%.0f %% busy on %d cores", 100.0 * (busy - before.busy) / Math.max(1, total
                    - before.total), cores);
        }
    }

    /** User plus system CPU time of a process in ms. */
    static long cpuMillis(long pid) {
        try {
            return statCpuMillis(Files.readString(Path.of("/proc/" + pid + "/stat")));
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * User plus system CPU time in ms from the {@code stat} of a process or a thread (clock ticks of 10 ms, as Linux
     * reports them).
     */
    static long statCpuMillis(String stat) {
        String[] fields = statFields(stat);
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    /** The fields of a {@code stat} after the command's name: the state first, then the parent's pid. */
    static String[] statFields(String stat) {
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
