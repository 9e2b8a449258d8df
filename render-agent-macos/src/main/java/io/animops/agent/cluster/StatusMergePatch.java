package io.animops.agent.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * An RFC 7386 merge patch of a status subresource that names the resourceVersion it was computed from, so the
 * API server refuses it with 409 when someone wrote meanwhile. Only changed fields are sent: a field the agent
 * does not touch (the operator's upload grants, say) is never overwritten. Pure: no Kubernetes.
 */
public final class StatusMergePatch {
    private static final ObjectMapper JSON = Serialization.jsonMapper();

    private StatusMergePatch() {}

    /**
     * The patch body turning {@code before} into {@code after}, or empty when they are equal.
     *
     * @param resourceVersion metadata.resourceVersion of the object {@code before} was read from
     */
    public static Optional<String> body(String resourceVersion, Object before, Object after) {
        if (resourceVersion == null || resourceVersion.isEmpty()) {
            throw new IllegalArgumentException("metadata.resourceVersion: required, so that a stale write gets 409");
        }
        JsonNode from = before == null ? JSON.createObjectNode() : JSON.valueToTree(before);
        JsonNode to = after == null ? JSON.createObjectNode() : JSON.valueToTree(after);
        ObjectNode diff = diff(from, to);
        if (diff.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode root = JSON.createObjectNode();
        root.putObject("metadata").put("resourceVersion", resourceVersion);
        root.set("status", diff);
        return Optional.of(root.toString());
    }

    /**
     * The merge patch from one object to another: changed and new fields with their new value (objects
     * recursively), removed fields as null. Arrays are replaced whole, as RFC 7386 has it.
     */
    static ObjectNode diff(JsonNode from, JsonNode to) {
        ObjectNode patch = JsonNodeFactory.instance.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = to.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            JsonNode old = from.get(field.getKey());
            JsonNode now = field.getValue();
            if (now.isNull()) {
                if (old != null && !old.isNull()) {
                    patch.putNull(field.getKey());
                }
            } else if (old != null && old.isObject() && now.isObject()) {
                ObjectNode nested = diff(old, now);
                if (!nested.isEmpty()) {
                    patch.set(field.getKey(), nested);
                }
            } else if (!now.equals(old)) {
                patch.set(field.getKey(), now);
            }
        }
        for (Iterator<String> it = from.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!to.has(name) && !from.get(name).isNull()) {
                patch.putNull(name);
            }
        }
        return patch;
    }
}
