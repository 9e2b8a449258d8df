package io.animops.operator.publish;

import io.animops.crds.Conditions;
import io.animops.crds.v1alpha1.Platform;
import io.animops.crds.v1alpha1.Privacy;
import io.animops.crds.v1alpha1.Publication;
import io.animops.crds.v1alpha1.PublicationPhase;
import io.animops.operator.testing.FakeYouTube;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@EnableKubernetesMockClient(crud = true)
class YouTubePublishingTest {
    static KubernetesClient client;

    private FakeYouTube youTube;
    private PublishingHarness.TestClock clock;
    private PublishingHarness harness;
    private final PublishingHarness.Bytes video = PublishingHarness.Bytes.random(700_000);

    @BeforeEach
    void start() {
        youTube = new FakeYouTube();
        youTube.acceptRefreshToken("1//refresh-ok");
        clock = new PublishingHarness.TestClock(Instant.parse("2026-12-01T20:00:00Z"));
        harness = new PublishingHarness(client, clock, youTube, null, Map.of());
        client.resource(PublishingHarness.accountSecret("channel", FakeYouTube.CLIENT_ID, "1//refresh-ok"))
                .createOr(r -> r.update());
    }

    @AfterEach
    void stop() {
        youTube.close();
    }

    @Test
    void uploadsResumablyThenSetsTheThumbnailAndWaitsForProcessing() {
        youTube.processingPollsNeeded = 2;
        harness.create("happy", Platform.YouTube, "channel");

        Publication done = harness.advanceUntilDone("happy", video, 5);

        assertThat(done.getStatus().getPhase()).isEqualTo(PublicationPhase.Published);
        assertThat(youTube.videoCount()).isEqualTo(1);
        FakeYouTube.Video made = youTube.videos().get(done.getStatus().getExternalId());
        assertThat(made.bytes).isEqualTo(video.video());
        assertThat(made.thumbnail).isEqualTo(video.thumbnail());
        var written = Conditions.find(done.getStatus().getConditions(), "MetadataWritten")
                .orElseThrow();
        assertThat(written.getReason()).isEqualTo("FromTemplate");
        assertThat(written.getStatus()).isEqualTo("False");
        assertThat(made.resource.path("status").path("privacyStatus").asText()).isEqualTo("public");
        assertThat(made.resource.path("status").has("publishAt")).isFalse();
        assertThat(made.resource.path("status").path("selfDeclaredMadeForKids").asBoolean())
                .isFalse();
        assertThat(made.resource.path("snippet").path("categoryId").asText()).isEqualTo("24");
        assertThat(done.getStatus().getUrl()).isEqualTo("https://www.youtube.com/shorts/" + made.id);
        assertThat(done.getStatus().getPublishedAt()).isEqualTo("2026-12-01T20:00:00Z");
        assertThat(Conditions.isTrue(done.getStatus().getConditions(), io.animops.crds.ConditionTypes.THUMBNAIL_SET))
                .isTrue();
        // 700 000 bytes in 256 KiB chunks
        assertThat(youTube.chunkPuts()).isEqualTo(3);
        assertThat(harness.registry
                        .counter(PublishMetrics.PUBLICATIONS, "platform", "YouTube", "outcome", "Published")
                        .count())
                .isEqualTo(1.0);
    }

    @Test
    void aScheduledTimeAheadUploadsPrivateWithPublishAt() {
        Publication publication = harness.create("scheduled", Platform.YouTube, "channel");
        publication.getSpec().setPublishAt("2026-12-02T18:00:00Z");
        publication.getSpec().setMadeForKids(true);
        client.resource(publication).update();

        Publication done = harness.advanceUntilDone("scheduled", video, 5);

        FakeYouTube.Video made = youTube.videos().get(done.getStatus().getExternalId());
        assertThat(made.resource.path("status").path("privacyStatus").asText()).isEqualTo("private");
        assertThat(made.resource.path("status").path("publishAt").asText()).isEqualTo("2026-12-02T18:00:00Z");
        assertThat(made.resource.path("status").path("selfDeclaredMadeForKids").asBoolean())
                .isTrue();
        assertThat(done.getStatus().getPublishedAt()).isEqualTo("2026-12-02T18:00:00Z");
    }

