package io.animops.operator.render;

import io.animops.crds.v1alpha1.Provenance;
import io.animops.crds.v1alpha1.RenderArtifacts;
import io.animops.crds.v1alpha1.RenderMode;
import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.crds.v1alpha1.ScriptError;
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

/** Render jobs as the database remembers them, newest first. */
@ApplicationScoped
public class RenderJobQuery {
    private static final String COLUMNS = "select uid, namespace, name, script_attempt, mode, width, height, fps,"
            + " duration_seconds, phase, agent, provenance::text, artifacts::text, errors::text, created_at, updated_at,"
            + " artifacts_deleted_at"
            + " from render_jobs j";
    /** Jobs of an idea: those rendering one of its attempts (attempts carry the idea's uid). */
    private static final String OF_IDEA = "script_attempt in (select a.name from script_attempts a"
            + " where a.namespace = j.namespace and a.idea_uid = ?)";

    private static final String OF_IDEA_NAMED = "script_attempt in (select a.name from script_attempts a"
            + " where a.namespace = j.namespace and a.idea_name = ?)";

    /** A job's row. */
    public record RenderRow(
            UUID uid,
            String namespace,
            String name,
            String scriptAttempt,
            String mode,
            Integer width,
            Integer height,
            Integer fps,
            Integer durationSeconds,
            String phase,
            String agent,
            Provenance provenance,
            RenderArtifacts artifacts,
            List<ScriptError> errors,
            Instant createdAt,
            Instant updatedAt,
            Instant artifactsDeletedAt) {}

    @Inject
    DataSource dataSource;

    public Page<RenderRow> list(
            String namespace, String idea, String attempt, RenderMode mode, RenderPhase phase, PageRequest page) {
        return query().where("namespace = ?", namespace)
                .where(OF_IDEA_NAMED, idea)
                .where("script_attempt = ?", attempt)
                .where("mode = ?", mode == null ? null : mode.name())
                .where("phase = ?", phase == null ? null : phase.name())
                .page(dataSource, page, this::read, RenderJobQuery::position);
    }

    public List<RenderRow> ofIdea(UUID ideaUid) {
        return query().where(OF_IDEA, ideaUid)
                .page(
                        dataSource,
                        new PageRequest("renders", PageRequest.MAX_LIMIT, null),
                        this::read,
                        RenderJobQuery::position)
                .items();
    }

    public Optional<RenderRow> latest(String namespace, String name) {
        return query()
                .where("namespace = ?", namespace)
                .where("name = ?", name)
                .page(dataSource, new PageRequest("renders", 1, null), this::read, RenderJobQuery::position)
                .items()
                .stream()
                .findFirst();
    }

    private static KeysetQuery query() {
        return new KeysetQuery(COLUMNS, "created_at", "uid", KeysetQuery.KeyType.UUID);
    }

    private static PageRequest.Position position(RenderRow row) {
        return new PageRequest.Position(row.createdAt(), row.uid().toString());
    }

    private RenderRow read(ResultSet r) throws SQLException {
        return new RenderRow(
                r.getObject(1, UUID.class),
                r.getString(2),
                r.getString(3),
                r.getString(4),
                r.getString(5),
                r.getObject(6, Integer.class),
                r.getObject(7, Integer.class),
                r.getObject(8, Integer.class),
                r.getObject(9, Integer.class),
                r.getString(10),
                r.getString(11),
                JsonColumn.read(r.getString(12), Provenance.class),
                JsonColumn.read(r.getString(13), RenderArtifacts.class),
                JsonColumn.readList(r.getString(14), ScriptError.class),
                r.getObject(15, OffsetDateTime.class).toInstant(),
                r.getObject(16, OffsetDateTime.class).toInstant(),
                r.getObject(17, OffsetDateTime.class) == null
                        ? null
                        : r.getObject(17, OffsetDateTime.class).toInstant());
    }
}
