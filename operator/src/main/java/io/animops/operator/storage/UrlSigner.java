package io.animops.operator.storage;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 signatures of the local store's links: method, key, expiry (epoch seconds) and content type are
 * signed, so a link works for exactly one operation on one object until it expires.
 */
public final class UrlSigner {
    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;

    public UrlSigner(byte[] secret) {
        if (secret.length < 16) {
            throw new IllegalArgumentException(
                    "animops.storage.signing-key: at least 16 bytes are needed, got " + secret.length);
        }
        this.key = new SecretKeySpec(secret, ALGORITHM);
    }

    public String sign(String method, String objectKey, long expiresEpochSecond, String contentType) {
        String canonical =
                method + "\n" + objectKey + "\n" + expiresEpochSecond + "\n" + (contentType == null ? "" : contentType);
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available: " + e.getMessage(), e);
        }
    }

    /** Compares in constant time, so response times do not reveal how much of a forged signature matched. */
    public boolean verify(
            String method, String objectKey, long expiresEpochSecond, String contentType, String signature) {
        if (signature == null) {
            return false;
        }
        byte[] expected =
                sign(method, objectKey, expiresEpochSecond, contentType).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, signature.toLowerCase().getBytes(StandardCharsets.US_ASCII));
    }
}
