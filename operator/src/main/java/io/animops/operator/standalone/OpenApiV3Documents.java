package io.animops.operator.standalone;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.APIResource;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.util.List;
import java.util.Optional;

/**
 * The OpenAPI v3 documents kubectl reads: the paths of each resource with the write parameters they accept, tagged
 * with {@code x-kubernetes-group-version-kind} (kubectl decides from them that the server validates fields itself
 * and supports {@code dryRun}; without them {@code kubectl apply} stops with "failed to download openapi"), and the
 * custom resources' schemas with their descriptions, which {@code kubectl explain} prints. Built-in kinds have paths
 * but no schemas. Schema validation itself happens in {@link SchemaAdmission}.
 */
final class OpenApiV3Documents {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String API_VERSION_DESCRIPTION = "APIVersion defines the versioned schema of this "
            + "representation of an object. Servers should convert recognized schemas to the latest internal value, "
            + "and may reject unrecognized values. More info: "
            + "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#resources";
    private static final String KIND_DESCRIPTION = "Kind is a string value representing the REST resource this object "
            + "represents. Servers may infer this from the endpoint the client submits requests to. Cannot be updated. "
            + "In CamelCase. More info: "
            + "https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#types-kinds";
    private static final List<String> WRITE_PARAMETERS = List.of("dryRun", "fieldManager", "fieldValidation", "force");
    static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
    private final ApiDiscovery discovery;
    private final List<CustomResourceDefinition> crds;

    OpenApiV3Documents(List<CustomResourceDefinition> crds) {
        this.discovery = new ApiDiscovery(crds);
        this.crds = crds;
    }

