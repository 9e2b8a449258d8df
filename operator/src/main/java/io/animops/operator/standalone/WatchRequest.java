package io.animops.operator.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * What one watch asks for, read from its request as the API server reads it: the resource (all namespaces or one,
 * one object by {@code metadata.name}), label and field selectors, the resourceVersion to start from,
 * {@code allowWatchBookmarks}, {@code sendInitialEvents} and {@code timeoutSeconds}. Both the old
 * {@code /api/v1/watch/…} paths and {@code ?watch=true} are watches.
 */
final class WatchRequest {
    /** The presenter of watches that get objects as stored, whose events are written once for all of them. */
    static final UnaryOperator<JsonNode> AS_STORED = object -> object;

    private final ResourcePath target;
    private final String kind;
    private final Predicate<JsonNode> selector;
    private final UnaryOperator<JsonNode> presenter;

    /**
     * @param kind      the resource's kind, named in bookmarks
     * @param presenter what a client gets for an object: the object itself, or a Table row of it
     */
    WatchRequest(ResourcePath target, String kind, UnaryOperator<JsonNode> presenter) {
        this.target = target;
        this.kind = kind;
        this.presenter = presenter;
        Predicate<JsonNode> named = target.name() == null
                ? o -> true
                : o -> target.name().equals(o.path("metadata").path("name").asText());
        this.selector = named.and(Selectors.labels(target.queryParameter("labelSelector")))
                .and(Selectors.fields(target.queryParameter("fieldSelector")));
    }

    /** The resource path of a watch request, or empty when the request is not a watch. */
    static Optional<ResourcePath> watchTarget(String method, String path) {
        if (!method.equals("GET")) {
            return Optional.empty();
        }
        String unwatched = path.replaceFirst("^(/api/[^/]+|/apis/[^/]+/[^/]+)/watch/", "$1/");
        Optional<ResourcePath> parsed = ResourcePath.parse(unwatched);
        if (parsed.isEmpty() || parsed.get().subresource() != null) {
            return Optional.empty();
        }
        boolean watch = !unwatched.equals(path)
                || parsed.get().isWatch()
                || "1".equals(parsed.get().queryParameter("watch"));
        return watch ? parsed : Optional.empty();
    }

    /** Whether the change is of this watch's resource and namespace (its selectors: {@link #selects(JsonNode)}). */
    boolean watchesResourceOf(WatchLog.Change change) {
        String apiVersion = target.group().isEmpty() ? target.version() : target.group() + "/" + target.version();
        return change.apiVersion().equals(apiVersion)
                && change.plural().equals(target.plural())
                && (target.namespace() == null || target.namespace().equals(change.namespace()));
    }

    boolean selects(JsonNode object) {
        return selector.test(object);
    }

    JsonNode present(JsonNode object) {
        return presenter.apply(object);
    }

    /** Whether the client gets objects as stored (not as Table rows), so it can share their written events. */
    boolean presentsAsStored() {
        return presenter == AS_STORED;
    }

    /**
     * Where the watch starts: empty when it starts from the current state (no resourceVersion, or "0", which
     * begins with an ADDED event per object), else the resourceVersion after which changes are sent.
     */
    Optional<Long> resourceVersion() {
        String value = target.queryParameter("resourceVersion");
        if (value == null || value.isEmpty() || value.equals("0")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid resourceVersion \"" + value + "\": not a number");
        }
    }

    boolean allowBookmarks() {
        return "true".equals(target.queryParameter("allowWatchBookmarks"));
    }

    boolean sendInitialEvents() {
        return "true".equals(target.queryParameter("sendInitialEvents"));
    }

    Duration timeout() {
        String seconds = target.queryParameter("timeoutSeconds");
        return seconds == null ? null : Duration.ofSeconds(Long.parseLong(seconds));
    }

    ResourcePath target() {
        return target;
    }

    /** A bookmark: the resource's kind with only the resourceVersion seen up to, as the API server sends it. */
    JsonNode bookmark(long resourceVersion, boolean initialEventsEnd) {
        ObjectNode object = JsonNodeFactory.instance.objectNode();
        object.put("kind", kind);
        object.put("apiVersion", target.group().isEmpty() ? target.version() : target.group() + "/" + target.version());
        ObjectNode metadata = object.putObject("metadata");
        metadata.put("resourceVersion", String.valueOf(resourceVersion));
        if (initialEventsEnd) {
            metadata.putObject("annotations").put("k8s.io/initial-events-end", "true");
        }
        return object;
    }
}
