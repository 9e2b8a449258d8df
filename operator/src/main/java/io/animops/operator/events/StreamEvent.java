package io.animops.operator.events;

import java.util.Map;

/**
 * One event of the live stream.
 *
 * @param id        {@code <epoch>-<sequence>}: the epoch changes with each start of the operator, so an id from
 *                  before a restart is recognized as such (the client then gets a resync)
 * @param type      the SSE event name: {@code change} (a resource), {@code audit} (an audit record), {@code resync}
 * @param kind      AnimationIdea, ScriptAttempt, RenderJob, Publication, RenderAgent, or the audited subject's kind
 * @param namespace null for cluster-scoped resources (render agents) and events about no namespace
 */
public record StreamEvent(
        String id, String type, String kind, String namespace, String name, Map<String, Object> data) {
    public static final String CHANGE = "change";
    public static final String AUDIT = "audit";
    public static final String RESYNC = "resync";
}
