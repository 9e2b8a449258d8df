package io.animops.agent.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import io.animops.crds.v1alpha1.RenderJobStatus;
import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.crds.v1alpha1.UploadGrant;
import io.animops.crds.v1alpha1.UploadGrants;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatusMergePatchTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:05Z"), ZoneOffset.UTC);

    @Test
    void sendsOnlyWhatChangedAndNamesTheResourceVersion() throws Exception {
        RenderJobStatus before =
                Jobs.held("j", "41", "mac-1", RenderPhase.Rendering).getStatus();
        UploadGrants grants = new UploadGrants();
        grants.setExpiresAt("2026-11-24T11:00:00Z");
        grants.setVideo(new UploadGrant("renders/v.mp4", "http://store/v", "video/mp4"));
        before.setUploads(grants);
        RenderJobStatus after = JobStatusWriter.copy(before);
        new StatusChanges("mac-1", CLOCK).heartbeat(after);

        JsonNode patch = Serialization.jsonMapper()
                .readTree(StatusMergePatch.body("41", before, after).orElseThrow());
        assertThat(patch.path("metadata").path("resourceVersion").asText()).isEqualTo("41");
        assertThat(patch.path("status").properties())
                .extracting(Map.Entry::getKey)
                .containsExactly("lastHeartbeat");
        assertThat(patch.path("status").path("lastHeartbeat").asText()).isEqualTo("2026-11-24T10:00:05Z");
    }

    @Test
    void clearedFieldsAreSentAsNullAndMapsAndListsAsAWhole() throws Exception {
        RenderJobStatus before =
                Jobs.held("j", "9", "mac-1", RenderPhase.Rendering).getStatus();
        before.getAgentFailures().put("mac-2", 1);
        RenderJobStatus after = JobStatusWriter.copy(before);
        new StatusChanges("mac-1", CLOCK).giveBack(after, "ffmpeg failed", 3);

        JsonNode status = Serialization.jsonMapper()
                .readTree(StatusMergePatch.body("9", before, after).orElseThrow())
                .path("status");
        assertThat(status.path("phase").asText()).isEqualTo("Pending");
        assertThat(status.get("agent").isNull()).isTrue();
        assertThat(status.get("claimedAt").isNull()).isTrue();
        assertThat(status.get("lastHeartbeat").isNull()).isTrue();
        // a nested object carries only its change: the other agent's count is kept by the merge
        assertThat(status.path("agentFailures").properties())
                .extracting(Map.Entry::getKey)
                .containsExactly("mac-1");
        assertThat(status.path("agentFailures").path("mac-1").asInt()).isEqualTo(1);
        assertThat(status.path("conditions").isArray()).isTrue();
        assertThat(status.has("script")).isFalse();
    }

    @Test
    void noChangeMeansNoPatchAndAResourceVersionIsRequired() {
        RenderJobStatus status = Jobs.pending("j", "3", Map.of()).getStatus();
        assertThat(StatusMergePatch.body("3", status, JobStatusWriter.copy(status)))
                .isEmpty();
        assertThatThrownBy(() -> StatusMergePatch.body(null, status, status))
                .hasMessageStartingWith("metadata.resourceVersion: required");
    }
}
