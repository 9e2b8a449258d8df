package io.animops.agent.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.animops.crds.Conditions;
import io.animops.crds.v1alpha1.JobDesignSystem;
import io.animops.crds.v1alpha1.Provenance;
import io.animops.crds.v1alpha1.RenderJobStatus;
import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.crds.v1alpha1.ScriptError;
import io.animops.crds.v1alpha1.UploadGrants;
import io.fabric8.kubernetes.api.model.Condition;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StatusChangesTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:05Z"), ZoneOffset.UTC);
    private final StatusChanges changes = new StatusChanges("mac-1", CLOCK);

    @Test
    void givingBackCountsAFailureAndClearsTheClaimUntilTheClaimLimit() {
        RenderJobStatus status =
                Jobs.held("j", "1", "mac-1", RenderPhase.Encoding).getStatus();
        changes.giveBack(status, "ffmpeg exited with 1", 3);
        assertThat(status.getPhase()).isEqualTo(RenderPhase.Pending);
        assertThat(status.getAgent()).isNull();
        assertThat(status.getClaimedAt()).isNull();
        assertThat(status.getLastHeartbeat()).isNull();
        assertThat(status.getAgentFailures()).containsEntry("mac-1", 1);
        Condition succeeded = succeeded(status);
        assertThat(succeeded.getStatus()).isEqualTo(Conditions.UNKNOWN);
        assertThat(succeeded.getReason()).isEqualTo("AgentFailed");
        assertThat(succeeded.getMessage()).contains("ffmpeg exited with 1", "claim 1 of 3");

        RenderJobStatus third =
                Jobs.held("j", "1", "mac-1", RenderPhase.Uploading).getStatus();
        third.setAttempts(3);
        changes.giveBack(third, "upload failed", 3);
        assertThat(third.getPhase()).isEqualTo(RenderPhase.Failed);
        assertThat(succeeded(third).getStatus()).isEqualTo(Conditions.FALSE);
        assertThat(succeeded(third).getReason()).isEqualTo("AgentFailed");
        assertThat(succeeded(third).getMessage()).contains("claimed 3 of 3 times, giving up");
    }

    @Test
    void aShutdownHandsTheJobBackWithoutCountingAFailure() {
        RenderJobStatus status =
                Jobs.held("j", "1", "mac-1", RenderPhase.Rendering).getStatus();
        changes.handBackOnShutdown(status);
        assertThat(status.getPhase()).isEqualTo(RenderPhase.Pending);
        assertThat(status.getAgent()).isNull();
        assertThat(status.getAgentFailures()).isEmpty();
        assertThat(succeeded(status).getReason()).isEqualTo("AgentShutdown");
    }

    @Test
    void scriptErrorsAndTimeoutsFailTheJobWithTheirReason() {
        RenderJobStatus status =
                Jobs.held("j", "1", "mac-1", RenderPhase.Validating).getStatus();
        changes.scriptInvalid(
                status,
                List.of(new ScriptError(
                        ScriptError.Stage.physics,
                        "godot.runtime",
                        34,
                        null,
                        "Invalid call. Nonexistent function 'foo'")));
        assertThat(status.getPhase()).isEqualTo(RenderPhase.Failed);
        assertThat(status.getErrors()).hasSize(1);
        assertThat(succeeded(status).getReason()).isEqualTo("ScriptInvalid");
        assertThat(succeeded(status).getMessage()).contains("physics line 34: Invalid call");

        RenderJobStatus slow =
                Jobs.held("k", "1", "mac-1", RenderPhase.Rendering).getStatus();
        changes.timedOut(slow, "spec.timeoutSeconds (30 s) passed while rendering");
        assertThat(slow.getPhase()).isEqualTo(RenderPhase.Failed);
        assertThat(succeeded(slow).getReason()).isEqualTo("RenderTimeout");
        assertThat(succeeded(slow).getStatus()).isEqualTo(Conditions.FALSE);
    }

    @Test
    void aClaimCountsTheAttemptAndSaysWhoClaimed() {
        RenderJobStatus status = Jobs.pending("j", "1", java.util.Map.of()).getStatus();
        status.setAttempts(1);
        changes.claim(status);
        assertThat(status.getAttempts()).isEqualTo(2);
        assertThat(Conditions.find(status.getConditions(), "Scheduled")
                        .orElseThrow()
                        .getStatus())
                .isEqualTo(Conditions.TRUE);
        assertThat(succeeded(status).getMessage()).isEqualTo("claimed by agent mac-1 (claim 2)");
    }

    @Test
    void aSucceededJobNoLongerCarriesWhatItRenderedNorItsGrantsButItsDigestAndVersions() throws Exception {
        RenderJobStatus before =
                Jobs.held("j", "7", "mac-1", RenderPhase.Uploading).getStatus();
        before.setDesignSystem(new JobDesignSystem("v3", "{\"palette\":{}}"));
        before.setUploads(new UploadGrants());
        before.getUploads().setExpiresAt("2026-12-03T10:32:50Z");
        RenderJobStatus after = JobStatusWriter.copy(before);
        Provenance provenance = new Provenance();
        provenance.setWallSeconds(1.5);

        changes.succeeded(after, null, null, provenance);

        assertThat(after.getPhase()).isEqualTo(RenderPhase.Succeeded);
        assertThat(after.getScript().getSource()).isNull();
        assertThat(after.getScript().getSha256()).isEqualTo(before.getScript().getSha256());
        assertThat(after.getScript().getContractVersion()).isEqualTo("contract-v1");
        assertThat(after.getDesignSystem().getJson()).isNull();
        assertThat(after.getDesignSystem().getVersion()).isEqualTo("v3");
        assertThat(after.getUploads()).as("the upload grants are spent").isNull();
        // the one write of the outcome removes them from the stored job too
        JsonNode patch = new ObjectMapper()
                .readTree(StatusMergePatch.body("7", before, after).orElseThrow())
                .path("status");
        assertThat(patch.path("script").path("source").isNull()).isTrue();
        assertThat(patch.path("script").has("sha256")).isFalse();
        assertThat(patch.path("designSystem").path("json").isNull()).isTrue();
        assertThat(patch.path("uploads").isNull()).isTrue();
    }

    private static Condition succeeded(RenderJobStatus status) {
        return Conditions.find(status.getConditions(), "Succeeded").orElseThrow();
    }
}
