package io.animops.operator.auth;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Argon2id password hashes as PHC strings ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}, Base64 without
 * padding), computed by BouncyCastle. The parameters travel in the string, so a hash made with older parameters
 * still verifies, and {@link #needsRehash} tells when to replace it.
 *
 * @param memoryKib   memory in KiB
 * @param iterations  passes over the memory
 * @param parallelism lanes
 */
public record Argon2id(int memoryKib, int iterations, int parallelism) {
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,8}),t=(\\d{1,4}),p=(\\d{1,3})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();

    /** OWASP's parameters for Argon2id, meant for 50-100 ms a hash on one core: bench/auth/run measures them. */
    public static final Argon2id DEFAULT = new Argon2id(19456, 2, 1);

    public Argon2id {
        if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1) {
            throw new IllegalArgumentException("Argon2id parameters out of range: m=" + memoryKib + ", t=" + iterations
                    + ", p=" + parallelism + " (need t >= 1, p >= 1, m >= 8p KiB)");
        }
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        byte[] hash = derive(password.getBytes(StandardCharsets.UTF_8), salt, null, null, HASH_BYTES);
        return "$argon2id$v=19$m=%d,t=%d,p=%d$%s$%s"
                .formatted(memoryKib, iterations, parallelism, B64.encodeToString(salt), B64.encodeToString(hash));
    }

    /** Whether the password matches the PHC string, with the parameters the string records. */
    public static boolean verify(String phc, String password) {
        Matcher m = PHC.matcher(phc == null ? "" : phc);
        if (!m.matches()) {
            return false;
        }
        Argon2id recorded =
                new Argon2id(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        byte[] salt = Base64.getDecoder().decode(m.group(4));
        byte[] expected = Base64.getDecoder().decode(m.group(5));
        byte[] actual = recorded.derive(password.getBytes(StandardCharsets.UTF_8), salt, null, null, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Whether the string was made with other parameters than these (or is no Argon2id PHC string at all). */
    public boolean needsRehash(String phc) {
        Matcher m = PHC.matcher(phc == null ? "" : phc);
        return !m.matches()
                || Integer.parseInt(m.group(1)) != memoryKib
                || Integer.parseInt(m.group(2)) != iterations
                || Integer.parseInt(m.group(3)) != parallelism;
    }

    /** The raw Argon2id (version 0x13) output; secret and associated data are optional (RFC 9106, 3.1). */
    byte[] derive(byte[] password, byte[] salt, byte[] secret, byte[] associatedData, int length) {
        Argon2Parameters.Builder builder = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memoryKib)
                .withIterations(iterations)
                .withParallelism(parallelism)
                .withSalt(salt);
        if (secret != null) {
            builder.withSecret(secret);
        }
        if (associatedData != null) {
            builder.withAdditional(associatedData);
        }
        Argon2BytesGenerator generator = new Argon2BytesGenerator();
        generator.init(builder.build());
        byte[] out = new byte[length];
        generator.generateBytes(password, out);
        return out;
    }
}
