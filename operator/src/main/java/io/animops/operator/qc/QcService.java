package io.animops.operator.qc;

import io.animops.crds.AnimOps;
import io.animops.crds.v1alpha1.QcSettings;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.operator.audit.AuditLog;
import io.animops.operator.config.AnimOpsConfig;
import io.animops.operator.db.Database;
import io.animops.operator.db.JsonColumn;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * QC results: one per render job, made once from the job's media facts with the latest version of the
 * checklist its schedule names, then completed by people ticking the manual items. The REST API and the panel
 * go through the public methods here.
 */
@ApplicationScoped
public class QcService {
    @Inject
    QcChecklists checklists;

    @Inject
    Database database;

    @Inject
    AuditLog audit;

    @Inject
    AnimOpsConfig config;

    @Inject
    Clock clock;

    /** The latest version of every checklist. */
    public List<VersionedChecklist> listChecklists() {
        return checklists.list();
    }

    /** One version of a checklist, e.g. the one a result was made with. */
    public Optional<VersionedChecklist> checklist(String name, int version) {
        return checklists.find(name, version);
    }

    /** The checklist QC settings name: spec.qc.checklist, else the operator's default one. */
    public String checklistName(QcSettings settings) {
        return settings == null || settings.getChecklist() == null
                ? config.qc().defaultChecklist()
                : settings.getChecklist();
    }

    /** The names of the registered checklists. */
    public List<String> checklistNames() {
        return checklists.list().stream().map(VersionedChecklist::name).toList();
    }

    /** Why a checklist of this name cannot be used, given the names known, or empty when it can. */
    public static Optional<String> checklistProblem(String name, Collection<String> known) {
        return known.contains(name) ? Optional.empty() : Optional.of(unknownChecklist(name, known));
    }

    private String unknownChecklist(String name) {
        return unknownChecklist(name, checklistNames());
    }

    private static String unknownChecklist(String name, Collection<String> known) {
        return "no QC checklist named \"" + name + "\" is registered; known: " + String.join(", ", known);
    }

