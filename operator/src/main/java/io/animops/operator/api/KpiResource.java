package io.animops.operator.api;

import io.animops.operator.common.ApiProblem;
import io.animops.operator.common.Page;
import io.animops.operator.common.PageRequest;
import io.animops.operator.common.QueryParams;
import io.animops.operator.kpi.ExportFormat;
import io.animops.operator.kpi.KpiExporter;
import io.animops.operator.kpi.KpiQuery;
import io.animops.operator.kpi.KpiView;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import javax.sql.DataSource;

/** The KPI views and the raw snapshots (docs/kpi.md) as JSON pages and as exports. Guarded by the API token. */
@Path("/api/v1/kpis")
@Tag(name = "kpis")
public class KpiResource {
    @Inject
    DataSource dataSource;

    @Inject
    KpiQuery kpis;

    @GET
    @Path("/{view}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "listKpis",
            summary = "Rows of a KPI view as JSON, newest first; from and to are inclusive UTC days")
    public Page<Map<String, Object>> list(
            @PathParam("view") String viewName,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") String limit,
            @QueryParam("continue") String continueToken) {
        KpiView view = view(viewName);
        KpiExporter.DateRange range = dateRange(from, to);
        QueryParams params = new QueryParams();
        PageRequest page = PageRequest.parse("kpis/" + view.relation, limit, continueToken, params);
        params.check();
        return kpis.rows(view, range, page);
    }

    @GET
    @Path("/{view}/export")
    @Operation(operationId = "exportKpis", summary = "A KPI view or the raw snapshots as CSV or Parquet")
    public Response export(
            @PathParam("view") String viewName,
            @QueryParam("format") String formatName,
            @QueryParam("from") String from,
            @QueryParam("to") String to) {
        KpiView view = view(viewName);
        String requestedFormat = formatName == null ? "csv" : formatName;
        ExportFormat format = ExportFormat.byName(requestedFormat)
                .orElseThrow(() ->
                        ApiProblem.badParameter("format", "unknown format '" + requestedFormat + "': csv or parquet"));
        KpiExporter.DateRange range = dateRange(from, to);
        StreamingOutput body = out -> {
            try (Connection connection = dataSource.getConnection()) {
                new KpiExporter().export(connection, view, format, range, out);
            } catch (SQLException e) {
                throw new IOException("export of " + view.relation + " failed: " + e.getMessage(), e);
            }
        };
        String fileName = view.relation + "." + format.extension;
        return Response.ok(body, format.mediaType)
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"")
                .build();
    }

    private static KpiView view(String viewName) {
        return KpiView.byRelation(viewName)
                .orElseThrow(() ->
                        ApiProblem.badParameter("view", "unknown view '" + viewName + "': one of " + KpiView.names()));
    }

    static KpiExporter.DateRange dateRange(String from, String to) {
        LocalDate start = date("from", from);
        LocalDate end = date("to", to);
        if (start != null && end != null && end.isBefore(start)) {
            throw ApiProblem.badParameter("to", "to (" + end + ") is before from (" + start + ")");
        }
        return new KpiExporter.DateRange(start, end);
    }

    private static LocalDate date(String field, String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiProblem.badParameter(field, field + " '" + text + "' is not a date of the form YYYY-MM-DD");
        }
    }
}
