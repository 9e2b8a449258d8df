package io.animops.operator.api;

import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.AnimationIdeaStatus;
import io.animops.crds.v1alpha1.GateJudgement;
import io.animops.crds.v1alpha1.IdeaPhase;
import io.animops.crds.v1alpha1.SimilarIdea;
import io.animops.crds.v1alpha1.Similarity;
import io.animops.operator.common.ApiProblem;
import io.animops.operator.common.Page;
import io.animops.operator.common.PageRequest;
import io.animops.operator.common.QueryParams;
import io.animops.operator.idea.GateDecision;
import io.animops.operator.idea.IdeaChildren;
import io.animops.operator.idea.IdeaQuery;
import io.animops.operator.idea.IdeaRefusals;
import io.animops.operator.render.RenderJobQuery;
import io.animops.operator.script.ScriptAttemptQuery;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Ideas: the list comes from the database, which remembers every gated idea including deleted ones; one idea
 * is read from its custom resource (live phase, conditions, threshold) when it still exists, else from its row.
 * Actions write the person's decision into the idea's spec, as kubectl would.
 */
@Path("/api/v1/ideas")
@Tag(name = "ideas")
@Produces(MediaType.APPLICATION_JSON)
public class IdeaResource {
    /**
     * Idea Gate result: the highest similarity and its zone (Novel, Review or Duplicate) between the review and
     * duplicate ({@code threshold}) thresholds of the embedding {@code model} they were calibrated for, the nearest
     * past ideas with their scores, and, when the schedule's LLM judge was asked, its answer (verdict, reason, model,
     * prompt version, the tokens the call cost and their price in US dollars, absent when the model has none; the
     * call is an llm_calls row).
     */
    public record SimilarityView(
            Double score,
            Double threshold,
            Double reviewThreshold,
            String zone,
            String model,
            List<SimilarIdea> nearest,
            GateJudgement judgement) {
        static SimilarityView of(Similarity similarity) {
            return new SimilarityView(
                    similarity.getScore(),
                    similarity.getThreshold(),
                    similarity.getReviewThreshold(),
                    similarity.getScore() == null || similarity.getThreshold() == null
                            ? similarity.getZone()
                            : GateDecision.zoneOf(similarity).name(),
                    similarity.getModel(),
                    similarity.getNearest(),
                    similarity.getJudgement());
        }

        static SimilarityView of(IdeaQuery.IdeaRow row) {
            return new SimilarityView(
                    row.similarityScore(),
                    row.similarityThreshold(),
                    row.reviewThreshold(),
                    row.zone(),
                    row.embeddingModel(),
                    row.nearest(),
                    row.judgement());
        }
    }

    /**
     * One idea with its attempts and render jobs. {@code live} is false when the custom resource was deleted
     * and the answer comes from the database alone (no conditions).
     */
    public record IdeaDetail(
            String namespace,
            String name,
            UUID uid,
            boolean live,
            String title,
            String premise,
            String physicsHook,
            String hook,
            String source,
            String schedule,
            String runId,
            Boolean approved,
            String phase,
            SimilarityView similarity,
            List<Condition> conditions,
            Integer attemptCount,
            String currentAttempt,
            String currentRenderJob,
            String rerunAttemptRequest,
            String rerunAttemptHandled,
            String rerenderRequest,
            String rerenderHandled,
            List<ScriptAttemptQuery.AttemptRow> attempts,
            List<RenderJobQuery.RenderRow> renderJobs,
            Instant createdAt,
            Instant updatedAt) {}

    @Inject
    IdeaQuery ideas;

    @Inject
    ScriptAttemptQuery attempts;

    @Inject
    RenderJobQuery renderJobs;

    @Inject
    KubernetesClient client;

    @Inject
    ApiActions actions;

    @Inject
    Clock clock;

    /** The longest search text: longer is refused rather than scanned. */
    static final int MAX_SEARCH = 200;

