package io.animops.operator.storage;

import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderMode;
import io.animops.crds.v1alpha1.UploadGrant;
import io.animops.crds.v1alpha1.UploadGrants;
import io.animops.operator.config.AnimOpsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * Keeps a held job's {@code status.uploads} usable: presigned PUT URLs for the video and the thumbnail at the
 * job's stable keys, issued again when less than the renewal margin remains.
 */
@ApplicationScoped
public class UploadGrantIssuer {
    @Inject
    ArtifactStore store;

    @Inject
    AnimOpsConfig config;

    /**
     * Fills or renews the grants in the job's status when needed, and tells when the reconciler must look again
     * to renew them; empty for jobs that upload nothing (Validate).
     */
    public Optional<Instant> keepFresh(RenderJob job, Instant now) {
        if (job.getSpec().getMode() == RenderMode.Validate) {
            return Optional.empty();
        }
        Duration renewBefore = config.storage().grantRenewBefore();
        UploadGrants current = job.getStatus().getUploads();
        if (!usable(current, job, now, renewBefore)) {
            current = issue(
                    job,
                    now.truncatedTo(ChronoUnit.SECONDS).plus(config.storage().grantTtl()));
            job.getStatus().setUploads(current);
        }
        return Optional.of(Instant.parse(current.getExpiresAt()).minus(renewBefore));
    }

    private UploadGrants issue(RenderJob job, Instant expiresAt) {
        UploadGrants grants = new UploadGrants();
        grants.setExpiresAt(expiresAt.toString());
        grants.setVideo(grant(job, ArtifactKind.video, expiresAt));
        grants.setThumbnail(grant(job, ArtifactKind.thumbnail, expiresAt));
        return grants;
    }

    private UploadGrant grant(RenderJob job, ArtifactKind kind, Instant expiresAt) {
        String key = key(job, kind);
        return new UploadGrant(
                key, store.presignPut(key, kind.contentType, expiresAt).toString(), kind.contentType);
    }

    /** Present, for this job's keys, and further from expiry than the renewal margin. */
    private static boolean usable(UploadGrants grants, RenderJob job, Instant now, Duration renewBefore) {
        if (grants == null
                || grants.getExpiresAt() == null
                || grants.getVideo() == null
                || grants.getThumbnail() == null) {
            return false;
        }
        Instant expiresAt;
        try {
            expiresAt = Instant.parse(grants.getExpiresAt());
        } catch (RuntimeException e) {
            return false;
        }
        return key(job, ArtifactKind.video).equals(grants.getVideo().getKey())
                && key(job, ArtifactKind.thumbnail).equals(grants.getThumbnail().getKey())
                && Duration.between(now, expiresAt).compareTo(renewBefore) > 0;
    }

    public static String key(RenderJob job, ArtifactKind kind) {
        return ArtifactKeys.render(
                job.getMetadata().getNamespace(),
                job.getMetadata().getName(),
                job.getMetadata().getUid(),
                kind);
    }
}
