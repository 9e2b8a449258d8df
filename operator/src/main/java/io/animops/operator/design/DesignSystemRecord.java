package io.animops.operator.design;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;

/** One version of the design system, kept forever so that every render's version can be looked up. */
@Entity
@Table(name = "design_systems")
public class DesignSystemRecord {
    @Id
    public String version;

    public String sha256;

    @ColumnTransformer(read = "cast(document as text)", write = "cast(cast(? as text) as jsonb)")
    public String document;

    @Column(name = "created_at")
    public Instant createdAt;
}
