package io.animops.agent.sandbox;

import io.animops.agent.job.Cancellation;
import io.animops.agent.process.LineListener;
import io.animops.agent.process.ProcessOutcome;
import io.animops.agent.process.ProcessRunner;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What this machine offers for isolating Godot.
 *
 * @param networkNamespaces Linux only: {@code unshare -n} works (it needs root or user namespaces)
 */
public record HostCapabilities(HostOs os, boolean networkNamespaces) {
    private static final System.Logger LOG = System.getLogger(HostCapabilities.class.getName());

    /** Looks at the machine once; logs a warning when Godot will run without network isolation. */
    public static HostCapabilities detect(ProcessRunner runner) throws InterruptedException {
        HostOs os = HostOs.of(System.getProperty("os.name"));
        boolean namespaces = os == HostOs.LINUX && unshareWorks(runner);
        if (os == HostOs.LINUX && !namespaces) {
            LOG.log(System.Logger.Level.WARNING, "'unshare -n true' failed: Godot runs without network isolation "
                    + "on this machine (run the agent as root or enable unprivileged user namespaces)");
        } else if (os == HostOs.OTHER) {
            LOG.log(System.Logger.Level.WARNING, "no isolation known for " + System.getProperty("os.name")
                    + ": Godot runs without a sandbox");
        }
        return new HostCapabilities(os, namespaces);
    }

    private static boolean unshareWorks(ProcessRunner runner) throws InterruptedException {
        try {
            ProcessOutcome probe = runner.run(List.of(Isolation.UNSHARE, "-n", "true"), Path.of("/"), Map.of(),
                    Duration.ofSeconds(10), new Cancellation(), LineListener.NONE);
            return probe.exitedWith(0);
        } catch (IOException e) {
            return false;
        }
    }
}
