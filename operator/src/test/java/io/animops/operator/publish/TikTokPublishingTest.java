package io.animops.operator.publish;

import io.animops.crds.Conditions;
import io.animops.crds.v1alpha1.Platform;
import io.animops.crds.v1alpha1.Publication;
import io.animops.crds.v1alpha1.PublicationPhase;
import io.animops.crds.v1alpha1.TikTokPostMode;
import io.animops.operator.testing.FakeTikTok;
import io.animops.operator.testing.FakeYouTube;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@EnableKubernetesMockClient(crud = true)
class TikTokPublishingTest {
    static KubernetesClient client;

    private FakeYouTube youTube;
    private FakeTikTok tikTok;
    private PublishingHarness harness;

    @BeforeEach
    void start() {
        youTube = new FakeYouTube();
        tikTok = new FakeTikTok();
        tikTok.acceptRefreshToken("rft-initial");
        harness = new PublishingHarness(
                client,
                new PublishingHarness.TestClock(Instant.parse("2026-12-01T20:00:00Z")),
                youTube,
                tikTok,
                Map.of());
        client.resource(PublishingHarness.accountSecret("creator", FakeTikTok.CLIENT_KEY, "rft-initial"))
                .createOr(r -> r.update());
    }

    @AfterEach
    void stop() {
        youTube.close();
        tikTok.close();
    }

    @Test
    void directPostAsksCreatorInfoFirstSendsChunksAndSavesTheRotatedRefreshToken() {
        // 21 MiB in chunks of 10 MB: two chunks, the last one carrying the trailing bytes
        PublishingHarness.Bytes video = PublishingHarness.Bytes.random(21 * 1024 * 1024);
        harness.create("direct", Platform.TikTok, "creator");

        Publication done = harness.advanceUntilDone("direct", video, 3);

        assertThat(done.getStatus().getPhase()).isEqualTo(PublicationPhase.Published);
        FakeTikTok.Post post = tikTok.posts().values().iterator().next();
        assertThat(post.bytes()).isEqualTo(video.video());
        assertThat(post.chunksReceived).isEqualTo(2);
        assertThat(post.postInfo.path("privacy_level").asText()).isEqualTo("PUBLIC_TO_EVERYONE");
        // the creator turned duets off: the request keeps them off
        assertThat(post.postInfo.path("disable_duet").asBoolean()).isTrue();
        assertThat(post.postInfo.path("title").asText()).contains("Marble run").contains("#physics #marblerun");
        assertThat(done.getStatus().getExternalId()).isEqualTo(post.videoId);
        assertThat(done.getStatus().getUrl()).isEqualTo("https://www.tiktok.com/@physicsstudio/video/" + post.videoId);
        // TikTok rotated the refresh token on the refresh: the Secret holds the new one, the old one is dead
        assertThat(harness.storedRefreshToken("creator")).startsWith("rft-").isNotEqualTo("rft-initial");
        assertThat(tikTok.completedPosts()).isEqualTo(1);
    }

    @Test
    void inboxDraftEndsInTheCreatorsInbox() {
        Publication publication = harness.create("inbox", Platform.TikTok, "creator");
        publication.getSpec().setTikTokPostMode(TikTokPostMode.Inbox);
        client.resource(publication).update();

        Publication done = harness.advanceUntilDone("inbox", PublishingHarness.Bytes.random(300_000), 3);

        assertThat(done.getStatus().getPhase()).isEqualTo(PublicationPhase.Published);
        assertThat(Conditions.find(done.getStatus().getConditions(), "Succeeded")
                        .orElseThrow()
                        .getReason())
                .isEqualTo("SentToInbox");
        assertThat(tikTok.posts().values().iterator().next().inbox).isTrue();
    }

