package io.animops.agent.sandbox;

import io.animops.agent.job.Cancellation;
import io.animops.agent.process.LineListener;
import io.animops.agent.process.ProcessOutcome;
import io.animops.agent.process.ProcessRunner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What this machine offers for isolating Godot.
 *
 * @param networkNamespaces Linux only: {@code unshare -n} works (it needs root or user namespaces)
 * @param processFilter     Linux only: the seccomp filter file that bubblewrap applies ({@link NoNewProcessesFilter});
 *                          non-null exactly when {@code bwrap} works here, which then isolates Godot
 */
public record HostCapabilities(HostOs os, boolean networkNamespaces, Path processFilter) {
    public HostCapabilities(HostOs os, boolean networkNamespaces) {
        this(os, networkNamespaces, null);
    }

    /** Whether Godot runs under bubblewrap. */
    public boolean bubblewrap() {
        return processFilter != null;
    }

    private static final System.Logger LOG = System.getLogger(HostCapabilities.class.getName());

    /** Looks at the machine once; logs a warning when Godot will run without network isolation. */
    public static HostCapabilities detect(ProcessRunner runner) throws InterruptedException {
        HostOs os = HostOs.of(System.getProperty("os.name"));
        boolean namespaces = os == HostOs.LINUX && works(runner, List.of(Isolation.UNSHARE, "-n", "true"));
        Path filter = os == HostOs.LINUX
                        && works(runner, List.of(Isolation.BWRAP, "--unshare-all", "--ro-bind", "/", "/", "true"))
                ? writeProcessFilter()
                : null;
        if (os == HostOs.LINUX && filter == null) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "bubblewrap ('bwrap') is missing or cannot run: Godot runs without "
                            + "the file-system, process and environment sandbox (apt-get install bubblewrap)");
        }
        if (os == HostOs.LINUX && !namespaces) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "'unshare -n true' failed: Godot runs without network isolation "
                            + "on this machine (run the agent as root or enable unprivileged user namespaces)");
        } else if (os == HostOs.OTHER) {
            LOG.log(
                    System.Logger.Level.WARNING,
                    "no isolation known for " + System.getProperty("os.name") + ": Godot runs without a sandbox");
        }
        return new HostCapabilities(os, namespaces, filter);
    }

    private static boolean works(ProcessRunner runner, List<String> command) throws InterruptedException {
        try {
            ProcessOutcome probe = runner.run(
                    command, Path.of("/"), Map.of(), Duration.ofSeconds(10), new Cancellation(), LineListener.NONE);
            return probe.exitedWith(0);
        } catch (IOException e) {
            return false;
        }
    }

    /** The filter as a file bubblewrap reads (once per agent); null on an architecture without a filter. */
    private static Path writeProcessFilter() {
        return NoNewProcessesFilter.forThisMachine()
                .map(program -> {
                    try {
                        Path file = Files.createTempFile("animops-no-new-processes", ".bpf");
                        file.toFile().deleteOnExit();
                        return Files.write(file, program);
                    } catch (IOException e) {
                        throw new UncheckedIOException("cannot write the seccomp filter for bubblewrap", e);
                    }
                })
                .orElseGet(() -> {
                    LOG.log(
                            System.Logger.Level.WARNING,
                            "no seccomp filter for " + System.getProperty("os.arch")
                                    + ": Godot runs without bubblewrap");
                    return null;
                });
    }
}
