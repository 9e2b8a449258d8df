package io.animops.operator.api;

import io.animops.crds.v1alpha1.ContentSchedule;
import io.animops.crds.v1alpha1.Publication;
import io.animops.crds.v1alpha1.RenderAgent;
import io.animops.operator.common.QueryParams;
import io.animops.operator.ops.StudioOverview;
import io.animops.operator.ops.StudioQuery;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The panel's dashboard in one answer: schedule runs, the pipeline funnel, script success, model use, alerts. */
@Path("/api/v1/dashboard")
@Tag(name = "dashboard")
@Produces(MediaType.APPLICATION_JSON)
public class DashboardResource {
    static final Duration DEFAULT_PERIOD = Duration.ofDays(7);

    /**
     * Language model use: tokens in the period and today; the daily budget is the sum of the schedules that set one
     * (null when none does). {@code costUsd} is the period's cost at the prices in {@code animops.llm.prices}, null
     * (unknown) when {@code unpricedCalls} calls spent tokens on a model without a price. Budgets are in tokens,
     * so {@code budgetUsd} stays null.
     */
    public record LlmSummary(
            long calls,
            long promptTokens,
            long completionTokens,
            long totalTokens,
            long tokensToday,
            Long dailyTokenBudget,
            Double costUsd,
            long unpricedCalls,
            Double budgetUsd,
            String period) {}

    public record Dashboard(
            String namespace,
            Instant from,
            Instant to,
            List<StudioOverview.ScheduleSummary> schedules,
            StudioQuery.Funnel funnel,
            StudioQuery.ScriptSuccess scripts,
            LlmSummary llm,
            List<StudioOverview.Alert> alerts) {}

    @Inject
    StudioQuery studio;

    @Inject
    KubernetesClient client;

    @Inject
    Clock clock;

    @GET
    @Operation(
            operationId = "getDashboard",
            summary = "Schedule runs, pipeline funnel, script success rates, model "
                    + "tokens against the budget and alerts; from/to default to the last 7 days")
    public Dashboard get(
            @QueryParam("namespace") String namespace, @QueryParam("from") String from, @QueryParam("to") String to)
            throws SQLException {
        QueryParams params = new QueryParams();
        String ns = params.namespace("namespace", namespace);
        Instant now = clock.instant();
        Instant end = params.instant("to", to);
        Instant start = params.instant("from", from);
        params.check();
        Instant periodEnd = end == null ? now : end;
        Instant periodStart = start == null ? periodEnd.minus(DEFAULT_PERIOD) : start;
        if (!periodStart.isBefore(periodEnd)) {
            params.invalid("from", "must be before to (" + periodEnd + ")");
            params.check();
        }
        List<ContentSchedule> schedules = Listing.of(client, ContentSchedule.class, ns);
        StudioQuery.LlmUse use = studio.llm(ns, periodStart, periodEnd, now.truncatedTo(ChronoUnit.DAYS));
        return new Dashboard(
                ns,
                periodStart,
                periodEnd,
                schedules.stream().map(s -> StudioOverview.schedule(s, now)).toList(),
                studio.funnel(ns, periodStart, periodEnd),
                studio.scripts(ns, periodStart, periodEnd),
                new LlmSummary(
                        use.calls(),
                        use.promptTokens(),
                        use.completionTokens(),
                        use.totalTokens(),
                        use.tokensToday(),
                        dailyBudget(schedules),
                        use.costUsd() == null ? null : use.costUsd().doubleValue(),
                        use.unpricedCalls(),
                        null,
                        "day"),
                StudioOverview.alerts(
                        client.resources(RenderAgent.class).list().getItems(),
                        schedules,
                        Listing.of(client, Publication.class, ns)));
    }

    static Long dailyBudget(List<ContentSchedule> schedules) {
        return schedules.stream()
                .map(s -> s.getSpec().getLlm() == null
                        ? null
                        : s.getSpec().getLlm().getDailyTokenBudget())
                .filter(java.util.Objects::nonNull)
                .reduce(Long::sum)
                .orElse(null);
    }
}
