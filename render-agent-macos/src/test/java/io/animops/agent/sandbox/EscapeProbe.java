package io.animops.agent.sandbox;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A stand-in for Godot running a hostile script with the contract switched off (test code only): it tries one
 * escape and prints {@code ESCAPED ...} when it got out, {@code BLOCKED ...} with the reason when it did not.
 */
public final class EscapeProbe {
    private EscapeProbe() {}

    public static void main(String[] args) throws Exception {
        String escape = args[0];
        try {
            String result = switch (escape) {
                case "write-outside" -> {
                    Files.writeString(Path.of(args[1]), "escaped");
                    yield "wrote " + args[1];
                }
                case "write-system" -> {
                    Files.writeString(Path.of(args[1]), "escaped");
                    yield "wrote " + args[1];
                }
                case "read-secret" ->
                    "read " + Files.readString(Path.of(args[1])).length() + " characters";
                case "environment" -> {
                    String secret = System.getenv("ANIMOPS_PROBE_SECRET");
                    if (secret == null) {
                        throw new IllegalStateException("no such variable");
                    }
                    yield "read the variable";
                }
                case "socket" -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(args[1], Integer.parseInt(args[2])), 3000);
                    }
                    yield "connected to " + args[1] + ":" + args[2];
                }
                case "exec" -> {
                    Process process = new ProcessBuilder(args[1], "--version").start();
                    yield "started " + args[1] + " (pid " + process.pid() + ")";
                }
                case "fork-bomb" -> {
                    List<Process> children = new ArrayList<>();
                    String java = Path.of(System.getProperty("java.home"), "bin", "java")
                            .toString();
                    for (int i = 0; i < 64; i++) {
                        children.add(new ProcessBuilder(java, "-version").start());
                    }
                    children.forEach(Process::destroyForcibly);
                    yield "started " + children.size() + " processes";
                }
                case "memory" -> {
                    List<ByteBuffer> held = new ArrayList<>();
                    for (int i = 0; i < 128; i++) { // 128 x 64 MiB = 8 GiB, twice what a limit under test allows
                        held.add(ByteBuffer.allocateDirect(64 << 20));
                    }
                    yield "allocated " + held.size() * 64 + " MiB";
                }
                case "cpu" -> {
                    long spins = 0;
                    long end = System.nanoTime() + 60_000_000_000L;
                    while (System.nanoTime() < end) {
                        spins++;
                    }
                    yield "spun " + spins + " times for a minute";
                }
                default -> throw new IllegalArgumentException("unknown escape " + escape);
            };
            System.out.println("ESCAPED " + escape + ": " + result);
        } catch (Exception | Error e) {
            System.out.println("BLOCKED " + escape + ": " + e);
        }
    }
}
