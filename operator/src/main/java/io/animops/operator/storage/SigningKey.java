package io.animops.operator.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The local store's HMAC key: the configured one, or one generated at first start and kept in the store's folder
 * (under a name no key can take, so it is never served), so that grants survive a restart.
 */
public final class SigningKey {
    static final String FILE_NAME = ".signing-key";

    private SigningKey() {
    }

    public static byte[] resolve(Optional<String> configured, Path dir) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            return configured.get().getBytes(StandardCharsets.UTF_8);
        }
        Path file = dir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            String hex = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (hex.length() < 32) {
                throw new IllegalStateException("animops.storage.signing-key: the kept key in " + file
                        + " is shorter than 16 bytes; delete the file to have a new one generated");
            }
            return hex.getBytes(StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("animops.storage.signing-key: cannot read or create " + file + ": " + e.getMessage(), e);
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        Path part = file.resolveSibling(FILE_NAME + "." + ProcessHandle.current().pid() + ".part");
        Files.writeString(part, HexFormat.of().formatHex(secret), StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(part, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own permissions protect it
        }
        try {
            // no REPLACE_EXISTING: when two replicas start at once, the first key wins and both read it
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(part);
        }
    }
}
