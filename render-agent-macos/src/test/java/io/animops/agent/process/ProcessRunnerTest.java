package io.animops.agent.process;

import io.animops.agent.job.Cancellation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ProcessRunnerTest {
    /** A shell that starts a grandchild, tells its pid, and waits for it: the tree a timeout must kill. */
    private static final List<String> SHELL_WITH_GRANDCHILD =
            List.of("/bin/sh", "-c", "sleep 1000 & echo \"grandchild $!\"; echo \"child $$\"; wait");

    @TempDir
    Path dir;

    private final ProcessRunner runner = new ProcessRunner(1024 * 1024, Duration.ofSeconds(2));

    @Test
    void readsBothStreamsLineByLineAndReportsTheExitCode() throws Exception {
        List<String> seen = Collections.synchronizedList(new ArrayList<>());
        ProcessOutcome outcome = runner.run(
                List.of("/bin/sh", "-c", "echo out1; echo err1 >&2; echo out2; exit 3"),
                dir,
                Map.of(),
                Duration.ofSeconds(10),
                new Cancellation(),
                (stream, line) -> seen.add(stream + ":" + line));
        assertThat(outcome.ending()).isEqualTo(ProcessOutcome.Ending.EXITED);
        assertThat(outcome.exitCode()).isEqualTo(3);
        assertThat(outcome.stdout().lines()).containsExactly("out1", "out2");
        assertThat(outcome.stderr().lines()).containsExactly("err1");
        assertThat(seen).containsExactlyInAnyOrder("STDOUT:out1", "STDOUT:out2", "STDERR:err1");
        assertThat(outcome.diagnosticTail()).isEqualTo("err1");
    }

    @Test
    void passesTheEnvironmentAndWorkingDirectory() throws Exception {
        ProcessOutcome outcome = runner.run(
                List.of("/bin/sh", "-c", "echo \"$ANIMOPS_TEST_VALUE $(pwd)\""),
                dir,
                Map.of("ANIMOPS_TEST_VALUE", "hello"),
                Duration.ofSeconds(10),
                new Cancellation(),
                LineListener.NONE);
        assertThat(outcome.stdout().lines()).containsExactly("hello " + dir.toRealPath());
    }

    @Test
    void aTimeoutKillsTheChildAndItsGrandchild() throws Exception {
        Pids pids = new Pids();
        ProcessOutcome outcome =
                runner.run(SHELL_WITH_GRANDCHILD, dir, Map.of(), Duration.ofMillis(700), new Cancellation(), pids);
        assertThat(outcome.ending()).isEqualTo(ProcessOutcome.Ending.TIMED_OUT);
        assertThat(outcome.wall()).isLessThan(Duration.ofSeconds(5));
        pids.assertAllGone();
    }

    @Test
    void aCancellationKillsTheChildAndItsGrandchild() throws Exception {
        Pids pids = new Pids();
        Cancellation cancellation = new Cancellation();
        CompletableFuture<ProcessOutcome> running = CompletableFuture.supplyAsync(() -> {
            try {
                return runner.run(SHELL_WITH_GRANDCHILD, dir, Map.of(), Duration.ofSeconds(60), cancellation, pids);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        pids.awaitBoth();
        cancellation.cancel("job deleted");
        ProcessOutcome outcome = running.get(20, TimeUnit.SECONDS);
        assertThat(outcome.ending()).isEqualTo(ProcessOutcome.Ending.CANCELLED);
        pids.assertAllGone();
    }

    @Test
    void anAlreadyCancelledRunEndsAtOnce() throws Exception {
        Cancellation cancellation = new Cancellation();
        cancellation.cancel("claim lost");
        ProcessOutcome outcome = runner.run(
                List.of("sleep", "1000"), dir, Map.of(), Duration.ofSeconds(60), cancellation, LineListener.NONE);
        assertThat(outcome.ending()).isEqualTo(ProcessOutcome.Ending.CANCELLED);
        assertThat(outcome.wall()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aChildIgnoringSigtermIsKilledAfterTheGrace() throws Exception {
        ProcessRunner quick = new ProcessRunner(1024, Duration.ofMillis(300));
        Pids pids = new Pids();
        ProcessOutcome outcome = quick.run(
                List.of("/bin/sh", "-c", "trap '' TERM; echo \"child $$\"; while :; do sleep 0.05; done"),
                dir,
                Map.of(),
                Duration.ofMillis(500),
                new Cancellation(),
                pids);
        assertThat(outcome.ending()).isEqualTo(ProcessOutcome.Ending.TIMED_OUT);
        assertThat(outcome.exitCode()).as("ended by SIGKILL").isEqualTo(128 + 9);
        assertThat(ProcessHandle.of(pids.child).filter(ProcessTrees::isRunning)).isEmpty();
    }

    @Test
    void capsTheCapturedOutputKeepingHeadAndTail() throws Exception {
        ProcessRunner small = new ProcessRunner(200, Duration.ofSeconds(1));
        ProcessOutcome outcome = small.run(
                List.of("/bin/sh", "-c", "i=0; while [ $i -lt 1000 ]; do echo \"line $i\"; i=$((i+1)); done"),
                dir,
                Map.of(),
                Duration.ofSeconds(10),
                new Cancellation(),
                LineListener.NONE);
        CapturedOutput out = outcome.stdout();
        assertThat(out.truncated()).isTrue();
        assertThat(out.lines()).startsWith("line 0", "line 1").endsWith("line 998", "line 999");
        assertThat(out.text()).contains("lines truncated").hasSizeLessThan(300);
    }

    @Test
    void cutsOverlongLinesAndDropsCarriageReturns() throws IOException {
        List<String> lines = new ArrayList<>();
        String longLine = "x".repeat(ProcessRunner.MAX_LINE_CHARS + 10);
        ProcessRunner.readLines(new StringReader("a\r\n" + longLine + "\nlast"), lines::add);
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("a");
        assertThat(lines.get(1))
                .hasSize(ProcessRunner.MAX_LINE_CHARS + " [line cut]".length())
                .endsWith("[line cut]");
        assertThat(lines.get(2)).isEqualTo("last");
    }

    @Test
    void aMissingProgramIsAnIoException() {
        assertThatThrownBy(() -> runner.run(
                        List.of(dir.resolve("no-such-godot").toString()),
                        dir,
                        Map.of(),
                        Duration.ofSeconds(5),
                        new Cancellation(),
                        LineListener.NONE))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no-such-godot");
    }

    /** Collects the pids the shell prints. */
    private static final class Pids implements LineListener {
        volatile long child;
        volatile long grandchild;

        @Override
        public void line(OutputStream stream, String line) {
            if (line.startsWith("child ")) {
                child = Long.parseLong(line.substring(6).trim());
            } else if (line.startsWith("grandchild ")) {
                grandchild = Long.parseLong(line.substring(11).trim());
            }
        }

        void awaitBoth() throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while ((child == 0 || grandchild == 0) && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(child).as("child pid").isPositive();
            assertThat(grandchild).as("grandchild pid").isPositive();
        }

        void assertAllGone() throws InterruptedException {
            awaitBoth();
            assertThat(ProcessHandle.of(child).filter(ProcessTrees::isRunning))
                    .as("child " + child)
                    .isEmpty();
            assertThat(ProcessHandle.of(grandchild).filter(ProcessTrees::isRunning))
                    .as("grandchild " + grandchild)
                    .isEmpty();
        }
    }
}
