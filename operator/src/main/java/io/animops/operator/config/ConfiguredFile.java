package io.animops.operator.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A document read from a configured path, or else from the copy of examples/ bundled in the operator. */
public record ConfiguredFile(String text, String source) {

    /**
     * @param path        the configured path, if any
     * @param bundled     class-path resource of the bundled copy
     * @param bundledName how error messages name the bundled copy, e.g. {@code examples/design-system.json}
     */
    public static ConfiguredFile read(Optional<String> path, String bundled, String bundledName) {
        if (path.isPresent() && !path.get().isBlank()) {
            Path file = Path.of(path.get());
            try {
                return new ConfiguredFile(Files.readString(file), file.toString());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        try (InputStream in = ConfiguredFile.class.getClassLoader().getResourceAsStream(bundled)) {
            if (in == null) {
                throw new IllegalStateException("bundled file missing: " + bundled);
            }
            return new ConfiguredFile(new String(in.readAllBytes(), StandardCharsets.UTF_8), bundledName);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
