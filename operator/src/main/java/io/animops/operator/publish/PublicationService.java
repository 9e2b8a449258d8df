package io.animops.operator.publish;

import io.animops.crds.ConditionTypes;
import io.animops.crds.Conditions;
import io.animops.crds.Reasons;
import io.animops.crds.v1alpha1.Platform;
import io.animops.crds.v1alpha1.Publication;
import io.animops.crds.v1alpha1.PublicationPhase;
import io.animops.crds.v1alpha1.PublicationSpec;
import io.animops.crds.v1alpha1.PublicationStatus;
import io.animops.crds.v1alpha1.PublishMode;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A publication's state machine once its render and QC allow it: Pending, Uploading (with progress), Processing,
 * Published; or Failed with the platform's reason; Blocked while its account cannot be used; AwaitingManualPost
 * in the manual flow. Cancel and retry requests from the API are handled here, each once.
 */
public class PublicationService {
    private static final Logger LOG = Logger.getLogger(PublicationService.class);
    static final Duration TRANSIENT_RECHECK = Duration.ofMinutes(1);

    private final AccountSecrets secrets;
    private final YouTubePublisher youTube;
    private final TikTokPublisher tikTok;
    private final PublishMetrics metrics;
    private final MetadataAuthor author;

    public PublicationService(
            AccountSecrets secrets,
            YouTubePublisher youTube,
            TikTokPublisher tikTok,
            PublishMetrics metrics,
            MetadataAuthor author) {
        this.secrets = secrets;
        this.youTube = youTube;
        this.tikTok = tikTok;
        this.metrics = metrics;
        this.author = author;
    }

    /**
     * Advances the publication; answers when to look again (null: only on a change). The media is opened only
     * when an upload needs it.
     */
    public Duration advance(PublicationRun run, Supplier<MediaSource> media) {
        Publication publication = run.publication();
        PublicationSpec spec = publication.getSpec();
        PublicationStatus status = run.status();
        if (handleRequests(run)) {
            return null;
        }
        if (spec.getMode() == PublishMode.Manual) {
            return manual(run);
        }
        Optional<String> noAccount = PublishTargetCheck.accountProblem(spec.getMode(), spec.getAccountSecretRef());
        if (noAccount.isPresent()) {
            run.phase(
                    PublicationPhase.Blocked, Reasons.CREDENTIALS_MISSING, "spec.accountSecretRef: " + noAccount.get());
            return null;
        }
        String namespace = publication.getMetadata().getNamespace();
        String secretName = spec.getAccountSecretRef().getName();
        PlatformAccount account =
                secrets.read(spec.getPlatform(), namespace, secretName).orElse(null);
        if (account == null) {
            run.phase(
                    PublicationPhase.Blocked,
                    Reasons.CREDENTIALS_MISSING,
                    "spec.accountSecretRef: "
                            + secrets.missing(namespace, secretName)
                            + "; publishing is blocked until it exists (run `java -jar"
                            + " quarkus-run.jar " + LoginCommand.commandOf(spec.getPlatform()) + " --namespace "
                            + namespace
                            + " --secret " + secretName + "`)");
            return PublicationReconciler.RECHECK;
        }
        writeMetadata(run);
        if (status.getPhase() == null
                || status.getPhase() == PublicationPhase.Blocked
                || status.getPhase() == PublicationPhase.WaitingForRender) {
            run.phase(PublicationPhase.Pending, Reasons.PENDING, "ready to publish to " + spec.getPlatform());
        }
        if (spec.getPlatform() == Platform.TikTok && spec.getPublishAt() != null && status.getUpload() == null) {
            // TikTok has no scheduled posts: the post waits for the window
            Instant at = instant(spec.getPublishAt());
            if (at.isAfter(run.now())) {
                run.phase(
                        PublicationPhase.Pending,
                        Reasons.WAITING_FOR_PUBLISH_WINDOW,
                        "posted when the publish window opens at " + at);
                return Duration.between(run.now(), at);
            }
        }
        try {
            Duration next = spec.getPlatform() == Platform.YouTube
                    ? youTube.advance(run, account, media.get())
                    : tikTok.advance(run, account, media.get());
            if (Conditions.find(status.getConditions(), ConditionTypes.REAUTHORIZATION_REQUIRED)
                    .isPresent()) {
                run.condition(
                        ConditionTypes.REAUTHORIZATION_REQUIRED,
                        Conditions.FALSE,
                        Reasons.SIGNED_IN,
                        "the account's refresh token works");
            }
            return next == null ? outcome(run) : next;
        } catch (ReauthorizationRequiredException e) {
            run.condition(
                    ConditionTypes.REAUTHORIZATION_REQUIRED, Conditions.TRUE, Reasons.INVALID_GRANT, e.getMessage());
            run.phase(PublicationPhase.Blocked, Reasons.REAUTHORIZATION_REQUIRED, e.getMessage());
            return PublicationReconciler.RECHECK;
        } catch (YouTubeQuota.ExhaustedException e) {
            run.phase(PublicationPhase.Pending, Reasons.QUOTA_EXHAUSTED, e.getMessage());
            return Duration.between(run.now(), e.resetAt()).plusSeconds(1);
        } catch (PlatformException e) {
            if (e.kind() == PlatformException.Kind.FAILED) {
                run.phase(PublicationPhase.Failed, reasonOf(e), e.getMessage());
                return outcome(run);
            }
            // transient: the phase stays, the next try resumes from what status holds
            LOG.warnf(
                    "publication %s: %s (%s), trying again in %s",
                    run.name(), e.getMessage(), e.reason(), TRANSIENT_RECHECK);
            Conditions.set(
                    status,
                    run.clock(),
                    PublicationRun.SUCCEEDED,
                    Conditions.UNKNOWN,
                    Reasons.PLATFORM_UNAVAILABLE,
                    e.getMessage() + "; tried again in " + TRANSIENT_RECHECK.toSeconds() + "s");
            return TRANSIENT_RECHECK;
        }
    }

