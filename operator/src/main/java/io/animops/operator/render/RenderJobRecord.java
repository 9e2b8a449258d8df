package io.animops.operator.render;

import io.animops.operator.db.HistoryRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

/** A render job's row: settings, outcome, provenance and artifacts. */
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
}
