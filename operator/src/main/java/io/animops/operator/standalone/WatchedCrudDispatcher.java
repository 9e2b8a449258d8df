package io.animops.operator.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.crud.AttributeSet;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The mock server's CRUD store with every change of an object (create, update, patch, status, delete, a deletion
 * timestamp) turned into a {@link WatchLog.Change} with its resourceVersion (a deletion gets a new one, as on a real
 * server), committed by {@link #commit} before the in-memory map changes, then published to the watches. The
 * mock's own watches are not used: the embedded API serves watches from the {@link WatchLog}.
 */
class WatchedCrudDispatcher extends KubernetesCrudDispatcher implements AutoCloseable {
    /** How many changes are kept for watches resuming from a resourceVersion (etcd keeps about five minutes'). */
    static final int WATCH_LOG_CAPACITY = 2000;

    private final Duration bookmarkInterval;
    private WatchLog watchLog;

    WatchedCrudDispatcher(Duration bookmarkInterval) {
        this.bookmarkInterval = bookmarkInterval;
    }

    /** Opens the watch log once the objects are loaded; the in-memory store starts empty. */
    void openWatchLog(List<WatchLog.Change> kept, long lastResourceVersion) {
        watchLog = new WatchLog(WATCH_LOG_CAPACITY, bookmarkInterval, kept, lastResourceVersion);
    }

    WatchLog watchLog() {
        return watchLog;
    }

    /** Puts a stored object back in the in-memory map, without a change: it is already committed. */
    void load(String collectionPath, String json) {
        super.processEvent(collectionPath, getKey(collectionPath), null, null, json);
    }

    @Override
    public void processEvent(
            String path,
            AttributeSet pathAttributes,
            AttributeSet oldAttributes,
            GenericKubernetesResource resource,
            String newState) {
        // called with the dispatcher's write lock held: changes are committed and published in the order they happen
        String existing = oldAttributes == null ? null : getMap().get(oldAttributes);
        WatchLog.Change change = null;
        if (newState != null && !newState.equals(existing)) {
            change = change(path, existing == null ? "ADDED" : "MODIFIED", read(newState), newState);
        } else if (newState == null && existing != null) {
            ObjectNode deleted = (ObjectNode) read(existing);
            ((ObjectNode) deleted.path("metadata")).put("resourceVersion", String.valueOf(requestResourceVersion()));
            change = change(path, "DELETED", deleted, deleted.toString());
        }
        if (change != null) {
            commit(change);
        }
        super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
        if (change != null) {
            watchLog.publish(change);
        }
    }

    /** Makes a change durable before anyone sees it; a failure fails the request and leaves the object as it was. */
    void commit(WatchLog.Change change) {
        // kept in memory only
    }

    private WatchLog.Change change(String path, String type, JsonNode object, String json) {
        JsonNode metadata = object.path("metadata");
        Map<String, String> fromPath =
                ((KubernetesAttributesExtractor) getAttributeExtractor()).fromKubernetesPath(path);
        String plural = fromPath.get(KubernetesAttributesExtractor.PLURAL);
        if (plural == null) {
            throw new IllegalArgumentException("cannot tell the resource of " + path);
        }
        return new WatchLog.Change(
                resourceVersionOf(object),
                type,
                object.path("apiVersion").asText(),
                plural,
                metadata.path("namespace").asText(""),
                metadata.path("name").asText(),
                json);
    }

    static long resourceVersionOf(JsonNode object) {
        String value = object.path("metadata").path("resourceVersion").asText("");
        try {
            return value.isEmpty() ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static JsonNode read(String text) {
        try {
            return Serialization.jsonMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("stored object is not JSON", e);
        }
    }

    @Override
    public void close() {
        if (watchLog != null) {
            watchLog.close();
        }
    }
}
