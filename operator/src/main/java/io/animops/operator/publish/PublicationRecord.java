package io.animops.operator.publish;

import io.animops.operator.db.HistoryRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A publication's row: where the video went and what it is called there. */
@Entity
@Table(name = "publications")
public class PublicationRecord extends HistoryRecord {
    public String namespace;
    public String name;

    @Column(name = "render_job")
    public String renderJob;

    public String platform;
    public String mode;
    public String phase;

    @Column(name = "external_id")
    public String externalId;

    public String url;
    public String idea;

    @Column(name = "published_at")
    public java.time.Instant publishedAt;

    @Column(name = "confirmed_by")
    public String confirmedBy;
}
