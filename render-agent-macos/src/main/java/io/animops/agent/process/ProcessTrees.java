package io.animops.agent.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Ends a process together with everything it started. */
public final class ProcessTrees {
    private static final Duration POLL = Duration.ofMillis(20);

    private ProcessTrees() {}

    /**
     * Sends SIGTERM to the root and all its descendants, waits up to {@code grace} for them to go, then SIGKILLs
     * whatever is left, including children started in the meantime. The descendants are listed before anything
     * is signalled: once a parent dies its children are re-parented and no longer show up as its descendants.
     */
    public static void kill(ProcessHandle root, Duration grace) throws InterruptedException {
        Set<ProcessHandle> tree = new LinkedHashSet<>();
        tree.add(root);
        root.descendants().forEach(tree::add);
        tree.forEach(ProcessHandle::destroy);
        long deadline = System.nanoTime() + grace.toNanos();
        while (tree.stream().anyMatch(ProcessTrees::isRunning) && System.nanoTime() < deadline) {
            Thread.sleep(POLL.toMillis());
        }
        List<ProcessHandle> survivors = new ArrayList<>();
        for (ProcessHandle handle : tree) {
            if (isRunning(handle)) {
                survivors.add(handle);
                handle.descendants().forEach(survivors::add);
            }
        }
        survivors.forEach(ProcessHandle::destroyForcibly);
        long killDeadline = System.nanoTime() + grace.toNanos();
        while (survivors.stream().anyMatch(ProcessTrees::isRunning) && System.nanoTime() < killDeadline) {
            Thread.sleep(POLL.toMillis());
        }
    }

    /**
     * Whether the process still runs. A zombie does not: where nothing reaps orphans (a container whose PID 1 is
     * not an init), a killed grandchild stays a zombie for good and {@link ProcessHandle#isAlive()} keeps saying
     * true, so on Linux the state letter in /proc decides.
     */
    public static boolean isRunning(ProcessHandle handle) {
        if (!handle.isAlive()) {
            return false;
        }
        Path stat = Path.of("/proc", Long.toString(handle.pid()), "stat");
        if (!Files.isReadable(stat)) {
            return handle.isAlive();
        }
        try {
            String text = Files.readString(stat);
            // "pid (comm) S ...": comm may hold spaces and parentheses, the state follows the last ')'
            int close = text.lastIndexOf(')');
            char state = close >= 0 && close + 2 < text.length() ? text.charAt(close + 2) : 'R';
            return state != 'Z' && state != 'X';
        } catch (IOException e) {
            // the entry vanished between the checks: the process is gone
            return false;
        }
    }
}
