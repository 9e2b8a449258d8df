package io.animops.operator.qc;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;
import java.util.UUID;

/** The QC result of one render job, keyed by the job's uid so that it outlives the job. */
@Entity
@Table(name = "qc_results")
public class QcResultRecord {
    @Id
    @Column(name = "render_job_uid")
    public UUID renderJobUid;

    public String namespace;

    @Column(name = "render_job")
    public String renderJob;

    @Column(name = "script_attempt")
    public String scriptAttempt;

    public String idea;

    @Column(name = "checklist_id")
    public Long checklistId;

    @Column(name = "checklist_name")
    public String checklistName;

    @Column(name = "checklist_version")
    public int checklistVersion;

    public String policy;
    public String outcome;

    @ColumnTransformer(read = "cast(items as text)", write = "cast(cast(? as text) as jsonb)")
    public String items;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
