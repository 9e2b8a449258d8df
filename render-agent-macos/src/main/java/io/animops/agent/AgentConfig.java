package io.animops.agent;

import java.nio.file.Path;
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
 */
public record AgentConfig(String name, Map<String, String> labels, int maxConcurrent, Path godot, Path ffmpeg,
                          Path workDir, Path ffprobe, int crf, long outputCapBytes, Integer cpuLimitSeconds,
                          boolean sandbox) {
    public static final int DEFAULT_CRF = 20;
    public static final long DEFAULT_OUTPUT_CAP_BYTES = 1024 * 1024;
    private static final Pattern DNS_NAME = Pattern.compile("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$");
    private static final Pattern LABEL_KEY = Pattern.compile("^([a-z0-9.-]+/)?[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?$");
    private static final Pattern LABEL_VALUE = Pattern.compile("^([A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?)?$");

    /** The original six settings, the rest at their defaults. */
    public AgentConfig(String name, Map<String, String> labels, int maxConcurrent, Path godot, Path ffmpeg, Path workDir) {
        this(name, labels, maxConcurrent, godot, ffmpeg, workDir, Path.of("ffprobe"), DEFAULT_CRF,
                DEFAULT_OUTPUT_CAP_BYTES, null, true);
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
            problems.add("name: \"" + name + "\" is not a valid Kubernetes name (lower case letters, digits, '-' and '.')");
        }
        Map<String, String> labels = labels(value(file, env, "labels", ""), problems);
        long maxConcurrent = whole(file, env, "maxConcurrent", "1", 1, 16, problems);
        Path godot = Path.of(value(file, env, "godot", "godot"));
        Path ffmpeg = Path.of(value(file, env, "ffmpeg", "ffmpeg"));
        String work = value(file, env, "workDir", null);
        if (work == null) {
            problems.add("workDir: required (a folder the agent may create job workspaces in)");
        }
        Path ffprobe = Path.of(value(file, env, "ffprobe", "ffprobe"));
        long crf = whole(file, env, "crf", Integer.toString(DEFAULT_CRF), 0, 51, problems);
        long outputCap = whole(file, env, "outputCapBytes", Long.toString(DEFAULT_OUTPUT_CAP_BYTES), 4096,
                256L * 1024 * 1024, problems);
        String cpu = value(file, env, "cpuLimitSeconds", null);
        Integer cpuLimit = cpu == null ? null : (int) whole(file, env, "cpuLimitSeconds", cpu, 0, 7 * 24 * 3600, problems);
        boolean sandbox = true;
        String sandboxValue = value(file, env, "sandbox", "true");
        if (sandboxValue.equalsIgnoreCase("false")) {
            sandbox = false;
        } else if (!sandboxValue.equalsIgnoreCase("true")) {
            problems.add("sandbox: must be true or false, got \"" + sandboxValue + "\"");
        }
        if (!problems.isEmpty()) {
            throw new InvalidConfigException(problems);
        }
        return new AgentConfig(name, labels, (int) maxConcurrent, godot, ffmpeg, Path.of(work), ffprobe, (int) crf,
                outputCap, cpuLimit, sandbox);
    }

    /** A whole number within [min, max]; a problem naming the key otherwise (and {@code min} returned). */
    private static long whole(Properties file, Map<String, String> env, String key, String fallback, long min, long max,
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

    private static String value(Properties file, Map<String, String> env, String key, String fallback) {
        String fromEnv = env.get("ANIMOPS_AGENT_" + key.replaceAll("([a-z])([A-Z])", "$1_$2").toUpperCase());
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
