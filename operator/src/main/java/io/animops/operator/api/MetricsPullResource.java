package io.animops.operator.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The last daily metrics pull of every account. */
@Path("/api/v1/metrics-pulls")
@Tag(name = "publications")
@Produces(MediaType.APPLICATION_JSON)
public class MetricsPullResource {
    /** One account's last pull. */
    public record PullRow(
            String namespace,
            String secret,
            String platform,
            Instant ranAt,
            String outcome,
            int videos,
            int failures,
            String message) {}

    @Inject
    DataSource dataSource;

    @GET
    @Operation(
            operationId = "listMetricsPulls",
            summary = "The last metrics pull per account Secret: when, outcome, videos read and failed")
    public List<PullRow> list() throws SQLException {
        List<PullRow> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select account_namespace, account_secret, platform, ran_at, outcome, videos,"
                                + " failures, message from metrics_pulls order by account_namespace, account_secret");
                ResultSet r = s.executeQuery()) {
            while (r.next()) {
                rows.add(new PullRow(
                        r.getString(1),
                        r.getString(2),
                        r.getString(3),
                        r.getTimestamp(4).toInstant(),
                        r.getString(5),
                        r.getInt(6),
                        r.getInt(7),
                        r.getString(8)));
            }
        }
        return rows;
    }
}
