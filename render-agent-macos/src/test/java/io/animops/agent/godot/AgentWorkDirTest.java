package io.animops.agent.godot;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a SIGKILLed agent leaves in its workDir is cleaned up by the next start, and only that. */
class AgentWorkDirTest {
    @TempDir
    Path root;

    @Test
    void leftoverWorkspacesGoWithTheProcessesStillWorkingInThem() throws Exception {
        Path workDir = root.resolve("work");
        Path leftover = Files.createDirectories(workDir.resolve("default-job-1234abcd"));
        Files.writeString(leftover.resolve("out.avi"), "half a movie");
        // a render still writing into the leftover, with a child of its own (as Godot runs FFmpeg in the stand-in)
        Process render = new ProcessBuilder("sh", "-c", "sleep 300 & wait; echo " + leftover + "/out.avi").start();
        waitFor(() -> render.toHandle().descendants().findAny().isPresent());
        ProcessHandle child = render.toHandle().descendants().findFirst().orElseThrow();
        // a process elsewhere, whose command line merely shares a prefix with the workspace
        Process unrelated = new ProcessBuilder("sh", "-c", "sleep 300; echo " + leftover + "0/other").start();
        try (AgentWorkDir dir = AgentWorkDir.claim(workDir)) {
            List<Path> removed = dir.removeLeftovers(Duration.ofSeconds(2));

            assertThat(removed).containsExactly(leftover);
            assertThat(leftover).doesNotExist();
            assertThat(render.waitFor(5, TimeUnit.SECONDS)).isTrue();
            waitFor(() -> !io.animops.agent.process.ProcessTrees.isRunning(child));
            assertThat(unrelated.isAlive()).isTrue();
            assertThat(workDir.resolve(AgentWorkDir.LOCK_FILE)).exists();
        } finally {
            unrelated.destroyForcibly();
            render.destroyForcibly();
        }
    }

    @Test
    void aSecondAgentOnTheSameFolderIsRefusedNamingTheSetting() throws Exception {
        Path workDir = root.resolve("shared");
        try (AgentWorkDir first = AgentWorkDir.claim(workDir)) {
            assertThatThrownBy(() -> AgentWorkDir.claim(workDir))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("workDir: " + workDir)
                    .hasMessageContaining("in use by another running agent");
        }
        // released on close: the next start takes it
        AgentWorkDir.claim(workDir).close();
    }

    private static void waitFor(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition within 5 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }
}
