package io.animops.operator.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.animops.operator.api.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads the audit log: filters by event type, subject and time, newest first, one page at a time. */
@ApplicationScoped
public class AuditQuery {
    public static final int DEFAULT_PAGE_SIZE = 50;
    /** Bounds the work and the answer of one request; larger reads page through. */
    public static final int MAX_PAGE_SIZE = 500;

    /** Filters (null: any) and the page; from is inclusive, to exclusive. */
    public record Criteria(String eventType, String subjectKind, String subjectName, Instant from, Instant to,
                           int page, int pageSize) {
        public Criteria {
            if (page < 0) {
                throw ApiProblem.badParameter("page", "page must be 0 or more, got " + page);
            }
            if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
                throw ApiProblem.badParameter("pageSize", "pageSize must be between 1 and " + MAX_PAGE_SIZE + ", got " + pageSize);
            }
            if (from != null && to != null && !to.isAfter(from)) {
                throw ApiProblem.badParameter("to", "to (" + to + ") must be after from (" + from + ")");
            }
        }
    }

    public record Entry(long id, Instant occurredAt, String actor, String eventType, String subjectKind,
                        String subjectNamespace, String subjectName, UUID subjectUid, JsonNode payload) {
    }

    public record Page(List<Entry> items, int page, int pageSize, long total) {
    }

    @Inject
    DataSource dataSource;
    @Inject
    ObjectMapper mapper;

    public Page find(Criteria criteria) {
        StringBuilder where = new StringBuilder(" where true");
        List<Object> parameters = new ArrayList<>();
        condition(where, parameters, "event_type = ?", criteria.eventType());
        condition(where, parameters, "subject_kind = ?", criteria.subjectKind());
        condition(where, parameters, "subject_name = ?", criteria.subjectName());
        condition(where, parameters, "occurred_at >= ?", criteria.from() == null ? null : criteria.from().atOffset(ZoneOffset.UTC));
        condition(where, parameters, "occurred_at < ?", criteria.to() == null ? null : criteria.to().atOffset(ZoneOffset.UTC));
        try (Connection connection = dataSource.getConnection()) {
            long total;
            try (PreparedStatement count = prepare(connection, "select count(*) from audit_events" + where, parameters);
                 ResultSet rows = count.executeQuery()) {
                rows.next();
                total = rows.getLong(1);
            }
            List<Entry> items = new ArrayList<>();
            List<Object> pageParameters = new ArrayList<>(parameters);
            pageParameters.add(criteria.pageSize());
            pageParameters.add((long) criteria.page() * criteria.pageSize());
            String select = "select id, occurred_at, actor, event_type, subject_kind, subject_namespace, subject_name,"
                    + " subject_uid, payload::text from audit_events" + where
                    + " order by occurred_at desc, id desc limit ? offset ?";
            try (PreparedStatement query = prepare(connection, select, pageParameters);
                 ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    items.add(new Entry(rows.getLong(1), rows.getObject(2, OffsetDateTime.class).toInstant(),
                            rows.getString(3), rows.getString(4), rows.getString(5), rows.getString(6),
                            rows.getString(7), rows.getObject(8, UUID.class), mapper.readTree(rows.getString(9))));
                }
            }
            return new Page(items, criteria.page(), criteria.pageSize(), total);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("audit query failed: " + e.getMessage(), e);
        }
    }

    private static void condition(StringBuilder where, List<Object> parameters, String sql, Object value) {
        if (value != null) {
            where.append(" and ").append(sql);
            parameters.add(value);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, List<Object> parameters) throws SQLException {
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.size(); i++) {
            statement.setObject(i + 1, parameters.get(i));
        }
        return statement;
    }
}
