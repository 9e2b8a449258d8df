package io.animops.operator.render;

import io.animops.crds.v1alpha1.Provenance;
import io.animops.crds.v1alpha1.RenderArtifacts;
import io.animops.crds.v1alpha1.ScriptError;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A render job's row: settings, outcome, provenance and artifacts. */
@Entity
@Table(name = "render_jobs")
public class RenderJobRecord {
    @Id
    public UUID uid;
    public String namespace;
    public String name;
    @Column(name = "script_attempt")
    public String scriptAttempt;
    public String mode;
    public Integer width;
    public Integer height;
    public Integer fps;
    @Column(name = "duration_seconds")
    public Integer durationSeconds;
    public String phase;
    public String agent;
    @JdbcTypeCode(SqlTypes.JSON)
    public Provenance provenance;
    @JdbcTypeCode(SqlTypes.JSON)
    public RenderArtifacts artifacts;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<ScriptError> errors;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
