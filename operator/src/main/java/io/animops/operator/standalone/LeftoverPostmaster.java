package io.animops.operator.standalone;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A standalone mode killed with SIGKILL leaves its PostgreSQL running (it is a separate process) with its
 * {@code postmaster.pid} in the data folder, and the next start would fail with "lock file already exists" and then
 * talk to the orphan. Before a start, the orphan is stopped (SIGTERM, a smart shutdown that waits for its clients,
 * gone with the killed process) and a pid file naming no live PostgreSQL is removed; either way one log line says so.
 */
final class LeftoverPostmaster {
    private static final Logger LOG = Logger.getLogger(LeftoverPostmaster.class);
    static final String PID_FILE = "postmaster.pid";
    private static final Duration STOP_WAIT = Duration.ofSeconds(30);

    private LeftoverPostmaster() {}

    /** Leaves the data folder free for a new server; does nothing when no pid file is there. */
    static void clear(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve(PID_FILE);
        if (!Files.exists(pidFile)) {
            return;
        }
        List<String> lines = Files.readAllLines(pidFile);
        Optional<Long> pid = lines.isEmpty() ? Optional.empty() : parse(lines.get(0));
        Optional<ProcessHandle> postmaster =
                pid.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive).filter(LeftoverPostmaster::isPostgres);
        if (postmaster.isEmpty()) {
            Files.deleteIfExists(pidFile);
            LOG.warnf(
                    "Embedded PostgreSQL: removed the stale %s in %s (pid %s is no PostgreSQL running now; "
                            + "an earlier run ended without stopping it)",
                    PID_FILE, dataDirectory, pid.map(String::valueOf).orElse("?"));
            return;
        }
        ProcessHandle process = postmaster.get();
        process.destroy();
        boolean stopped = waitForExit(process, STOP_WAIT);
        if (!stopped) {
            process.destroyForcibly();
            waitForExit(process, STOP_WAIT);
            Files.deleteIfExists(pidFile);
        }
        LOG.warnf(
                "Embedded PostgreSQL: an earlier run left its server running on %s (pid %d, port %s); %s before "
                        + "starting a new one",
                dataDirectory,
                process.pid(),
                lines.size() > 3 ? lines.get(3).trim() : "?",
                stopped
                        ? "stopped it cleanly"
                        : "it did not stop within " + STOP_WAIT.toSeconds() + "s and was killed");
    }

    private static boolean isPostgres(ProcessHandle process) {
        // a pid reused by another program after a reboot must not be stopped
        return process.info()
                .command()
                .map(c -> Path.of(c).getFileName().toString().startsWith("postgres"))
                .orElse(false);
    }

    private static boolean waitForExit(ProcessHandle process, Duration wait) {
        try {
            process.onExit().get(wait.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(
                    new IOException("interrupted while stopping PostgreSQL pid " + process.pid()));
        }
    }

    private static Optional<Long> parse(String line) {
        try {
            return Optional.of(Long.parseLong(line.trim()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
