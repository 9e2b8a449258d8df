package io.animops.operator.publish;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/** A publication's row: where the video went and what it is called there. */
@Entity
@Table(name = "publications")
public class PublicationRecord {
    @Id
    public UUID uid;
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
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "updated_at")
    public Instant updatedAt;
}
