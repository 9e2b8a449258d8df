package io.animops.operator.auth;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class Argon2idTest {
    private static byte[] filled(int length, int value) {
        byte[] b = new byte[length];
        Arrays.fill(b, (byte) value);
        return b;
    }

    @Test
    void matchesTheKnownAnswerOfRfc9106() {
        // RFC 9106, 5.3: Argon2id, m=32 KiB, t=3, p=4, 32-byte tag
        byte[] tag = new Argon2id(32, 3, 4).derive(filled(32, 1), filled(16, 2), filled(8, 3), filled(12, 4), 32);
        assertThat(HexFormat.of().formatHex(tag))
                .isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
    }

    @Test
    void recordsItsParametersAndVerifiesWithThem() {
        Argon2id small = new Argon2id(64, 1, 1);
        String phc = small.hash("correct horse");
        assertThat(phc).startsWith("$argon2id$v=19$m=64,t=1,p=1$");
        assertThat(Argon2id.verify(phc, "correct horse")).isTrue();
        assertThat(Argon2id.verify(phc, "correct horsE")).isFalse();
        assertThat(small.hash("correct horse"))
                .as("salted: a new string each time")
                .isNotEqualTo(phc);
    }

    @Test
    void asksForARehashWhenTheParametersChanged() {
        String phc = new Argon2id(64, 1, 1).hash("pw");
        assertThat(new Argon2id(64, 1, 1).needsRehash(phc)).isFalse();
        assertThat(new Argon2id(128, 1, 1).needsRehash(phc)).isTrue();
        assertThat(new Argon2id(64, 2, 1).needsRehash(phc)).isTrue();
        assertThat(Argon2id.DEFAULT.needsRehash("$2a$10$bcrypt")).isTrue();
    }

    @Test
    void refusesGarbageAndBadParameters() {
        assertThat(Argon2id.verify("not a hash", "pw")).isFalse();
        assertThat(Argon2id.verify(null, "pw")).isFalse();
        assertThatThrownBy(() -> new Argon2id(4, 1, 1)).hasMessageContaining("m=4");
    }
}
