package io.animops.operator.qc;

import io.animops.operator.db.Sql;
import io.vertx.mutiny.sqlclient.Row;

import java.time.Instant;
import java.util.UUID;

/** The QC result of one render job, keyed by the job's uid so that it outlives the job. */
public class QcResultRecord {
    /** The select list {@link #of} reads (the items as text). */
    static final String SELECT = "select render_job_uid, namespace, render_job, script_attempt, idea, checklist_id,"
            + " checklist_name, checklist_version, policy, outcome, items::text, created_at, updated_at from qc_results";

    public UUID renderJobUid;
    public String namespace;
    public String renderJob;
    public String scriptAttempt;
    public String idea;
    public Long checklistId;
    public String checklistName;
    public int checklistVersion;
    public String policy;
    public String outcome;
    public String items;
    public Instant createdAt;
    public Instant updatedAt;

    static QcResultRecord of(Row row) {
        QcResultRecord result = new QcResultRecord();
        result.renderJobUid = row.getUUID("render_job_uid");
        result.namespace = row.getString("namespace");
        result.renderJob = row.getString("render_job");
        result.scriptAttempt = row.getString("script_attempt");
        result.idea = row.getString("idea");
        result.checklistId = row.getLong("checklist_id");
        result.checklistName = row.getString("checklist_name");
        result.checklistVersion = row.getInteger("checklist_version");
        result.policy = row.getString("policy");
        result.outcome = row.getString("outcome");
        result.items = row.getString("items");
        result.createdAt = Sql.instant(row, "created_at");
        result.updatedAt = Sql.instant(row, "updated_at");
        return result;
    }
}