    @Test
    void anOperatorRestartMidUploadResumesFromTheSessionAndMakesOneVideo() {
        killAfterTheFirstChunk("restart");

        // a new operator process: fresh token cache and quota ledger, status as stored
        PublishingHarness restarted = new PublishingHarness(client, clock, youTube, null, Map.of());
        Publication done = restarted.advanceUntilDone("restart", video, 5);

        assertThat(done.getStatus().getPhase()).isEqualTo(PublicationPhase.Published);
        assertThat(youTube.videoCount()).isEqualTo(1);
        assertThat(youTube.sessionsOpened()).isEqualTo(1);
        assertThat(youTube.videos().get(done.getStatus().getExternalId()).bytes).isEqualTo(video.video());
    }

    @Test
    void aSessionThatExpiredWhileTheOperatorWasDownIsReopenedAndMakesOneVideo() {
        killAfterTheFirstChunk("expired");
        youTube.expireSessions();

        PublishingHarness restarted = new PublishingHarness(client, clock, youTube, null, Map.of());
        Publication done = restarted.advanceUntilDone("expired", video, 5);

        assertThat(done.getStatus().getPhase()).isEqualTo(PublicationPhase.Published);
        assertThat(youTube.sessionsOpened()).isEqualTo(2);
        assertThat(youTube.videoCount()).isEqualTo(1);
        assertThat(youTube.videos().get(done.getStatus().getExternalId()).bytes).isEqualTo(video.video());
    }

    @Test
    void aSessionExpiringMidUploadIsReopenedInTheSameTry() {
        youTube.expireSessionAtPut.add(2);
        harness.create("midway", Platform.YouTube, "channel");

        harness.advance(harness.read("midway"), video);
        assertThat(harness.read("midway").getStatus().getExternalId()).isNotNull();
        Publication done = harness.advanceUntilDone("midway", video, 5);

        assertThat(done.getStatus().getPhase()).isEqualTo(PublicationPhase.Published);
        assertThat(youTube.sessionsOpened()).isEqualTo(2);
        assertThat(youTube.videoCount()).isEqualTo(1);
        assertThat(youTube.videos().get(done.getStatus().getExternalId()).bytes).isEqualTo(video.video());
    }

    @Test
    void aSessionLostTwiceInOneTryIsTriedAgainLaterWithAThirdOne() {
        youTube.expireSessionAtPut.addAll(List.of(2, 3));
        harness.create("twice", Platform.YouTube, "channel");

        Publication publication = harness.read("twice");
        Duration next = harness.advance(publication, video);
        publication = harness.read("twice");

        assertThat(next).isEqualTo(PublicationService.TRANSIENT_RECHECK);
        assertThat(Conditions.find(publication.getStatus().getConditions(), "Succeeded")
                        .orElseThrow()
                        .getReason())
                .isEqualTo("PlatformUnavailable");
        assertThat(publication.getStatus().getUpload().getSessionUri()).endsWith("upload_id=s2");
        Publication done = harness.advanceUntilDone("twice", video, 5);
        assertThat(done.getStatus().getPhase()).isEqualTo(PublicationPhase.Published);
        assertThat(youTube.sessionsOpened()).isEqualTo(3);
        assertThat(youTube.videoCount()).isEqualTo(1);
        assertThat(youTube.videos().get(done.getStatus().getExternalId()).bytes).isEqualTo(video.video());
    }

    /** Starts the upload and kills the "operator" once the first chunk's progress is stored. */
    private void killAfterTheFirstChunk(String name) {
        harness.create(name, Platform.YouTube, "channel");
        List<String> sessionAtFirstSave = new ArrayList<>();
        int[] putsAtFirstSave = {-1};
        int[] saves = {0};
        Publication publication = harness.read(name);
        PublicationRun run = new PublicationRun(publication, clock, p -> {
            PublicationReconciler.writeStatus(client, p);
            if (saves[0]++ == 0) {
                sessionAtFirstSave.add(p.getStatus().getUpload().getSessionUri());
                putsAtFirstSave[0] = youTube.chunkPuts();
            }
            if (p.getStatus().getUpload() != null && p.getStatus().getUpload().getBytesSent() > 0) {
                throw new IllegalStateException("operator killed");
            }
        });
        assertThatThrownBy(() -> harness.publishing.service().advance(run, () -> video))
                .hasMessage("operator killed");
        assertThat(sessionAtFirstSave).singleElement().asString().contains("upload_id=");
        assertThat(putsAtFirstSave[0]).isZero();
        Publication stored = harness.read(name);
        assertThat(stored.getStatus().getUpload().getBytesSent()).isEqualTo(256 * 1024L);
        assertThat(stored.getStatus().getPhase()).isEqualTo(PublicationPhase.Uploading);
    }

