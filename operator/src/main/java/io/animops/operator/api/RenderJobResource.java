package io.animops.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.animops.crds.AnimOps;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.Artifact;
import io.animops.crds.v1alpha1.MediaFacts;
import io.animops.crds.v1alpha1.Provenance;
import io.animops.crds.v1alpha1.RenderArtifacts;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderMode;
import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.crds.v1alpha1.RenderProgress;
import io.animops.crds.v1alpha1.ScriptError;
import io.animops.operator.common.ApiProblem;
import io.animops.operator.common.Page;
import io.animops.operator.common.PageRequest;
import io.animops.operator.common.QueryParams;
import io.animops.operator.config.AnimOpsConfig;
import io.animops.operator.idea.IdeaChildren;
import io.animops.operator.idea.IdeaRefusals;
import io.animops.operator.render.RenderJobQuery;
import io.animops.operator.storage.ArtifactLinks;
import io.fabric8.kubernetes.api.model.Condition;
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
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Render jobs: lists come from the database (every job, including deleted ones); one job is read from its
 * custom resource while it exists (progress, media facts and conditions live only there). Artifacts are storage
 * keys; download links (which serve HTTP Range) are added when a storage module provides them.
 */
@Path("/api/v1/renders")
@Tag(name = "renders")
@Produces(MediaType.APPLICATION_JSON)
public class RenderJobResource {
    /** What was asked of the render (agentSelector, smokeFrames and timeoutSeconds only while the job exists). */
    public record RenderSpecView(
            String scriptAttempt,
            String mode,
            Integer width,
            Integer height,
            Integer fps,
            Integer durationSeconds,
            Map<String, String> agentSelector,
            Integer smokeFrames,
            Integer timeoutSeconds) {}

    /**
     * One render job. {@code links} maps artifact names (video, thumbnail) to expiring download links (HTTP Range
     * allowed); absent, with {@code linksUnavailable} saying why, once retention deleted the files.
     */
    public record RenderDetail(
            String namespace,
            String name,
            UUID uid,
            boolean live,
            String idea,
            RenderSpecView spec,
            String phase,
            String agent,
            RenderProgress progress,
            Provenance provenance,
            MediaFacts media,
            List<ScriptError> errors,
            List<Condition> conditions,
            RenderArtifacts artifacts,
            @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, String> links,
            @JsonInclude(JsonInclude.Include.NON_NULL) String linksUnavailable,
            Instant createdAt,
            Instant updatedAt) {}

    @Inject
    RenderJobQuery renderJobs;

    @Inject
    KubernetesClient client;

    @Inject
    ApiActions actions;

    @Inject
    ArtifactLinks artifactLinks;

    @Inject
    Clock clock;

    @Inject
    AnimOpsConfig config;

    @GET
    @Operation(operationId = "listRenders", summary = "Render jobs, newest first, including deleted ones")
    public Page<RenderJobQuery.RenderRow> list(
            @QueryParam("namespace") String namespace,
            @QueryParam("idea") String idea,
            @QueryParam("attempt") String attempt,
            @QueryParam("mode") String mode,
            @QueryParam("phase") String phase,
            @QueryParam("limit") String limit,
            @QueryParam("continue") String continueToken) {
        QueryParams params = new QueryParams();
        String ns = params.namespace("namespace", namespace);
        String ideaName = params.resourceName("idea", idea);
        String attemptName = params.resourceName("attempt", attempt);
        RenderMode renderMode = params.enumValue("mode", mode, RenderMode.class);
        RenderPhase renderPhase = params.enumValue("phase", phase, RenderPhase.class);
        PageRequest page = PageRequest.parse("renders", limit, continueToken, params);
        params.check();
        return renderJobs.list(ns, ideaName, attemptName, renderMode, renderPhase, page);
    }