    /** The document for {@code /openapi/v3} or {@code /openapi/v3/{api/v1|apis/group/version}}, if any. */
    Optional<ObjectNode> documentFor(String bare) {
        if (bare.equals("/openapi/v3") || bare.equals("/openapi/v3/")) {
            ObjectNode root = JSON.objectNode();
            ObjectNode paths = root.putObject("paths");
            for (String gv : discovery.groupVersions()) {
                String key = gv.equals("v1") ? "api/v1" : "apis/" + gv;
                paths.putObject(key)
                        .put(
                                "serverRelativeURL",
                                "/openapi/v3/" + key + "?hash="
                                        + Integer.toHexString(groupVersionDocument(gv)
                                                .toString()
                                                .hashCode()));
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
        doc.putObject("info")
                .put("title", "AnimOps standalone Kubernetes API")
                .put("version", EmbeddedKubernetesApi.KUBERNETES_VERSION);
        ObjectNode paths = doc.putObject("paths");
        for (APIResource r : discovery.resources(gv)) {
            if (r.getName().contains("/")) {
                continue;
            }
            String collection =
                    prefix + (Boolean.TRUE.equals(r.getNamespaced()) ? "/namespaces/{namespace}/" : "/") + r.getName();
            ObjectNode gvk = JSON.objectNode()
                    .put("group", group)
                    .put("version", version)
                    .put("kind", r.getKind());
            paths.putObject(collection).set("post", operation(gvk, "create" + r.getKind()));
            ObjectNode item = paths.putObject(collection + "/{name}");
            item.set("put", operation(gvk, "replace" + r.getKind()));
            item.set("patch", operation(gvk, "patch" + r.getKind()));
        }
        doc.putObject("components").set("schemas", schemas(group, version));
        return doc;
    }

    /**
     * The schemas of the custom resources served in one group/version, named as the API server names them
     * (reversed group, version, kind) and tagged with their group/version/kind, which is how {@code kubectl explain}
     * finds them; their descriptions come from the CRDs. ObjectMeta, which they reference, is described briefly.
     */
    ObjectNode schemas(String group, String version) {
        ObjectNode schemas = JSON.objectNode();
        for (CustomResourceDefinition crd : crds) {
            if (!crd.getSpec().getGroup().equals(group)) {
                continue;
            }
            for (CustomResourceDefinitionVersion v : crd.getSpec().getVersions()) {
                boolean described = v.getSchema() != null && v.getSchema().getOpenAPIV3Schema() != null;
                if (!v.getName().equals(version) || !described) {
                    continue;
                }
                ObjectNode schema =
                        Serialization.jsonMapper().valueToTree(v.getSchema().getOpenAPIV3Schema());
                ObjectNode properties =
                        schema.get("properties") instanceof ObjectNode p ? p : schema.putObject("properties");
                properties.set("apiVersion", described("string", API_VERSION_DESCRIPTION));
                properties.set("kind", described("string", KIND_DESCRIPTION));
                ObjectNode metadata = JSON.objectNode();
                metadata.putArray("allOf").addObject().put("$ref", "#/components/schemas/" + OBJECT_META);
                metadata.put(
                        "description",
                        "Standard object's metadata. More info: https://git.k8s.io/community/"
                                + "contributors/devel/sig-architecture/api-conventions.md#metadata");
                properties.set("metadata", metadata);
                String kind = crd.getSpec().getNames().getKind();
                describeIfSilent(
                        properties,
                        "spec",
                        "The desired state of this " + kind + ", written by its user; the operator never changes it.");
                describeIfSilent(
                        properties,
                        "status",
                        "The observed state of this " + kind
                                + ", written by the operator (and the render agents); read-only for users.");
                schema.putArray("x-kubernetes-group-version-kind")
                        .addObject()
                        .put("group", group)
                        .put("kind", crd.getSpec().getNames().getKind())
                        .put("version", version);
                String reversedGroup = String.join(".", reversed(group.split("\\.")));
                schemas.set(
                        reversedGroup + "." + version + "."
                                + crd.getSpec().getNames().getKind(),
                        schema);
            }
        }
        if (!schemas.isEmpty()) {
            schemas.set(OBJECT_META, objectMeta());
        }
        return schemas;
    }

    private static ObjectNode objectMeta() {
        ObjectNode meta = described(
                "object",
                "ObjectMeta is metadata that all persisted resources must have, which "
                        + "includes all objects users must create.");
        ObjectNode p = meta.putObject("properties");
        p.set("name", described("string", "Name must be unique within a namespace. Cannot be updated."));
        p.set(
                "generateName",
                described(
                        "string",
                        "An optional prefix used by the server to generate a unique name "
                                + "if the name field has not been provided."));
        p.set(
                "namespace",
                described(
                        "string",
                        "The namespace the object lives in; an empty namespace is the "
                                + "\"default\" namespace. Cannot be updated."));
        p.set(
                "uid",
                described(
                        "string",
                        "The unique in time and space value for this object. Set by the server; " + "read-only."));
        p.set(
                "resourceVersion",
                described(
                        "string",
                        "An opaque value that represents the internal version of this "
                                + "object, used for optimistic concurrency, change detection and watches. Read-only."));
        p.set(
                "generation",
                described(
                        "integer",
                        "A sequence number representing a specific generation of the " + "desired state. Read-only."));
        p.set("creationTimestamp", described("string", "When this object was created. Read-only."));
        p.set(
                "deletionTimestamp",
                described(
                        "string",
                        "When this object will be deleted; set by the server when a "
                                + "deletion is requested. Read-only."));
        ObjectNode labels = described(
                "object",
                "Map of string keys and values that can be used to organize and "
                        + "categorize (scope and select) objects.");
        labels.putObject("additionalProperties").put("type", "string");
        p.set("labels", labels);
        ObjectNode annotations = described(
                "object",
                "An unstructured key value map stored with a resource that may "
                        + "be set by external tools to store and retrieve arbitrary metadata.");
        annotations.putObject("additionalProperties").put("type", "string");
        p.set("annotations", annotations);
        ObjectNode finalizers = described("array", "Must be empty before the object is deleted from the registry.");
        finalizers.putObject("items").put("type", "string");
        p.set("finalizers", finalizers);
        ObjectNode owners = described(
                "array",
                "List of objects depended by this object. If ALL objects in the list "
                        + "have been deleted, this object will be garbage collected.");
        owners.putObject("items").put("type", "object");
        p.set("ownerReferences", owners);
        return meta;
    }

    private static void describeIfSilent(ObjectNode properties, String field, String description) {
        if (properties.get(field) instanceof ObjectNode schema && !schema.hasNonNull("description")) {
            schema.put("description", description);
        }
    }

    private static ObjectNode described(String type, String description) {
        return JSON.objectNode().put("type", type).put("description", description);
    }

    private static List<String> reversed(String[] parts) {
        List<String> list = new java.util.ArrayList<>(List.of(parts));
        java.util.Collections.reverse(list);
        return list;
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
}
