package io.animops.operator.publish;

import io.animops.operator.common.KeysetQuery;
import io.animops.operator.common.Page;
import io.animops.operator.common.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Publications as the database remembers them, newest first (also deleted ones). */
@ApplicationScoped
public class PublicationQuery {
    private static final String COLUMNS =
            "select uid, namespace, name, idea, render_job, platform, mode, phase, external_id, url,"
                    + " published_at, confirmed_by, created_at, updated_at from publications";

    /** A publication's row: where the video went and what it is called there. */
    public record PublicationRow(
            UUID uid,
            String namespace,
            String name,
            String idea,
            String renderJob,
            String platform,
            String mode,
            String phase,
            String externalId,
            String url,
            Instant publishedAt,
            String confirmedBy,
            Instant createdAt,
            Instant updatedAt) {}

    @Inject
    DataSource dataSource;

    public Page<PublicationRow> list(String namespace, String idea, String platform, String phase, PageRequest page) {
        return query().where("namespace = ?", namespace)
                .where("idea = ?", idea)
                .where("platform = ?", platform)
                .where("phase = ?", phase)
                .page(dataSource, page, PublicationQuery::read, PublicationQuery::position);
    }

    public Optional<PublicationRow> latest(String namespace, String name) {
        return query()
                .where("namespace = ?", namespace)
                .where("name = ?", name)
                .page(
                        dataSource,
                        new PageRequest("publications", 1, null),
                        PublicationQuery::read,
                        PublicationQuery::position)
                .items()
                .stream()
                .findFirst();
    }

    private static KeysetQuery query() {
        return new KeysetQuery(COLUMNS, "created_at", "uid", KeysetQuery.KeyType.UUID);
    }

    private static PageRequest.Position position(PublicationRow row) {
        return new PageRequest.Position(row.createdAt(), row.uid().toString());
    }

    private static PublicationRow read(ResultSet r) throws SQLException {
        return new PublicationRow(
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
                instant(r, 11),
                r.getString(12),
                instant(r, 13),
                instant(r, 14));
    }

    private static Instant instant(ResultSet r, int column) throws SQLException {
        OffsetDateTime value = r.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
