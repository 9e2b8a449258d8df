package io.animops.operator.api;

import io.animops.crds.v1alpha1.ContentSchedule;
import io.animops.crds.v1alpha1.RenderAgent;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.operator.common.QueryParams;
import io.animops.operator.config.AnimOpsConfig;
import io.animops.operator.ops.StudioOverview;
import io.animops.operator.ops.StudioQuery;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.smallrye.health.SmallRyeHealthReporter;
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
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** The panel's ops page: agents and their jobs, the render queue, schedules, model providers, storage, health. */
@Path("/api/v1/ops")
@Tag(name = "ops")
@Produces(MediaType.APPLICATION_JSON)
public class OpsResource {
    public record Retention(String interval, int previewDays, int rejectedDays) {}

    public record Storage(String type, long objects, long bytes, String retention, Retention retentionPolicy) {}

    /** A schedule's language model: {@code Offline} needs none. */
    public record LlmProvider(
            String namespace, String schedule, String name, String model, boolean offline, Long dailyTokenBudget) {}

    /** Today's (UTC) use; {@code costUsd} as in the dashboard: null when a call's model has no price. */
    public record Llm(
            List<LlmProvider> providers,
            long tokensToday,
            Long dailyTokenBudget,
            Double costUsd,
            long unpricedCalls,
            Double budgetUsd,
            String period) {}

    public record Health(String name, String status) {}

    public record Ops(
            List<StudioOverview.AgentSummary> agents,
            List<StudioOverview.QueueDepth> queue,
            List<StudioOverview.ScheduleSummary> schedules,
            Llm llm,
            Storage storage,
            List<Health> health) {}

    @Inject
    StudioQuery studio;

    @Inject
    KubernetesClient client;

    @Inject
    AnimOpsConfig config;

    @Inject
    SmallRyeHealthReporter health;

    @Inject
    Clock clock;

    @GET
    @Operation(
            operationId = "getOps",
            summary =
                    "Agents (executor, heartbeat age, current jobs, capacity), queue depth "
                            + "per render mode, schedules, language model providers and tokens, storage use and retention, health")
    public Ops get(@QueryParam("namespace") String namespace) throws SQLException {
        QueryParams params = new QueryParams();
        String ns = params.namespace("namespace", namespace);
        params.check();
        Instant now = clock.instant();
        List<RenderJob> jobs = Listing.of(client, RenderJob.class, ns);
        List<ContentSchedule> schedules = Listing.of(client, ContentSchedule.class, ns);
        List<StudioOverview.AgentSummary> agents = client.resources(RenderAgent.class).list().getItems().stream()
                .map(a -> StudioOverview.agent(a, jobs, now))
                .toList();
        StudioQuery.LlmUse use =
                studio.llm(ns, now.truncatedTo(ChronoUnit.DAYS), now, now.truncatedTo(ChronoUnit.DAYS));
        List<LlmProvider> providers = schedules.stream()
                .map(s -> {
                    var llm = s.getSpec().getLlm();
                    String provider = llm == null || llm.getProvider() == null
                            ? "Offline"
                            : llm.getProvider().name();
                    return new LlmProvider(
                            s.getMetadata().getNamespace(),
                            s.getMetadata().getName(),
                            provider,
                            llm == null ? null : llm.getModel(),
                            "Offline".equals(provider),
                            llm == null ? null : llm.getDailyTokenBudget());
                })
                .toList();
        AnimOpsConfig.Storage.Retention retention = config.storage().retention();
        StudioQuery.StorageUse stored = studio.storage();
        Storage storage = new Storage(
                config.storage().type().name(),
                stored.objects(),
                stored.bytes(),
                "previews " + retention.previewDays() + " d, rejected " + retention.rejectedDays()
                        + " d, checked every " + retention.interval(),
                new Retention(retention.interval(), retention.previewDays(), retention.rejectedDays()));
        List<Health> checks = health.getHealth().getPayload().getJsonArray("checks").stream()
                .map(v -> v.asJsonObject())
                .map(o -> new Health(o.getString("name"), o.getString("status")))
                .toList();
        return new Ops(
                agents,
                StudioOverview.queue(jobs, now),
                schedules.stream().map(s -> StudioOverview.schedule(s, now)).toList(),
                new Llm(
                        providers,
                        use.tokensToday(),
                        DashboardResource.dailyBudget(schedules),
                        use.costUsd() == null ? null : use.costUsd().doubleValue(),
                        use.unpricedCalls(),
                        null,
                        "day"),
                storage,
                checks);
    }
}