    @GET
    @Operation(
            operationId = "listIdeas",
            summary = "Ideas, newest first unless sorted, including those whose resource was deleted",
            description = "Filters combine; q matches a part of the name, title, premise, physics hook or hook, "
                    + "ignoring case. sort orders by one column, then by creation time and uid, all in one "
                    + "direction; a continue token belongs to one sort and order.")
    public Page<IdeaQuery.IdeaRow> list(
            @QueryParam("namespace") String namespace,
            @QueryParam("schedule") String schedule,
            @QueryParam("phase") String phase,
            @Parameter(
                            description = "Text searched for in the name, title, premise, physics hook and hook, "
                                    + "ignoring case; at most " + MAX_SEARCH + " characters")
                    @QueryParam("q")
                    String search,
            @Parameter(
                            description = "Column to sort by (default createdAt)",
                            schema = @Schema(implementation = IdeaQuery.Sort.class))
                    @QueryParam("sort")
                    String sort,
            @Parameter(description = "asc or desc (default desc)", schema = @Schema(enumeration = {"asc", "desc"}))
                    @QueryParam("order")
                    String order,
            @QueryParam("limit") String limit,
            @QueryParam("continue") String continueToken) {
        QueryParams params = new QueryParams();
        String ns = params.namespace("namespace", namespace);
        String scheduleName = params.resourceName("schedule", schedule);
        IdeaPhase ideaPhase = params.enumValue("phase", phase, IdeaPhase.class);
        String text = QueryParams.optional(search);
        if (text != null && text.length() > MAX_SEARCH) {
            params.invalid("q", "must be at most " + MAX_SEARCH + " characters, got " + text.length());
            text = null;
        }
        IdeaQuery.Sort column = params.enumValue("sort", sort, IdeaQuery.Sort.class);
        boolean ascending = "asc".equals(params.oneOf("order", order, "asc", "desc"));
        PageRequest page = PageRequest.parse(IdeaQuery.listName(column, ascending), limit, continueToken, params);
        params.check();
        return ideas.list(new IdeaQuery.Listing(ns, scheduleName, ideaPhase, text, column, ascending, page));
    }

    @GET
    @Path("/{namespace}/{name}")
    @Operation(operationId = "getIdea", summary = "One idea with similarity, conditions, attempts and render jobs")
    public IdeaDetail get(@PathParam("namespace") String namespace, @PathParam("name") String name) {
        QueryParams.checkResourcePath(namespace, name);
        AnimationIdea live = client.resources(AnimationIdea.class)
                .inNamespace(namespace)
                .withName(name)
                .get();
        if (live != null) {
            return fromResource(live);
        }
        IdeaQuery.IdeaRow row = ideas.latest(namespace, name)
                .orElseThrow(() -> SpecWrites.notFound(AnimationIdea.class, namespace, name));
        return new IdeaDetail(
                row.namespace(),
                row.name(),
                row.uid(),
                false,
                row.title(),
                row.premise(),
                row.physicsHook(),
                row.hook(),
                row.source(),
                row.schedule(),
                row.runId(),
                null,
                row.phase(),
                SimilarityView.of(row),
                List.of(),
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                attempts.ofIdea(row.uid()),
                renderJobs.ofIdea(row.uid()),
                row.createdAt(),
                row.updatedAt());
    }

    private IdeaDetail fromResource(AnimationIdea idea) {
        UUID uid = UUID.fromString(idea.getMetadata().getUid());
        AnimationIdeaStatus status = idea.getStatus() == null ? new AnimationIdeaStatus() : idea.getStatus();
        SimilarityView similarity = status.getSimilarity() == null ? null : SimilarityView.of(status.getSimilarity());
        Instant updated = ideas.latest(
                        idea.getMetadata().getNamespace(), idea.getMetadata().getName())
                .filter(row -> row.uid().equals(uid))
                .map(IdeaQuery.IdeaRow::updatedAt)
                .orElse(null);
        var spec = idea.getSpec();
        return new IdeaDetail(
                idea.getMetadata().getNamespace(),
                idea.getMetadata().getName(),
                uid,
                true,
                spec.getTitle(),
                spec.getPremise(),
                spec.getPhysicsHook(),
                spec.getHook(),
                spec.getSource() == null ? null : spec.getSource().name(),
                spec.getScheduleRef(),
                idea.getMetadata().getLabels() == null
                        ? null
                        : idea.getMetadata().getLabels().get(io.animops.crds.AnimOps.LABEL_RUN),
                spec.getApproved(),
                status.getPhase() == null ? null : status.getPhase().name(),
                similarity,
                status.getConditions(),
                status.getAttempts(),
                status.getCurrentAttempt(),
                currentRenderJob(status),
                spec.getRerunAttemptRequest(),
                status.getRerunAttemptHandled(),
                spec.getRerenderRequest(),
                status.getRerenderHandled(),
                attempts.ofIdea(uid),
                renderJobs.ofIdea(uid),
                Instant.parse(idea.getMetadata().getCreationTimestamp()),
                updated);
    }

    /** The final render once QC passed (status.renderJob stays the preview, which QC and rerender refer to). */
    static String currentRenderJob(AnimationIdeaStatus status) {
        boolean finalStage = status.getPhase() == IdeaPhase.FinalRendering
                || status.getPhase() == IdeaPhase.Publishing
                || status.getPhase() == IdeaPhase.Published;
        return finalStage && status.getFinalRenderJob() != null ? status.getFinalRenderJob() : status.getRenderJob();
    }

