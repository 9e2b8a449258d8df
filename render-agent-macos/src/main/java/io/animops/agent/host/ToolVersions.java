package io.animops.agent.host;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The versions the agent registers: {@code godot --version} and the first line of {@code ffmpeg -version}. */
public final class ToolVersions {
    private static final long TIMEOUT_SECONDS = 20;

    private ToolVersions() {}

    /** Godot 4 prints e.g. {@code 4.6.stable.official.89cea1439}: its last non-empty line. */
    public static String godot(Path executable) {
        return lastLine(run("godot", List.of(executable.toString(), "--version")), "godot", executable);
    }

    /** E.g. {@code Chromium 156.0.8078.114 built on Debian ...}: checks the browser of the web executor runs. */
    public static String chromium(String executable) {
        return lastLine(run("chromium", List.of(executable, "--version")), "chromium", Path.of(executable));
    }

    /** E.g. {@code ffmpeg version 6.1.1 Copyright (c) ...}: the first line. */
    public static String ffmpeg(Path executable) {
        String output = run("ffmpeg", List.of(executable.toString(), "-version"));
        String first = output.lines()
                .filter(l -> !l.isBlank())
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("ffmpeg: " + executable + " -version printed nothing"));
        return first.trim();
    }

    static String lastLine(String output, String key, Path executable) {
        List<String> lines =
                output.lines().map(String::trim).filter(l -> !l.isEmpty()).toList();
        if (lines.isEmpty()) {
            throw new IllegalStateException(key + ": " + executable + " --version printed nothing");
        }
        return lines.get(lines.size() - 1);
    }

    private static String run(String key, List<String> command) {
        try {
            Process process =
                    new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
            byte[] output;
            try (InputStream in = process.getInputStream()) {
                output = in.readAllBytes();
            }
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(
                        key + ": " + String.join(" ", command) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(key + ": " + String.join(" ", command) + " exited with "
                        + process.exitValue() + ": " + new String(output, StandardCharsets.UTF_8).strip());
            }
            return new String(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(
                    key + ": cannot run " + String.join(" ", command) + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(key + ": interrupted while running " + String.join(" ", command), e);
        }
    }
}
