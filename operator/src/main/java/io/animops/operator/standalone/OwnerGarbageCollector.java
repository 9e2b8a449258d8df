package io.animops.operator.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Supplier;

/**
 * What Kubernetes' garbage collector does and the mock server does not: when an object is deleted, its
 * dependents (objects whose ownerReferences name its uid) are deleted too, and theirs in turn. Along the pipeline's
 * chain ({@code OwnedChildren}) deleting an idea removes its script attempts, their render jobs and the final jobs'
 * publications. A schedule owns none of its ideas (they link to it by label and {@code spec.scheduleRef}), so
 * deleting it keeps them; only an idea made before that change, whose owner reference to the schedule its next
 * reconcile has not yet removed, goes with it. Custom resources only: the operator owns nothing else.
 */
final class OwnerGarbageCollector {
    private static final Logger LOG = Logger.getLogger(OwnerGarbageCollector.class);

    private final KubernetesCrudDispatcher crud;
    private final Supplier<List<CustomResourceDefinition>> crds;
    private final ObjectMapper json;

    OwnerGarbageCollector(
            KubernetesCrudDispatcher crud, Supplier<List<CustomResourceDefinition>> crds, ObjectMapper json) {
        this.crud = crud;
        this.crds = crds;
        this.json = json;
    }

    /** Deletes, depth first, every object owned by {@code ownerUid}. */
    void deleteDependentsOf(String ownerUid) {
        for (CustomResourceDefinition crd : crds.get()) {
            String version = crd.getSpec().getVersions().get(0).getName();
            String collection = "/apis/" + crd.getSpec().getGroup() + "/" + version + "/"
                    + crd.getSpec().getNames().getPlural();
            MockResponse list = crud.handleGet(collection);
            if (list.code() != 200) {
                continue;
            }
            for (JsonNode item : read(list.getBody().readUtf8()).path("items")) {
                if (ownedBy(item, ownerUid)) {
                    JsonNode meta = item.path("metadata");
                    String path = meta.hasNonNull("namespace")
                            ? "/apis/" + crd.getSpec().getGroup() + "/" + version + "/namespaces/"
                                    + meta.get("namespace").asText() + "/"
                                    + crd.getSpec().getNames().getPlural() + "/"
                                    + meta.get("name").asText()
                            : collection + "/" + meta.get("name").asText();
                    crud.handleDelete(path);
                    LOG.debugf("garbage-collected %s (owner %s)", path, ownerUid);
                    deleteDependentsOf(meta.path("uid").asText());
                }
            }
        }
    }

    private static boolean ownedBy(JsonNode item, String ownerUid) {
        for (JsonNode ref : item.path("metadata").path("ownerReferences")) {
            if (ownerUid.equals(ref.path("uid").asText())) {
                return true;
            }
        }
        return false;
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
