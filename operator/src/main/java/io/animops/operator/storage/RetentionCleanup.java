package io.animops.operator.storage;

import io.animops.crds.v1alpha1.RenderJob;
import io.animops.operator.audit.AuditLog;
import io.animops.operator.config.AnimOpsConfig;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Lifecycle cleanup of stored renders ({@link RetentionPolicy}): runs on a schedule and on an operator's demand.
 * Every removal is recorded on the job's row and in the audit log.
 */
@ApplicationScoped
public class RetentionCleanup {
    private static final Logger LOG = Logger.getLogger(RetentionCleanup.class);
    static final String EVENT = "RenderJob.ArtifactsDeleted";

    @Inject
    ArtifactStore store;

    @Inject
    RenderArtifactRepository repository;

    @Inject
    AuditLog audit;

    @Inject
    AnimOpsConfig config;

    @Inject
    Clock clock;

    /** A render whose objects were removed: which objects existed, and the rule. */
    public record DeletedRender(
            String namespace,
            String name,
            String uid,
            String mode,
            String reason,
            List<String> keys,
            int objectsDeleted) {}

    /** A render whose objects could not all be removed this time; it is tried again on the next run. */
    public record FailedRender(String namespace, String name, String uid, String error) {}

    public record Report(Instant ranAt, List<DeletedRender> deleted, List<FailedRender> failed) {}

    @Scheduled(
            identity = "artifact-retention",
            every = "${animops.storage.retention.interval:1h}",
            delayed = "1m",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        Report report = run(AuditLog.OPERATOR);
        if (!report.deleted().isEmpty() || !report.failed().isEmpty()) {
            LOG.infof(
                    "retention: removed the objects of %d render(s), %d failed",
                    report.deleted().size(), report.failed().size());
        }
    }

    /** Runs the cleanup now, as the operator itself. */
    public Report run() {
        return run(AuditLog.OPERATOR);
    }

    /** Runs the cleanup now on behalf of {@code actor} (a person's name when an operator asks for it). */
    public synchronized Report run(String actor) {
        Instant now = Instant.now(clock);
        AnimOpsConfig.Storage.Retention retention = config.storage().retention();
        RetentionPolicy policy = new RetentionPolicy(
                Duration.ofDays(retention.previewDays()), Duration.ofDays(retention.rejectedDays()));
        List<DeletedRender> deleted = new ArrayList<>();
        List<FailedRender> failed = new ArrayList<>();
        for (RetentionPolicy.StoredRender render : repository.storedRenders()) {
            Optional<String> reason = policy.reason(render, now);
            if (reason.isEmpty()) {
                continue;
            }
            try {
                deleted.add(remove(render, reason.get(), actor, now));
            } catch (RuntimeException e) {
                LOG.warnf(
                        e,
                        "retention: could not remove the objects of render job %s/%s",
                        render.namespace(),
                        render.name());
                failed.add(new FailedRender(
                        render.namespace(), render.name(), render.uid().toString(), e.getMessage()));
            }
        }
        return new Report(now, deleted, failed);
    }

    private DeletedRender remove(RetentionPolicy.StoredRender render, String reason, String actor, Instant now) {
        // the stable keys as well as the recorded ones: a failed job may have uploaded before it failed
        Set<String> keys = new LinkedHashSet<>(render.recordedKeys());
        for (ArtifactKind kind : ArtifactKind.values()) {
            keys.add(ArtifactKeys.render(
                    render.namespace(), render.name(), render.uid().toString(), kind));
        }
        List<String> removed = new ArrayList<>();
        for (String key : keys) {
            if (store.delete(key)) {
                removed.add(key);
            }
        }
        repository.markDeleted(render.uid(), reason, now);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("reason", reason);
        payload.put("mode", render.mode());
        payload.put("jobPhase", render.phase());
        payload.put("ideaPhase", render.ideaPhase());
        payload.put("store", store.describe());
        payload.put("deletedKeys", removed);
        audit.record(actor, EVENT, subject(render), payload, "artifacts-deleted:" + render.uid());
        LOG.infof(
                "retention (%s): removed %d object(s) of render job %s/%s",
                reason, removed.size(), render.namespace(), render.name());
        return new DeletedRender(
                render.namespace(),
                render.name(),
                render.uid().toString(),
                render.mode(),
                reason,
                List.copyOf(removed),
                removed.size());
    }

    /** The job as the audit log names it; the resource itself may be long gone. */
    private static RenderJob subject(RetentionPolicy.StoredRender render) {
        RenderJob job = new RenderJob();
        job.setMetadata(new ObjectMetaBuilder()
                .withNamespace(render.namespace())
                .withName(render.name())
                .withUid(render.uid().toString())
                .build());
        return job;
    }
}
