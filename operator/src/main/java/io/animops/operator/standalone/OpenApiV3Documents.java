package io.animops.operator.standalone;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.APIResource;

import java.util.List;
import java.util.Optional;

/**
 * Minimal OpenAPI v3 documents: the paths of each resource with the write parameters they accept, tagged with
 * {@code x-kubernetes-group-version-kind}, and no schemas. kubectl reads exactly this to decide that the server
 * validates fields itself ({@code fieldValidation}) and supports {@code dryRun}; without it
 * {@code kubectl apply} stops with "failed to download openapi" unless run with {@code --validate=false}.
 * Schema validation itself happens in {@link SchemaAdmission}.
 */
final class OpenApiV3Documents {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final List<String> WRITE_PARAMETERS = List.of("dryRun", "fieldManager", "fieldValidation", "force");
    private final ApiDiscovery discovery;

    OpenApiV3Documents(ApiDiscovery discovery) {
        this.discovery = discovery;
    }

    /** The document for {@code /openapi/v3} or {@code /openapi/v3/{api/v1|apis/group/version}}, if any. */
    Optional<ObjectNode> documentFor(String bare) {
        if (bare.equals("/openapi/v3") || bare.equals("/openapi/v3/")) {
            ObjectNode root = JSON.objectNode();
            ObjectNode paths = root.putObject("paths");
            for (String gv : discovery.groupVersions()) {
                String key = gv.equals("v1") ? "api/v1" : "apis/" + gv;
                paths.putObject(key).put("serverRelativeURL", "/openapi/v3/" + key + "?hash=" + hash(gv));
            }
            return Optional.of(root);
        }
        if (!bare.startsWith("/openapi/v3/")) {
            return Optional.empty();
        }
        String key = bare.substring("/openapi/v3/".length());
        String gv;
        if (key.equals("api/v1")) {
            gv = "v1";
        } else if (key.startsWith("apis/") && key.split("/").length == 3) {
            gv = key.substring("apis/".length());
        } else {
            return Optional.empty();
        }
        if (!discovery.groupVersions().contains(gv)) {
            return Optional.empty();
        }
        return Optional.of(groupVersionDocument(gv));
    }

    private ObjectNode groupVersionDocument(String gv) {
        String group = gv.contains("/") ? gv.substring(0, gv.indexOf('/')) : "";
        String version = gv.contains("/") ? gv.substring(gv.indexOf('/') + 1) : gv;
        String prefix = group.isEmpty() ? "/api/" + version : "/apis/" + gv;
        ObjectNode doc = JSON.objectNode();
        doc.put("openapi", "3.0.0");
        doc.putObject("info").put("title", "AnimOps standalone Kubernetes API").put("version", EmbeddedKubernetesApi.KUBERNETES_VERSION);
        ObjectNode paths = doc.putObject("paths");
        for (APIResource r : discovery.resources(gv)) {
            if (r.getName().contains("/")) {
                continue;
            }
            String collection = prefix + (Boolean.TRUE.equals(r.getNamespaced()) ? "/namespaces/{namespace}/" : "/") + r.getName();
            ObjectNode gvk = JSON.objectNode().put("group", group).put("version", version).put("kind", r.getKind());
            paths.putObject(collection).set("post", operation(gvk, "create" + r.getKind()));
            ObjectNode item = paths.putObject(collection + "/{name}");
            item.set("put", operation(gvk, "replace" + r.getKind()));
            item.set("patch", operation(gvk, "patch" + r.getKind()));
        }
        return doc;
    }

    private static ObjectNode operation(ObjectNode gvk, String operationId) {
        ObjectNode op = JSON.objectNode();
        op.put("operationId", operationId);
        op.set("x-kubernetes-group-version-kind", gvk.deepCopy());
        ArrayNode parameters = op.putArray("parameters");
        for (String name : WRITE_PARAMETERS) {
            ObjectNode p = parameters.addObject();
            p.put("name", name);
            p.put("in", "query");
            p.putObject("schema").put("type", name.equals("force") ? "boolean" : "string");
            p.put("uniqueItems", true);
        }
        op.putObject("responses").putObject("200").put("description", "OK");
        return op;
    }

    /** Clients cache group documents by this hash; it follows the resources, which change when CRDs change. */
    private String hash(String gv) {
        return Integer.toHexString(discovery.resources(gv).toString().hashCode());
    }
}
