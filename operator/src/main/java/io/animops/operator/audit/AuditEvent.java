package io.animops.operator.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;
import java.util.UUID;

/** Who did what to which resource, and when. */
@Entity
@Table(name = "audit_events")
public class AuditEvent {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "occurred_at")
    public Instant occurredAt;

    public String actor;

    @Column(name = "event_type")
    public String eventType;

    @Column(name = "subject_kind")
    public String subjectKind;

    @Column(name = "subject_namespace")
    public String subjectNamespace;

    @Column(name = "subject_name")
    public String subjectName;

    @Column(name = "subject_uid")
    public UUID subjectUid;

    @ColumnTransformer(read = "cast(payload as text)", write = "cast(cast(? as text) as jsonb)")
    public String payload;

    @Column(name = "dedup_key")
    public String dedupKey;
}
