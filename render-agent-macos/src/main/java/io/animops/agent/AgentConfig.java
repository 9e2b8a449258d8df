package io.animops.agent;

import io.animops.agent.godot.web.WebGodotEngine;
import io.animops.crds.v1alpha1.RenderExecutor;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * The agent's settings, read from a properties file (written by scripts/setup-macos.sh) and overridable by
 * ANIMOPS_AGENT_* environment variables. Every problem names the key and the reason.
 *
 * @param name          the RenderAgent resource's name (cluster-scoped, so unique per machine)
 * @param labels        matched against render jobs' agentSelector
 * @param maxConcurrent jobs rendered at once
 * @param godot         the Godot 4 executable
 * @param ffmpeg        the FFmpeg executable
 * @param workDir       where per-job Godot projects are created and removed
 * @param ffprobe       the ffprobe executable
 * @param crf           x264's constant rate factor for the MP4 (0-51, lower is better and bigger)
 * @param outputCapBytes the most output kept per stream of each child process (head and tail)
 * @param cpuLimitSeconds CPU time limit of each Godot run; null for the job's timeout, 0 for none
 * @param sandbox       whether Godot runs isolated (sandbox-exec on macOS, a network namespace on Linux)
 * @param cluster       how the agent reaches the Kubernetes API and paces its protocol writes
 * @param executor      how Godot runs: Native (the {@code godot} executable) or Web (Godot's web build in Chromium)
 * @param chromium      the Chromium executable of the web executor
 * @param godotWebDir   the web executor's engine files (scripts/fetch-godot-web puts them there)
 */
public record AgentConfig(
        String name,
        Map<String, String> labels,
        int maxConcurrent,
        Path godot,
        Path ffmpeg,
        Path workDir,
        Path ffprobe,
        int crf,
        long outputCapBytes,
        Integer cpuLimitSeconds,
        boolean sandbox,
        Cluster cluster,
        RenderExecutor executor,
        String chromium,
        Path godotWebDir) {
    public static final int DEFAULT_CRF = 20;
    public static final long DEFAULT_OUTPUT_CAP_BYTES = 1024 * 1024;

    /**
     * @param kubeconfig        kubeconfig file; null: the client's usual discovery (KUBECONFIG, ~/.kube/config,
     *                          in-cluster service account)
     * @param namespaces        namespaces whose render jobs the agent watches; empty: all
     * @param heartbeatInterval how often the agent writes lastHeartbeat into its RenderAgent and every job it holds;
     *                          well below the operator's lease TTL (60 s by default)
     * @param grantWait         how long a rendered job waits for the operator's upload grants before it is given back
     * @param uploadAttempts    PUTs of one file (first try plus retries on 5xx and I/O errors)
     * @param maxClaimsPerJob   the operator's animops.agents.max-claims-per-job: a job given back after this many
     *                          claims fails instead of going back to Pending
     */
    public record Cluster(
            Path kubeconfig,
            List<String> namespaces,
            Duration heartbeatInterval,
            Duration grantWait,
            int uploadAttempts,
            int maxClaimsPerJob) {
        public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(10);
        public static final Duration DEFAULT_GRANT_WAIT = Duration.ofMinutes(5);

        /** Defaults for everything, watching all namespaces through the client's usual discovery. */
        public static Cluster defaults() {
            return new Cluster(null, List.of(), DEFAULT_HEARTBEAT, DEFAULT_GRANT_WAIT, 5, 3);
        }
    }

    private static final Pattern DNS_NAME = Pattern.compile("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$");
    private static final Pattern LABEL_KEY =
            Pattern.compile("^([a-z0-9.-]+/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$");
    private static final Pattern DNS_LABEL = Pattern.compile("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$");
    private static final Pattern DURATION = Pattern.compile("^(\\d+)(ms|s|m|h)$");
    private static final Pattern LABEL_VALUE = Pattern.compile("^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$");

    /** The execution settings, with the cluster settings at their defaults. */
    public AgentConfig(
            String name,
            Map<String, String> labels,
            int maxConcurrent,
            Path godot,
            Path ffmpeg,
            Path workDir,
            Path ffprobe,
            int crf,
            long outputCapBytes,
            Integer cpuLimitSeconds,
            boolean sandbox) {
        this(
                name,
                labels,
                maxConcurrent,
                godot,
                ffmpeg,
                workDir,
                ffprobe,
                crf,
                outputCapBytes,
                cpuLimitSeconds,
                sandbox,
                Cluster.defaults());
    }

    /** Native Godot. */
    public AgentConfig(
            String name,
            Map<String, String> labels,
            int maxConcurrent,
            Path godot,
            Path ffmpeg,
            Path workDir,
            Path ffprobe,
            int crf,
            long outputCapBytes,
            Integer cpuLimitSeconds,
            boolean sandbox,
            Cluster cluster) {
        this(
                name,
                labels,
                maxConcurrent,
                godot,
                ffmpeg,
                workDir,
                ffprobe,
                crf,
                outputCapBytes,
                cpuLimitSeconds,
                sandbox,
                cluster,
                RenderExecutor.Native,
                "chromium",
                WebGodotEngine.defaultDir(System.getenv()));
    }

    /** The original six settings, the rest at their defaults. */
    public AgentConfig(
            String name, Map<String, String> labels, int maxConcurrent, Path godot, Path ffmpeg, Path workDir) {
        this(
                name,
                labels,
                maxConcurrent,
                godot,
                ffmpeg,
                workDir,
                Path.of("ffprobe"),
                DEFAULT_CRF,
                DEFAULT_OUTPUT_CAP_BYTES,
                null,
                true,
                Cluster.defaults());
    }

    /** A configuration that cannot be used; lists every problem, each naming its key. */
    public static class InvalidConfigException extends RuntimeException {
        private final List<String> problems;

        InvalidConfigException(List<String> problems) {
            super("invalid agent configuration: " + String.join("; ", problems));
            this.problems = List.copyOf(problems);
        }

        public List<String> problems() {
            return problems;
        }
    }

    /** Reads the settings; {@code env} entries named ANIMOPS_AGENT_&lt;KEY&gt; win over the file's. */
    public static AgentConfig from(Properties file, Map<String, String> env) {
        List<String> problems = new ArrayList<>();
        String name = value(file, env, "name", null);
        if (name == null) {
            problems.add("name: required (the RenderAgent's name, e.g. the machine's host name)");
        } else if (!DNS_NAME.matcher(name).matches()) {
            problems.add(
                    "name: \"" + name + "\" is not a valid Kubernetes name (lower case letters, digits, '-' and '.')");
        }
        Map<String, String> labels = labels(value(file, env, "labels", ""), problems);
        long maxConcurrent = whole(file, env, "maxConcurrent", "1", 1, 16, problems);
        Path godot = executable(value(file, env, "godot", "godot"));
        Path ffmpeg = executable(value(file, env, "ffmpeg", "ffmpeg"));
        String work = value(file, env, "workDir", null);
        if (work == null) {
            problems.add("workDir: required (a folder the agent may create job workspaces in)");
        }
        Path ffprobe = executable(value(file, env, "ffprobe", "ffprobe"));
        long crf = whole(file, env, "crf", Integer.toString(DEFAULT_CRF), 0, 51, problems);
        long outputCap = whole(
                file,
                env,
                "outputCapBytes",
                Long.toString(DEFAULT_OUTPUT_CAP_BYTES),
                4096,
                256L * 1024 * 1024,
                problems);
        String cpu = value(file, env, "cpuLimitSeconds", null);
        Integer cpuLimit =
                cpu == null ? null : (int) whole(file, env, "cpuLimitSeconds", cpu, 0, 7 * 24 * 3600, problems);
        boolean sandbox = true;
        String sandboxValue = value(file, env, "sandbox", "true");
        if (sandboxValue.equalsIgnoreCase("false")) {
            sandbox = false;
        } else if (!sandboxValue.equalsIgnoreCase("true")) {
            problems.add("sandbox: must be true or false, got \"" + sandboxValue + "\"");
        }
        String kubeconfig = value(file, env, "kubeconfig", null);
        List<String> namespaces = new ArrayList<>();
        for (String namespace : value(file, env, "namespaces", "").split(",")) {
            if (namespace.isBlank()) {
                continue;
            }
            if (!DNS_LABEL.matcher(namespace.trim()).matches()) {
                problems.add("namespaces: \"" + namespace.trim() + "\" is not a valid namespace name");
            } else {
                namespaces.add(namespace.trim());
            }
        }
        Duration heartbeat = duration(
                file,
                env,
                "heartbeatInterval",
                Cluster.DEFAULT_HEARTBEAT,
                Duration.ofMillis(100),
                Duration.ofSeconds(30),
                problems);
        Duration grantWait = duration(
                file, env, "grantWait", Cluster.DEFAULT_GRANT_WAIT, Duration.ZERO, Duration.ofHours(1), problems);
        int uploadAttempts = (int) whole(file, env, "uploadAttempts", "5", 1, 20, problems);
        int maxClaims = (int) whole(file, env, "maxClaimsPerJob", "3", 1, 100, problems);
        String executorValue = value(file, env, "executor", "native");
        RenderExecutor executor = null;
        for (RenderExecutor candidate : RenderExecutor.values()) {
            if (candidate.name().equalsIgnoreCase(executorValue.trim())) {
                executor = candidate;
            }
        }
        if (executor == null) {
            problems.add("executor: must be native or web, got \"" + executorValue + "\"");
        }
        String chromium = value(file, env, "chromium", "chromium");
        String webDir = value(file, env, "godotWebDir", null);
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return new AgentConfig(
                name,
                labels,
                (int) maxConcurrent,
                godot,
                ffmpeg,
                Path.of(work).toAbsolutePath(),
                ffprobe,
                (int) crf,
                outputCap,
                cpuLimit,
                sandbox,
                new Cluster(
                        kubeconfig == null ? null : Path.of(kubeconfig).toAbsolutePath(),
                        List.copyOf(namespaces),
                        heartbeat,
                        grantWait,
                        uploadAttempts,
                        maxClaims),
                executor,
                chromium,
                webDir == null
                        ? WebGodotEngine.defaultDir(env)
                        : Path.of(webDir).toAbsolutePath());
    }

    /** Reads a properties file, then applies the environment; a missing or unreadable file names its path. */
    public static AgentConfig load(Path propertiesFile, Map<String, String> env) {
        Properties file = new Properties();
        try (Reader reader = Files.newBufferedReader(propertiesFile)) {
            file.load(reader);
        } catch (IOException e) {
            throw new InvalidConfigException(List.of("--config: cannot read " + propertiesFile + ": " + e));
        }
        return from(file, env);
    }

    /** {@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h}, or ISO-8601 ({@code PT10S}). */
    private static Duration duration(
            Properties file,
            Map<String, String> env,
            String key,
            Duration fallback,
            Duration min,
            Duration max,
            List<String> problems) {
        String text = value(file, env, key, null);
        if (text == null) {
            return fallback;
        }
        Duration d;
        try {
            var m = DURATION.matcher(text);
            if (m.matches()) {
                long amount = Long.parseLong(m.group(1));
                d = switch (m.group(2)) {
                    case "ms" -> Duration.ofMillis(amount);
                    case "s" -> Duration.ofSeconds(amount);
                    case "m" -> Duration.ofMinutes(amount);
                    default -> Duration.ofHours(amount);
                };
            } else {
                d = Duration.parse(text);
            }
        } catch (RuntimeException e) {
            problems.add(key + ": not a duration (e.g. 10s, 5m, 500ms): \"" + text + "\"");
            return fallback;
        }
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            problems.add(key + ": must be between " + min + " and " + max + ", got " + d);
        }
        return d;
    }

    /** A whole number within [min, max]; a problem naming the key otherwise (and {@code min} returned). */
    private static long whole(
            Properties file,
            Map<String, String> env,
            String key,
            String fallback,
            long min,
            long max,
            List<String> problems) {
        String text = value(file, env, key, fallback);
        try {
            long value = Long.parseLong(text.trim());
            if (value < min || value > max) {
                problems.add(key + ": must be between " + min + " and " + max + ", got " + value);
                return min;
            }
            return value;
        } catch (NumberFormatException e) {
            problems.add(key + ": not a whole number: \"" + text + "\"");
            return min;
        }
    }

    /**
     * A bare name ({@code godot}) is looked up on PATH when run; a path is made absolute here, since child
     * processes run in their job's workspace, where a relative path would point elsewhere.
     */
    private static Path executable(String value) {
        Path path = Path.of(value);
        return path.getNameCount() > 1 || path.isAbsolute() ? path.toAbsolutePath() : path;
    }

    private static String value(Properties file, Map<String, String> env, String key, String fallback) {
        String fromEnv = env.get(
                "ANIMOPS_AGENT_" + key.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase());
        String v = fromEnv != null ? fromEnv : file.getProperty(key);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    /** {@code key=value,key=value}, validated as Kubernetes label keys and values. */
    private static Map<String, String> labels(String text, List<String> problems) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (String pair : text.split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int eq = pair.indexOf('=');
            if (eq < 0) {
                problems.add("labels: \"" + pair.trim() + "\" is not key=value");
                continue;
            }
            String key = pair.substring(0, eq).trim();
            String value = pair.substring(eq + 1).trim();
            if (!LABEL_KEY.matcher(key).matches()) {
                problems.add("labels: \"" + key + "\" is not a valid label key");
            } else if (!LABEL_VALUE.matcher(value).matches()) {
                problems.add("labels: value \"" + value + "\" of " + key + " is not a valid label value");
            } else {
                labels.put(key, value);
            }
        }
        return labels;
    }
}
