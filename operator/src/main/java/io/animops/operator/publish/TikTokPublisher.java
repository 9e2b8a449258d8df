package io.animops.operator.publish;

import io.animops.crds.ConditionTypes;
import io.animops.crds.Conditions;
import io.animops.crds.Reasons;
import io.animops.crds.v1alpha1.Privacy;
import io.animops.crds.v1alpha1.PublicationPhase;
import io.animops.crds.v1alpha1.PublicationSpec;
import io.animops.crds.v1alpha1.PublicationStatus;
import io.animops.crds.v1alpha1.PublicationUpload;
import io.animops.crds.v1alpha1.TikTokPostMode;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Publishing to TikTok: creator_info/query first (its privacy options, maximum duration and interaction settings
 * decide the request), then a direct post or an inbox draft, the file in chunks, and status/fetch with backoff.
 * An upload cut by a restart goes on from the bytes TikTok holds, or starts again with a new init when its upload URL
 * expired: TikTok makes no post before the last byte, so neither posts twice.
 */
public class TikTokPublisher {
    private static final int STATUS_POLLS = 6;

    private final TikTokApi api;
    private final OAuthClient oauth;
    private final AccessTokens tokens;
    private final long preferredChunkBytes;
    private final Duration statusRecheck;

    public TikTokPublisher(
            TikTokApi api, OAuthClient oauth, AccessTokens tokens, long preferredChunkBytes, Duration statusRecheck) {
        this.api = api;
        this.oauth = oauth;
        this.tokens = tokens;
        this.preferredChunkBytes = preferredChunkBytes;
        this.statusRecheck = statusRecheck;
    }

    public Duration advance(PublicationRun run, PlatformAccount account, MediaSource media) {
        PublicationUpload upload = run.status().getUpload();
        String username = null;
        if (upload == null || upload.getPublishId() == null) {
            username = upload(run, account, media);
        } else if (upload.getTotalBytes() == null || !upload.getTotalBytes().equals(upload.getBytesSent())) {
            username = resume(run, account, media);
        }
        return poll(run, account, username);
    }

    private String upload(PublicationRun run, PlatformAccount account, MediaSource media) {
        PublicationSpec spec = run.publication().getSpec();
        PublicationStatus status = run.status();
        TikTokApi.CreatorInfo creator = withToken(account, api::creatorInfo);
        Double duration = media.durationSeconds();
        if (duration != null
                && creator.maxVideoPostDurationSeconds() > 0
                && duration > creator.maxVideoPostDurationSeconds()) {
            throw new PlatformException(
                    PlatformException.Kind.FAILED,
                    200,
                    Reasons.VIDEO_TOO_LONG,
                    "the video lasts " + duration + " s; the creator can post at most "
                            + creator.maxVideoPostDurationSeconds() + " s (creator_info)");
        }
        TikTokApi.ChunkPlan plan = TikTokApi.ChunkPlan.of(media.size(), preferredChunkBytes);
        TikTokApi.Init init;
        if (spec.getTikTokPostMode() == TikTokPostMode.Inbox) {
            status.getMetadata().setPrivacy("chosen by the creator in the app");
            init = withToken(account, token -> api.inboxDraft(token, plan));
        } else {
            String privacy = privacyLevel(run, creator);
            try {
                init = withToken(account, token -> api.directPost(token, postInfo(run, creator, privacy), plan));
            } catch (PlatformException e) {
                if (!TikTokApi.UNAUDITED.equals(e.reason()) || TikTokApi.SELF_ONLY.equals(privacy)) {
                    throw e;
                }
                restricted(run, privacy, "TikTok answered " + TikTokApi.UNAUDITED);
                init = withToken(
                        account, token -> api.directPost(token, postInfo(run, creator, TikTokApi.SELF_ONLY), plan));
            }
        }
        PublicationUpload upload = new PublicationUpload();
        upload.setPublishId(init.publishId());
        upload.setSessionUri(init.uploadUrl().toString());
        upload.setTotalBytes(plan.videoSize());
        upload.setBytesSent(0L);
        upload.setPercent(0);
        status.setUpload(upload);
        run.phase(
                PublicationPhase.Uploading,
                Reasons.UPLOADING,
                "sending " + plan.totalChunkCount() + " chunk(s) for publish id " + init.publishId());
        run.save();
        sendChunks(run, init, media, plan, 0);
        return creator.username();
    }

