package io.animops.agent.sandbox;

import io.animops.agent.job.Cancellation;
import io.animops.agent.process.LineListener;
import io.animops.agent.process.ProcessOutcome;
import io.animops.agent.process.ProcessRunner;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The second wall on Linux: Godot under bubblewrap as the agent wraps it, with the contract switched off. A
 * stand-in ({@link EscapeProbe}, a JVM: no native Godot 4 runs here) tries each escape a hostile script could
 * attempt; each must be blocked, and the host side confirms (no file appeared, no connection arrived).
 */
@EnabledOnOs(OS.LINUX)
class LinuxSandboxEscapeTest {
    private static final long TEST_MEMORY_MIB = 1024;
    private static HostCapabilities host;

    @TempDir
    Path dir;

    private final ProcessRunner runner = new ProcessRunner(64 * 1024, Duration.ofSeconds(1));

    @BeforeAll
    static void detect() throws Exception {
        host = HostCapabilities.detect(new ProcessRunner(64 * 1024, Duration.ofSeconds(1)));
        assumeTrue(host.bubblewrap(), "bubblewrap is not installed or cannot run here (apt-get install bubblewrap)");
    }

    @Test
    void everyEscapeOfAStandInGodotIsBlocked() throws Exception {
        Path workspace = Files.createDirectories(dir.resolve("job"));
        Path outside = dir.resolve("outside.txt");
        Path secret = Files.writeString(dir.resolve("agent-secret.txt"), "token");
        Map<String, Boolean> blocked = new LinkedHashMap<>();
        try (ServerSocket server = new ServerSocket(0)) {
            AtomicBoolean connected = new AtomicBoolean();
            Thread acceptor = new Thread(() -> {
                try {
                    server.setSoTimeout(30_000);
                    server.accept().close();
                    connected.set(true);
                } catch (SocketTimeoutException e) {
                    // nobody came: what the sandbox should give
                } catch (Exception e) {
                    // closed at the end of the test
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            // the probe may write into the sandbox's private /tmp: what counts is that the host never sees it
            probe(workspace, 30, "write-outside", outside.toString());
            blocked.put("write outside the workspace", !Files.exists(outside));
            blocked.put("write the system", probe(workspace, 30, "write-system", "/usr/lib/animops-escape"));
            blocked.put("read a secret file", probe(workspace, 30, "read-secret", secret.toString()));
            blocked.put("read the agent's environment", probe(workspace, 30, "environment"));
            blocked.put(
                    "open a socket to the host",
                    probe(workspace, 30, "socket", "127.0.0.1", Integer.toString(server.getLocalPort()))
                            && !connected.get());
            blocked.put("execute a shell", probe(workspace, 30, "exec", "/bin/sh"));
            blocked.put("execute a program inside the sandbox", probe(workspace, 30, "exec", javaBinary()));
            blocked.put("fork bomb", probe(workspace, 30, "fork-bomb"));
            blocked.put("allocate unbounded memory", probe(workspace, 30, "memory"));
            blocked.put("spin the CPU", cpuLimitEnds(workspace));
            acceptor.interrupt();
        }
        assertThat(Files.exists(Path.of("/usr/lib/animops-escape"))).isFalse();
        long count = blocked.values().stream().filter(b -> b).count();
        System.out.printf("sandbox: blocked %d/%d escapes%n", count, blocked.size());
        assertThat(blocked)
                .as("escapes blocked")
                .allSatisfy((escape, wasBlocked) ->
                        assertThat(wasBlocked).as(escape).isTrue());
    }

    @Test
    void theStandInRunsNormallyInsideTheSandbox() throws Exception {
        Path workspace = Files.createDirectories(dir.resolve("job"));
        ProcessOutcome outcome =
                run(workspace, 30, "write-outside", workspace.resolve("out.avi").toString());
        assertThat(outcome.stdout().lines()).as(outcome.diagnosticTail()).anyMatch(l -> l.startsWith("ESCAPED"));
        assertThat(workspace.resolve("out.avi")).hasContent("escaped");
    }

    /** True when the probe ran and reported the escape blocked. */
    private boolean probe(Path workspace, long cpuSeconds, String... escape) throws Exception {
        ProcessOutcome outcome = run(workspace, cpuSeconds, escape);
        List<String> lines = outcome.stdout().lines();
        System.out.println("  " + String.join(" ", escape) + " -> "
                + (lines.isEmpty() ? outcome.diagnosticTail() : lines.get(lines.size() - 1)));
        return lines.stream().anyMatch(l -> l.startsWith("BLOCKED " + escape[0]))
                && lines.stream().noneMatch(l -> l.startsWith("ESCAPED"));
    }

    private boolean cpuLimitEnds(Path workspace) throws Exception {
        ProcessOutcome outcome = run(workspace, 3, "cpu");
        System.out.println("  cpu -> exit " + outcome.exitCode());
        return outcome.exitCode() == Isolation.CPU_LIMIT_EXIT_CODE;
    }

    private ProcessOutcome run(Path workspace, long cpuSeconds, String... escape) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                javaBinary(),
                "-Xmx64m",
                "-Xss512k",
                "-XX:MaxDirectMemorySize=64g",
                "-XX:CompressedClassSpaceSize=64m",
                "-XX:ReservedCodeCacheSize=32m",
                "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                classes().toString(),
                EscapeProbe.class.getName()));
        command.addAll(List.of(escape));
        List<Path> bundle =
                new ArrayList<>(List.of(Path.of(System.getProperty("java.home")).toRealPath(), classes()));
        Path javaConfig = Path.of("/etc/java-" + Runtime.version().feature() + "-openjdk");
        if (Files.isDirectory(javaConfig)) {
            bundle.add(javaConfig); // Debian's JDK links its conf/ folder there
        }
        List<String> wrapped = Isolation.wrap(
                host, true, cpuSeconds, TEST_MEMORY_MIB, workspace.toRealPath(), workspace, bundle, command);
        return runner.run(
                wrapped,
                workspace,
                Map.of("ANIMOPS_PROBE_SECRET", "token"),
                Duration.ofSeconds(90),
                new Cancellation(),
                LineListener.NONE);
    }

    private static String javaBinary() throws Exception {
        return Path.of(System.getProperty("java.home"), "bin", "java")
                .toRealPath()
                .toString();
    }

    private static Path classes() throws Exception {
        return Path.of(EscapeProbe.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toRealPath();
    }
}
