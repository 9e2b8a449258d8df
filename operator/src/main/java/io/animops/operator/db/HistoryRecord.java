package io.animops.operator.db;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

import java.time.Instant;
import java.util.UUID;

/** A row mirroring a custom resource, keyed by its uid so that it outlives the resource. */
@MappedSuperclass
public abstract class HistoryRecord {
    @Id
    public UUID uid;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
