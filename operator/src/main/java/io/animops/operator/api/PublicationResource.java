package io.animops.operator.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import io.animops.crds.AnimOps;
import io.animops.crds.v1alpha1.ManualPostConfirmation;
import io.animops.crds.v1alpha1.Platform;
import io.animops.crds.v1alpha1.Publication;
import io.animops.crds.v1alpha1.PublicationPhase;
import io.animops.crds.v1alpha1.PublicationSpec;
import io.animops.crds.v1alpha1.PublicationStatus;
import io.animops.crds.v1alpha1.PublishMode;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.operator.common.ApiProblem;
import io.animops.operator.common.Page;
import io.animops.operator.common.PageRequest;
import io.animops.operator.common.QueryParams;
import io.animops.operator.config.AnimOpsConfig;
import io.animops.operator.publish.*;
import io.animops.operator.storage.ArtifactLinks;
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
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Publications: lists from the database (also deleted ones), one publication from its resource while it exists
 * (platform ids and URLs, upload progress, metadata as sent, conditions); in the manual flow a signed link to the
 * MP4 and the caption to post. Confirm, cancel and retry write the person's decision into the spec.
 */
@Path("/api/v1/publications")
@Tag(name = "publications")
@Produces(MediaType.APPLICATION_JSON)
public class PublicationResource {
    /** What a person needs to post by hand: the file (a signed, expiring link) and the text. */
    public record ManualPost(String videoLink, String caption, String title, String description, List<String> tags) {}

