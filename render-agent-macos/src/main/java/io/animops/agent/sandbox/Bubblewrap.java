package io.animops.agent.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The bubblewrap command line for Godot on Linux: new namespaces of every kind (no network but a loopback of its
 * own, no other processes visible), no capabilities, an empty environment, the system's libraries and fonts
 * read-only and no folder of programs, Godot's own folder read-only, a private /tmp, and the workspace the only
 * writable path (also its home, for Godot's user:// folder). The seccomp filter on descriptor 9 forbids new
 * processes ({@link NoNewProcessesFilter}).
 */
final class Bubblewrap {
    private Bubblewrap() {}

    static List<String> arguments(Path workspace, List<Path> bundle) {
        String dir = workspace.toString();
        List<String> args = new ArrayList<>(List.of(
                Isolation.BWRAP,
                "--die-with-parent",
                "--new-session",
                "--unshare-all",
                "--cap-drop",
                "ALL",
                "--clearenv",
                "--setenv",
                "HOME",
                dir,
                "--setenv",
                "XDG_DATA_HOME",
                dir + "/.local/share",
                "--setenv",
                "XDG_CACHE_HOME",
                dir + "/.cache",
                "--setenv",
                "XDG_CONFIG_HOME",
                dir + "/.config",
                "--setenv",
                "LANG",
                "C.UTF-8"));
        for (String system : Isolation.SYSTEM_READ_ONLY) {
            args.addAll(List.of("--ro-bind-try", system, system));
        }
        for (String libraries : List.of("/lib", "/lib64", "/lib32")) {
            Path path = Path.of(libraries);
            if (Files.isSymbolicLink(path)) { // merged /usr: /lib -> usr/lib
                args.addAll(List.of("--symlink", readLink(path), libraries));
            } else {
                args.addAll(List.of("--ro-bind-try", libraries, libraries));
            }
        }
        args.addAll(List.of(
                "--dev", "/dev", "--dev-bind-try", "/dev/dri", "/dev/dri", "--proc", "/proc", "--tmpfs", "/tmp"));
        // bwrap mounts in order: Godot's bundle and the workspace go after the private /tmp, or one under /tmp
        // would be hidden by it
        for (Path folder : bundle) {
            args.addAll(List.of("--ro-bind", folder.toString(), folder.toString()));
        }
        args.addAll(List.of("--bind", dir, dir, "--chdir", dir, "--seccomp", "9", "--"));
        return args;
    }

    private static String readLink(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot read the link " + link, e);
        }
    }
}
