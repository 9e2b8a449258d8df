package io.animops.operator.agent;

import io.animops.agent.AgentConfig;
import io.animops.agent.cluster.AgentIdentity;
import io.animops.agent.cluster.RenderAgentRuntime;
import io.animops.agent.host.ToolVersions;
import io.animops.agent.job.GodotJobExecutor;
import io.animops.agent.job.JobExecutor;
import io.animops.agent.upload.ArtifactUploader;
import io.animops.crds.v1alpha1.JobScript;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderJobSpec;
import io.animops.crds.v1alpha1.RenderMode;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** Starts render agents in this JVM against an API, and creates jobs as the operator leaves them for agents. */
final class AgentHarness {
    static final String POOL_LABEL = "animops.io/pool";

    private AgentHarness() {}

    /** An agent running in this JVM with its own client; closing it shuts the agent down, then the client. */
    record RunningAgent(String name, RenderAgentRuntime runtime, KubernetesClient client) implements AutoCloseable {
        @Override
        public void close() {
            runtime.close();
            client.close();
        }
    }

    /**
     * @param pool value of the agent's {@value #POOL_LABEL} label: jobs selecting it go to this test's agents only
     */
    static RunningAgent start(
            Config api,
            String name,
            String pool,
            int maxConcurrent,
            JobExecutor executor,
            Path workDir,
            Duration grantWait) {
        return start(
                api,
                config(name, pool, maxConcurrent, workDir, grantWait, Path.of("godot")),
                executor,
                new AgentIdentity(
                        "darwin", "arm64", ScriptedJobExecutor.GODOT_VERSION, ScriptedJobExecutor.FFMPEG_VERSION));
    }

    /** An agent rendering with the real executor and the stand-in Godot {@code godot}. */
    static RunningAgent startWithGodot(Config api, String name, String pool, Path workDir, Path godot) {
        AgentConfig config = config(name, pool, 1, workDir, Duration.ofSeconds(30), godot);
        return start(
                api,
                config,
                new GodotJobExecutor(config),
                new AgentIdentity("darwin", "arm64", ToolVersions.godot(godot), ToolVersions.ffmpeg(config.ffmpeg())));
    }

    static AgentConfig config(
            String name, String pool, int maxConcurrent, Path workDir, Duration grantWait, Path godot) {
        Properties file = new Properties();
        file.setProperty("name", name);
        file.setProperty("labels", "animops.io/os=darwin," + POOL_LABEL + "=" + pool);
        file.setProperty("maxConcurrent", Integer.toString(maxConcurrent));
        file.setProperty("workDir", workDir.toString());
        file.setProperty("godot", godot.toString());
        // the stand-in Godot is a shell script that starts FFmpeg: the Linux sandbox (no programs, no new processes)
        // would stop it; the sandbox has its own tests in the agent (LinuxSandboxEscapeTest)
        file.setProperty("sandbox", "false");
        file.setProperty("heartbeatInterval", "1s");
        file.setProperty("grantWait", grantWait.toMillis() + "ms");
        return AgentConfig.from(file, Map.of());
    }

    static RunningAgent start(Config api, AgentConfig config, JobExecutor executor, AgentIdentity identity) {
        KubernetesClient client = new KubernetesClientBuilder().withConfig(api).build();
        ArtifactUploader uploader = new ArtifactUploader(
                HttpClient.newHttpClient(), 3, Duration.ofMillis(50), Duration.ofMillis(200), Duration.ofSeconds(10));
        RenderAgentRuntime runtime =
                new RenderAgentRuntime(client, config, identity, executor, uploader, Clock.systemUTC());
        runtime.start();
        return new RunningAgent(config.name(), runtime, client);
    }

    /**
     * The stand-in Godot of the render agent's test resources behind a launcher in {@code dir} that paces it at
     * {@code framesPerSecond} rendered frames a second (0: as fast as it goes), so that a test can act mid-render.
     */
    static Path standinGodot(Path dir, int framesPerSecond) {
        Path standin = Path.of(System.getProperty("animops.repo.dir", ".."))
                .resolve("render-agent-macos/src/test/resources/standin-godot/godot")
                .toAbsolutePath()
                .normalize();
        try {
            Files.setPosixFilePermissions(standin, PosixFilePermissions.fromString("rwxr-xr-x"));
            Files.createDirectories(dir);
            Path launcher = dir.resolve("godot-" + framesPerSecond + "fps");
            String pace = framesPerSecond > 0 ? "STANDIN_GODOT_FPS=" + framesPerSecond + " " : "";
            Files.writeString(launcher, "#!/bin/sh\n" + pace + "exec '" + standin + "' \"$@\"\n");
            Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
            return launcher;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Processes whose command line mentions {@code path}: a job's Godot and FFmpeg runs under a work folder. */
    static List<ProcessHandle> processesUnder(Path path) {
        String needle = path.toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(needle)).orElse(false))
                .toList();
    }

    /** Creates a job, then writes what the operator writes once it resolved the script: Pending with the script. */
    static RenderJob pendingJob(
            KubernetesClient client, String namespace, String name, String pool, RenderMode mode, String script) {
        return pendingJob(client, namespace, name, pool, mode, script, 1);
    }

    /** A 90x160 job at 10 fps lasting {@code durationSeconds}. */
    static RenderJob pendingJob(
            KubernetesClient client,
            String namespace,
            String name,
            String pool,
            RenderMode mode,
            String script,
            int durationSeconds) {
        RenderJob job = new RenderJob();
        job.setMetadata(
                new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
        RenderJobSpec spec = new RenderJobSpec();
        spec.setScriptAttemptRef(name + "-a1");
        spec.setMode(mode);
        spec.setWidth(90);
        spec.setHeight(160);
        spec.setFps(10);
        spec.setDurationSeconds(durationSeconds);
        spec.setAgentSelector(Map.of(POOL_LABEL, pool));
        job.setSpec(spec);
        RenderJob created = client.resource(job).create();
        Map<String, Object> status =
                Map.of("phase", "Pending", "script", new JobScript(sha256(script), script, "contract-v1"));
        return client.resources(RenderJob.class)
                .inNamespace(namespace)
                .withName(created.getMetadata().getName())
                .subresource("status")
                .patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(Map.of("status", status)));
    }

    static RenderJob get(KubernetesClient client, String namespace, String name) {
        return client.resources(RenderJob.class)
                .inNamespace(namespace)
                .withName(name)
                .get();
    }

    static String sha256(String text) {
        return sha256(text.getBytes(StandardCharsets.UTF_8));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
