package io.animops.operator.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.animops.operator.common.ApiProblem;
import io.animops.operator.common.KeysetQuery;
import io.animops.operator.common.Page;
import io.animops.operator.common.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;

/** Reads the audit log: filters by event type, subject and time, newest first, one page at a time. */
@ApplicationScoped
public class AuditQuery {
    /** Filters (null: any) and the page; from is inclusive, to exclusive; actor is the actor's exact name. */
    public record Criteria(
            String eventType,
            String subjectKind,
            String subjectName,
            String actor,
            Instant from,
            Instant to,
            PageRequest page) {
        public Criteria {
            if (from != null && to != null && !to.isAfter(from)) {
                throw ApiProblem.badParameter("to", "to (" + to + ") must be after from (" + from + ")");
            }
        }
    }

    public record Entry(
            long id,
            Instant occurredAt,
            String actor,
            String eventType,
            String subjectKind,
            String subjectNamespace,
            String subjectName,
            UUID subjectUid,
            JsonNode payload) {}

    @Inject
    DataSource dataSource;

    @Inject
    ObjectMapper mapper;

    public Page<Entry> find(Criteria criteria) {
        return new KeysetQuery(
                        "select id, occurred_at, actor, event_type, subject_kind, subject_namespace, subject_name,"
                                + " subject_uid, payload::text from audit_events",
                        "occurred_at",
                        "id",
                        KeysetQuery.KeyType.BIGINT)
                .where("event_type = ?", criteria.eventType())
                .where("subject_kind = ?", criteria.subjectKind())
                .where("subject_name = ?", criteria.subjectName())
                .where("actor = ?", criteria.actor())
                .where("occurred_at >= ?", utc(criteria.from()))
                .where("occurred_at < ?", utc(criteria.to()))
                .page(
                        dataSource,
                        criteria.page(),
                        rows -> new Entry(
                                rows.getLong(1),
                                rows.getObject(2, OffsetDateTime.class).toInstant(),
                                rows.getString(3),
                                rows.getString(4),
                                rows.getString(5),
                                rows.getString(6),
                                rows.getString(7),
                                rows.getObject(8, UUID.class),
                                mapper.readTree(rows.getString(9))),
                        entry -> new PageRequest.Position(entry.occurredAt(), Long.toString(entry.id())));
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
