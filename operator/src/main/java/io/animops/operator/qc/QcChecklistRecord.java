package io.animops.operator.qc;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

import java.time.Instant;

/** One version of a checklist; never changed once written, since results refer to it. */
@Entity
@Table(name = "qc_checklists")
public class QcChecklistRecord {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String name;
    public int version;
    public String sha256;

    @ColumnTransformer(read = "cast(document as text)", write = "cast(cast(? as text) as jsonb)")
    public String document;

    @Column(name = "created_at")
    public Instant createdAt;
}
