package io.animops.agent.upload;

import io.animops.crds.v1alpha1.UploadGrant;
import io.animops.crds.v1alpha1.UploadGrants;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class UploadGrantCheckTest {
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void grantsValidForAtLeastAMinuteMoreAreUsable() {
        assertThat(UploadGrantCheck.problem(grants("2026-11-24T10:01:00Z"), NOW))
                .isEmpty();
        assertThat(UploadGrantCheck.problem(grants("2026-11-24T10:00:59Z"), NOW))
                .hasValueSatisfying(p -> assertThat(p)
                        .startsWith("status.uploads.expiresAt: 2026-11-24T10:00:59Z is less than 60 s away"));
    }

    @Test
    void everyMissingPieceIsNamed() {
        assertThat(UploadGrantCheck.problem(null, NOW)).contains("status.uploads: not written by the operator yet");
        UploadGrants noThumbnail = grants("2026-11-24T11:00:00Z");
        noThumbnail.setThumbnail(null);
        assertThat(UploadGrantCheck.problem(noThumbnail, NOW)).contains("status.uploads.thumbnail: missing");
        UploadGrants noUrl = grants("2026-11-24T11:00:00Z");
        noUrl.getVideo().setUrl(" ");
        assertThat(UploadGrantCheck.problem(noUrl, NOW)).contains("status.uploads.video.url: missing");
        UploadGrants noKey = grants("2026-11-24T11:00:00Z");
        noKey.getThumbnail().setKey(null);
        assertThat(UploadGrantCheck.problem(noKey, NOW)).contains("status.uploads.thumbnail.key: missing");
        assertThat(UploadGrantCheck.problem(grants(null), NOW)).contains("status.uploads.expiresAt: missing");
        assertThat(UploadGrantCheck.problem(grants("tomorrow"), NOW))
                .contains("status.uploads.expiresAt: not an RFC 3339 time: \"tomorrow\"");
    }

    static UploadGrants grants(String expiresAt) {
        UploadGrants grants = new UploadGrants();
        grants.setExpiresAt(expiresAt);
        grants.setVideo(new UploadGrant("renders/ns/j/uid/video.mp4", "http://127.0.0.1:1/video", "video/mp4"));
        grants.setThumbnail(
                new UploadGrant("renders/ns/j/uid/thumbnail.jpg", "http://127.0.0.1:1/thumb", "image/jpeg"));
        return grants;
    }
}
