package io.animops.agent;

import io.animops.agent.cluster.AgentIdentity;
import io.animops.agent.cluster.RenderAgentRuntime;
import io.animops.agent.godot.AgentWorkDir;
import io.animops.agent.godot.web.WebGodotEngine;
import io.animops.agent.host.Caffeinate;
import io.animops.agent.host.ToolVersions;
import io.animops.agent.job.GodotJobExecutor;
import io.animops.agent.upload.ArtifactUploader;
import io.animops.crds.WatchTransport;
import io.animops.crds.v1alpha1.RenderExecutor;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.StreamHandler;

/**
 * {@code java -jar animops-render-agent.jar --config agent.properties}: registers the machine as a RenderAgent,
 * claims and renders jobs until SIGTERM. On SIGTERM it stops claiming, kills its renders and hands their jobs
 * back (Pending, not counted as a failure), then exits. Logs go to stdout, one line per record.
 * Exit codes: 2 for a usage or configuration error, 1 when Godot or FFmpeg cannot run.
 */
public final class RenderAgentMain {
    static {
        // before the first Logger: the log manager that keeps logging during shutdown
        System.setProperty("java.util.logging.manager", AgentLogManager.class.getName());
    }

    /** Native: {@code godot --version}. Web: the engine's provenance, once its files and Chromium are found. */
    static String godotVersion(AgentConfig config) {
        if (config.executor() != RenderExecutor.Web) {
            return ToolVersions.godot(config.godot());
        }
        new WebGodotEngine(config.godotWebDir()).checked();
        ToolVersions.chromium(config.chromium());
        return WebGodotEngine.PROVENANCE;
    }

    private static final Logger LOG = Logger.getLogger(RenderAgentMain.class.getName());
    static final String USAGE = "usage: java -jar animops-render-agent.jar --config <agent.properties>";

    private RenderAgentMain() {}

    public static void main(String[] args) throws InterruptedException {
        logToStdout();
        AgentConfig config;
        try {
            config = AgentConfig.load(configFile(args), System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(USAGE);
            System.exit(2);
            return;
        } catch (AgentConfig.InvalidConfigException e) {
            e.problems().forEach(System.err::println);
            System.exit(2);
            return;
        }
        AgentIdentity identity;
        try {
            identity = new AgentIdentity(
                    AgentIdentity.os(System.getProperty("os.name")),
                    AgentIdentity.arch(System.getProperty("os.arch")),
                    godotVersion(config),
                    ToolVersions.ffmpeg(config.ffmpeg()));
        } catch (IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        AgentWorkDir workDir;
        try {
            workDir = AgentWorkDir.claim(config.workDir());
            List<Path> removed = workDir.removeLeftovers(Duration.ofSeconds(5));
            if (!removed.isEmpty()) {
                LOG.warning("removed " + removed.size() + " job workspace(s) a previous run left in " + config.workDir()
                        + ", with the processes still working in them");
            }
        } catch (IOException | IllegalStateException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        KubernetesClient client = kubernetesClient(config);
        Caffeinate caffeinate = Caffeinate.forThisProcess();
        RenderAgentRuntime runtime = new RenderAgentRuntime(
                client,
                config,
                identity,
                new GodotJobExecutor(config),
                ArtifactUploader.standard(config.cluster().uploadAttempts()),
                Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            LOG.info("stopping: no more claims; running jobs are handed back");
                            runtime.close();
                            caffeinate.close();
                            try {
                                workDir.close();
                            } catch (IOException e) {
                                LOG.warning("could not release " + config.workDir() + ": " + e.getMessage());
                            }
                            client.close();
                            stopped.countDown();
                        },
                        "animops-shutdown"));
        LOG.info("agent " + config.name() + ": " + identity + ", API " + client.getMasterUrl());
        try {
            runtime.start();
        } catch (KubernetesClientException e) {
            // launchd's KeepAlive starts the agent again; the message says which API and why
            LOG.severe("cannot register with the Kubernetes API at " + client.getMasterUrl() + ": "
                    + AgentLogFormat.messages(e));
            System.exit(1);
        }
        stopped.await();
    }

    /** The value of {@code --config} (or {@code --config=...}); the message names the option when it is missing. */
    static Path configFile(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--config=")) {
                return Path.of(args[i].substring("--config=".length()));
            }
            if (args[i].equals("--config")) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new IllegalArgumentException("--config: a properties file is required after --config");
                }
                return Path.of(args[i + 1]);
            }
        }
        throw new IllegalArgumentException("--config: required");
    }

    /** A client of the configured API; its watches read their streams through {@link WatchTransport}'s mending. */
    static KubernetesClient kubernetesClient(AgentConfig config) {
        return WatchTransport.clientBuilder(kubernetesConfig(config)).build();
    }

    /**
     * The configured kubeconfig, or the client's usual discovery (KUBECONFIG, ~/.kube/config, in-cluster); watches go
     * over HTTP ({@link WatchTransport}).
     */
    static Config kubernetesConfig(AgentConfig config) {
        Path kubeconfig = config.cluster().kubeconfig();
        if (kubeconfig == null) {
            return WatchTransport.overHttp(Config.autoConfigure(null));
        }
        try {
            return WatchTransport.overHttp(Config.fromKubeconfig(Files.readString(kubeconfig)));
        } catch (IOException e) {
            throw new AgentConfig.InvalidConfigException(
                    java.util.List.of("kubeconfig: cannot read " + kubeconfig + ": " + e));
        }
    }

    private static void logToStdout() {
        System.setProperty("java.util.logging.SimpleFormatter.format", AgentLogFormat.FORMAT);
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        PrintStream out = System.out;
        root.addHandler(new StreamHandler(out, new AgentLogFormat()) {
            @Override
            public synchronized void publish(LogRecord record) {
                super.publish(record);
                flush();
            }
        });
        root.setLevel(Level.INFO);
    }
}