    /**
     * The QC result of a succeeded render job: the stored one, or else a new one evaluated now with the latest
     * version of the checklist {@code settings} name. A stored result is never re-evaluated, so it keeps the
     * checklist version it was made with.
     *
     * @throws QcException NotFound naming {@code spec.qc.checklist} when no such checklist is registered
     */
    public QcResult evaluate(RenderJob job, String idea, QcSettings settings) {
        UUID uid = UUID.fromString(job.getMetadata().getUid());
        Optional<QcResult> stored = result(uid);
        if (stored.isPresent()) {
            return stored.get();
        }
        if (job.getStatus() == null || job.getStatus().getPhase() != RenderPhase.Succeeded) {
            throw new IllegalStateException(
                    "render job " + job.getMetadata().getName() + " has not succeeded: nothing to check");
        }
        QcSettings.Policy policy =
                settings == null || settings.getPolicy() == null ? QcSettings.Policy.AutoPass : settings.getPolicy();
        String name = checklistName(settings);
        VersionedChecklist checklist = checklists
                .latest(name)
                .orElseThrow(
                        () -> new QcException(QcException.Kind.NOT_FOUND, "spec.qc.checklist", unknownChecklist(name)));
        List<QcItemResult> items = QcEvaluation.evaluate(
                checklist.checklist(), policy, job.getSpec(), job.getStatus().getMedia());
        Instant now = now();
        QcResultRecord row = new QcResultRecord();
        row.renderJobUid = uid;
        row.namespace = job.getMetadata().getNamespace();
        row.renderJob = job.getMetadata().getName();
        row.scriptAttempt = job.getSpec().getScriptAttemptRef();
        row.idea = idea;
        row.checklistId = checklist.id();
        row.checklistName = checklist.name();
        row.checklistVersion = checklist.version();
        row.policy = policy.name();
        row.outcome = QcEvaluation.outcome(items).name();
        row.items = JsonColumn.write(items);
        row.createdAt = now;
        row.updatedAt = now;
        // a concurrent first evaluation of the same job (a retried reconciliation) keeps the row already there
        boolean inserted = database.update(
                        """
                        insert into qc_results (render_job_uid, namespace, render_job, script_attempt, idea,
                                                checklist_id, checklist_name, checklist_version, policy, outcome,
                                                items, created_at, updated_at)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, cast(cast($11 as text) as jsonb), $12, $13)
                        on conflict (render_job_uid) do nothing
                        """,
                        row.renderJobUid,
                        row.namespace,
                        row.renderJob,
                        row.scriptAttempt,
                        row.idea,
                        row.checklistId,
                        row.checklistName,
                        row.checklistVersion,
                        row.policy,
                        row.outcome,
                        row.items,
                        row.createdAt,
                        row.updatedAt)
                == 1;
        QcResultRecord kept = inserted ? row : stored(uid).orElseThrow();
        QcResult result = QcResult.of(kept);
        if (inserted) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("checklist", result.checklistName());
            payload.put("version", result.checklistVersion());
            payload.put("policy", result.policy().name());
            payload.put("outcome", result.outcome().name());
            payload.put(
                    "failed",
                    result.items().stream()
                            .filter(i -> i.outcome() == QcOutcome.Failed)
                            .map(QcItemResult::id)
                            .toList());
            audit.record(AuditLog.OPERATOR, "QcResult.Evaluated", job, payload, uid + ":qc-evaluated");
        }
        return result;
    }

    public Optional<QcResult> result(UUID renderJobUid) {
        return stored(renderJobUid).map(QcResult::of);
    }

    private Optional<QcResultRecord> stored(UUID renderJobUid) {
        return database.first(QcResultRecord.SELECT + " where render_job_uid = $1", QcResultRecord::of, renderJobUid);
    }

    /** The QC result of the render job of this name (the most recent, should a job have been re-created). */
    public Optional<QcResult> result(String namespace, String renderJob) {
        return database.first(
                        QcResultRecord.SELECT
                                + " where namespace = $1 and render_job = $2 order by created_at desc limit 1",
                        QcResultRecord::of,
                        namespace,
                        renderJob)
                .map(QcResult::of);
    }

    /** Whether a render of this script attempt (its preview) passed QC: what a final render needs to be published. */
    public boolean attemptPassed(String namespace, String scriptAttempt) {
        return database.first(
                        "select 1 from qc_results where namespace = $1 and script_attempt = $2 and outcome = $3 limit 1",
                        row -> true,
                        namespace,
                        scriptAttempt,
                        QcOutcome.Passed.name())
                .isPresent();
    }

    /** Results with this outcome (all when null), newest first; Pending ones are what waits for review. */
    public List<QcResult> results(String namespace, QcOutcome outcome, int limit) {
        List<Object> params = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where true");
        if (namespace != null) {
            params.add(namespace);
            where.append(" and namespace = $").append(params.size());
        }
        if (outcome != null) {
            params.add(outcome.name());
            where.append(" and outcome = $").append(params.size());
        }
        params.add((long) limit);
        return database
                .list(
                        QcResultRecord.SELECT + where + " order by created_at desc limit $" + params.size(),
                        QcResultRecord::of,
                        params.toArray())
                .stream()
                .map(QcResult::of)
                .toList();
    }

    /**
     * A person's decision on a manual item. The idea waiting on the result picks it up on its next look
     * (within {@code animops.qc.review-recheck}).
     *
     * @param passed  true: the item is fine; false: it fails, and the idea is rejected (QcRejected)
     * @param comment why; required when failing an item
     * @throws QcException NotFound (no result, no such item), Invalid (an automatic item, no actor, a failing tick
     *                     without comment), Conflict (the result is already Passed or Failed)
     */
    public QcResult tick(
            String namespace, String renderJob, String itemId, boolean passed, String actor, String comment) {
        if (actor == null || actor.isBlank()) {
            throw new QcException(QcException.Kind.INVALID, "actor", "who ticks the item must be named");
        }
        if (!passed && (comment == null || comment.isBlank())) {
            throw new QcException(
                    QcException.Kind.INVALID, "comment", "failing item " + itemId + " needs a comment saying why");
        }
        QcResult current = result(namespace, renderJob)
                .orElseThrow(() -> new QcException(
                        QcException.Kind.NOT_FOUND,
                        "renderJob",
                        "no QC result for render job " + namespace + "/" + renderJob));
        String at = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
        QcResultRecord updated = database.transaction(sql -> {
            QcResultRecord row = sql.first(
                            QcResultRecord.SELECT + " where render_job_uid = $1 for update",
                            QcResultRecord::of,
                            current.renderJobUid())
                    .orElseThrow();
            QcOutcome outcome = QcOutcome.valueOf(row.outcome);
            if (outcome != QcOutcome.Pending) {
                throw new QcException(
                        QcException.Kind.CONFLICT,
                        "renderJob",
                        "the QC result of " + renderJob + " is already " + outcome
                                + "; ticks are taken while it is Pending");
            }
            List<QcItemResult> items = new ArrayList<>(JsonColumn.readList(row.items, QcItemResult.class));
            int index = indexOf(items, itemId);
            if (items.get(index).kind() != QcItemResult.Kind.Manual) {
                throw new QcException(
                        QcException.Kind.INVALID,
                        "itemId",
                        "item " + itemId + " is automatic: its rule decides it, not a person");
            }
            items.set(index, items.get(index).ticked(passed, actor, at, comment));
            row.items = JsonColumn.write(items);
            row.outcome = QcEvaluation.outcome(items).name();
            row.updatedAt = now();
            sql.update(
                    "update qc_results set items = cast(cast($1 as text) as jsonb), outcome = $2, updated_at = $3"
                            + " where render_job_uid = $4",
                    row.items,
                    row.outcome,
                    row.updatedAt,
                    row.renderJobUid);
            return row;
        });
        QcResult result = QcResult.of(updated);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("item", itemId);
        payload.put("outcome", passed ? QcOutcome.Passed.name() : QcOutcome.Failed.name());
        payload.put("comment", comment);
        payload.put("checklist", result.checklistName());
        payload.put("version", result.checklistVersion());
        payload.put("resultOutcome", result.outcome().name());
        audit.record(actor, "QcItem.Ticked", renderJobRef(result), payload, null);
        return result;
    }

    /** PostgreSQL keeps microseconds: a result read back then equals the one returned when it was made. */
    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static int indexOf(List<QcItemResult> items, String itemId) {
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).id().equals(itemId)) {
                return i;
            }
        }
        throw new QcException(
                QcException.Kind.NOT_FOUND,
                "itemId",
                "no item " + itemId + " in this result; items are "
                        + String.join(", ", items.stream().map(QcItemResult::id).toList()));
    }

    /** The render job as the audit log names it; the job itself may be gone, its result stays. */
    private static RenderJob renderJobRef(QcResult result) {
        RenderJob ref = new RenderJob();
        ref.setMetadata(new ObjectMetaBuilder()
                .withNamespace(result.namespace())
                .withName(result.renderJob())
                .withUid(result.renderJobUid().toString())
                .withAnnotations(result.idea() == null ? Map.of() : Map.of(AnimOps.LABEL_IDEA, result.idea()))
                .build());
        return ref;
    }
}
