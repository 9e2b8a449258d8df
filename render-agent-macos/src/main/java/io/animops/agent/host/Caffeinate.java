package io.animops.agent.host;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Keeps a Mac from idle-sleeping while the agent runs: {@code caffeinate -i -w <agent pid>} holds an idle-sleep
 * assertion until the agent's process ends, even if the agent dies without cleaning up. A no-op elsewhere.
 */
public final class Caffeinate implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Caffeinate.class.getName());
    private final Process process;

    private Caffeinate(Process process) {
        this.process = process;
    }

    /** The command for this OS, or empty where there is no caffeinate (anything but macOS). */
    public static Optional<List<String>> command(String osName, long pid) {
        if (osName == null || !osName.toLowerCase(Locale.ROOT).contains("mac")) {
            return Optional.empty();
        }
        return Optional.of(List.of("/usr/bin/caffeinate", "-i", "-w", Long.toString(pid)));
    }

    /** Starts caffeinate for the current process on macOS; does nothing elsewhere or when it cannot start. */
    public static Caffeinate forThisProcess() {
        Optional<List<String>> command =
                command(System.getProperty("os.name"), ProcessHandle.current().pid());
        if (command.isEmpty()) {
            return new Caffeinate(null);
        }
        try {
            Process started = new ProcessBuilder(command.get())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
            LOG.info("caffeinate holds an idle-sleep assertion while the agent runs (pid " + started.pid() + ")");
            return new Caffeinate(started);
        } catch (IOException e) {
            LOG.warning("cannot start " + String.join(" ", command.get()) + ": " + e
                    + "; the Mac may sleep during renders");
            return new Caffeinate(null);
        }
    }

    public boolean active() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        if (process != null) {
            process.destroy();
        }
    }
}
