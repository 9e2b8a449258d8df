package io.animops.agent.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Wraps a Godot command line so that the script it runs cannot reach the network nor files outside its
 * workspace (sandbox-exec with {@code godot.sb} on macOS, bubblewrap on Linux, else a fresh network namespace) and
 * cannot use more CPU time (and on Linux memory) than allowed; under bubblewrap it cannot start processes either. A pure function of its arguments, so every branch is testable on any machine.
 */
public final class Isolation {
    public static final String SANDBOX_EXEC = "/usr/bin/sandbox-exec";
    public static final String UNSHARE = "unshare";
    public static final String BWRAP = "bwrap";
    /**
     * Linux with bubblewrap: CPU limits as above, the address-space limit {@code $3} (KiB), then the seccomp filter
     * file {@code $4} opened as descriptor 9 for {@code bwrap --seccomp 9}.
     */
    static final String LINUX_LIMITS_SCRIPT = "ulimit -S -t \"$1\" && ulimit -H -t \"$2\" && ulimit -v \"$3\" "
            + "|| exit 125; exec 9<\"$4\" || exit 125; shift 4; exec \"$@\"";
    /** Address space of one Godot run under bubblewrap (RLIMIT_AS): a scene needs far less, a runaway gets no more. */
    public static final long MEMORY_LIMIT_MIB = 4096;
    /** System folders Godot reads (libraries, fonts, GPU drivers); no folder of programs (/bin, /usr/bin) is there. */
    static final List<String> SYSTEM_READ_ONLY = List.of(
            "/usr/lib",
            "/usr/lib64",
            "/usr/lib32",
            "/usr/share",
            "/etc/ld.so.cache",
            "/etc/ld.so.conf",
            "/etc/ld.so.conf.d",
            "/etc/fonts",
            "/etc/vulkan",
            "/etc/glvnd",
            "/etc/localtime");
    /**
     * Soft CPU limit {@code $1} (SIGXCPU, exit 152 on Linux and macOS alike), hard limit {@code $2} a little later
     * as a backstop (SIGKILL), then exec: the limit applies to the process replacing the shell, nothing stays
     * between. Exit 125 when the limits cannot be set (126/127 are the shell's own: not executable, not found).
     */
    static final String CPU_LIMIT_SCRIPT =
            "ulimit -S -t \"$1\" && ulimit -H -t \"$2\" || exit 125; shift 2; exec \"$@\"";
    /** Seconds between the soft and the hard CPU limit. */
    static final long HARD_LIMIT_MARGIN = 5;
    /** How a process killed for exceeding its CPU time ends (128 + SIGXCPU). */
    public static final int CPU_LIMIT_EXIT_CODE = 128 + 24;

    /** Whether an exit code says the wrapper could not start the wrapped program at all. */
    public static boolean wrapperFailed(int exitCode) {
        return exitCode >= 125 && exitCode <= 127;
    }

    private static final String PROFILE = loadProfile();

    private Isolation() {}

    /**
     * @param sandbox    whether to isolate at all (the agent's {@code sandbox} setting)
     * @param cpuSeconds CPU time limit of the process; 0 for none
     * @param workspace  the only folder Godot may write to (macOS: its real path, symbolic links resolved)
     * @param home       the user's home, for Godot's folders under ~/Library
     */
    public static List<String> wrap(
            HostCapabilities host, boolean sandbox, long cpuSeconds, Path workspace, Path home, List<String> command) {
        Path program = Path.of(command.get(0)).toAbsolutePath().getParent();
        return wrap(host, sandbox, cpuSeconds, MEMORY_LIMIT_MIB, workspace, home, List.of(program), command);
    }

    /**
     * @param memoryMiB address-space limit under bubblewrap (Linux)
     * @param bundle    read-only folders beside the system ones under bubblewrap: Godot's own folder
     */
    public static List<String> wrap(
            HostCapabilities host,
            boolean sandbox,
            long cpuSeconds,
            long memoryMiB,
            Path workspace,
            Path home,
            List<Path> bundle,
            List<String> command) {
        if (sandbox && host.os() == HostOs.LINUX && host.bubblewrap()) {
            List<String> wrapped = new ArrayList<>(List.of(
                    "/bin/sh",
                    "-c",
                    LINUX_LIMITS_SCRIPT,
                    "animops-limits",
                    cpuSeconds > 0 ? Long.toString(cpuSeconds) : "unlimited",
                    cpuSeconds > 0 ? Long.toString(cpuSeconds + HARD_LIMIT_MARGIN) : "unlimited",
                    Long.toString(memoryMiB * 1024),
                    host.processFilter().toString()));
            wrapped.addAll(Bubblewrap.arguments(workspace, bundle));
            wrapped.addAll(command);
            return wrapped;
        }
        List<String> wrapped = new ArrayList<>();
        if (cpuSeconds > 0) {
            wrapped.addAll(List.of(
                    "/bin/sh",
                    "-c",
                    CPU_LIMIT_SCRIPT,
                    "animops-cpu-limit",
                    Long.toString(cpuSeconds),
                    Long.toString(cpuSeconds + HARD_LIMIT_MARGIN)));
        }
        if (sandbox && host.os() == HostOs.MACOS) {
            wrapped.addAll(List.of(
                    SANDBOX_EXEC,
                    "-p",
                    PROFILE,
                    "-D",
                    "WORKSPACE=" + workspace,
                    "-D",
                    "HOME_DIR=" + home,
                    "-D",
                    "GODOT_BUNDLE=" + macBundle(Path.of(command.get(0)))));
        } else if (sandbox && host.os() == HostOs.LINUX && host.networkNamespaces()) {
            wrapped.addAll(List.of(UNSHARE, "-n"));
        }
        wrapped.addAll(command);
        return wrapped;
    }

    /** Godot's .app on macOS (the binary is Godot.app/Contents/MacOS/Godot), else the binary's folder. */
    static Path macBundle(Path godot) {
        Path absolute = godot.toAbsolutePath();
        for (Path p = absolute; p != null; p = p.getParent()) {
            if (p.getFileName() != null && p.getFileName().toString().endsWith(".app")) {
                return p;
            }
        }
        return absolute.getParent();
    }

    /** The macOS profile, {@code godot.sb}. */
    public static String profile() {
        return PROFILE;
    }

    private static String loadProfile() {
        try (InputStream in = Isolation.class.getResourceAsStream("godot.sb")) {
            if (in == null) {
                throw new IllegalStateException("godot.sb: missing from the agent's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("godot.sb: unreadable", e);
        }
    }
}
