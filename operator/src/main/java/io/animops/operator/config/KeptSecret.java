package io.animops.operator.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * A random secret made at first start and kept in a file readable by its owner only, so that what was handed out
 * with it (signed links, a token) survives restarts.
 */
public final class KeptSecret {
    private static final int BYTES = 32;

    private KeptSecret() {}

    /** The file's content (trimmed), after writing 32 random bytes as hex into it if it did not exist. */
    public static String readOrCreate(Path file) throws IOException {
        if (!Files.exists(file)) {
            create(file);
        }
        return Files.readString(file, StandardCharsets.US_ASCII).trim();
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] secret = new byte[BYTES];
        new SecureRandom().nextBytes(secret);
        Path part = file.resolveSibling(
                file.getFileName() + "." + ProcessHandle.current().pid() + ".part");
        Files.writeString(part, HexFormat.of().formatHex(secret), StandardCharsets.US_ASCII);
        try {
            Files.setPosixFilePermissions(part, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the folder's own permissions protect it
        }
        try {
            // no REPLACE_EXISTING: when two processes start at once, the first secret wins and both read it
            Files.move(part, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException e) {
            Files.deleteIfExists(part);
        }
    }
}
