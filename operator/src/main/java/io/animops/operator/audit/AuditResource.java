package io.animops.operator.audit;

import io.animops.operator.api.ApiProblem;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** GET /api/v1/audit: the audit log, filtered and paginated. Guarded by the API token. */
@Path("/api/v1/audit")
public class AuditResource {
    @Inject
    AuditQuery query;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public AuditQuery.Page list(@QueryParam("eventType") String eventType, @QueryParam("subjectKind") String subjectKind,
                                @QueryParam("subjectName") String subjectName, @QueryParam("from") String from,
                                @QueryParam("to") String to, @QueryParam("page") String page,
                                @QueryParam("pageSize") String pageSize) {
        return query.find(new AuditQuery.Criteria(blankToNull(eventType), blankToNull(subjectKind),
                blankToNull(subjectName), instant("from", from), instant("to", to),
                integer("page", page, 0), integer("pageSize", pageSize, AuditQuery.DEFAULT_PAGE_SIZE)));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static Instant instant(String field, String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badParameter(field, field + " '" + text + "' is not an ISO-8601 instant such as 2026-01-31T09:00:00Z");
        }
    }

    private static int integer(String field, String text, int fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw ApiProblem.badParameter(field, field + " '" + text + "' is not an integer");
        }
    }
}
