package io.animops.agent.job;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** The stand-in Godot executable of the test resources, made executable (copying resources drops the bit). */
final class StandinGodot {
    private StandinGodot() {}

    static Path path() throws IOException {
        URL url = StandinGodot.class.getResource("/standin-godot/godot");
        if (url == null) {
            throw new IOException("standin-godot/godot missing from the test resources");
        }
        try {
            Path godot = Path.of(url.toURI());
            Files.setPosixFilePermissions(godot, PosixFilePermissions.fromString("rwxr-xr-x"));
            return godot;
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
    }

    /** A launcher in {@code dir} that runs the stand-in rendering {@code framesPerSecond} frames a second. */
    static Path paced(Path dir, int framesPerSecond) throws IOException {
        Path launcher = dir.resolve("godot-paced-" + framesPerSecond);
        Files.writeString(
                launcher, "#!/bin/sh\nSTANDIN_GODOT_FPS=" + framesPerSecond + " exec '" + path() + "' \"$@\"\n");
        Files.setPosixFilePermissions(launcher, PosixFilePermissions.fromString("rwxr-xr-x"));
        return launcher;
    }
}
