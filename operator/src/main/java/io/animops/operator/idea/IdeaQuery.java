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

    /**
     * The columns the list can be sorted by (the API's {@code sort} values), each then by creation time and uid.
     * Nullable columns sort as their coalesced value, so that the keyset comparison never meets a null.
     */
    public enum Sort {
        createdAt(null, null, null),
        updatedAt(
                "updated_at",
                KeysetQuery.SortType.TIMESTAMP,
                row -> row.updatedAt().toString()),
        name("name", KeysetQuery.SortType.TEXT, IdeaRow::name),
        title("title", KeysetQuery.SortType.TEXT, IdeaRow::title),
        namespace("namespace", KeysetQuery.SortType.TEXT, IdeaRow::namespace),
        schedule("coalesce(schedule, '')", KeysetQuery.SortType.TEXT, row -> nonNull(row.schedule())),
        phase("phase", KeysetQuery.SortType.TEXT, IdeaRow::phase),
        similarityScore(
                "coalesce(similarity_score, " + NO_SCORE + ")",
                KeysetQuery.SortType.DOUBLE,
                row -> String.valueOf(row.similarityScore() == null ? NO_SCORE : row.similarityScore()));

        private final String expression;
        private final KeysetQuery.SortType type;
        private final java.util.function.Function<IdeaRow, String> value;

        Sort(String expression, KeysetQuery.SortType type, java.util.function.Function<IdeaRow, String> value) {
            this.expression = expression;
            this.type = type;
            this.value = value;
        }
    }

    /** What the list shows: filters (null: any), the text searched for, the sort and the page. */
    public record Listing(
            String namespace,
            String schedule,
            IdeaPhase phase,
            String search,
            Sort sort,
            boolean ascending,
            PageRequest page) {}

    /** A similarity score below every real one (cosine similarity is at least -1): ideas never scored. */
    private static final double NO_SCORE = -2;

    @Inject
    DataSource dataSource;

    public Page<IdeaRow> list(Listing listing) {
        Sort sort = listing.sort() == null ? Sort.createdAt : listing.sort();
        KeysetQuery query = query().where("namespace = ?", listing.namespace())
                .where("schedule = ?", listing.schedule())
                .where(
                        "phase = ?",
                        listing.phase() == null ? null : listing.phase().name())
                .where(
                        "concat_ws(' ', name, title, premise, physics_hook, hook) ilike ?",
                        listing.search() == null ? null : "%" + likeEscaped(listing.search()) + "%");
        if (sort.expression != null || listing.ascending()) {
            query.sortedBy(new KeysetQuery.Sort(
                    sort.expression == null ? "created_at" : sort.expression,
                    sort.type == null ? KeysetQuery.SortType.TIMESTAMP : sort.type,
                    listing.ascending()));
        }
        java.util.function.Function<IdeaRow, String> value =
                sort.value == null ? row -> row.createdAt().toString() : sort.value;
        return query.page(
                dataSource,
                listing.page(),
                this::read,
                row -> new PageRequest.Position(row.createdAt(), row.uid().toString(), value.apply(row)));
    }

    /** The list's name in continue tokens: a token of another sort or order is refused rather than misread. */
    public static String listName(Sort sort, boolean ascending) {
        return sort == null || (sort == Sort.createdAt && !ascending)
                ? "ideas"
                : "ideas:" + sort.name() + ":" + (ascending ? "asc" : "desc");
    }

    /** The text as a LIKE pattern matching itself only (backslash is PostgreSQL's default escape). */
    static String likeEscaped(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
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
