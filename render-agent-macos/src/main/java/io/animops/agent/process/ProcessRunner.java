package io.animops.agent.process;

import io.animops.agent.job.Cancellation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a child process to its end, its timeout or a cancellation, whichever comes first. Both output streams are
 * read concurrently (a child blocks once a pipe it writes fills up), line by line, into capped buffers and to a
 * listener. A timeout or a cancellation kills the child's whole process tree.
 */
public final class ProcessRunner {
    /** Longer lines are cut; a child printing without newlines must not grow one line without bound. */
    static final int MAX_LINE_CHARS = 16 * 1024;
    /** How long the readers may go on after the child exited (a grandchild may still hold the pipes). */
    private static final Duration DRAIN = Duration.ofSeconds(2);

    private final long outputCapBytes;
    private final Duration killGrace;

    /**
     * @param outputCapBytes the most output kept per stream (head and tail)
     * @param killGrace      between SIGTERM and SIGKILL when a tree is killed
     */
    public ProcessRunner(long outputCapBytes, Duration killGrace) {
        this.outputCapBytes = outputCapBytes;
        this.killGrace = killGrace;
    }

    /**
     * @param command     the program and its arguments
     * @param directory   the working directory
     * @param environment added to (and overriding) the agent's own environment
     * @throws IOException when the program cannot be started (missing, not executable)
     */
    public ProcessOutcome run(
            List<String> command,
            Path directory,
            Map<String, String> environment,
            Duration timeout,
            Cancellation cancellation,
            LineListener lines)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
        builder.environment().putAll(environment);
        builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        long started = System.nanoTime();
        Process process = builder.start();
        CapturedOutput stdout = new CapturedOutput(outputCapBytes);
        CapturedOutput stderr = new CapturedOutput(outputCapBytes);
        String name = command.isEmpty()
                ? "child"
                : Path.of(command.get(0)).getFileName().toString();
        Thread outReader = reader(process.getInputStream(), stdout, OutputStream.STDOUT, lines, name);
        Thread errReader = reader(process.getErrorStream(), stderr, OutputStream.STDERR, lines, name);

        CompletableFuture<Void> cancelled = new CompletableFuture<>();
        cancellation.onCancel(() -> cancelled.complete(null));
        ProcessOutcome.Ending ending = ProcessOutcome.Ending.EXITED;
        try {
            CompletableFuture.anyOf(process.onExit(), cancelled)
                    .get(Math.max(0, timeout.toNanos()), TimeUnit.NANOSECONDS);
            if (process.isAlive()) {
                ending = ProcessOutcome.Ending.CANCELLED;
            }
        } catch (TimeoutException e) {
            ending = ProcessOutcome.Ending.TIMED_OUT;
        } catch (ExecutionException e) {
            throw new IllegalStateException("waiting for " + name + " failed", e.getCause());
        } catch (InterruptedException e) {
            ProcessTrees.kill(process.toHandle(), Duration.ZERO);
            throw e;
        }
        if (ending != ProcessOutcome.Ending.EXITED) {
            ProcessTrees.kill(process.toHandle(), killGrace);
        }
        int exitCode = process.waitFor();
        outReader.join(DRAIN.toMillis());
        errReader.join(DRAIN.toMillis());
        return new ProcessOutcome(ending, exitCode, stdout, stderr, Duration.ofNanos(System.nanoTime() - started));
    }

    /**
     * Runs one step of a job within the job's budget.
     *
     * @throws ProcessStoppedException when the budget ran out or the job was cancelled (the tree is killed)
     */
    public ProcessOutcome runStep(
            String step, List<String> command, Path directory, ExecutionBudget budget, LineListener lines)
            throws IOException, InterruptedException, ProcessStoppedException {
        ProcessOutcome outcome = run(command, directory, Map.of(), budget.remaining(), budget.cancellation(), lines);
        if (outcome.ending() != ProcessOutcome.Ending.EXITED) {
            throw ProcessStoppedException.of(outcome.ending(), step);
        }
        return outcome;
    }

    private static Thread reader(
            InputStream stream, CapturedOutput sink, OutputStream which, LineListener lines, String name) {
        Thread thread = new Thread(
                () -> {
                    try (Reader in = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
                        readLines(in, line -> {
                            sink.add(line);
                            lines.line(which, line);
                        });
                    } catch (IOException e) {
                        // the pipe closed under us (the child was killed): what was read so far is kept
                        sink.add("[output of " + name + " ended early: " + e.getMessage() + "]");
                    }
                },
                name + "-" + which.name().toLowerCase());
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Splits on \n (dropping a \r before it), cutting lines at {@link #MAX_LINE_CHARS}. */
    public static void readLines(Reader in, java.util.function.Consumer<String> onLine) throws IOException {
        StringBuilder line = new StringBuilder();
        boolean cut = false;
        char[] buffer = new char[8192];
        int n;
        while ((n = in.read(buffer)) != -1) {
            for (int i = 0; i < n; i++) {
                char c = buffer[i];
                if (c == '\n') {
                    onLine.accept(finish(line, cut));
                    line.setLength(0);
                    cut = false;
                } else if (line.length() < MAX_LINE_CHARS) {
                    line.append(c);
                } else {
                    cut = true;
                }
            }
        }
        if (line.length() > 0) {
            onLine.accept(finish(line, cut));
        }
    }

    private static String finish(StringBuilder line, boolean cut) {
        int end = line.length();
        if (end > 0 && line.charAt(end - 1) == '\r') {
            end--;
        }
        return line.substring(0, end) + (cut ? " [line cut]" : "");
    }
}