    @Test
    void anUnauditedAppPostsSelfOnlyAndSaysSo() {
        tikTok.unaudited = true;
        harness.create("unaudited", Platform.TikTok, "creator");

        Publication done = harness.advanceUntilDone("unaudited", PublishingHarness.Bytes.random(300_000), 3);

        assertThat(done.getStatus().getPhase()).isEqualTo(PublicationPhase.Published);
        var restricted = Conditions.find(
                        done.getStatus().getConditions(), io.animops.crds.ConditionTypes.PRIVACY_RESTRICTED)
                .orElseThrow();
        assertThat(restricted.getReason()).isEqualTo("UnauditedApp");
        assertThat(restricted.getMessage()).contains("SELF_ONLY instead of PUBLIC_TO_EVERYONE");
        assertThat(done.getStatus().getMetadata().getPrivacy()).isEqualTo("SELF_ONLY");
    }

    @Test
    void aCutChunkIsSentAgain() {
        tikTok.cutNextChunk = true;
        PublishingHarness.Bytes video = PublishingHarness.Bytes.random(300_000);
        harness.create("cut", Platform.TikTok, "creator");

        Publication done = harness.advanceUntilDone("cut", video, 3);

        assertThat(done.getStatus().getPhase()).isEqualTo(PublicationPhase.Published);
        assertThat(tikTok.posts().values().iterator().next().bytes()).isEqualTo(video.video());
    }

    @Test
    void aVideoLongerThanTheCreatorMayPostFailsBeforeAnyUpload() {
        tikTok.maxDurationSeconds = 15;
        harness.create("long", Platform.TikTok, "creator");

        Publication done = harness.advanceUntilDone("long", PublishingHarness.Bytes.random(300_000), 2);

        assertThat(done.getStatus().getPhase()).isEqualTo(PublicationPhase.Failed);
        assertThat(Conditions.find(done.getStatus().getConditions(), "Succeeded")
                        .orElseThrow()
                        .getReason())
                .isEqualTo("VideoTooLong");
        assertThat(tikTok.posts()).isEmpty();
    }

    @Test
    void aRefusedAccessTokenIsRefreshedOnceAndTheCallMadeAgain() {
        harness.create("first", Platform.TikTok, "creator");
        harness.advanceUntilDone("first", PublishingHarness.Bytes.random(300_000), 3);
        String afterFirst = harness.storedRefreshToken("creator");
        tikTok.revokeAccessTokens();
        harness.create("second", Platform.TikTok, "creator");

        Publication done = harness.advanceUntilDone("second", PublishingHarness.Bytes.random(300_000), 3);

        assertThat(done.getStatus().getPhase()).isEqualTo(PublicationPhase.Published);
        // the refresh rotated the token again, and the rotation is in the Secret
        assertThat(harness.storedRefreshToken("creator")).startsWith("rft-").isNotEqualTo(afterFirst);
        assertThat(tikTok.completedPosts()).isEqualTo(2);
    }

    @Test
    void anAccessTokenRefusedAgainAfterTheRefreshFailsWithTikToksReason() {
        tikTok.refuseAccessTokens = true;
        harness.create("refused", Platform.TikTok, "creator");

        Publication done = harness.advanceUntilDone("refused", PublishingHarness.Bytes.random(300_000), 2);

        assertThat(done.getStatus().getPhase()).isEqualTo(PublicationPhase.Failed);
        assertThat(Conditions.find(done.getStatus().getConditions(), "Succeeded")
                        .orElseThrow()
                        .getReason())
                .isEqualTo("AccessTokenInvalid");
        assertThat(tikTok.posts()).isEmpty();
        // refreshed twice (the first token, then once more after the refusal), each rotation saved
        assertThat(harness.storedRefreshToken("creator")).startsWith("rft-2-");
    }

    @Test
    void aRestartMidUploadGoesOnFromTheBytesTikTokHolds() {
        PublishingHarness.Bytes video = PublishingHarness.Bytes.random(21 * 1024 * 1024);
        killAfterTheFirstChunk("resumed", video);

        Publication done =
                new PublishingHarness(client, clock(), youTube, tikTok, Map.of()).advanceUntilDone("resumed", video, 3);

        assertThat(done.getStatus().getPhase()).isEqualTo(PublicationPhase.Published);
        assertThat(tikTok.posts()).hasSize(1);
        FakeTikTok.Post post = tikTok.posts().values().iterator().next();
        assertThat(post.chunksReceived).isEqualTo(2);
        assertThat(post.bytes()).isEqualTo(video.video());
    }