    /**
     * An upload a restart interrupted. TikTok is asked what it holds (status/fetch): past PROCESSING_UPLOAD every
     * byte arrived and the post is only polled, never started again; otherwise the chunks go on from the bytes it
     * holds (chunks are sequential) to the stored upload URL. When that URL no longer takes them (it lives an hour),
     * a new init starts over: TikTok makes no post of an upload whose last byte never came.
     */
    private String resume(PublicationRun run, PlatformAccount account, MediaSource media) {
        PublicationUpload upload = run.status().getUpload();
        TikTokApi.PublishStatus state = withToken(account, token -> api.status(token, upload.getPublishId()));
        if (!TikTokApi.PROCESSING_UPLOAD.equals(state.status())) {
            upload.setBytesSent(upload.getTotalBytes());
            upload.setPercent(100);
            run.save();
            return null;
        }
        TikTokApi.ChunkPlan plan = TikTokApi.ChunkPlan.of(media.size(), preferredChunkBytes);
        long held = state.uploadedBytes();
        int next = (int) (held / plan.chunkSize());
        if (upload.getSessionUri() == null
                || plan.videoSize() != upload.getTotalBytes()
                || next >= plan.totalChunkCount()
                || plan.start(next) != held) {
            return upload(run, account, media);
        }
        try {
            sendChunks(
                    run,
                    new TikTokApi.Init(upload.getPublishId(), java.net.URI.create(upload.getSessionUri())),
                    media,
                    plan,
                    next);
        } catch (PlatformException e) {
            if (!Reasons.CHUNK_REFUSED.equals(e.reason())) {
                throw e;
            }
            return upload(run, account, media);
        }
        return null;
    }

    private void sendChunks(
            PublicationRun run, TikTokApi.Init init, MediaSource media, TikTokApi.ChunkPlan plan, int from) {
        PublicationUpload upload = run.status().getUpload();
        for (int index = from; index < plan.totalChunkCount(); index++) {
            sendWithRetry(init, media, plan, index);
            long sent = plan.start(index) + plan.length(index);
            upload.setBytesSent(sent);
            upload.setPercent((int) (100 * sent / plan.videoSize()));
            run.phase(
                    PublicationPhase.Uploading,
                    Reasons.UPLOADING,
                    "uploaded " + sent + " of " + plan.videoSize() + " bytes");
            run.save();
        }
    }

    /** A call with the account's access token, refreshed once when TikTok answers access_token_invalid. */
    private <T> T withToken(PlatformAccount account, java.util.function.Function<String, T> call) {
        return tokens.withRefreshOnRefusal(account, oauth, TikTokApi.ACCESS_TOKEN_INVALID, call);
    }

    private void sendWithRetry(TikTokApi.Init init, MediaSource media, TikTokApi.ChunkPlan plan, int index) {
        for (int attempt = 1; ; attempt++) {
            try {
                api.sendChunk(init.uploadUrl(), media, plan, index);
                return;
            } catch (IOException e) {
                if (attempt >= api.retry().maxAttempts()) {
                    throw new PlatformException(
                            PlatformException.Kind.TRANSIENT,
                            0,
                            "UploadInterrupted",
                            "chunk " + (index + 1) + " of " + plan.totalChunkCount() + " failed " + attempt + " times: "
                                    + e.getMessage());
                }
                api.retry().pause(attempt);
            }
        }
    }

