package io.animops.operator.api;

import io.animops.operator.audit.AuditLog;
import io.animops.operator.audit.AuditQuery;
import io.animops.operator.common.Page;
import io.animops.operator.common.PageRequest;
import io.animops.operator.common.QueryParams;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;

/** GET /api/v1/audit: the audit log, filtered and paginated. Guarded by the API token. */
@Path("/api/v1/audit")
@Tag(name = "audit")
public class AuditResource {
    /** No actor name is longer (user names and token names are shorter). */
    static final int MAX_ACTOR = 256;

    @Inject
    AuditQuery query;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listAuditEvents", summary = "Audit events, newest first; from inclusive, to exclusive")
    public Page<AuditQuery.Entry> list(
            @QueryParam("eventType") String eventType,
            @QueryParam("subjectKind") String subjectKind,
            @QueryParam("subjectName") String subjectName,
            @Parameter(
                            description = "The actor's exact name: a user's name, token:<name> for an API token, "
                                    + AuditLog.OPERATOR + " for the operator itself; at most " + MAX_ACTOR
                                    + " characters")
                    @QueryParam("actor")
                    String actor,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") String limit,
            @QueryParam("continue") String continueToken) {
        QueryParams params = new QueryParams();
        String actorName = QueryParams.optional(actor);
        if (actorName != null && actorName.length() > MAX_ACTOR) {
            params.invalid("actor", "must be at most " + MAX_ACTOR + " characters, got " + actorName.length());
        }
        Instant start = params.instant("from", from);
        Instant end = params.instant("to", to);
        PageRequest page = PageRequest.parse("audit", limit, continueToken, params);
        params.check();
        return query.find(new AuditQuery.Criteria(
                QueryParams.optional(eventType),
                QueryParams.optional(subjectKind),
                QueryParams.optional(subjectName),
                actorName,
                start,
                end,
                page));
    }
}
