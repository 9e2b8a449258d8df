package io.animops.operator.storage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SigningKeyTest {
    @TempDir
    Path dir;

    @Test
    void aGeneratedKeyIsKeptSoThatARestartStillHonoursIssuedGrants() throws Exception {
        byte[] first = SigningKey.resolve(Optional.empty(), dir);
        byte[] afterRestart = SigningKey.resolve(Optional.empty(), dir);
        assertThat(afterRestart).isEqualTo(first);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(SigningKey.FILE_NAME))))
                .isEqualTo("rw-------");

        String signature = new UrlSigner(first).sign("PUT", "renders/a/b/c/video.mp4", 1_900_000_000L, "video/mp4");
        assertThat(new UrlSigner(afterRestart)
                        .verify("PUT", "renders/a/b/c/video.mp4", 1_900_000_000L, "video/mp4", signature))
                .isTrue();
        assertThat(new UrlSigner(afterRestart)
                        .verify("GET", "renders/a/b/c/video.mp4", 1_900_000_000L, "video/mp4", signature))
                .isFalse();
        // the kept key is never a valid object key, so the store never serves it
        assertThat(ArtifactKeys.problem(SigningKey.FILE_NAME)).isPresent();
    }

    @Test
    void aConfiguredKeyWinsAndMustNotBeTooShort() {
        assertThat(SigningKey.resolve(Optional.of("a-configured-signing-key-of-some-length"), dir))
                .isEqualTo("a-configured-signing-key-of-some-length".getBytes(StandardCharsets.UTF_8));
        assertThat(dir.resolve(SigningKey.FILE_NAME)).doesNotExist();
        assertThatThrownBy(() -> new UrlSigner("short".getBytes(StandardCharsets.UTF_8)))
                .hasMessageStartingWith("animops.storage.signing-key:");
    }

    @Test
    void aDamagedKeptKeyIsAnErrorNamingTheFile() throws Exception {
        Files.writeString(dir.resolve(SigningKey.FILE_NAME), "abc");
        assertThatThrownBy(() -> SigningKey.resolve(Optional.empty(), dir))
                .hasMessageContaining(dir.resolve(SigningKey.FILE_NAME).toString())
                .hasMessageContaining("delete the file");
    }
}
