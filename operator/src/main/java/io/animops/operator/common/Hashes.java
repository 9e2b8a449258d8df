package io.animops.operator.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The one SHA-256 of a text: scripts, canonical documents, prompt templates and request names hash with it. */
public final class Hashes {
    private Hashes() {}

    /** Lower-case hex SHA-256 of the text's UTF-8 bytes. */
    public static String sha256(String text) {
        return HexFormat.of().formatHex(digest(text));
    }

    /** The first {@code bytes} bytes of the SHA-256, as lower-case hex (twice as many digits). */
    public static String sha256Prefix(String text, int bytes) {
        return HexFormat.of().formatHex(digest(text), 0, bytes);
    }

    /** The SHA-256 of the text's UTF-8 bytes, as bytes (for encodings other than hex, e.g. PKCE's base64url). */
    public static byte[] digest(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
