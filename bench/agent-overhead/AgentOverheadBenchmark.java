package io.animops.operator.agent;

import io.animops.agent.AgentConfig;
import io.animops.agent.cluster.AgentIdentity;
import io.animops.agent.host.ToolVersions;
import io.animops.agent.job.GodotJobExecutor;
import io.animops.crds.WatchTransport;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderMode;
import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.operator.standalone.EmbeddedKubernetesApi;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * (1) Agent overhead: a render job's wall time through the agent (Pending with its script -> Succeeded seen, so
 * claim, status writes, heartbeats, isolation and uploads included) divided by the wall time of the same Godot and
 * FFmpeg commands run directly, one after the other, in a copy of the same workspace. The commands are recorded by
 * wrappers around the stand-in Godot, ffmpeg and ffprobe during the agent's run, then replayed.
 * (2) Claim latency: Pending with a resolved script -> Claimed, as a watch sees it, p50 over N jobs, against the
 * embedded Kubernetes API. Usage: AgentOverheadBenchmark [render jobs] [claim jobs] [video seconds] [stand-in fps]
 * (stand-in fps: frames the stand-in Godot renders per second, 0 for as fast as its ffmpeg goes; real Godot's
 * Movie Maker is far slower than the stand-in, whose frames are a test pattern).
 */
public final class AgentOverheadBenchmark {
    private static final String SCRIPT = """
            extends Node2D

            func _ready() -> void:
            \tvar ball := RigidBody2D.new()
            \tadd_child(ball)
            """;

    public static void main(String[] args) throws Exception {
        int renders = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int claims = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        int pace = args.length > 3 ? Integer.parseInt(args[3]) : 60;
        Path repo = Path.of(System.getProperty("animops.repo.dir", ".")).toAbsolutePath().normalize();
        Path work = Files.createTempDirectory("animops-agent-overhead");
        System.setProperty("animops.repo.dir", repo.toString());
        try (EmbeddedKubernetesApi api = new EmbeddedKubernetesApi().start(freePort());
             FakeObjectStore store = new FakeObjectStore()) {
            api.applyCrds();
            KubernetesClient client = WatchTransport.clientBuilder(api.clientConfig()).build();
            StorageGrantWriter grants = new StorageGrantWriter(client, store);
            Map<String, Long> claimedAt = new ConcurrentHashMap<>();
            Map<String, Long> succeededAt = new ConcurrentHashMap<>();
            SharedIndexInformer<RenderJob> watch = client.resources(RenderJob.class).inAnyNamespace()
                    .inform(timestamps(claimedAt, succeededAt), 0);

            List<Double> ratios = new ArrayList<>();
            List<Double> agentTimes = new ArrayList<>();
            List<Double> bareTimes = new ArrayList<>();
            List<Double> kubernetesSide = new ArrayList<>();
            Path recorded = work.resolve("recorded");
            AgentConfig config = recordingConfig(work, recorded, pace);
            try (AgentHarness.RunningAgent agent = AgentHarness.start(api.clientConfig(), config, new GodotJobExecutor(config),
                    new AgentIdentity("darwin", "arm64", ToolVersions.godot(config.godot()), ToolVersions.ffmpeg(config.ffmpeg())))) {
                for (int i = 0; i < renders; i++) {
                    deleteTree(recorded);
                    Files.createDirectories(recorded);
                    String name = "render-" + i;
                    long start = System.nanoTime();
                    AgentHarness.pendingJob(client, "bench", name, "bench", RenderMode.Preview, SCRIPT, seconds);
                    long end = awaitTime(succeededAt, name, Duration.ofMinutes(10));
                    RenderJob job = AgentHarness.get(client, "bench", name);
                    if (job.getStatus().getPhase() != RenderPhase.Succeeded) {
                        throw new IllegalStateException(name + " ended " + job.getStatus().getPhase() + ": " + job.getStatus().getConditions());
                    }
                    double agentSeconds = (end - start) / 1e9;
                    double bareSeconds = replay(recorded);
                    ratios.add(agentSeconds / bareSeconds);
                    agentTimes.add(agentSeconds);
                    bareTimes.add(bareSeconds);
                    // claim and the status round trips around the execution: what the agent's Kubernetes side adds
                    kubernetesSide.add(agentSeconds - job.getStatus().getProvenance().getWallSeconds());
                    System.out.printf("render %d: agent %.3f s (of which executor and upload %.2f s), bare commands %.3f s,"
                            + " ratio %.4f%n", i, agentSeconds, job.getStatus().getProvenance().getWallSeconds(), bareSeconds,
                            agentSeconds / bareSeconds);
                }
            }

            List<Double> latencies = new ArrayList<>();
            ScriptedJobExecutor instant = new ScriptedJobExecutor(work.resolve("scripted"), "bench-claims");
            try (AgentHarness.RunningAgent agent = AgentHarness.start(api.clientConfig(), "bench-claims", "claims", 4, instant,
                    work.resolve("claims"), Duration.ofSeconds(30))) {
                for (int i = 0; i < claims; i++) {
                    String name = "claim-" + i;
                    long start = System.nanoTime();
                    AgentHarness.pendingJob(client, "claims", name, "claims", RenderMode.Validate, "extends Node2D\n");
                    latencies.add((awaitTime(claimedAt, name, Duration.ofSeconds(30)) - start) / 1e6);
                    awaitTime(succeededAt, name, Duration.ofSeconds(30));
                }
            }
            watch.close();
            grants.close();
            client.close();

            Collections.sort(ratios);
            Collections.sort(kubernetesSide);
            Collections.sort(latencies);
            System.out.printf("agent overhead: median ratio %.4f over %d render(s) of a %d s preview at 540x960/30 fps,"
                    + " stand-in Godot at %s (target <= 1.02)%n", ratios.get((ratios.size() - 1) / 2), ratios.size(), seconds,
                    pace == 0 ? "full speed" : pace + " frames/s");
            System.out.printf("agent overhead: best agent time / best bare time %.4f; Kubernetes side (claim, status writes,"
                    + " outcome seen) median %.3f s per job%n", Collections.min(agentTimes) / Collections.min(bareTimes),
                    kubernetesSide.get((kubernetesSide.size() - 1) / 2));
            System.out.printf("claim latency (Pending with script -> Claimed): p50 %.1f ms, p90 %.1f ms, max %.1f ms over %d jobs%n",
                    percentile(latencies, 0.5), percentile(latencies, 0.9), latencies.get(latencies.size() - 1), latencies.size());
        } finally {
            deleteTree(work);
        }
        System.exit(0);
    }

