package io.animops.operator.agent;

import io.animops.agent.AgentConfig;
import io.animops.agent.cluster.AgentIdentity;
import io.animops.agent.cluster.RenderAgentRuntime;
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

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Properties;

/** Starts render agents in this JVM against an API, and creates jobs as the operator leaves them for agents. */
final class AgentHarness {
    static final String POOL_LABEL = "animops.io/pool";

    private AgentHarness() {
    }

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
    static RunningAgent start(Config api, String name, String pool, int maxConcurrent, JobExecutor executor, Path workDir,
                              Duration grantWait) {
        Properties file = new Properties();
        file.setProperty("name", name);
        file.setProperty("labels", "animops.io/os=darwin," + POOL_LABEL + "=" + pool);
        file.setProperty("maxConcurrent", Integer.toString(maxConcurrent));
        file.setProperty("workDir", workDir.toString());
        file.setProperty("heartbeatInterval", "1s");
        file.setProperty("grantWait", grantWait.toMillis() + "ms");
        AgentConfig config = AgentConfig.from(file, Map.of());
        KubernetesClient client = new KubernetesClientBuilder().withConfig(api).build();
        ArtifactUploader uploader = new ArtifactUploader(HttpClient.newHttpClient(), 3, Duration.ofMillis(50),
                Duration.ofMillis(200), Duration.ofSeconds(10));
        RenderAgentRuntime runtime = new RenderAgentRuntime(client, config,
                new AgentIdentity("darwin", "arm64", ScriptedJobExecutor.GODOT_VERSION, ScriptedJobExecutor.FFMPEG_VERSION),
                executor, uploader, Clock.systemUTC());
        runtime.start();
        return new RunningAgent(name, runtime, client);
    }

    /** Creates a job, then writes what the operator writes once it resolved the script: Pending with the script. */
    static RenderJob pendingJob(KubernetesClient client, String namespace, String name, String pool, RenderMode mode,
                                String script) {
        RenderJob job = new RenderJob();
        job.setMetadata(new ObjectMetaBuilder().withNamespace(namespace).withName(name).build());
        RenderJobSpec spec = new RenderJobSpec();
        spec.setScriptAttemptRef(name + "-a1");
        spec.setMode(mode);
        spec.setWidth(90);
        spec.setHeight(160);
        spec.setFps(10);
        spec.setDurationSeconds(1);
        spec.setAgentSelector(Map.of(POOL_LABEL, pool));
        job.setSpec(spec);
        RenderJob created = client.resource(job).create();
        Map<String, Object> status = Map.of("phase", "Pending",
                "script", new JobScript(sha256(script), script, "contract-v1"));
        return client.resources(RenderJob.class).inNamespace(namespace).withName(created.getMetadata().getName())
                .subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(Map.of("status", status)));
    }

    static RenderJob get(KubernetesClient client, String namespace, String name) {
        return client.resources(RenderJob.class).inNamespace(namespace).withName(name).get();
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
