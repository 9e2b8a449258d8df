package io.animops.operator.publish;

import io.animops.crds.ConditionTypes;
import io.animops.crds.Conditions;
import io.animops.crds.Reasons;
import io.animops.crds.v1alpha1.Privacy;
import io.animops.crds.v1alpha1.PublicationPhase;
import io.animops.crds.v1alpha1.PublicationSpec;
import io.animops.crds.v1alpha1.PublicationStatus;
import io.animops.crds.v1alpha1.PublicationUpload;
import io.animops.crds.v1alpha1.PublishedMetadata;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Publishing to YouTube: a resumable upload whose session URI is stored before the first byte and whose video id
 * is stored as soon as the final answer comes (a publication with a video id never uploads again), then the
 * custom thumbnail, then videos.list until the video is processed.
 */
public class YouTubePublisher {
    private static final String DEFAULT_CATEGORY = "24";

    private final YouTubeApi api;
    private final OAuthClient oauth;
    private final AccessTokens tokens;
    private final YouTubeQuota quota;
    private final int chunkBytes;
    private final Duration processingRecheck;

    /**
     * @param chunkBytes bytes per PUT, a multiple of 256 KiB as the resumable protocol requires (but the last)
     */
    public YouTubePublisher(
            YouTubeApi api,
            OAuthClient oauth,
            AccessTokens tokens,
            YouTubeQuota quota,
            int chunkBytes,
            Duration processingRecheck) {
        if (chunkBytes <= 0 || chunkBytes % (256 * 1024) != 0) {
            throw new IllegalArgumentException("animops.publish.youtube.chunk-bytes: " + chunkBytes
                    + " is not a positive multiple of 262144 (256 KiB), as YouTube's resumable upload requires");
        }
        this.api = api;
        this.oauth = oauth;
        this.tokens = tokens;
        this.quota = quota;
        this.chunkBytes = chunkBytes;
        this.processingRecheck = processingRecheck;
    }

    /** Advances the publication as far as it goes now; answers when to look again (null: done). */
    public Duration advance(PublicationRun run, PlatformAccount account, MediaSource media) {
        try {
            return advanceWithin(run, account, media);
        } catch (PlatformException e) {
            if (e.kind() == PlatformException.Kind.QUOTA) {
                throw quota.exhausted(account.quotaProject());
            }
            throw e;
        }
    }

    private Duration advanceWithin(PublicationRun run, PlatformAccount account, MediaSource media) {
        PublicationStatus status = run.status();
        if (status.getExternalId() == null) {
            upload(run, account, media);
        }
        if (!Conditions.isTrue(status.getConditions(), ConditionTypes.THUMBNAIL_SET)) {
            byte[] thumbnail = readThumbnail(media);
            if (thumbnail != null) {
                quota.charge(account.quotaProject(), YouTubeQuota.Call.THUMBNAILS_SET);
                api.setThumbnail(token(account), status.getExternalId(), thumbnail);
                run.condition(
                        ConditionTypes.THUMBNAIL_SET,
                        Conditions.TRUE,
                        Reasons.THUMBNAIL_SET,
                        "custom thumbnail uploaded with thumbnails.set");
            } else {
                run.condition(
                        ConditionTypes.THUMBNAIL_SET,
                        Conditions.FALSE,
                        Reasons.NO_THUMBNAIL,
                        "the final render has no thumbnail");
            }
            run.save();
        }
        quota.charge(account.quotaProject(), YouTubeQuota.Call.VIDEOS_LIST);
        YouTubeApi.Processing processing = api.processing(token(account), status.getExternalId());
        String failure = processing.failure();
        if (failure != null) {
            throw new PlatformException(PlatformException.Kind.FAILED, 200, Reasons.PROCESSING_FAILED, failure);
        }
        if (!processing.processed()) {
            run.phase(
                    PublicationPhase.Processing,
                    Reasons.PROCESSING,
                    "YouTube is processing video " + status.getExternalId() + " (" + processing.uploadStatus() + ", "
                            + processing.processingStatus() + ")");
            return processingRecheck;
        }
        // visible from the scheduled time when that is still ahead, else from now
        String publishAt = scheduledPublishAt(run);
        status.setPublishedAt(publishAt != null ? publishAt : Conditions.now(run.clock()));
        status.setUpload(null);
        run.phase(
                PublicationPhase.Published,
                Reasons.PUBLISHED,
                "video " + status.getExternalId() + " is processed"
                        + (publishAt != null ? "; YouTube makes it public at " + publishAt : ""));
        return null;
    }