    private Duration poll(PublicationRun run, PlatformAccount account, String knownUsername) {
        PublicationStatus status = run.status();
        String publishId = status.getUpload().getPublishId();
        for (int attempt = 1; ; attempt++) {
            TikTokApi.PublishStatus answer = withToken(account, token -> api.status(token, publishId));
            switch (answer.status()) {
                case "PUBLISH_COMPLETE" -> {
                    String postId =
                            answer.postIds().isEmpty() ? null : answer.postIds().get(0);
                    status.setExternalId(postId != null ? postId : publishId);
                    String username = knownUsername != null
                            ? knownUsername
                            : withToken(account, api::creatorInfo).username();
                    status.setUrl(postId == null ? null : "https://www.tiktok.com/@" + username + "/video/" + postId);
                    status.setPublishedAt(Conditions.now(run.clock()));
                    run.phase(
                            PublicationPhase.Published,
                            Reasons.PUBLISHED,
                            postId != null
                                    ? "posted as video " + postId
                                    : "posted (publish id " + publishId
                                            + "); TikTok gives no public id for a post only its creator sees");
                    return null;
                }
                case "SEND_TO_USER_INBOX" -> {
                    status.setExternalId(publishId);
                    status.setPublishedAt(Conditions.now(run.clock()));
                    run.phase(
                            PublicationPhase.Published,
                            Reasons.SENT_TO_INBOX,
                            "draft " + publishId
                                    + " is in the creator's TikTok inbox; they finish the post in the app");
                    return null;
                }
                case "FAILED" ->
                    throw new PlatformException(
                            PlatformException.Kind.FAILED,
                            200,
                            answer.failReason() == null ? Reasons.PUBLISH_FAILED : answer.failReason(),
                            "TikTok failed the post: " + answer.failReason());
                default -> run.phase(PublicationPhase.Processing, Reasons.PROCESSING, "TikTok: " + answer.status());
            }
            if (attempt >= STATUS_POLLS) {
                return statusRecheck;
            }
            api.retry().pause(attempt);
        }
    }

    /** The privacy asked for, if the creator's options have it; else SELF_ONLY when that is all there is. */
    private String privacyLevel(PublicationRun run, TikTokApi.CreatorInfo creator) {
        String wanted = switch (run.publication().getSpec().getPrivacy() == null
                ? Privacy.Private
                : run.publication().getSpec().getPrivacy()) {
            case Public -> "PUBLIC_TO_EVERYONE";
            case Unlisted -> "FOLLOWER_OF_CREATOR";
            case Private, SelfOnly -> TikTokApi.SELF_ONLY;
        };
        List<String> options = creator.privacyLevelOptions();
        if (options.contains(wanted)) {
            run.status().getMetadata().setPrivacy(wanted);
            return wanted;
        }
        if (options.equals(List.of(TikTokApi.SELF_ONLY))) {
            restricted(run, wanted, "creator_info offers only SELF_ONLY");
            return TikTokApi.SELF_ONLY;
        }
        throw new PlatformException(
                PlatformException.Kind.FAILED,
                200,
                Reasons.PRIVACY_LEVEL_UNAVAILABLE,
                "spec.privacy: " + wanted + " is not among the creator's privacy options " + options);
    }

    private static void restricted(PublicationRun run, String wanted, String why) {
        run.status().getMetadata().setPrivacy(TikTokApi.SELF_ONLY);
        run.condition(
                ConditionTypes.PRIVACY_RESTRICTED,
                Conditions.TRUE,
                Reasons.UNAUDITED_APP,
                "posted SELF_ONLY instead of " + wanted + ": " + why
                        + "; TikTok lets an app that has not passed its audit post only privately");
    }

    private static Map<String, Object> postInfo(PublicationRun run, TikTokApi.CreatorInfo creator, String privacy) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("title", run.status().getMetadata().getCaption());
        info.put("privacy_level", privacy);
        // what the creator has turned off stays off; nothing is enabled beyond their settings
        info.put("disable_comment", creator.commentDisabled());
        info.put("disable_duet", creator.duetDisabled());
        info.put("disable_stitch", creator.stitchDisabled());
        return info;
    }
}