    /** One publication. */
    public record PublicationDetail(
            String namespace,
            String name,
            boolean live,
            String idea,
            String renderJob,
            String platform,
            String mode,
            String accountSecret,
            String phase,
            String externalId,
            String url,
            String publishedAt,
            String confirmedBy,
            String confirmedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) Object upload,
            @JsonInclude(JsonInclude.Include.NON_NULL) Object metadata,
            @JsonInclude(JsonInclude.Include.NON_NULL) ManualPost manualPost,
            List<?> conditions,
            Instant createdAt,
            Instant updatedAt) {}

    /** The answer to a confirmation. */
    public record Confirmation(
            String namespace,
            String name,
            String url,
            String videoId,
            String confirmedBy,
            String confirmedAt,
            String outcome) {}

    @Schema(name = "ConfirmRequest")
    public record ConfirmBody(
            @Schema(required = true, description = "URL of the post on the platform")
            String url,

            @Schema(description = "Why, recorded in the audit log")
            String reason) {}

    @Inject
    PublicationQuery publications;

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
    @Operation(operationId = "listPublications", summary = "Publications, newest first, including deleted ones")
    public Page<PublicationQuery.PublicationRow> list(
            @QueryParam("namespace") String namespace,
            @QueryParam("idea") String idea,
            @QueryParam("platform") String platform,
            @QueryParam("phase") String phase,
            @QueryParam("limit") String limit,
            @QueryParam("continue") String continueToken) {
        QueryParams params = new QueryParams();
        String ns = params.namespace("namespace", namespace);
        String ideaName = params.resourceName("idea", idea);
        Platform on = params.enumValue("platform", platform, Platform.class);
        PublicationPhase in = params.enumValue("phase", phase, PublicationPhase.class);
        PageRequest page = PageRequest.parse("publications", limit, continueToken, params);
        params.check();
        return publications.list(ns, ideaName, on == null ? null : on.name(), in == null ? null : in.name(), page);
    }

    @GET
    @Path("/{namespace}/{name}")
    @Operation(
            operationId = "getPublication",
            summary = "One publication: platform ids and URL, progress, metadata, and in the "
                    + "manual flow the video link and caption to post")
    public PublicationDetail get(@PathParam("namespace") String namespace, @PathParam("name") String name) {
        QueryParams.checkResourcePath(namespace, name);
        Publication live = client.resources(Publication.class)
                .inNamespace(namespace)
                .withName(name)
                .get();
        PublicationQuery.PublicationRow row = publications
                .latest(namespace, name)
                .filter(r -> live == null
                        || r.uid().toString().equals(live.getMetadata().getUid()))
                .orElse(null);
        if (live == null && row == null) {
            throw SpecWrites.notFound(Publication.class, namespace, name);
        }
        if (live == null) {
            return new PublicationDetail(
                    namespace,
                    name,
                    false,
                    row.idea(),
                    row.renderJob(),
                    row.platform(),
                    row.mode(),
                    null,
                    row.phase(),
                    row.externalId(),
                    row.url(),
                    row.publishedAt() == null ? null : row.publishedAt().toString(),
                    row.confirmedBy(),
                    null,
                    null,
                    null,
                    null,
                    List.of(),
                    row.createdAt(),
                    row.updatedAt());
        }
        PublicationSpec spec = live.getSpec();
        PublicationStatus status = live.getStatus() == null ? new PublicationStatus() : live.getStatus();
        ManualPost manual = status.getPhase() == PublicationPhase.AwaitingManualPost ? manualPost(live, status) : null;
        Map<String, String> annotations = live.getMetadata().getAnnotations();
        return new PublicationDetail(
                namespace,
                name,
                true,
                annotations == null ? null : annotations.get(AnimOps.LABEL_IDEA),
                spec.getRenderJobRef(),
                spec.getPlatform().name(),
                spec.getMode().name(),
                spec.getAccountSecretRef() == null
                        ? null
                        : spec.getAccountSecretRef().getName(),
                status.getPhase() == null ? null : status.getPhase().name(),
                status.getExternalId(),
                status.getUrl(),
                status.getPublishedAt(),
                status.getConfirmedBy(),
                status.getConfirmedAt(),
                status.getUpload(),
                status.getMetadata(),
                manual,
                status.getConditions(),
                Instant.parse(live.getMetadata().getCreationTimestamp()),
                row == null ? null : row.updatedAt());
    }

    private ManualPost manualPost(Publication publication, PublicationStatus status) {
        RenderJob job = client.resources(RenderJob.class)
                .inNamespace(publication.getMetadata().getNamespace())
                .withName(publication.getSpec().getRenderJobRef())
                .get();
        String link = job == null
                        || job.getStatus() == null
                        || job.getStatus().getArtifacts() == null
                        || job.getStatus().getArtifacts().getVideo() == null
                ? null
                : artifactLinks
                        .download(
                                job.getStatus().getArtifacts().getVideo().getKey(),
                                config.api().linkTtl())
                        .toString();
        var metadata = status.getMetadata();
        return new ManualPost(
                link,
                metadata == null
                        ? null
                        : metadata.getCaption() != null
                                ? metadata.getCaption()
                                : metadata.getTitle() + "\n\n" + metadata.getDescription(),
                metadata == null ? publication.getSpec().getTitle() : metadata.getTitle(),
                metadata == null ? publication.getSpec().getDescription() : metadata.getDescription(),
                metadata == null ? publication.getSpec().getTags() : metadata.getTags());
    }

    @POST
    @Path("/{namespace}/{name}/confirm")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            operationId = "confirmPublication",
            summary = "Confirm a manual post with its URL",
            description =
                    "For a Manual publication awaiting its post. The URL's form is checked for the platform; the answer "
                            + "gives the video id read from it, who confirmed and when. Confirming the same URL again changes nothing.")
    public Confirmation confirm(
            @PathParam("namespace") String namespace,
            @PathParam("name") String name,
            @RequestBody(content = @Content(schema = @Schema(implementation = ConfirmBody.class))) String body) {
        QueryParams.checkResourcePath(namespace, name);
        QueryParams params = new QueryParams();
        JsonNode json = JsonBody.object(
                body == null || body.isBlank() ? "{}" : body,
                List.of("url", "reason"),
                "{\"url\": \"https://...\"}",
                params);
        String url = JsonBody.optionalString(json, "url", 2048, params);
        String reason = JsonBody.optionalString(json, "reason", ActionBody.MAX_REASON, params);
        if (url == null || url.isBlank()) {
            params.invalid("body.url", "is required: the URL of the post");
        }
        params.check();
        String[] videoId = {null};
        String[] outcome = {ApiActions.DONE};
        Publication written = SpecWrites.update(client, Publication.class, namespace, name, current -> {
            if (current.getSpec().getMode() != PublishMode.Manual) {
                throw ApiProblem.conflict("Publication " + namespace + "/" + name + " is published through the "
                        + current.getSpec().getPlatform() + " API (spec.mode Api), not by hand");
            }
            try {
                videoId[0] = PostUrls.videoId(current.getSpec().getPlatform(), url);
            } catch (PostUrls.InvalidPostUrlException e) {
                throw ApiProblem.badParameter("body.url", e.getMessage());
            }
            ManualPostConfirmation existing = current.getSpec().getConfirmation();
            if (existing != null && url.trim().equals(existing.getUrl())) {
                outcome[0] = ApiActions.UNCHANGED;
                return false;
            }
            PublicationPhase phase =
                    current.getStatus() == null ? null : current.getStatus().getPhase();
            if (phase == PublicationPhase.Published || phase == PublicationPhase.Failed) {
                throw ApiProblem.conflict("Publication " + namespace + "/" + name + " is " + phase
                        + (existing == null ? "" : " (confirmed with " + existing.getUrl() + ")"));
            }
            ManualPostConfirmation confirmation = new ManualPostConfirmation();
            confirmation.setUrl(url.trim());
            confirmation.setConfirmedBy(actions.actor());
            confirmation.setConfirmedAt(Instant.now(clock)
                    .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                    .toString());
            current.getSpec().setConfirmation(confirmation);
            return true;
        });
        ManualPostConfirmation confirmation = written.getSpec().getConfirmation();
        if (outcome[0].equals(ApiActions.DONE)) {
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("url", confirmation.getUrl());
            details.put("videoId", videoId[0]);
            details.put("platform", written.getSpec().getPlatform().name());
            details.put("confirmedBy", confirmation.getConfirmedBy());
            details.put("confirmedAt", confirmation.getConfirmedAt());
            actions.audit("ManualPostConfirmed", written, new ActionBody(reason), details);
        }
        return new Confirmation(
                namespace,
                name,
                confirmation.getUrl(),
                videoId[0],
                confirmation.getConfirmedBy(),
                confirmation.getConfirmedAt(),
                outcome[0]);
    }

    @POST
    @Path("/{namespace}/{name}/cancel")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            operationId = "cancelPublication",
            summary = "Cancel a publication that is not Published or Failed",
            description =
                    "The operator stops it (phase Failed, reason Cancelled); a video already on the platform stays there.")
    public ApiActions.Result cancel(
            @PathParam("namespace") String namespace,
            @PathParam("name") String name,
            @RequestBody(content = @Content(schema = @Schema(implementation = ActionBody.class))) String body) {
        return request(
                namespace,
                name,
                body,
                "cancel",
                "CancelRequested",
                current -> {
                    PublicationPhase phase = phaseOf(current);
                    if (phase == PublicationPhase.Published || phase == PublicationPhase.Failed) {
                        throw ApiProblem.conflict("Publication " + namespace + "/" + name + " is " + phase
                                + "; only one under way is cancelled");
                    }
                    String pending = current.getSpec().getCancelRequest();
                    return pending != null
                                    && (current.getStatus() == null
                                            || current.getStatus().getRetryHandled() == null
                                            || Instant.parse(pending)
                                                    .isAfter(java.time.OffsetDateTime.parse(current.getStatus()
                                                                    .getRetryHandled())
                                                            .toInstant()))
                            ? pending
                            : null;
                },
                (spec, now) -> spec.setCancelRequest(now));
    }

    @POST
    @Path("/{namespace}/{name}/retry")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            operationId = "retryPublication",
            summary = "Retry a Failed publication",
            description =
                    "It goes back to Pending and on from where it stopped: a video the platform already has is not "
                            + "uploaded again.")
    public ApiActions.Result retry(
            @PathParam("namespace") String namespace,
            @PathParam("name") String name,
            @RequestBody(content = @Content(schema = @Schema(implementation = ActionBody.class))) String body) {
        return request(
                namespace,
                name,
                body,
                "retry",
                "RetryRequested",
                current -> {
                    String pending = current.getSpec().getRetryRequest();
                    if (pending != null
                            && (current.getStatus() == null
                                    || !pending.equals(current.getStatus().getRetryHandled()))) {
                        return pending;
                    }
                    if (phaseOf(current) != PublicationPhase.Failed) {
                        throw ApiProblem.conflict("Publication " + namespace + "/" + name + " is " + phaseOf(current)
                                + "; only a Failed one is retried");
                    }
                    return null;
                },
                (spec, now) -> spec.setRetryRequest(now));
    }

    /** Checks the state (409, or the pending request's value), else writes the request time into the spec. */
    private interface Pending {
        String of(Publication current);
    }

    private interface Write {
        void to(PublicationSpec spec, String now);
    }

    private ApiActions.Result request(
            String namespace, String name, String body, String action, String event, Pending pending, Write write) {
        QueryParams.checkResourcePath(namespace, name);
        ActionBody reason = ActionBody.parse(body);
        String[] outcome = {ApiActions.DONE};
        String[] value = {null};
        Publication written = SpecWrites.update(client, Publication.class, namespace, name, current -> {
            String waiting = pending.of(current);
            if (waiting != null) {
                outcome[0] = ApiActions.PENDING;
                value[0] = waiting;
                return false;
            }
            value[0] = Instant.now(clock).toString();
            write.to(current.getSpec(), value[0]);
            return true;
        });
        if (outcome[0].equals(ApiActions.DONE)) {
            actions.audit(event, written, reason, Map.of("request", value[0]));
        }
        return new ApiActions.Result(
                action, "Publication", namespace, name, outcome[0], action + " requested at " + value[0]);
    }

    private static PublicationPhase phaseOf(Publication publication) {
        return publication.getStatus() == null ? null : publication.getStatus().getPhase();
    }
}
