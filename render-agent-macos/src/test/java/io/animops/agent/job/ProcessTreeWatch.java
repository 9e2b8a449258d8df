package io.animops.agent.job;

import io.animops.agent.process.ProcessTrees;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Records every process below this JVM while a job runs, to check afterwards that none survived. */
final class ProcessTreeWatch implements AutoCloseable {
    /** Each process seen, with its program as it was when seen (an ended process has none). */
    private final Map<ProcessHandle, String> seen = new ConcurrentHashMap<>();

    private final Thread watcher;
    private volatile boolean running = true;

    ProcessTreeWatch() {
        watcher = new Thread(
                () -> {
                    while (running) {
                        ProcessHandle.current()
                                .descendants()
                                .forEach(h -> seen.computeIfAbsent(
                                        h, p -> p.info().command().orElse("?")));
                        try {
                            Thread.sleep(20);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                },
                "process-tree-watch");
        watcher.setDaemon(true);
        watcher.start();
    }

    /** Stops watching; asserts that more than {@code minimum} processes were seen and that none still runs. */
    void assertAllEnded(int minimum) throws InterruptedException {
        close();
        assertThat(seen).as("processes seen while the job ran").hasSizeGreaterThanOrEqualTo(minimum);
        assertThat(seen.entrySet().stream()
                        .filter(e -> ProcessTrees.isRunning(e.getKey()))
                        .map(e -> e.getKey().pid() + " " + e.getValue()))
                .as("processes still running")
                .isEmpty();
    }

    boolean sawCommand(String name) {
        return seen.values().stream().anyMatch(command -> command.endsWith("/" + name));
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        watcher.join();
    }
}
