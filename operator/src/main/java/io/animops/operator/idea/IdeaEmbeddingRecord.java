package io.animops.operator.idea;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** One idea's vector as one model made it (little-endian float32, unit length). */
@Entity
@Table(name = "idea_embeddings")
public class IdeaEmbeddingRecord {
    @EmbeddedId
    public Key key;

    public int dimensions;
    public byte[] vector;

    @Column(name = "created_at")
    public Instant createdAt;

    @Embeddable
    public record Key(@Column(name = "idea_uid") UUID ideaUid, String model) implements Serializable {}

    static IdeaEmbeddingRecord of(UUID ideaUid, String model, float[] vector, Instant now) {
        IdeaEmbeddingRecord row = new IdeaEmbeddingRecord();
        row.key = new Key(ideaUid, model);
        row.dimensions = vector.length;
        row.vector = Vectors.toBytes(vector);
        row.createdAt = now;
        return row;
    }
}
