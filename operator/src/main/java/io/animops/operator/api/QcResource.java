package io.animops.operator.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.animops.crds.v1alpha1.QcSettings;
import io.animops.operator.common.ApiProblem;
import io.animops.operator.common.KeysetQuery;
import io.animops.operator.common.Page;
import io.animops.operator.common.PageRequest;
import io.animops.operator.common.QueryParams;
import io.animops.operator.db.JsonColumn;
import io.animops.operator.qc.QcException;
import io.animops.operator.qc.QcItemResult;
import io.animops.operator.qc.QcOutcome;
import io.animops.operator.qc.QcResult;
import io.animops.operator.qc.QcService;
import io.animops.operator.qc.VersionedChecklist;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** QC over HTTP: the checklists, each render's result (by the render job's name), and a person's ticks on manual items. */
@Path("/api/v1/qc")
@Tag(name = "qc")
@Produces(MediaType.APPLICATION_JSON)
public class QcResource {
    private static final int MAX_COMMENT = 2000;
    private static final String COLUMNS = "select render_job_uid, namespace, render_job, idea, checklist_name,"
            + " checklist_version, policy, outcome, items::text, created_at, updated_at from qc_results";

    /** A person's decision on a manual item. */
    @Schema(
            name = "QcTick",
            description = "passed: the item is fine; false fails it and rejects the idea (comment required)")
    public record Tick(boolean passed, String comment) {}

    @Inject
    QcService qc;

    @Inject
    ApiActions actions;

    @Inject
    DataSource dataSource;

    @GET
    @Path("/checklists")
    @Operation(
            operationId = "listQcChecklists",
            summary = "The latest version of every QC checklist, with its items",
            description = "A short catalogue (one entry per checklist name), so not paged.")
    public List<VersionedChecklist> checklists() {
        return qc.listChecklists();
    }

    @GET
    @Path("/checklists/{name}/{version}")
    @Operation(
            operationId = "getQcChecklist",
            summary = "One version of a checklist, e.g. the one an old result was made with")
    public VersionedChecklist checklist(@PathParam("name") String name, @PathParam("version") String version) {
        QueryParams params = new QueryParams();
        String checklist = params.requiredName("name", name);
        int number = params.integer("version", version, 0, 1, Integer.MAX_VALUE);
        params.check();
        return qc.checklist(checklist, number)
                .orElseThrow(() -> ApiProblem.notFound("QC checklist " + checklist + " has no version " + number));
    }

    @GET
    @Path("/results")
    @Operation(operationId = "listQcResults", summary = "QC results, newest first; outcome=Pending is the review queue")
    public Page<QcResult> results(
            @QueryParam("namespace") String namespace,
            @QueryParam("outcome") String outcome,
            @QueryParam("limit") String limit,
            @QueryParam("continue") String continueToken) {
        QueryParams params = new QueryParams();
        String ns = params.namespace("namespace", namespace);
        QcOutcome wanted = params.enumValue("outcome", outcome, QcOutcome.class);
        PageRequest page = PageRequest.parse("qc-results", limit, continueToken, params);
        params.check();
        return new KeysetQuery(COLUMNS, "created_at", "render_job_uid", KeysetQuery.KeyType.UUID)
                .where("namespace = ?", ns)
                .where("outcome = ?", wanted == null ? null : wanted.name())
                .page(
                        dataSource,
                        page,
                        QcResource::read,
                        result -> new PageRequest.Position(
                                result.createdAt(), result.renderJobUid().toString()));
    }

    @GET
    @Path("/results/{namespace}/{name}")
    @Operation(
            operationId = "getRenderQc",
            summary = "The QC result of a render: checklist version and every item's outcome")
    public QcResult result(@PathParam("namespace") String namespace, @PathParam("name") String name) {
        QueryParams.checkResourcePath(namespace, name);
        return qc.result(namespace, name)
                .orElseThrow(() -> ApiProblem.notFound("render job " + namespace + "/" + name
                        + " has no QC result (not rendered yet, or not a checked preview)"));
    }

    @POST
    @Path("/results/{namespace}/{name}/items/{item}")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            operationId = "tickQcItem",
            summary = "Tick a manual QC item passed or failed, with a comment",
            description =
                    "Body {\"passed\": true|false, \"comment\": \"...\"}; a failed item rejects the idea (QcRejected). "
                            + "400 for an automatic item or a failing tick without comment, 409 once the result is decided.")
    public QcResult tick(
            @PathParam("namespace") String namespace,
            @PathParam("name") String name,
            @PathParam("item") String item,
            String body) {
        QueryParams.checkResourcePath(namespace, name);
        if (qc.result(namespace, name).isEmpty()) {
            throw new ApiProblem(
                    404, "Not Found", "renderJob", "no QC result for render job " + namespace + "/" + name);
        }
        Tick tick = parseTick(body);
        try {
            return qc.tick(namespace, name, item, tick.passed(), actions.actor(), tick.comment());
        } catch (QcException e) {
            throw problem(e);
        }
    }

    /** Read by hand, so that a malformed body answers a 400 naming the member at fault. */
    static Tick parseTick(String text) {
        if (text == null || text.isBlank()) {
            throw ApiProblem.badParameter("body", "a body {\"passed\": true|false, \"comment\": \"...\"} is required");
        }
        QueryParams params = new QueryParams();
        JsonNode json = JsonBody.object(text, List.of("passed", "comment"), "{\"passed\": true}", params);
        JsonNode passed = json.get("passed");
        if (passed == null || !passed.isBoolean()) {
            params.invalid("body.passed", "required, true or false");
        }
        String comment = JsonBody.optionalString(json, "comment", MAX_COMMENT, params);
        params.check();
        return new Tick(passed.asBoolean(), comment);
    }

    private static ApiProblem problem(QcException e) {
        String field = "comment".equals(e.field()) ? "body.comment" : e.field();
        return switch (e.kind()) {
            case NOT_FOUND -> new ApiProblem(404, "Not Found", field, e.getMessage());
            case INVALID -> ApiProblem.badParameter(field, e.getMessage());
            case CONFLICT -> ApiProblem.conflict(e.getMessage());
        };
    }

    private static QcResult read(ResultSet row) throws SQLException {
        return new QcResult(
                row.getObject(1, UUID.class),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                row.getString(5),
                row.getInt(6),
                QcSettings.Policy.valueOf(row.getString(7)),
                QcOutcome.valueOf(row.getString(8)),
                JsonColumn.readList(row.getString(9), QcItemResult.class),
                row.getObject(10, OffsetDateTime.class).toInstant(),
                row.getObject(11, OffsetDateTime.class).toInstant());
    }
}
