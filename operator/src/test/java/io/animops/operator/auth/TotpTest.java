package io.animops.operator.auth;

import org.bouncycastle.util.encoders.Base32;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class TotpTest {
    private static final byte[] RFC_KEY = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);

    @Test
    void matchesTheSha1VectorsOfRfc6238() {
        // RFC 6238, appendix B (SHA-1 column, 8 digits)
        long[][] vectors = {
            {59, 94287082},
            {1111111109, 7081804},
            {1111111111, 14050471},
            {1234567890, 89005924},
            {2000000000, 69279037},
            {20000000000L, 65353130}
        };
        for (long[] v : vectors) {
            long step = Totp.step(Instant.ofEpochSecond(v[0]));
            assertThat(Totp.code(RFC_KEY, step, 8)).as("T=" + v[0]).isEqualTo(String.format("%08d", v[1]));
        }
        assertThat(Totp.code(RFC_KEY, 1, 6)).isEqualTo("287082");
    }

    @Test
    void acceptsOneStepEitherWayAndNoMore() {
        String secret = Base32.toBase32String(RFC_KEY);
        Instant now = Instant.ofEpochSecond(1111111111);
        long step = Totp.step(now);
        byte[] key = Totp.decode(secret);
        assertThat(Totp.match(secret, Totp.code(key, step, 6), now, null)).hasValue(step);
        assertThat(Totp.match(secret, Totp.code(key, step - 1, 6), now, null)).hasValue(step - 1);
        assertThat(Totp.match(secret, Totp.code(key, step + 1, 6), now, null)).hasValue(step + 1);
        assertThat(Totp.match(secret, Totp.code(key, step - 2, 6), now, null)).isEmpty();
        assertThat(Totp.match(secret, Totp.code(key, step + 2, 6), now, null)).isEmpty();
        assertThat(Totp.match(secret, "12345", now, null)).isEmpty();
    }

    @Test
    void refusesACodeOfAStepAlreadyUsed() {
        String secret = Totp.newSecret();
        Instant now = Instant.ofEpochSecond(1_800_000_000L);
        long step = Totp.step(now);
        String code = Totp.code(Totp.decode(secret), step, 6);
        assertThat(Totp.match(secret, code, now, step))
                .as("replayed in its step")
                .isEmpty();
        assertThat(Totp.match(secret, Totp.code(Totp.decode(secret), step - 1, 6), now, step))
                .as("older")
                .isEmpty();
        assertThat(Totp.match(secret, code, now, step - 1)).hasValue(step);
    }

    @Test
    void writesAnOtpauthUri() {
        assertThat(Totp.uri("AnimOps", "ada lovelace", "JBSWY3DPEHPK3PXP"))
                .isEqualTo("otpauth://totp/AnimOps:ada%20lovelace?secret=JBSWY3DPEHPK3PXP&issuer=AnimOps"
                        + "&algorithm=SHA1&digits=6&period=30");
        assertThat(Totp.newSecret()).hasSize(32).matches("[A-Z2-7]+");
    }
}
