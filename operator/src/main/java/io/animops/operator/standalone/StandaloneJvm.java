package io.animops.operator.standalone;

import org.jboss.logging.Logger;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The standalone mode's memory. {@code java -jar quarkus-run.jar standalone} gets the JVM's default heap, a quarter
 * of the machine's memory (6 GiB on a 24 GiB machine), which the collector happily fills before it collects. A jar
 * cannot carry JVM options, so a JVM whose command line chose no heap size runs the standalone mode in a child JVM
 * with {@link #MEMORY_OPTIONS} and the same arguments, and waits for it. A command line that names a heap
 * ({@code -Xmx}, {@code -XX:MaxRAMPercentage}, ...) runs it in place, so a person can choose other settings.
 * The child stops itself at once when its parent disappears (a {@code kill -9} of the process that was started).
 */
public final class StandaloneJvm {
    /**
     * The heap's size, for the standalone mode only (the chart sizes it as a share of the container's limit). The live
     * set is near 100 MiB with 300 ideas in flight, but a burst of 1,000 (bench/pipeline) filled a 256 MiB heap: the
     * serial collector then ran without end (half the operator's CPU, the pipeline stalled), so the ceiling is twice
     * that. The heap grows only as needed and is given back (below); it starts small, as the initial heap would be
     * 1/64 of the machine. The young generation stays small instead of a third of the heap: at 40 MiB, with 1,000
     * ideas at the end of bench/pipeline, the peak RSS was 614 MB instead of 680, for 12 s more collection (its README,
     * 2026-12-02 afternoon); at 24 MiB, 11 MB less than at 40 (436 against 447 MB) for about 5 s more collection
     * (15 against 10 s of some 170 s of CPU; 2026-12-03 "Netty's chunks").
     */
    static final List<String> HEAP_SIZE_OPTIONS = List.of("-Xms48m", "-Xmx512m", "-Xmn24m");

    /**
     * The JVM settings shared by the standalone mode and the chart (charts/animops/values.yaml {@code jvm.options},
     * kept equal by HelmChartTest), measured with bench/pipeline (its README, "Memory" 2026-12-02):
     * <ul>
     *   <li>the heap is given back after a full collection beyond 40 % free, and grows to keep only 10 % free (15 %
     *       cost 10 MB more peak RSS in the 1,000-idea run for 2 s less collection, 2026-12-03); the serial collector
     *       keeps no remembered sets or concurrent threads, which matters more than pause times for one operator;
     *   <li>C1 only ({@code TieredStopAtLevel=1}): C2 took a third of the operator's CPU compiling, and its arenas and
     *       code stay resident; without it the idle RSS was 397 MB instead of 436, start-up took 40 % less CPU, and
     *       a 300-idea run on a saturated machine got 15 ideas published instead of none, peaking at 470 MB, not 497;
     *   <li>Netty's direct buffers would otherwise be allowed as much as the heap;
     *   <li>a JVM out of memory stops rather than limps on.
     * </ul>
     */
    public static final List<String> RUNTIME_OPTIONS = List.of(
            "-XX:MinHeapFreeRatio=10",
            "-XX:MaxHeapFreeRatio=40",
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-XX:ReservedCodeCacheSize=64m",
            "-XX:MaxDirectMemorySize=64m",
            "-XX:+ExitOnOutOfMemoryError");

    /** What the child JVM gets: its heap's size and the shared settings. */
    static final List<String> MEMORY_OPTIONS =
            Stream.concat(HEAP_SIZE_OPTIONS.stream(), RUNTIME_OPTIONS.stream()).toList();

    static final String PARENT_PID_PROPERTY = "animops.standalone.parent-pid";
    private static final List<String> HEAP_OPTIONS =
            List.of("-Xmx", "-XX:MaxHeapSize=", "-XX:MaxRAMPercentage=", "-XX:MaxRAM=", "-XX:MaxRAMFraction=");
    private static final Logger LOG = Logger.getLogger(StandaloneJvm.class);
    /** How long the parent waits for its child to stop after it was asked to stop itself. */
    private static final long CHILD_STOP_WAIT_SECONDS = 60;

    private static final long PARENT_POLL_MILLIS = 200;

    private StandaloneJvm() {}

    /** True when one of the JVM options sets the maximum heap. */
    static boolean heapChosen(List<String> jvmOptions) {
        return jvmOptions.stream().anyMatch(o -> HEAP_OPTIONS.stream().anyMatch(o::startsWith));
    }

    /**
     * Runs the standalone mode in a child JVM with a bounded heap and returns its exit code, or empty when this JVM's
     * command line chose the heap (then the caller runs the mode here).
     */
    public static OptionalInt runBounded(String[] args) {
        List<String> jvmOptions = ManagementFactory.getRuntimeMXBean().getInputArguments();
        Optional<String> java = ProcessHandle.current().info().command();
        if (heapChosen(jvmOptions) || java.isEmpty()) {
            return OptionalInt.empty();
        }
        List<String> command = childCommand(
                java.get(),
                jvmOptions,
                System.getProperty("sun.java.command", ""),
                System.getProperty("java.class.path"),
                ProcessHandle.current().pid(),
                args);
        Process child;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
            // glibc's malloc keeps an arena per core and thread burst; two bound the native memory of many threads
            builder.environment().putIfAbsent("MALLOC_ARENA_MAX", "2");
            child = builder.start();
        } catch (IOException e) {
            LOG.warnf(
                    "Could not start the standalone mode in a JVM with %s (%s); running it here with the default"
                            + " heap",
                    String.join(" ", MEMORY_OPTIONS), e.getMessage());
            return OptionalInt.empty();
        }
        // Ctrl-C reaches both JVMs; a SIGTERM to this one alone is passed on, and this one leaves after its child
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(child), "animops-standalone-child-stop"));
        while (true) {
            try {
                return OptionalInt.of(child.waitFor());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static List<String> childCommand(
            String java, List<String> jvmOptions, String javaCommand, String classPath, long parentPid, String[] args) {
        List<String> command = new ArrayList<>();
        command.add(java);
        command.addAll(MEMORY_OPTIONS);
        // after the defaults, so that an option given to this JVM (e.g. -XX:TieredStopAtLevel=4) wins: the last wins
        command.addAll(jvmOptions);
        command.add("-D" + PARENT_PID_PROPERTY + "=" + parentPid);
        // sun.java.command is the jar (java -jar, then also the class path) or the main class, then the arguments
        if (classPath.endsWith(".jar") && javaCommand.startsWith(classPath)) {
            command.add("-jar");
            command.add(classPath);
        } else {
            command.add("-cp");
            command.add(classPath);
            command.add(javaCommand.split(" ", 2)[0]);
        }
        command.addAll(List.of(args));
        return command;
    }

    /** In the child: halt when the parent JVM is gone, as that parent was killed without a chance to stop us. */
    public static void watchParent() {
        String parentPid = System.getProperty(PARENT_PID_PROPERTY);
        if (parentPid == null) {
            return;
        }
        Optional<ProcessHandle> parent = ProcessHandle.of(Long.parseLong(parentPid));
        Thread watch = new Thread(
                () -> {
                    while (parent.map(ProcessHandle::isAlive).orElse(false)) {
                        try {
                            Thread.sleep(PARENT_POLL_MILLIS);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    System.err.println(
                            "AnimOps standalone: the launching JVM " + parentPid + " is gone; stopping at once");
                    Runtime.getRuntime().halt(137);
                },
                "animops-standalone-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }

    private static void stop(Process child) {
        if (!child.isAlive()) {
            return;
        }
        child.destroy();
        try {
            if (!child.waitFor(CHILD_STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