    /**
     * The API's retry and cancel requests, each handled once; true when the publication is Published or Failed
     * afterwards (nothing more to do). Runs before the render and QC gates, so a waiting publication can be cancelled.
     */
    public boolean handleRequests(PublicationRun run) {
        PublicationSpec spec = run.publication().getSpec();
        PublicationStatus status = run.status();
        handleRetry(run);
        if (cancelRequested(run)) {
            run.phase(
                    PublicationPhase.Failed,
                    Reasons.CANCELLED,
                    "cancelled through the API at " + spec.getCancelRequest()
                            + (status.getExternalId() == null
                                    ? ""
                                    : "; video " + status.getExternalId() + " stays on " + spec.getPlatform()));
            outcome(run);
        }
        return status.getPhase() == PublicationPhase.Published || status.getPhase() == PublicationPhase.Failed;
    }

    private Duration manual(PublicationRun run) {
        Publication publication = run.publication();
        PublicationSpec spec = publication.getSpec();
        PublicationStatus status = run.status();
        writeMetadata(run);
        if (spec.getConfirmation() == null || spec.getConfirmation().getUrl() == null) {
            run.phase(
                    PublicationPhase.AwaitingManualPost,
                    Reasons.AWAITING_MANUAL_POST,
                    "post the video on " + spec.getPlatform()
                            + " and confirm its URL with POST /api/v1/publications/"
                            + publication.getMetadata().getNamespace()
                            + "/" + publication.getMetadata().getName() + "/confirm");
            return null;
        }
        String url = spec.getConfirmation().getUrl();
        String videoId;
        try {
            videoId = PostUrls.videoId(spec.getPlatform(), url);
        } catch (PostUrls.InvalidPostUrlException e) {
            run.phase(
                    PublicationPhase.AwaitingManualPost,
                    Reasons.INVALID_CONFIRMATION,
                    "spec.confirmation.url: " + e.getMessage());
            return null;
        }
        status.setExternalId(videoId);
        status.setUrl(url.trim());
        status.setConfirmedBy(spec.getConfirmation().getConfirmedBy());
        status.setConfirmedAt(spec.getConfirmation().getConfirmedAt());
        status.setPublishedAt(
                spec.getConfirmation().getConfirmedAt() != null
                        ? spec.getConfirmation().getConfirmedAt()
                        : Conditions.now(run.clock()));
        run.phase(
                PublicationPhase.Published,
                Reasons.MANUALLY_POSTED,
                "posted by hand as video " + videoId + ", confirmed by "
                        + spec.getConfirmation().getConfirmedBy());
        return outcome(run);
    }

