package io.animops.operator.idea;

import io.animops.crds.v1alpha1.GateJudgement;
import io.animops.crds.v1alpha1.IdeaPhase;
import io.animops.crds.v1alpha1.SimilarIdea;
import io.animops.operator.common.KeysetQuery;
import io.animops.operator.common.Page;
import io.animops.operator.common.PageRequest;
import io.animops.operator.db.JsonColumn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Ideas as the database remembers them: every idea ever gated, including those whose custom resource was
 * deleted, newest first.
 */
@ApplicationScoped
public class IdeaQuery {
    private static final String COLUMNS = "select uid, namespace, name, schedule, run_id, title, premise, physics_hook,"
            + " hook, source, phase, similarity_score, nearest::text, embedding_model, created_at, updated_at,"
            + " similarity_threshold, review_threshold, judgement::text from ideas";

    /**
     * An idea's row. The gate's result: {@code similarityThreshold} (the duplicate threshold) and
     * {@code reviewThreshold} belong to {@code embeddingModel}; {@code zone} is where the score falls between them
     * (null for an idea not gated yet); {@code judgement} the LLM judge's answer, when it was asked.
     */
    public record IdeaRow(
            UUID uid,
            String namespace,
            String name,
            String schedule,
            String runId,
            String title,
            String premise,
            String physicsHook,
            String hook,
            String source,
            String phase,
            Double similarityScore,
            List<SimilarIdea> nearest,
            String embeddingModel,
            Instant createdAt,
            Instant updatedAt,
            Double similarityThreshold,
            Double reviewThreshold,
            String zone,
            GateJudgement judgement) {}

    @Inject
    DataSource dataSource;

    public Page<IdeaRow> list(String namespace, String schedule, IdeaPhase phase, PageRequest page) {
        return query().where("namespace = ?", namespace)
                .where("schedule = ?", schedule)
                .where("phase = ?", phase == null ? null : phase.name())
                .page(dataSource, page, this::read, IdeaQuery::position);
    }

    /** The newest row of this name: a re-created idea of the same name has a row of its own. */
    public Optional<IdeaRow> latest(String namespace, String name) {
        return query()
                .where("namespace = ?", namespace)
                .where("name = ?", name)
                .page(dataSource, new PageRequest("ideas", 1, null), this::read, IdeaQuery::position)
                .items()
                .stream()
                .findFirst();
    }

    private static KeysetQuery query() {
        return new KeysetQuery(COLUMNS, "created_at", "uid", KeysetQuery.KeyType.UUID);
    }

    private static PageRequest.Position position(IdeaRow row) {
        return new PageRequest.Position(row.createdAt(), row.uid().toString());
    }

    private IdeaRow read(ResultSet r) throws SQLException {
        Double score = r.getObject(12, Double.class);
        Double threshold = r.getObject(17, Double.class);
        Double review = r.getObject(18, Double.class);
        return new IdeaRow(
                r.getObject(1, UUID.class),
                r.getString(2),
                r.getString(3),
                r.getString(4),
                r.getString(5),
                r.getString(6),
                r.getString(7),
                r.getString(8),
                r.getString(9),
                r.getString(10),
                r.getString(11),
                score,
                JsonColumn.readList(r.getString(13), SimilarIdea.class),
                r.getString(14),
                r.getObject(15, OffsetDateTime.class).toInstant(),
                r.getObject(16, OffsetDateTime.class).toInstant(),
                threshold,
                review,
                score == null || threshold == null
                        ? null
                        : GateZones.zoneOf(score, review, threshold).name(),
                JsonColumn.read(r.getString(19), GateJudgement.class));
    }
}
