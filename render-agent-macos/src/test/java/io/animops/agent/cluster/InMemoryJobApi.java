package io.animops.agent.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.animops.crds.v1alpha1.RenderJob;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One stored job with the API server's optimistic concurrency (test code): a merge patch naming another
 * resourceVersion gets 409, every accepted write bumps it. {@link #meanwhile} lets a test play another writer;
 * {@link #watchedBy} plays the agent's informer, delivering every change at once.
 */
class InMemoryJobApi implements JobApi {
    private static final ObjectMapper JSON = Serialization.jsonMapper();
    private RenderJob stored;
    private long version;
    private JobUpdates informer;
    final List<String> patches = new ArrayList<>();
    int gets;

    InMemoryJobApi(RenderJob job) {
        this.version = Long.parseLong(job.getMetadata().getResourceVersion());
        this.stored = copy(job);
    }

    /** From now on every change of the stored job is delivered to {@code updates}, as the informer would. */
    synchronized void watchedBy(JobUpdates updates) {
        informer = updates;
    }

    /** Another writer (the operator, another agent) changes the stored job. */
    synchronized void meanwhile(Consumer<RenderJob> change) {
        meanwhileUnwatched(change);
        deliver();
    }

    /** The same, with the informer missing the event (as across a watch reconnect). */
    synchronized void meanwhileUnwatched(Consumer<RenderJob> change) {
        change.accept(stored);
        stored.getMetadata().setResourceVersion(Long.toString(++version));
    }

    synchronized void delete() {
        stored = null;
        if (informer != null) {
            informer.deleted();
        }
    }

    synchronized RenderJob stored() {
        return stored == null ? null : copy(stored);
    }

    @Override
    public synchronized RenderJob patchStatus(String namespace, String name, String mergePatch) throws Refused {
        patches.add(mergePatch);
        if (stored == null) {
            throw new Refused(404, "renderjobs \"" + name + "\" not found");
        }
        try {
            JsonNode patch = JSON.readTree(mergePatch);
            String expected = patch.path("metadata").path("resourceVersion").asText("");
            if (!expected.isEmpty() && !expected.equals(stored.getMetadata().getResourceVersion())) {
                throw new Refused(409, "the object has been modified");
            }
            ObjectNode current = JSON.valueToTree(stored);
            current.set("status", merge(current.get("status"), patch.path("status")));
            stored = JSON.treeToValue(current, RenderJob.class);
            stored.getMetadata().setResourceVersion(Long.toString(++version));
            deliver();
            return copy(stored);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Override
    public synchronized RenderJob get(String namespace, String name) {
        gets++;
        return stored();
    }

    private void deliver() {
        if (informer != null) {
            informer.delivered(copy(stored));
        }
    }

    private static JsonNode merge(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject() ? (ObjectNode) target : JSON.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), merge(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }

    private static RenderJob copy(RenderJob job) {
        return JSON.convertValue(job, RenderJob.class);
    }
}