    @POST
    @Path("/{namespace}/{name}/approve")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "approveIdea", summary = "Approve a Proposed idea (sets spec.approved: true)")
    public ApiActions.Result approve(
            @PathParam("namespace") String namespace,
            @PathParam("name") String name,
            @RequestBody(content = @Content(schema = @Schema(implementation = ActionBody.class))) String body) {
        return decide(namespace, name, body, true);
    }

    @POST
    @Path("/{namespace}/{name}/reject")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "rejectIdea", summary = "Reject a Proposed idea (sets spec.approved: false)")
    public ApiActions.Result reject(
            @PathParam("namespace") String namespace,
            @PathParam("name") String name,
            @RequestBody(content = @Content(schema = @Schema(implementation = ActionBody.class))) String body) {
        return decide(namespace, name, body, false);
    }

    private ApiActions.Result decide(String namespace, String name, String body, boolean approved) {
        QueryParams.checkResourcePath(namespace, name);
        SpecWrites.existing(client, AnimationIdea.class, namespace, name);
        ActionBody action = ActionBody.parse(body);
        String verb = approved ? "approve" : "reject";
        boolean[] written = {false};
        AnimationIdea idea = SpecWrites.update(client, AnimationIdea.class, namespace, name, current -> {
            IdeaPhase phase =
                    current.getStatus() == null ? null : current.getStatus().getPhase();
            if (phase != IdeaPhase.Proposed) {
                throw ApiProblem.conflict("AnimationIdea " + namespace + "/" + name + " is " + phase
                        + ": only a Proposed idea can be approved or rejected");
            }
            written[0] = !Boolean.valueOf(approved).equals(current.getSpec().getApproved());
            current.getSpec().setApproved(approved);
            return written[0];
        });
        if (written[0]) {
            actions.audit(approved ? "Approved" : "Rejected", idea, action, Map.of("approved", approved));
        }
        return new ApiActions.Result(
                verb,
                "AnimationIdea",
                namespace,
                name,
                written[0] ? ApiActions.DONE : ApiActions.UNCHANGED,
                "spec.approved is " + approved);
    }

    @POST
    @Path("/{namespace}/{name}/rerun-attempt")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            operationId = "rerunIdeaAttempt",
            summary = "Ask for one more script attempt with the last errors",
            description =
                    "Allowed when the idea is Rejected (ScriptAttemptsExhausted, QcFailed, QcRejected), Failed or AwaitingQc; "
                            + "a request the operator has not handled yet is not repeated")
    @APIResponse(
            responseCode = "202",
            description = "The request is written (done) or already waiting (pending)",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = ApiActions.Result.class)))
    public Response rerunAttempt(
            @PathParam("namespace") String namespace,
            @PathParam("name") String name,
            @RequestBody(content = @Content(schema = @Schema(implementation = ActionBody.class))) String body) {
        QueryParams.checkResourcePath(namespace, name);
        SpecWrites.existing(client, AnimationIdea.class, namespace, name);
        ActionBody action = ActionBody.parse(body);
        String[] outcome = {ApiActions.PENDING};
        AnimationIdea idea = SpecWrites.update(client, AnimationIdea.class, namespace, name, current -> {
            if (pending(
                    current.getSpec().getRerunAttemptRequest(),
                    current.getStatus() == null ? null : current.getStatus().getRerunAttemptHandled())) {
                return false;
            }
            String refusal = IdeaRefusals.rerunAttemptRefusal(current);
            if (refusal != null) {
                throw ApiProblem.conflict("AnimationIdea " + namespace + "/" + name + ": " + refusal);
            }
            current.getSpec().setRerunAttemptRequest(Instant.now(clock).toString());
            outcome[0] = ApiActions.DONE;
            return true;
        });
        int made = idea.getStatus() == null || idea.getStatus().getAttempts() == null
                ? 0
                : idea.getStatus().getAttempts();
        String next = IdeaChildren.attemptName(idea, made + 1);
        if (outcome[0].equals(ApiActions.DONE)) {
            actions.audit(
                    "RerunAttemptRequested",
                    idea,
                    action,
                    Map.of("request", idea.getSpec().getRerunAttemptRequest(), "attempt", next));
        }
        return Response.accepted(new ApiActions.Result(
                        "rerun-attempt",
                        "AnimationIdea",
                        namespace,
                        name,
                        outcome[0],
                        "script attempt " + next + " requested (spec.rerunAttemptRequest "
                                + idea.getSpec().getRerunAttemptRequest() + ")"))
                .build();
    }

    /** A request written but not handled yet by the operator. */
    static boolean pending(String request, String handled) {
        return request != null && !request.equals(handled);
    }
}