    @Test
    void aRestartAfterTheLastChunkBeforeItsProgressWasStoredPollsThatPostAndMakesNoOther() {
        PublishingHarness.Bytes video = PublishingHarness.Bytes.random(21 * 1024 * 1024);
        harness.create("lastchunk", Platform.TikTok, "creator");
        Publication publication = harness.read("lastchunk");
        PublicationRun run = new PublicationRun(publication, clock(), p -> {
            if (p.getStatus().getUpload().getBytesSent() == video.size()) {
                throw new IllegalStateException("operator killed");
            }
            PublicationReconciler.writeStatus(client, p);
        });
        assertThatThrownBy(() -> harness.publishing.service().advance(run, () -> video))
                .hasMessage("operator killed");
        assertThat(harness.read("lastchunk").getStatus().getUpload().getBytesSent())
                .isLessThan(video.size());

        Publication done = new PublishingHarness(client, clock(), youTube, tikTok, Map.of())
                .advanceUntilDone("lastchunk", video, 3);

        assertThat(done.getStatus().getPhase()).isEqualTo(PublicationPhase.Published);
        assertThat(tikTok.posts()).hasSize(1);
        assertThat(done.getStatus().getExternalId())
                .isEqualTo(tikTok.posts().values().iterator().next().videoId);
    }

    @Test
    void aRestartAfterTheUploadUrlExpiredStartsOverAndPostsOnce() {
        PublishingHarness.Bytes video = PublishingHarness.Bytes.random(21 * 1024 * 1024);
        killAfterTheFirstChunk("expired", video);
        tikTok.expireUploadUrls();

        Publication done =
                new PublishingHarness(client, clock(), youTube, tikTok, Map.of()).advanceUntilDone("expired", video, 3);

        assertThat(done.getStatus().getPhase()).isEqualTo(PublicationPhase.Published);
        // the first upload never got its last byte: TikTok dropped it; the second made the one post
        assertThat(tikTok.posts()).hasSize(2);
        assertThat(tikTok.completedPosts()).isEqualTo(1);
        assertThat(tikTok.posts().values().stream().filter(p -> p.videoId != null))
                .hasSize(1);
    }

    /** Starts the upload and kills the "operator" once the first chunk's progress is stored. */
    private void killAfterTheFirstChunk(String name, PublishingHarness.Bytes video) {
        harness.create(name, Platform.TikTok, "creator");
        Publication publication = harness.read(name);
        PublicationRun run = new PublicationRun(publication, clock(), p -> {
            PublicationReconciler.writeStatus(client, p);
            if (p.getStatus().getUpload().getBytesSent() > 0) {
                throw new IllegalStateException("operator killed");
            }
        });
        assertThatThrownBy(() -> harness.publishing.service().advance(run, () -> video))
                .hasMessage("operator killed");
        assertThat(harness.read(name).getStatus().getUpload().getPublishId()).isNotNull();
    }

    private PublishingHarness.TestClock clock() {
        return harness.clock;
    }

    @Test
    void chunkPlansFollowTheMediaTransferRules() {
        TikTokApi.ChunkPlan small = TikTokApi.ChunkPlan.of(3_000_000, 10_000_000);
        assertThat(small.chunkSize()).isEqualTo(3_000_000);
        assertThat(small.totalChunkCount()).isEqualTo(1);
        TikTokApi.ChunkPlan mid = TikTokApi.ChunkPlan.of(23_000_000, 10_000_000);
        assertThat(mid.totalChunkCount()).isEqualTo(2);
        assertThat(mid.length(1)).isEqualTo(13_000_000);
        TikTokApi.ChunkPlan big = TikTokApi.ChunkPlan.of(200L * 1024 * 1024, 100L * 1024 * 1024);
        assertThat(big.chunkSize()).isEqualTo(TikTokApi.MAX_CHUNK);
        assertThat(big.totalChunkCount()).isEqualTo(3);
        assertThat(big.length(2)).isLessThanOrEqualTo(128L * 1024 * 1024);
    }
}