    /** Godot, ffmpeg and ffprobe behind wrappers that record each command line and a copy of the fresh workspace. */
    private static AgentConfig recordingConfig(Path work, Path recorded, int pace) throws IOException, InterruptedException {
        Path tools = work.resolve("tools");
        Path godot = AgentHarness.standinGodot(tools, pace);
        String ffmpeg = which("ffmpeg");
        String ffprobe = which("ffprobe");
        AgentConfig base = AgentHarness.config("bench-renderer", "bench", 1, work.resolve("jobs"), Duration.ofSeconds(60),
                recorder(tools, "godot-recorded", godot.toString(), recorded));
        return new AgentConfig(base.name(), base.labels(), base.maxConcurrent(), base.godot(),
                recorder(tools, "ffmpeg-recorded", ffmpeg, recorded), base.workDir(),
                recorder(tools, "ffprobe-recorded", ffprobe, recorded), base.crf(), base.outputCapBytes(),
                base.cpuLimitSeconds(), base.sandbox(), base.cluster());
    }

    /** A wrapper that appends "cd DIR && TOOL ARGS" to recorded/commands, snapshots the workspace once, then runs TOOL. */
    private static Path recorder(Path tools, String name, String tool, Path recorded) throws IOException {
        Path wrapper = tools.resolve(name);
        Files.writeString(wrapper, """
                #!/usr/bin/env bash
                rec='%s'
                case "$1" in --version|-version) exec '%s' "$@" ;; esac
                if [ ! -d "$rec/workspace" ] && [ -f "$PWD/project.godot" ]; then cp -a "$PWD" "$rec/workspace"; echo "$PWD" > "$rec/workspace.path"; fi
                printf 'cd %%q && %%q' "$PWD" '%s' >> "$rec/commands"
                printf ' %%q' "$@" >> "$rec/commands"
                printf '\\n' >> "$rec/commands"
                exec '%s' "$@"
                """.formatted(recorded, tool, tool, tool));
        Files.setPosixFilePermissions(wrapper, PosixFilePermissions.fromString("rwxr-xr-x"));
        return wrapper;
    }

    /** Runs the recorded commands one after the other in a fresh copy of the workspace; returns their wall time. */
    private static double replay(Path recorded) throws IOException, InterruptedException {
        Path workspace = Path.of(Files.readString(recorded.resolve("workspace.path")).trim());
        deleteTree(workspace);
        run(List.of("cp", "-a", recorded.resolve("workspace").toString(), workspace.toString()));
        List<String> commands = Files.readAllLines(recorded.resolve("commands"));
        long start = System.nanoTime();
        for (String command : commands) {
            run(List.of("bash", "-c", command + " >/dev/null 2>&1"));
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        deleteTree(workspace);
        return seconds;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("did not finish: " + command);
        }
    }

    private static ResourceEventHandler<RenderJob> timestamps(Map<String, Long> claimedAt, Map<String, Long> succeededAt) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(RenderJob job) {
                onUpdate(null, job);
            }

            @Override
            public void onUpdate(RenderJob before, RenderJob job) {
                long now = System.nanoTime();
                if (job.getStatus() == null) {
                    return;
                }
                if (job.getStatus().getAgent() != null) {
                    claimedAt.putIfAbsent(job.getMetadata().getName(), now);
                }
                if (job.getStatus().getPhase() == RenderPhase.Succeeded || job.getStatus().getPhase() == RenderPhase.Failed) {
                    succeededAt.putIfAbsent(job.getMetadata().getName(), now);
                }
            }

            @Override
            public void onDelete(RenderJob job, boolean unknown) {
            }
        };
    }

    private static long awaitTime(Map<String, Long> times, String name, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        while (!times.containsKey(name)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(name + ": not seen within " + patience);
            }
            Thread.sleep(2);
        }
        return times.get(name);
    }

    private static double percentile(List<Double> sorted, double p) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
    }

    private static String which(String tool) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-c", "command -v " + tool).start();
        String path = new String(process.getInputStream().readAllBytes()).trim();
        if (process.waitFor() != 0 || path.isEmpty()) {
            throw new IllegalStateException(tool + " not found on PATH");
        }
        return path;
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Collections.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
