package io.animops.operator.auth;

import org.bouncycastle.util.encoders.Base32;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Locale;
import java.util.OptionalLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** RFC 6238 time-based one-time passwords: HMAC-SHA-1, 6 digits, 30-second steps, accepted within one step. */
public final class Totp {
    public static final int DIGITS = 6;
    public static final long STEP_SECONDS = 30;
    private static final int SECRET_BYTES = 20;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Totp() {}

    /** A new random secret (160 bits, as RFC 4226 advises), Base32 without padding. */
    public static String newSecret() {
        byte[] secret = new byte[SECRET_BYTES];
        RANDOM.nextBytes(secret);
        return Base32.toBase32String(secret).replace("=", "");
    }

    public static long step(Instant at) {
        return Math.floorDiv(at.getEpochSecond(), STEP_SECONDS);
    }

    /** The code of a time step (RFC 4226 dynamic truncation), zero-padded to {@code digits}. */
    public static String code(byte[] key, long step, int digits) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(key, "HmacSHA1"));
            byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
            int offset = h[h.length - 1] & 0x0f;
            int binary = ((h[offset] & 0x7f) << 24)
                    | ((h[offset + 1] & 0xff) << 16)
                    | ((h[offset + 2] & 0xff) << 8)
                    | (h[offset + 3] & 0xff);
            int otp = binary % (int) Math.pow(10, digits);
            return String.format(Locale.ROOT, "%0" + digits + "d", otp);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA1 is not available", e);
        }
    }

    /**
     * The step a code matches, within one step of {@code now}, and only if it is later than {@code lastUsedStep}
     * (a code already accepted, or one older than it, is refused: no replay).
     */
    public static OptionalLong match(String base32Secret, String code, Instant now, Long lastUsedStep) {
        String given = code == null ? "" : code.replace(" ", "");
        if (given.length() != DIGITS) {
            return OptionalLong.empty();
        }
        byte[] key = decode(base32Secret);
        long current = step(now);
        for (long s = current - 1; s <= current + 1; s++) {
            boolean fresh = lastUsedStep == null || s > lastUsedStep;
            // compare every candidate in constant time, and all of them, so timing tells nothing
            boolean equal = MessageDigest.isEqual(
                    code(key, s, DIGITS).getBytes(StandardCharsets.US_ASCII),
                    given.getBytes(StandardCharsets.US_ASCII));
            if (equal && fresh) {
                return OptionalLong.of(s);
            }
        }
        return OptionalLong.empty();
    }

    /** The {@code otpauth://} URI authenticator apps read from a QR code. */
    public static String uri(String issuer, String account, String base32Secret) {
        String label = enc(issuer) + ":" + enc(account);
        return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + enc(issuer)
                + "&algorithm=SHA1&digits=" + DIGITS + "&period=" + STEP_SECONDS;
    }

    static byte[] decode(String base32) {
        String padded = base32.toUpperCase(Locale.ROOT);
        while (padded.length() % 8 != 0) {
            padded += "=";
        }
        return Base32.decode(padded);
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
