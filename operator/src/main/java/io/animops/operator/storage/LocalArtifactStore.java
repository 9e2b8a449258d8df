package io.animops.operator.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;

/**
 * Objects as files under a folder, at their key. Links point at the operator's own endpoints and are signed with
 * an HMAC key ({@link UrlSigner}); uploads land in a temporary file that is moved into place only when complete.
 */
public class LocalArtifactStore implements ArtifactStore {
    public static final String UPLOAD_PATH = "/api/v1/uploads/";
    public static final String DOWNLOAD_PATH = "/api/v1/artifacts/";
    private static final int BUFFER = 64 * 1024;

    private final Path root;
    private final UrlSigner signer;
    private final String publicUrl;

    public LocalArtifactStore(Path root, UrlSigner signer, String publicUrl) {
        this.root = root.toAbsolutePath().normalize();
        this.signer = signer;
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
    }

    public UrlSigner signer() {
        return signer;
    }

    @Override
    public URI presignPut(String key, String contentType, Instant expiresAt) {
        return link(UPLOAD_PATH, "PUT", key, contentType, expiresAt);
    }

    @Override
    public URI presignGet(String key, Instant expiresAt) {
        return link(DOWNLOAD_PATH, "GET", key, null, expiresAt);
    }

    private URI link(String path, String method, String key, String contentType, Instant expiresAt) {
        long expires = expiresAt.getEpochSecond();
        return URI.create(publicUrl + path + checked(key) + "?expires=" + expires + "&signature="
                + signer.sign(method, key, expires, contentType));
    }

    @Override
    public boolean exists(String key) {
        return Files.isRegularFile(file(key));
    }

    @Override
    public boolean delete(String key) {
        try {
            return Files.deleteIfExists(file(key));
        } catch (IOException e) {
            throw new StorageException("could not delete " + key + " from " + root + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String describe() {
        return "local:" + root;
    }

    /** The file of a stored object, if there is one. */
    public Optional<Path> find(String key) {
        Path file = file(key);
        return Files.isRegularFile(file) ? Optional.of(file) : Optional.empty();
    }

    /**
     * Stores the stream's bytes at the key: written to a temporary file beside the target and moved over it only
     * after the last byte, so readers see the old object or the complete new one, never a part.
     *
     * @throws TooLarge when the stream holds more than maxBytes (nothing is stored)
     */
    public Stored write(String key, InputStream body, long maxBytes) throws IOException, TooLarge {
        Path target = file(key);
        Files.createDirectories(target.getParent());
        // a leading dot: no valid key names it, so a part left by a crash is never served
        Path part = target.resolveSibling("." + target.getFileName() + "." + UUID.randomUUID() + ".part");
        MessageDigest sha256 = sha256();
        long written = 0;
        try {
            try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    OutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), sha256)) {
                byte[] buffer = new byte[BUFFER];
                int n;
                while ((n = body.read(buffer)) != -1) {
                    written += n;
                    if (written > maxBytes) {
                        throw new TooLarge(maxBytes);
                    }
                    out.write(buffer, 0, n);
                }
                out.flush();
                channel.force(true);
            }
            moveIntoPlace(part, target);
            return new Stored(key, written, HexFormat.of().formatHex(sha256.digest()));
        } finally {
            Files.deleteIfExists(part);
        }
    }

    private static void moveIntoPlace(Path part, Path target) throws IOException {
        try {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            // same folder, so this only happens on exotic file systems: still never a partial file at the key
            Files.move(part, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private Path file(String key) {
        Path file = root.resolve(checked(key)).normalize();
        if (!file.startsWith(root)) {
            throw new IllegalArgumentException("key: " + key + " leaves the store's folder");
        }
        return file;
    }

    private static String checked(String key) {
        ArtifactKeys.problem(key).ifPresent(problem -> {
            throw new IllegalArgumentException("key: " + problem);
        });
        return key;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What an upload stored. */
    public record Stored(String key, long bytes, String sha256) {}

    /** The upload is larger than the store accepts. */
    public static class TooLarge extends Exception {
        public final long maxBytes;

        TooLarge(long maxBytes) {
            super("the upload is larger than the limit of " + maxBytes + " bytes (animops.storage.max-upload-bytes)");
            this.maxBytes = maxBytes;
        }
    }
}
