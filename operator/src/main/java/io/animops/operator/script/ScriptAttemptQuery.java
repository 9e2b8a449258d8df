package io.animops.operator.script;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.animops.crds.v1alpha1.AttemptPhase;
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

/** Script attempts as the database remembers them, with their script text; newest first. */
@ApplicationScoped
public class ScriptAttemptQuery {
    private static final String COLUMNS = "select uid, idea_uid, namespace, name, idea_name, attempt, provider, model,"
            + " offline, prompt_version, origin, script_sha256, contract_version, phase, errors::text, prompt_tokens,"
            + " completion_tokens, created_at, updated_at, script from script_attempts";

    /** An attempt's row; {@code script} is read only for a single attempt. */
    public record AttemptRow(
            UUID uid,
            UUID ideaUid,
            String namespace,
            String name,
            String idea,
            int attempt,
            String provider,
            String model,
            Boolean offline,
            String promptVersion,
            String origin,
            String scriptSha256,
            String contractVersion,
            String phase,
            List<ScriptError> errors,
            Long promptTokens,
            Long completionTokens,
            Instant createdAt,
            Instant updatedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String script) {}

    @Inject
    DataSource dataSource;

    public Page<AttemptRow> list(String namespace, String idea, AttemptPhase phase, PageRequest page) {
        return query().where("namespace = ?", namespace)
                .where("idea_name = ?", idea)
                .where("phase = ?", phase == null ? null : phase.name())
                .page(dataSource, page, r -> read(r, false), ScriptAttemptQuery::position);
    }

    /** Every attempt of one idea (at most ten), newest first. */
    public List<AttemptRow> ofIdea(UUID ideaUid) {
        return query().where("idea_uid = ?", ideaUid)
                .page(
                        dataSource,
                        new PageRequest("attempts", PageRequest.MAX_LIMIT, null),
                        r -> read(r, false),
                        ScriptAttemptQuery::position)
                .items();
    }

    /** The newest attempt of this name, with its script. */
    public Optional<AttemptRow> latest(String namespace, String name) {
        return query()
                .where("namespace = ?", namespace)
                .where("name = ?", name)
                .page(
                        dataSource,
                        new PageRequest("attempts", 1, null),
                        r -> read(r, true),
                        ScriptAttemptQuery::position)
                .items()
                .stream()
                .findFirst();
    }

    private static KeysetQuery query() {
        return new KeysetQuery(COLUMNS, "created_at", "uid", KeysetQuery.KeyType.UUID);
    }

    private static PageRequest.Position position(AttemptRow row) {
        return new PageRequest.Position(row.createdAt(), row.uid().toString());
    }

    private AttemptRow read(ResultSet r, boolean withScript) throws SQLException {
        return new AttemptRow(
                r.getObject(1, UUID.class),
                r.getObject(2, UUID.class),
                r.getString(3),
                r.getString(4),
                r.getString(5),
                r.getInt(6),
                r.getString(7),
                r.getString(8),
                r.getObject(9, Boolean.class),
                r.getString(10),
                r.getString(11),
                r.getString(12),
                r.getString(13),
                r.getString(14),
                JsonColumn.readList(r.getString(15), ScriptError.class),
                r.getObject(16, Long.class),
                r.getObject(17, Long.class),
                r.getObject(18, OffsetDateTime.class).toInstant(),
                r.getObject(19, OffsetDateTime.class).toInstant(),
                withScript ? r.getString(20) : null);
    }
}
