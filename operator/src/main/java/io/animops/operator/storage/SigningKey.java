package io.animops.operator.storage;

import io.animops.operator.config.KeptSecret;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The local store's HMAC key: the configured one, or one generated at first start and kept in the store's folder
 * (under a name no key can take, so it is never served), so that grants survive a restart.
 */
public final class SigningKey {
    static final String FILE_NAME = ".signing-key";

    private SigningKey() {}

    public static byte[] resolve(Optional<String> configured, Path dir) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            return configured.get().getBytes(StandardCharsets.UTF_8);
        }
        Path file = dir.resolve(FILE_NAME);
        try {
            String hex = KeptSecret.readOrCreate(file);
            if (hex.length() < 32) {
                throw new IllegalStateException("animops.storage.signing-key: the kept key in " + file
                        + " is shorter than 16 bytes; delete the file to have a new one generated");
            }
            return hex.getBytes(StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "animops.storage.signing-key: cannot read or create " + file + ": " + e.getMessage(), e);
        }
    }
}
