package io.animops.operator.standalone;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The child JVMs of the tests that run the packaged standalone mode: stand-in render agents and their helpers. */
final class ChildJvms {
    private ChildJvms() {}

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static void waitFor(Process process, Duration wait) {
        try {
            process.waitFor(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * A real render agent (this test class path) with the stand-in Godot, one job at a time, heartbeating every
     * second against the embedded API of {@code kubeconfig}; its configuration and log go into {@code dir}.
     */
    static Process startStandinAgent(
            Path repo, Path dir, Path kubeconfig, String name, String label, Map<String, String> env)
            throws IOException {
        Path standin = repo.resolve("render-agent-macos/src/test/resources/standin-godot/godot");
        Files.setPosixFilePermissions(standin, PosixFilePermissions.fromString("rwxr-xr-x"));
        Path config = dir.resolve(name + ".properties");
        Files.writeString(
                config,
                String.join(
                        "\n",
                        "name=" + name,
                        "labels=" + label,
                        "maxConcurrent=1",
                        "godot=" + standin,
                        // a shell script that starts FFmpeg, which the Linux sandbox would stop
                        "sandbox=false",
                        "workDir=" + dir.resolve("agents/" + name),
                        "kubeconfig=" + kubeconfig,
                        "heartbeatInterval=1s",
                        ""));
        ProcessBuilder builder = new ProcessBuilder(
                        java(),
                        "-Xmx128m",
                        "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "io.animops.agent.RenderAgentMain",
                        "--config",
                        config.toString())
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dir.resolve(name + ".log").toFile()));
        builder.environment().putAll(env);
        return builder.start();
    }
}
