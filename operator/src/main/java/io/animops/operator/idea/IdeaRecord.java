package io.animops.operator.idea;

import io.animops.operator.db.HistoryRecord;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.ColumnTransformer;

/** An idea's row: outlives the custom resource, and is what the Idea Gate compares new proposals with. */
@Entity
@Table(name = "ideas")
public class IdeaRecord extends HistoryRecord {
    public String namespace;
    public String name;
    public String schedule;

    @Column(name = "run_id")
    public String runId;

    public String title;
    public String premise;

    @Column(name = "physics_hook")
    public String physicsHook;

    public String hook;
    public String source;
    public String phase;

    @Column(name = "similarity_score")
    public Double similarityScore;

    @ColumnTransformer(read = "cast(nearest as text)", write = "cast(cast(? as text) as jsonb)")
    public String nearest;

    @Column(name = "similarity_threshold")
    public Double similarityThreshold;

    @Column(name = "review_threshold")
    public Double reviewThreshold;

    /** The LLM judge's answer in the review zone (GateJudgement as JSON), null when it was not asked. */
    @ColumnTransformer(read = "cast(judgement as text)", write = "cast(cast(? as text) as jsonb)")
    public String judgement;

    /** The model whose vectors gave similarityScore and nearest; the vectors are in idea_embeddings. */
    @Column(name = "embedding_model")
    public String embeddingModel;
}