    @Test
    void aConnectionCutMidChunkResumesFromTheRangeTheSessionHolds() {
        youTube.cutNextChunkAfter = 100_000;
        harness.create("cut", Platform.YouTube, "channel");

        Publication done = harness.advanceUntilDone("cut", video, 5);

        assertThat(done.getStatus().getPhase()).isEqualTo(PublicationPhase.Published);
        assertThat(youTube.videoCount()).isEqualTo(1);
        assertThat(youTube.videos().get(done.getStatus().getExternalId()).bytes).isEqualTo(video.video());
    }

    @Test
    void missingCredentialsBlockWithoutAnyOutgoingCall() {
        harness.create("nocreds", Platform.YouTube, "absent");
        harness.create("noname", Platform.YouTube, null);

        Publication blocked = harness.advanceUntilDone("nocreds", video, 1);
        Publication unnamed = harness.advanceUntilDone("noname", video, 1);

        assertThat(blocked.getStatus().getPhase()).isEqualTo(PublicationPhase.Blocked);
        assertThat(Conditions.find(blocked.getStatus().getConditions(), "Succeeded")
                        .orElseThrow()
                        .getMessage())
                .contains("Secret studio/absent not found")
                .contains("youtube-login");
        assertThat(unnamed.getStatus().getPhase()).isEqualTo(PublicationPhase.Blocked);
        assertThat(youTube.requests()).isZero();
    }

    @Test
    void exhaustedQuotaWaitsUntilMidnightPacificWithoutCallsThenGoesOn() {
        youTube.insertsLeft = 0;
        harness.create("quota", Platform.YouTube, "channel");

        Publication publication = harness.read("quota");
        Duration wait = harness.advance(publication, video);
        publication = harness.read("quota");

        assertThat(publication.getStatus().getPhase()).isEqualTo(PublicationPhase.Pending);
        assertThat(Conditions.find(publication.getStatus().getConditions(), "Succeeded")
                        .orElseThrow()
                        .getReason())
                .isEqualTo("QuotaExhausted");
        // 20:00 UTC is 12:00 in Los Angeles: the reset is 12 hours away (08:00 UTC)
        assertThat(wait).isEqualTo(Duration.ofHours(12).plusSeconds(1));
        int calls = youTube.requests();
        clock.set(Instant.parse("2026-12-02T07:59:00Z"));
        harness.advance(publication, video);
        assertThat(youTube.requests()).isEqualTo(calls);
        assertThat(youTube.videoCount()).isZero();

        youTube.insertsLeft = 1;
        clock.set(Instant.parse("2026-12-02T08:00:01Z"));
        Publication done = harness.advanceUntilDone("quota", video, 5);
        assertThat(done.getStatus().getPhase()).isEqualTo(PublicationPhase.Published);
        assertThat(youTube.videoCount()).isEqualTo(1);
    }

    @Test
    void configuredUnitCostsCloseTheDayBeforeTheCall() {
        PublishingHarness tight = new PublishingHarness(
                client, clock, youTube, null, Map.of("animops.publish.youtube.quota.daily-units", "40"));
        tight.create("units", Platform.YouTube, "channel");

        Publication publication = tight.advanceUntilDone("units", video, 1);

        // the upload took the insert bucket; thumbnails.set (50 units) does not fit in 40
        assertThat(youTube.videoCount()).isEqualTo(1);
        assertThat(publication.getStatus().getExternalId()).isNotNull();
        assertThat(Conditions.find(publication.getStatus().getConditions(), "Succeeded")
                        .orElseThrow()
                        .getMessage())
                .contains("thumbnails")
                .contains("resets at 2026-12-02T08:00:00Z");
        assertThat(youTube.videos().values().iterator().next().thumbnail).isNull();
    }

    @Test
    void invalidGrantKeepsTheStoredRefreshTokenAndAsksForASignIn() {
        client.resource(PublishingHarness.accountSecret("revoked", FakeYouTube.CLIENT_ID, "1//revoked"))
                .createOr(r -> r.update());
        harness.create("reauth", Platform.YouTube, "revoked");

        Publication publication = harness.advanceUntilDone("reauth", video, 1);

        assertThat(publication.getStatus().getPhase()).isEqualTo(PublicationPhase.Blocked);
        var condition = Conditions.find(
                        publication.getStatus().getConditions(),
                        io.animops.crds.ConditionTypes.REAUTHORIZATION_REQUIRED)
                .orElseThrow();
        assertThat(condition.getStatus()).isEqualTo("True");
        assertThat(condition.getMessage())
                .contains("Secret studio/revoked")
                .contains("youtube-login --namespace studio --secret revoked");
        assertThat(harness.storedRefreshToken("revoked")).isEqualTo("1//revoked");
        assertThat(harness.registry
                        .get(PublishMetrics.REAUTHORIZATION)
                        .tag("secret", "studio/revoked")
                        .gauge()
                        .value())
                .isEqualTo(1.0);
        assertThat(client.resource(publication).get().toString())
                .doesNotContain("1//revoked")
                .doesNotContain("at-");
    }

