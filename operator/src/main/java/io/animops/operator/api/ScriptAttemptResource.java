package io.animops.operator.api;

import io.animops.crds.v1alpha1.AttemptPhase;
import io.animops.crds.v1alpha1.ScriptAttempt;
import io.animops.crds.v1alpha1.ScriptError;
import io.animops.operator.common.Page;
import io.animops.operator.common.PageRequest;
import io.animops.operator.common.QueryParams;
import io.animops.operator.script.ScriptAttemptQuery;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Script attempts: lists and the script text come from the database (it keeps every attempt, and the text
 * lives only there); the live phase, conditions and the errors an attempt had to fix come from the custom
 * resource while it exists.
 */
@Path("/api/v1/attempts")
@Tag(name = "attempts")
@Produces(MediaType.APPLICATION_JSON)
public class ScriptAttemptResource {
    /** What the language model was asked and used (null counts: not recorded, e.g. offline authoring). */
    public record LlmUsage(
            String provider,
            String model,
            Boolean offline,
            String promptVersion,
            String origin,
            Long promptTokens,
            Long completionTokens) {}

    /**
     * One attempt with its script. {@code previousErrors} are the errors this attempt was asked to fix (null when
     * the resource was deleted: they are not kept in the database); {@code live} tells which.
     */
    public record AttemptDetail(
            String namespace,
            String name,
            UUID uid,
            boolean live,
            String idea,
            int attempt,
            String phase,
            String script,
            String scriptSha256,
            String contractVersion,
            List<ScriptError> errors,
            String previousAttempt,
            List<ScriptError> previousErrors,
            LlmUsage llmUsage,
            List<Condition> conditions,
            Instant createdAt,
            Instant updatedAt) {}

    @Inject
    ScriptAttemptQuery attempts;

    @Inject
    KubernetesClient client;

    @GET
    @Operation(operationId = "listAttempts", summary = "Script attempts, newest first, without their script text")
    public Page<ScriptAttemptQuery.AttemptRow> list(
            @QueryParam("namespace") String namespace,
            @QueryParam("idea") String idea,
            @QueryParam("phase") String phase,
            @QueryParam("limit") String limit,
            @QueryParam("continue") String continueToken) {
        QueryParams params = new QueryParams();
        String ns = params.namespace("namespace", namespace);
        String ideaName = params.resourceName("idea", idea);
        AttemptPhase attemptPhase = params.enumValue("phase", phase, AttemptPhase.class);
        PageRequest page = PageRequest.parse("attempts", limit, continueToken, params);
        params.check();
        return attempts.list(ns, ideaName, attemptPhase, page);
    }

    @GET
    @Path("/{namespace}/{name}")
    @Operation(
            operationId = "getAttempt",
            summary = "One attempt with script text, hash, contract version, errors and LLM usage")
    public AttemptDetail get(@PathParam("namespace") String namespace, @PathParam("name") String name) {
        QueryParams.checkResourcePath(namespace, name);
        ScriptAttempt live = client.resources(ScriptAttempt.class)
                .inNamespace(namespace)
                .withName(name)
                .get();
        ScriptAttemptQuery.AttemptRow row = attempts.latest(namespace, name)
                .filter(r -> live == null
                        || r.uid().toString().equals(live.getMetadata().getUid()))
                .orElse(null);
        if (live == null && row == null) {
            throw SpecWrites.notFound(ScriptAttempt.class, namespace, name);
        }
        if (live == null) {
            return new AttemptDetail(
                    row.namespace(),
                    row.name(),
                    row.uid(),
                    false,
                    row.idea(),
                    row.attempt(),
                    row.phase(),
                    row.script(),
                    row.scriptSha256(),
                    row.contractVersion(),
                    row.errors(),
                    null,
                    null,
                    usage(row),
                    List.of(),
                    row.createdAt(),
                    row.updatedAt());
        }
        var spec = live.getSpec();
        var status = live.getStatus();
        return new AttemptDetail(
                namespace,
                name,
                UUID.fromString(live.getMetadata().getUid()),
                true,
                spec.getIdeaRef(),
                spec.getAttempt(),
                status == null || status.getPhase() == null
                        ? null
                        : status.getPhase().name(),
                row == null ? null : row.script(),
                status == null ? null : status.getScriptSha256(),
                status == null ? null : status.getContractVersion(),
                status == null ? List.of() : status.getErrors(),
                spec.getPreviousAttemptRef(),
                spec.getPreviousErrors(),
                row == null ? null : usage(row),
                status == null ? List.of() : status.getConditions(),
                Instant.parse(live.getMetadata().getCreationTimestamp()),
                row == null ? null : row.updatedAt());
    }

    private static LlmUsage usage(ScriptAttemptQuery.AttemptRow row) {
        return new LlmUsage(
                row.provider(),
                row.model(),
                row.offline(),
                row.promptVersion(),
                row.origin(),
                row.promptTokens(),
                row.completionTokens());
    }
}