    @GET
    @Path("/{namespace}/{name}")
    @Operation(
            operationId = "getRender",
            summary = "One render job with spec, progress, provenance, media facts, artifacts and links")
    public RenderDetail get(@PathParam("namespace") String namespace, @PathParam("name") String name) {
        QueryParams.checkResourcePath(namespace, name);
        RenderJob live = client.resources(RenderJob.class)
                .inNamespace(namespace)
                .withName(name)
                .get();
        RenderJobQuery.RenderRow row = renderJobs
                .latest(namespace, name)
                .filter(r -> live == null
                        || r.uid().toString().equals(live.getMetadata().getUid()))
                .orElse(null);
        if (live == null && row == null) {
            throw SpecWrites.notFound(RenderJob.class, namespace, name);
        }
        Instant artifactsDeletedAt = row == null ? null : row.artifactsDeletedAt();
        if (live == null) {
            return withLinks(
                    artifactsDeletedAt,
                    new RenderDetail(
                            namespace,
                            name,
                            row.uid(),
                            false,
                            null,
                            new RenderSpecView(
                                    row.scriptAttempt(),
                                    row.mode(),
                                    row.width(),
                                    row.height(),
                                    row.fps(),
                                    row.durationSeconds(),
                                    null,
                                    null,
                                    null),
                            row.phase(),
                            row.agent(),
                            null,
                            row.provenance(),
                            null,
                            row.errors(),
                            List.of(),
                            row.artifacts(),
                            null,
                            null,
                            row.createdAt(),
                            row.updatedAt()));
        }
        var spec = live.getSpec();
        var status = live.getStatus();
        boolean hasStatus = status != null;
        return withLinks(
                artifactsDeletedAt,
                new RenderDetail(
                        namespace,
                        name,
                        UUID.fromString(live.getMetadata().getUid()),
                        true,
                        ideaOf(live),
                        new RenderSpecView(
                                spec.getScriptAttemptRef(),
                                spec.getMode() == null ? null : spec.getMode().name(),
                                spec.getWidth(),
                                spec.getHeight(),
                                spec.getFps(),
                                spec.getDurationSeconds(),
                                spec.getAgentSelector(),
                                spec.getSmokeFrames(),
                                spec.getTimeoutSeconds()),
                        hasStatus && status.getPhase() != null
                                ? status.getPhase().name()
                                : null,
                        hasStatus ? status.getAgent() : null,
                        hasStatus ? status.getProgress() : null,
                        hasStatus ? status.getProvenance() : null,
                        hasStatus ? status.getMedia() : null,
                        hasStatus ? status.getErrors() : List.of(),
                        hasStatus ? status.getConditions() : List.of(),
                        hasStatus ? status.getArtifacts() : null,
                        null,
                        null,
                        Instant.parse(live.getMetadata().getCreationTimestamp()),
                        row == null ? null : row.updatedAt()));
    }

    /** Adds download links for the artifacts, or says why there are none. */
    private RenderDetail withLinks(Instant artifactsDeletedAt, RenderDetail detail) {
        if (artifactsDeletedAt != null) {
            return copy(detail, null, "artifacts deleted by retention at " + artifactsDeletedAt);
        }
        Map<String, String> links = new LinkedHashMap<>();
        RenderArtifacts artifacts = detail.artifacts();
        if (artifacts != null) {
            link(links, "video", artifacts.getVideo());
            link(links, "thumbnail", artifacts.getThumbnail());
        }
        return copy(detail, links, null);
    }

    private void link(Map<String, String> links, String name, Artifact artifact) {
        if (artifact != null && artifact.getKey() != null) {
            links.put(
                    name,
                    artifactLinks
                            .download(artifact.getKey(), config.api().linkTtl())
                            .toString());
        }
    }

    private static RenderDetail copy(RenderDetail d, Map<String, String> links, String linksUnavailable) {
        return new RenderDetail(
                d.namespace(),
                d.name(),
                d.uid(),
                d.live(),
                d.idea(),
                d.spec(),
                d.phase(),
                d.agent(),
                d.progress(),
                d.provenance(),
                d.media(),
                d.errors(),
                d.conditions(),
                d.artifacts(),
                links,
                linksUnavailable,
                d.createdAt(),
                d.updatedAt());
    }

