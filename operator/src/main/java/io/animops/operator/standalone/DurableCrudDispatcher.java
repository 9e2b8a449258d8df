package io.animops.operator.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.crud.AttributeSet;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mock server's CRUD store written through to a {@link SqlObjectStore}. Every change of an object (create,
 * update, patch, status, delete, a deletion timestamp) passes through {@link #processEvent}; the change is committed
 * to the store there, before the in-memory map changes, watchers hear of it and the client gets its answer. A failed
 * commit fails the request and leaves the object as it was. At start the stored objects are loaded back with their
 * uids and resourceVersions, and the resourceVersion counter resumes after the highest one ever given out.
 */
final class DurableCrudDispatcher extends KubernetesCrudDispatcher {
    private static final Logger LOG = Logger.getLogger(DurableCrudDispatcher.class);

    private final SqlObjectStore store;
    private final ObjectMapper json = Serialization.jsonMapper();
    /** Off while loading: what is loaded is already stored. */
    private boolean writeThrough;

    DurableCrudDispatcher(SqlObjectStore store) {
        this.store = store;
        List<SqlObjectStore.StoredObject> objects = store.loadAll();
        long highest = store.lastResourceVersion();
        for (SqlObjectStore.StoredObject object : objects) {
            String path = object.collectionPath();
            super.processEvent(path, getKey(path), null, null, object.json());
            highest = Math.max(highest, resourceVersionOf(read(object.json())));
        }
        resourceVersionCounter().set(highest);
        writeThrough = true;
        LOG.infof("Embedded Kubernetes API loaded %d stored objects (resourceVersion %d)", objects.size(), highest);
    }

    @Override
    public void processEvent(String path, AttributeSet pathAttributes, AttributeSet oldAttributes,
                             GenericKubernetesResource resource, String newState) {
        // called with the dispatcher's write lock held: writes reach the store in the order they happen
        if (writeThrough) {
            String existing = oldAttributes == null ? null : getMap().get(oldAttributes);
            if (newState != null && !newState.equals(existing)) {
                JsonNode object = read(newState);
                store.put(identity(path, object, newState), object.path("metadata").path("uid").asText(null),
                        resourceVersionOf(object));
            } else if (newState == null && existing != null) {
                store.delete(identity(path, read(existing), existing));
            }
        }
        super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
    }

    private SqlObjectStore.StoredObject identity(String path, JsonNode object, String text) {
        JsonNode metadata = object.path("metadata");
        Map<String, String> fromPath = getKubernetesAttributesExtractor().fromKubernetesPath(path);
        String plural = fromPath.get(KubernetesAttributesExtractor.PLURAL);
        if (plural == null) {
            throw new IllegalArgumentException("cannot tell the resource of " + path);
        }
        return new SqlObjectStore.StoredObject(object.path("apiVersion").asText(), plural,
                metadata.path("namespace").asText(""), metadata.path("name").asText(), text);
    }

    private KubernetesAttributesExtractor getKubernetesAttributesExtractor() {
        return (KubernetesAttributesExtractor) getAttributeExtractor();
    }

    private static long resourceVersionOf(JsonNode object) {
        String value = object.path("metadata").path("resourceVersion").asText("");
        try {
            return value.isEmpty() ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private JsonNode read(String text) {
        try {
            return json.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("stored object is not JSON", e);
        }
    }

    /** The mock keeps its resourceVersion counter private and starts it at 0; a restarted store must go on from its last. */
    private AtomicLong resourceVersionCounter() {
        try {
            Field field = KubernetesCrudDispatcher.class.getDeclaredField("resourceVersion");
            field.setAccessible(true);
            return (AtomicLong) field.get(this);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("cannot reach the mock server's resourceVersion counter "
                    + "(KubernetesCrudDispatcher.resourceVersion); a restarted API would reuse resourceVersions", e);
        }
    }
}
