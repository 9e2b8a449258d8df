package io.animops.operator.api;

import io.animops.crds.v1alpha1.ContentSchedule;
import io.animops.operator.common.QueryParams;
import io.animops.operator.ops.StudioOverview;
import io.fabric8.kubernetes.client.KubernetesClient;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/** Schedules with their runs, and a person's suspend and resume (spec.suspend, as kubectl would set it). */
@Path("/api/v1/schedules")
@Tag(name = "schedules")
@Produces(MediaType.APPLICATION_JSON)
public class ScheduleResource {
    @Inject
    KubernetesClient client;

    @Inject
    ApiActions actions;

    @Inject
    Clock clock;

    @GET
    @Operation(operationId = "listSchedules", summary = "Schedules: cron, suspended, last and next run, today's runs")
    public List<StudioOverview.ScheduleSummary> list(@QueryParam("namespace") String namespace) {
        QueryParams params = new QueryParams();
        String ns = params.namespace("namespace", namespace);
        params.check();
        return Listing.of(client, ContentSchedule.class, ns).stream()
                .map(s -> StudioOverview.schedule(s, clock.instant()))
                .toList();
    }

    @POST
    @Path("/{namespace}/{name}/suspend")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            operationId = "suspendSchedule",
            summary = "Suspend a schedule (sets spec.suspend: true): it fires no more")
    public ApiActions.Result suspend(
            @PathParam("namespace") String namespace,
            @PathParam("name") String name,
            @RequestBody(content = @Content(schema = @Schema(implementation = ActionBody.class))) String body) {
        return setSuspended(namespace, name, body, true);
    }

    @POST
    @Path("/{namespace}/{name}/resume")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "resumeSchedule", summary = "Resume a suspended schedule (sets spec.suspend: false)")
    public ApiActions.Result resume(
            @PathParam("namespace") String namespace,
            @PathParam("name") String name,
            @RequestBody(content = @Content(schema = @Schema(implementation = ActionBody.class))) String body) {
        return setSuspended(namespace, name, body, false);
    }

    private ApiActions.Result setSuspended(String namespace, String name, String body, boolean suspend) {
        QueryParams.checkResourcePath(namespace, name);
        SpecWrites.existing(client, ContentSchedule.class, namespace, name);
        ActionBody action = ActionBody.parse(body);
        boolean[] written = {false};
        ContentSchedule schedule = SpecWrites.update(client, ContentSchedule.class, namespace, name, current -> {
            written[0] = suspend != Boolean.TRUE.equals(current.getSpec().getSuspend());
            current.getSpec().setSuspend(suspend);
            return written[0];
        });
        if (written[0]) {
            actions.audit(suspend ? "Suspended" : "Resumed", schedule, action, Map.of("suspend", suspend));
        }
        return new ApiActions.Result(
                suspend ? "suspend" : "resume",
                "ContentSchedule",
                namespace,
                name,
                written[0] ? ApiActions.DONE : ApiActions.UNCHANGED,
                "spec.suspend is " + suspend);
    }
}