    @POST
    @Path("/{namespace}/{name}/rerender")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            operationId = "rerender",
            summary = "Render the same script attempt again, as a new job beside this one",
            description = "Allowed for the idea's current, finished preview when the idea is AwaitingQc or Failed "
                    + "(RenderFailed). Repeating the request while the new job is under way changes nothing.")
    @APIResponse(
            responseCode = "202",
            description = "The request is written (done) or already waiting (pending)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiActions.Result.class)))
    public Response rerender(
            @PathParam("namespace") String namespace,
            @PathParam("name") String name,
            @RequestBody(content = @Content(schema = @Schema(implementation = ActionBody.class))) String body) {
        QueryParams.checkResourcePath(namespace, name);
        RenderJob job = SpecWrites.existing(client, RenderJob.class, namespace, name);
        ActionBody action = ActionBody.parse(body);
        String ideaName = ideaOf(job);
        if (ideaName == null) {
            throw ApiProblem.conflict("RenderJob " + namespace + "/" + name + " was not made for an idea (no "
                    + AnimOps.LABEL_IDEA + " annotation): render it again by creating a new RenderJob");
        }
        String[] outcome = {ApiActions.PENDING};
        String[] detail = {null};
        AnimationIdea idea = SpecWrites.update(client, AnimationIdea.class, namespace, ideaName, current -> {
            String currentJob =
                    current.getStatus() == null ? null : current.getStatus().getRenderJob();
            if (!name.equals(currentJob)) {
                RenderJob newer = currentJob == null
                        ? null
                        : client.resources(RenderJob.class)
                                .inNamespace(namespace)
                                .withName(currentJob)
                                .get();
                if (newer != null && sameAttempt(newer, job) && !terminal(newer)) {
                    detail[0] = "render job " + currentJob + " of the same attempt is under way";
                    return false;
                }
                throw ApiProblem.conflict("RenderJob " + namespace + "/" + name + " is not the current render job of "
                        + "AnimationIdea " + ideaName + " (" + currentJob + ")");
            }
            String request = current.getSpec().getRerenderRequest();
            if (request != null && !request.equals(current.getStatus().getRerenderHandled())) {
                detail[0] = "render job "
                        + IdeaChildren.rerenderJobName(job.getSpec().getScriptAttemptRef(), request)
                        + " is requested (spec.rerenderRequest " + request + ")";
                return false;
            }
            String refusal = IdeaRefusals.rerenderRefusal(current, job);
            if (refusal != null) {
                throw ApiProblem.conflict("AnimationIdea " + namespace + "/" + ideaName + ": " + refusal);
            }
            String fresh = Instant.now(clock).toString();
            current.getSpec().setRerenderRequest(fresh);
            outcome[0] = ApiActions.DONE;
            detail[0] =
                    "render job " + IdeaChildren.rerenderJobName(job.getSpec().getScriptAttemptRef(), fresh)
                            + " is requested (spec.rerenderRequest " + fresh + ")";
            return true;
        });
        if (outcome[0].equals(ApiActions.DONE)) {
            actions.audit(
                    "RerenderRequested",
                    job,
                    action,
                    Map.of("idea", ideaName, "request", idea.getSpec().getRerenderRequest()));
        }
        return Response.accepted(new ApiActions.Result("rerender", "RenderJob", namespace, name, outcome[0], detail[0]))
                .build();
    }

    private static String ideaOf(RenderJob job) {
        Map<String, String> annotations = job.getMetadata().getAnnotations();
        return annotations == null ? null : annotations.get(AnimOps.LABEL_IDEA);
    }

    private static boolean sameAttempt(RenderJob a, RenderJob b) {
        return Objects.equals(a.getSpec().getScriptAttemptRef(), b.getSpec().getScriptAttemptRef())
                && a.getSpec().getMode() == b.getSpec().getMode();
    }

    private static boolean terminal(RenderJob job) {
        return job.getStatus() != null
                && job.getStatus().getPhase() != null
                && job.getStatus().getPhase().isTerminal();
    }
}
