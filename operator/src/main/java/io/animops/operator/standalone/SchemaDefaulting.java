package io.animops.operator.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Structural-schema defaulting as the API server does it when it reads an object: a property that is absent and
 * has a {@code default} in the CRD schema gets that value, at every depth of the objects that are present.
 * So {@code kubectl get -o yaml} and every client see {@code ideasPerRun: 3} though the manifest left it out.
 */
final class SchemaDefaulting {
    private final Map<String, JSONSchemaProps> schemas = new HashMap<>();

    SchemaDefaulting(List<CustomResourceDefinition> crds) {
        for (CustomResourceDefinition crd : crds) {
            for (CustomResourceDefinitionVersion v : crd.getSpec().getVersions()) {
                if (v.getSchema() != null && v.getSchema().getOpenAPIV3Schema() != null) {
                    schemas.put(
                            crd.getSpec().getGroup() + "/" + v.getName() + "/"
                                    + crd.getSpec().getNames().getKind(),
                            v.getSchema().getOpenAPIV3Schema());
                }
            }
        }
    }

    /** Fills in defaults in place; objects of unknown kinds are left as they are. */
    void apply(ObjectNode object) {
        JSONSchemaProps schema = schemas.get(
                object.path("apiVersion").asText() + "/" + object.path("kind").asText());
        if (schema != null) {
            fill(object, schema);
        }
    }

    private void fill(JsonNode value, JSONSchemaProps schema) {
        if (value instanceof ObjectNode object) {
            if (schema.getProperties() != null) {
                schema.getProperties().forEach((name, property) -> {
                    if (!object.has(name) && property.getDefault() != null) {
                        object.set(name, property.getDefault().deepCopy());
                    }
                    if (object.has(name)) {
                        fill(object.get(name), property);
                    }
                });
            }
            if (schema.getAdditionalProperties() != null
                    && schema.getAdditionalProperties().getSchema() != null) {
                JSONSchemaProps additional = schema.getAdditionalProperties().getSchema();
                object.fields().forEachRemaining(e -> {
                    if (schema.getProperties() == null
                            || !schema.getProperties().containsKey(e.getKey())) {
                        fill(e.getValue(), additional);
                    }
                });
            }
        } else if (value instanceof ArrayNode array
                && schema.getItems() != null
                && schema.getItems().getSchema() != null) {
            array.forEach(item -> fill(item, schema.getItems().getSchema()));
        }
    }
}