    @Test
    void serverErrorsAreRetriedAndARejectionFailsWithThePlatformsReason() {
        youTube.failNext.set(2);
        youTube.rejectWith = "duplicate";
        harness.create("rejected", Platform.YouTube, "channel");

        Publication done = harness.advanceUntilDone("rejected", video, 5);

        assertThat(done.getStatus().getPhase()).isEqualTo(PublicationPhase.Failed);
        assertThat(Conditions.find(done.getStatus().getConditions(), "Succeeded")
                        .orElseThrow()
                        .getMessage())
                .contains("rejected: duplicate");
        assertThat(youTube.videoCount()).isEqualTo(1);

        // a retry goes on with the video it has: processing is asked again, nothing is uploaded twice
        youTube.rejectWith = null;
        Publication failed = harness.read("rejected");
        failed.getSpec().setRetryRequest("2026-12-01T20:05:00Z");
        client.resource(failed).update();
        Publication retried = harness.advanceUntilDone("rejected", video, 5);
        assertThat(retried.getStatus().getPhase()).isEqualTo(PublicationPhase.Published);
        assertThat(retried.getStatus().getRetryHandled()).isEqualTo("2026-12-01T20:05:00Z");
        assertThat(youTube.videoCount()).isEqualTo(1);
    }

    @Test
    void aRefusedRequestFailsWithTheApisReason() {
        Publication publication = harness.create("private-scheduled", Platform.YouTube, "channel");
        publication.getSpec().setPrivacy(Privacy.Private);
        publication.getSpec().setTitle("ok");
        client.resource(publication).update();
        youTube.failNext.set(0);

        Publication done = harness.advanceUntilDone("private-scheduled", video, 5);

        assertThat(done.getStatus().getPhase()).isEqualTo(PublicationPhase.Published);
        FakeYouTube.Video made = youTube.videos().get(done.getStatus().getExternalId());
        assertThat(made.resource.path("status").path("privacyStatus").asText()).isEqualTo("private");
    }

    @Test
    void cancelStopsAPublicationBeforeItsUpload() {
        Publication publication = harness.create("cancelled", Platform.YouTube, "channel");
        publication.getSpec().setCancelRequest("2026-12-01T19:59:00Z");
        client.resource(publication).update();

        Publication done = harness.advanceUntilDone("cancelled", video, 2);

        assertThat(done.getStatus().getPhase()).isEqualTo(PublicationPhase.Failed);
        assertThat(Conditions.find(done.getStatus().getConditions(), "Succeeded")
                        .orElseThrow()
                        .getReason())
                .isEqualTo("Cancelled");
        assertThat(youTube.requests()).isZero();
    }

    @Test
    void theManualFlowWaitsForAPersonAndRecordsTheConfirmedPost() {
        Publication publication = harness.create("by-hand", Platform.YouTube, null);
        publication.getSpec().setMode(io.animops.crds.v1alpha1.PublishMode.Manual);
        client.resource(publication).update();

        Publication waiting = harness.advanceUntilDone("by-hand", video, 1);
        assertThat(waiting.getStatus().getPhase()).isEqualTo(PublicationPhase.AwaitingManualPost);
        assertThat(waiting.getStatus().getMetadata().getTitle()).isEqualTo("Marble run falls apart in slow motion");

        io.animops.crds.v1alpha1.ManualPostConfirmation confirmation =
                new io.animops.crds.v1alpha1.ManualPostConfirmation();
        confirmation.setUrl("https://www.youtube.com/shorts/dQw4w9WgXcQ");
        confirmation.setConfirmedBy("alice");
        confirmation.setConfirmedAt("2026-12-01T20:10:00Z");
        waiting.getSpec().setConfirmation(confirmation);
        client.resource(waiting).update();
        Publication done = harness.advanceUntilDone("by-hand", video, 1);

        assertThat(done.getStatus().getPhase()).isEqualTo(PublicationPhase.Published);
        assertThat(done.getStatus().getExternalId()).isEqualTo("dQw4w9WgXcQ");
        assertThat(done.getStatus().getConfirmedBy()).isEqualTo("alice");
        assertThat(done.getStatus().getPublishedAt()).isEqualTo("2026-12-01T20:10:00Z");
        assertThat(youTube.requests()).isZero();
    }
}
