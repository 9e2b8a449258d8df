package io.animops.agent.godot;

import io.animops.agent.process.ProcessTrees;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The agent's workDir, held by one agent at a time (a lock file), so that what a killed predecessor left there
 * can be cleaned up safely: its job workspaces, and the Godot and FFmpeg processes still working in them (a JVM
 * killed with SIGKILL cannot take its children along).
 */
public final class AgentWorkDir implements AutoCloseable {
    static final String LOCK_FILE = ".agent.lock";

    private final Path dir;
    private final FileChannel channel;
    private final FileLock lock;

    private AgentWorkDir(Path dir, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.channel = channel;
        this.lock = lock;
    }

    /** Takes the folder for this agent; fails naming the setting when another running agent holds it. */
    public static AgentWorkDir claim(Path workDir) throws IOException {
        Files.createDirectories(workDir);
        FileChannel channel =
                FileChannel.open(workDir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (java.nio.channels.OverlappingFileLockException e) {
            // held by this very JVM: another agent started in the same process
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            channel.close();
            throw new IllegalStateException("workDir: " + workDir + " is in use by another running agent (it holds "
                    + LOCK_FILE + "); give each agent a folder of its own");
        }
        return new AgentWorkDir(workDir, channel, lock);
    }

    /**
     * Kills the processes still working in a leftover workspace (their command line names it) and removes the
     * workspaces. Returns the workspaces removed.
     */
    public List<Path> removeLeftovers(Duration grace) throws IOException, InterruptedException {
        List<Path> leftovers;
        try (Stream<Path> entries = Files.list(dir)) {
            leftovers = entries.filter(Files::isDirectory).toList();
        }
        List<Path> removed = new ArrayList<>();
        // one look at the process table for all leftovers
        List<ProcessHandle> others = leftovers.isEmpty() ? List.of() : otherProcesses();
        for (Path workspace : leftovers) {
            for (ProcessHandle process : workingIn(workspace.toAbsolutePath(), others)) {
                ProcessTrees.kill(process, grace);
            }
            GodotWorkspace.deleteTree(workspace);
            removed.add(workspace);
        }
        return removed;
    }

    private static List<ProcessHandle> otherProcesses() {
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses().filter(p -> p.pid() != self).toList();
    }

    /** The processes whose command line names the folder (as --path, or a file inside it). */
    private static List<ProcessHandle> workingIn(Path folder, List<ProcessHandle> processes) {
        String path = folder.toString();
        return processes.stream()
                .filter(p ->
                        p.info().commandLine().map(line -> names(line, path)).orElse(false))
                .toList();
    }

    private static boolean names(String commandLine, String path) {
        return commandLine.contains(path + "/") || commandLine.contains(path + " ") || commandLine.endsWith(path);
    }

    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
        }
    }
}