    private void upload(PublicationRun run, PlatformAccount account, MediaSource media) {
        PublicationStatus status = run.status();
        long size = media.size();
        boolean reopened = false;
        UploadPosition position;
        if (status.getUpload() == null || status.getUpload().getSessionUri() == null) {
            position = openSession(run, account, media, "resumable upload session opened");
        } else {
            try {
                position = ask(account, URI.create(status.getUpload().getSessionUri()), size);
            } catch (YouTubeApi.SessionGoneException e) {
                reopened = true;
                position = openSession(
                        run,
                        account,
                        media,
                        "the stored upload session was gone (" + e.getMessage() + "); a new one was opened");
            }
        }
        int interruptions = 0;
        while (!position.done()) {
            PublicationUpload upload = status.getUpload();
            URI session = URI.create(upload.getSessionUri());
            long length = Math.min(chunkBytes, size - position.next());
            try {
                YouTubeApi.UploadState state = api.sendChunk(token(account), session, media, position.next(), length);
                position = new UploadPosition(state.nextByte(), state.videoId());
            } catch (YouTubeApi.SessionGoneException e) {
                // the video exists only after the last byte: a lost session made none, so a new one is safe
                if (reopened) {
                    throw new PlatformException(
                            PlatformException.Kind.TRANSIENT,
                            e.httpStatus(),
                            e.reason(),
                            "the upload session was lost twice in one try: " + e.getMessage());
                }
                reopened = true;
                position = openSession(
                        run,
                        account,
                        media,
                        "the upload session expired mid-upload (" + e.getMessage() + "); a new one was opened");
                continue;
            } catch (IOException e) {
                // a cut connection: the session knows which bytes arrived
                if (++interruptions >= api.retry().maxAttempts()) {
                    throw new PlatformException(
                            PlatformException.Kind.TRANSIENT,
                            0,
                            "UploadInterrupted",
                            "upload interrupted " + interruptions + " times; resumes from the session on the next try: "
                                    + e.getMessage());
                }
                api.retry().pause(interruptions);
                position = ask(account, session, size);
            } catch (PlatformException e) {
                if (e.kind() != PlatformException.Kind.TRANSIENT
                        || ++interruptions >= api.retry().maxAttempts()) {
                    throw e;
                }
                api.retry().pause(interruptions);
                position = ask(account, session, size);
            }
            if (!position.done()) {
                upload.setBytesSent(position.next());
                upload.setPercent((int) (100 * position.next() / Math.max(size, 1)));
                run.phase(
                        PublicationPhase.Uploading,
                        Reasons.UPLOADING,
                        "uploaded " + position.next() + " of " + size + " bytes");
                run.save();
            }
        }
        PublicationUpload upload = status.getUpload();
        status.setExternalId(position.videoId());
        status.setUrl(YouTubeApi.watchUrl(position.videoId()));
        upload.setBytesSent(size);
        upload.setPercent(100);
        run.phase(PublicationPhase.Processing, Reasons.PROCESSING, "uploaded as video " + position.videoId());
        run.save();
    }

    /** Opens a resumable session and stores its URI before the first byte is sent. */
    private UploadPosition openSession(PublicationRun run, PlatformAccount account, MediaSource media, String message) {
        quota.charge(account.quotaProject(), YouTubeQuota.Call.VIDEOS_INSERT);
        URI session = api.startSession(token(account), videoResource(run), media.size(), media.contentType());
        PublicationUpload upload = new PublicationUpload();
        upload.setSessionUri(session.toString());
        upload.setTotalBytes(media.size());
        upload.setBytesSent(0L);
        upload.setPercent(0);
        run.status().setUpload(upload);
        run.phase(PublicationPhase.Uploading, Reasons.UPLOADING, message);
        run.save();
        return new UploadPosition(0, null);
    }

    private record UploadPosition(long next, String videoId) {
        boolean done() {
            return videoId != null;
        }
    }

    private UploadPosition ask(PlatformAccount account, URI session, long size) {
        YouTubeApi.UploadState state = api.queryState(token(account), session, size);
        return new UploadPosition(state.nextByte(), state.videoId());
    }

    private String token(PlatformAccount account) {
        return tokens.accessToken(account, oauth);
    }

    /** snippet and status of videos.insert; publishAt goes only with privacyStatus private, as the API requires. */
    Map<String, Object> videoResource(PublicationRun run) {
        PublicationSpec spec = run.publication().getSpec();
        PublishedMetadata metadata = run.status().getMetadata();
        Map<String, Object> snippet = new LinkedHashMap<>();
        snippet.put("title", metadata.getTitle());
        snippet.put("description", metadata.getDescription());
        snippet.put("tags", metadata.getTags());
        snippet.put("categoryId", spec.getCategoryId() == null ? DEFAULT_CATEGORY : spec.getCategoryId());
        Map<String, Object> videoStatus = new LinkedHashMap<>();
        String publishAt = scheduledPublishAt(run);
        String privacy = publishAt != null ? "private" : privacyStatus(spec.getPrivacy());
        videoStatus.put("privacyStatus", privacy);
        if (publishAt != null) {
            videoStatus.put("publishAt", publishAt);
        }
        videoStatus.put("selfDeclaredMadeForKids", Boolean.TRUE.equals(spec.getMadeForKids()));
        metadata.setPrivacy(privacy + (publishAt != null ? " until " + publishAt : ""));
        Map<String, Object> video = new LinkedHashMap<>();
        video.put("snippet", snippet);
        video.put("status", videoStatus);
        return video;
    }

    /**
     * The spec's publishAt when it is still ahead and the video is to become visible: YouTube keeps it private
     * until then (a Private publication stays private, so it gets none).
     */
    private static String scheduledPublishAt(PublicationRun run) {
        String publishAt = run.publication().getSpec().getPublishAt();
        if (publishAt == null || run.publication().getSpec().getPrivacy() == Privacy.Private) {
            return null;
        }
        Instant at = java.time.OffsetDateTime.parse(publishAt).toInstant();
        return at.isAfter(run.now()) ? at.toString() : null;
    }

    static String privacyStatus(Privacy privacy) {
        return switch (privacy == null ? Privacy.Private : privacy) {
            case Public -> "public";
            case Unlisted -> "unlisted";
            case Private, SelfOnly -> "private";
        };
    }

    private static byte[] readThumbnail(MediaSource media) {
        try {
            return media.thumbnail();
        } catch (IOException e) {
            throw new PlatformException(
                    PlatformException.Kind.TRANSIENT,
                    0,
                    "ThumbnailUnreadable",
                    "the render's thumbnail could not be read: " + e.getMessage());
        }
    }
}
