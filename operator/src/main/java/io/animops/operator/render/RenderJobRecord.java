package io.animops.operator.render;

import io.animops.operator.db.HistoryRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;

/** A render job's row: settings, outcome, provenance, artifacts and media facts. */
@Entity
@Table(name = "render_jobs")
public class RenderJobRecord extends HistoryRecord {
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

    @ColumnTransformer(read = "cast(provenance as text)", write = "cast(cast(? as text) as jsonb)")
    public String provenance;

    @ColumnTransformer(read = "cast(artifacts as text)", write = "cast(cast(? as text) as jsonb)")
    public String artifacts;

    @ColumnTransformer(read = "cast(errors as text)", write = "cast(cast(? as text) as jsonb)")
    public String errors;

    @ColumnTransformer(read = "cast(media as text)", write = "cast(cast(? as text) as jsonb)")
    public String media;
    /** When the job was first seen Succeeded or Failed. */
    @Column(name = "completed_at")
    public Instant completedAt;
}