    /**
     * The metadata sent, written once before the first call: by the schedule's model or the template, then fitted to
     * the platform's limits (each cut recorded). A video that exists keeps what it was sent with.
     */
    private void writeMetadata(PublicationRun run) {
        PublicationStatus status = run.status();
        if (status.getMetadata() != null || status.getExternalId() != null) {
            return;
        }
        MetadataAuthor.Draft draft = author.write(run.publication());
        PublicationSpec drafted = draft.asSpec();
        status.setMetadata(
                run.publication().getSpec().getPlatform() == Platform.YouTube
                        ? PlatformLimits.youTube(drafted)
                        : PlatformLimits.tikTok(drafted));
        run.condition(
                ConditionTypes.METADATA_WRITTEN,
                draft.byModel() ? Conditions.TRUE : Conditions.FALSE,
                draft.byModel() ? Reasons.WRITTEN_BY_MODEL : Reasons.FROM_TEMPLATE,
                draft.note());
    }

    /** A retry request not handled yet: a Failed publication goes back to Pending, keeping any video it made. */
    private static void handleRetry(PublicationRun run) {
        String request = run.publication().getSpec().getRetryRequest();
        PublicationStatus status = run.status();
        if (request == null || request.equals(status.getRetryHandled())) {
            return;
        }
        status.setRetryHandled(request);
        if (status.getPhase() == PublicationPhase.Failed) {
            run.phase(
                    PublicationPhase.Pending,
                    Reasons.RETRYING,
                    "retry requested at " + request
                            + (status.getExternalId() == null
                                    ? ""
                                    : "; video " + status.getExternalId() + " exists and is not uploaded again"));
        }
    }

    /** A cancel request newer than the last retry, for a publication not published yet. */
    private static boolean cancelRequested(PublicationRun run) {
        String cancel = run.publication().getSpec().getCancelRequest();
        PublicationStatus status = run.status();
        if (cancel == null
                || status.getPhase() == PublicationPhase.Published
                || status.getPhase() == PublicationPhase.Failed) {
            return false;
        }
        String retry = status.getRetryHandled();
        return retry == null || instant(cancel).isAfter(instant(retry));
    }

    private Duration outcome(PublicationRun run) {
        PublicationPhase phase = run.status().getPhase();
        if (phase == PublicationPhase.Published || phase == PublicationPhase.Failed) {
            String reason = Conditions.find(run.status().getConditions(), PublicationRun.SUCCEEDED)
                    .map(c -> c.getReason())
                    .orElse("");
            metrics.publication(
                    run.publication().getSpec().getPlatform().name(),
                    phase == PublicationPhase.Published
                            ? "Published"
                            : Reasons.CANCELLED.equals(reason) ? "Cancelled" : "Failed");
        }
        return null;
    }

    /** The platform's reason as a CamelCase condition reason. */
    static String reasonOf(PlatformException e) {
        String reason = e.reason() == null ? Reasons.PLATFORM_ERROR : e.reason();
        StringBuilder camel = new StringBuilder();
        boolean upper = true;
        for (char c : reason.toCharArray()) {
            if (!Character.isLetterOrDigit(c)) {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(c) : camel.isEmpty() ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return camel.isEmpty() || !Character.isLetter(camel.charAt(0)) ? Reasons.PLATFORM_ERROR : camel.toString();
    }

    private static Instant instant(String rfc3339) {
        return OffsetDateTime.parse(rfc3339).toInstant();
    }
}
