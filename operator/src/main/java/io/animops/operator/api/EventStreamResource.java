package io.animops.operator.api;

import io.animops.operator.auth.AuthService;
import io.animops.operator.auth.Caller;
import io.animops.operator.auth.CallerContext;
import io.animops.operator.common.ApiProblem;
import io.animops.operator.config.AnimOpsConfig;
import io.animops.operator.events.*;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestStreamElementType;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * The live event stream (Server-Sent Events) the panel shows: changes of ideas, attempts, render jobs (phase and
 * progress), publications and agents, and audit records (QC ticks and results, actions, sign-ins).
 */
@Path("/api/v1/events")
@Tag(name = "events")
public class EventStreamResource {
    static final Set<String> KINDS =
            Set.of("AnimationIdea", "ScriptAttempt", "RenderJob", "Publication", "RenderAgent", "Audit");

    @Inject
    EventHub hub;

    @Inject
    CallerContext callers;

    @Inject
    AuthService auth;

    @Inject
    AnimOpsConfig animops;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "streamEvents",
            summary = "Live events (Server-Sent Events), resumable with Last-Event-ID",
            description =
                    "Event names: change (a resource's kind, namespace, name, phase, progress), audit (an audit record),"
                            + " resync (the events since Last-Event-ID are no longer kept: reload). A comment every 15 s keeps"
                            + " proxies from closing the stream; it also ends when the session does. kind: a comma list of "
                            + "AnimationIdea, ScriptAttempt, RenderJob, Publication, RenderAgent, Audit.")
    public Multi<OutboundSseEvent> stream(
            @QueryParam("namespace") String namespace,
            @QueryParam("kind") String kind,
            @HeaderParam("Last-Event-ID") String lastEventId,
            @Context Sse sse) {
        Predicate<StreamEvent> filter = filter(namespace, kind);
        Caller caller = callers.caller();
        Multi<OutboundSseEvent> events = hub.subscribe(lastEventId, filter)
                .map(e -> sse.newEventBuilder()
                        .id(e.id())
                        .name(e.type())
                        .mediaType(MediaType.APPLICATION_JSON_TYPE)
                        .data(e)
                        .build());
        // each beat also checks the session: a revoked or expired one ends the stream
        Multi<OutboundSseEvent> beats = Multi.createFrom()
                .ticks()
                .every(animops.events().heartbeat())
                .onOverflow()
                .drop()
                .emitOn(io.smallrye.mutiny.infrastructure.Infrastructure.getDefaultWorkerPool())
                .map(tick -> {
                    if (!auth.stillSignedIn(caller)) {
                        throw ApiProblem.unauthorized("the session ended");
                    }
                    return sse.newEventBuilder().comment("heartbeat").build();
                });
        return Multi.createBy().merging().streams(events, beats);
    }

    public static Predicate<StreamEvent> filter(String namespace, String kind) {
        List<String> kinds = kind == null || kind.isBlank()
                ? List.of()
                : Arrays.stream(kind.split(",")).map(String::trim).toList();
        for (String k : kinds) {
            if (!KINDS.contains(k)) {
                throw ApiProblem.badParameter(
                        "kind",
                        "unknown kind '" + k + "', one or more of "
                                + KINDS.stream().sorted().collect(Collectors.joining(", ")));
            }
        }
        return event -> (namespace == null
                        || namespace.isBlank()
                        || event.namespace() == null
                        || namespace.equals(event.namespace()))
                && (kinds.isEmpty() || kinds.contains(StreamEvent.AUDIT.equals(event.type()) ? "Audit" : event.kind()));
    }
}
