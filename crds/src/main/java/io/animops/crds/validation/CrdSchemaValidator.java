package io.animops.crds.validation;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.api.model.apiextensions.v1.JSONSchemaProps;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Validates a resource against the OpenAPI v3 schema of its CRD, as the API server does on create and
 * update (types, required fields, enums, bounds, lengths, patterns, and unknown fields as with strict field
 * validation). Used where no API server validates: the standalone mode's embedded API and the tests.
 * CEL rules are not evaluated; the CRDs express their constraints without them.
 */
public final class CrdSchemaValidator {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String MANIFESTS = "META-INF/animops/crds/";
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

    private final Map<String, JSONSchemaProps> schemasByKind = new HashMap<>();

    public CrdSchemaValidator(List<CustomResourceDefinition> crds) {
        for (CustomResourceDefinition crd : crds) {
            for (CustomResourceDefinitionVersion v : crd.getSpec().getVersions()) {
                String key = crd.getSpec().getGroup() + "/" + v.getName() + "/"
                        + crd.getSpec().getNames().getKind();
                schemasByKind.put(key, v.getSchema().getOpenAPIV3Schema());
            }
        }
    }

    /** The validator for the CRD manifests shipped in this module's jar. */
    public static CrdSchemaValidator fromBundledManifests() {
        return new CrdSchemaValidator(bundledCrds());
    }

    public static List<CustomResourceDefinition> bundledCrds() {
        List<CustomResourceDefinition> crds = new ArrayList<>();
        for (String file : BundledCrds.FILES) {
            try (InputStream in = CrdSchemaValidator.class.getClassLoader().getResourceAsStream(MANIFESTS + file)) {
                if (in == null) {
                    throw new IllegalStateException("CRD manifest missing from the classpath: " + MANIFESTS + file);
                }
                crds.add(Serialization.unmarshal(in, CustomResourceDefinition.class));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return crds;
    }

    /** Validates any object with apiVersion and kind (a typed resource or a parsed manifest). */
    public List<SchemaViolation> validate(Object resource) {
        JsonNode node = MAPPER.valueToTree(resource);
        String apiVersion = node.path("apiVersion").asText("");
        String kind = node.path("kind").asText("");
        JSONSchemaProps schema = schemasByKind.get(apiVersion + "/" + kind);
        List<SchemaViolation> violations = new ArrayList<>();
        if (schema == null) {
            violations.add(new SchemaViolation("kind", "no AnimOps CRD for " + apiVersion + " " + kind));
            return violations;
        }
        if (node.path("metadata").path("name").asText("").isEmpty()
                && node.path("metadata").path("generateName").asText("").isEmpty()) {
            violations.add(new SchemaViolation("metadata.name", "Required value: name or generateName is required"));
        }
        // metadata is validated by the API server's own rules, not the CRD schema
        JsonNode spec = node.get("spec");
        JSONSchemaProps specSchema = schema.getProperties().get("spec");
        if (schema.getRequired() != null && schema.getRequired().contains("spec") && (spec == null || spec.isNull())) {
            violations.add(new SchemaViolation("spec", "Required value"));
        } else if (spec != null && specSchema != null) {
            check(spec, specSchema, "spec", violations);
        }
        return violations;
    }

    private void check(JsonNode value, JSONSchemaProps schema, String path, List<SchemaViolation> out) {
        if (value == null || value.isNull()) {
            if (!Boolean.TRUE.equals(schema.getNullable())) {
                out.add(new SchemaViolation(
                        path, "Invalid value: \"null\": " + path + " in body must be of type " + schema.getType()));
            }
            return;
        }
        String type = schema.getType();
        if (type != null && !hasType(value, type)) {
            out.add(new SchemaViolation(
                    path,
                    "Invalid value: " + render(value) + ": " + path + " in body must be of type " + type + ", got "
                            + typeOf(value)));
            return;
        }
        if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
            List<String> allowed =
                    schema.getEnum().stream().map(JsonNode::asText).toList();
            if (!allowed.contains(value.asText())) {
                out.add(new SchemaViolation(
                        path,
                        "Unsupported value: " + render(value) + ": supported values: "
                                + String.join(
                                        ", ",
                                        allowed.stream()
                                                .map(a -> "\"" + a + "\"")
                                                .toList())));
            }
        }
        if (value.isNumber()) {
            if (schema.getMinimum() != null && value.asDouble() < schema.getMinimum()) {
                out.add(new SchemaViolation(
                        path,
                        "Invalid value: " + render(value) + ": " + path + " in body should be greater than or equal to "
                                + number(schema.getMinimum())));
            }
            if (schema.getMaximum() != null && value.asDouble() > schema.getMaximum()) {
                out.add(new SchemaViolation(
                        path,
                        "Invalid value: " + render(value) + ": " + path + " in body should be less than or equal to "
                                + number(schema.getMaximum())));
            }
        }
        if (value.isTextual()) {
            String text = value.asText();
            if (schema.getMinLength() != null && text.length() < schema.getMinLength()) {
                out.add(new SchemaViolation(
                        path,
                        "Invalid value: " + render(value) + ": " + path + " in body should be at least "
                                + schema.getMinLength() + " chars long"));
            }
            if (schema.getMaxLength() != null && text.length() > schema.getMaxLength()) {
                out.add(new SchemaViolation(
                        path, "Too long: may not be more than " + schema.getMaxLength() + " bytes"));
            }
            if (schema.getPattern() != null
                    && !PATTERNS.computeIfAbsent(schema.getPattern(), Pattern::compile)
                            .matcher(text)
                            .find()) {
                out.add(new SchemaViolation(
                        path,
                        "Invalid value: " + render(value) + ": " + path + " in body should match '"
                                + schema.getPattern() + "'"));
            }
        }
        if (value.isArray()) {
            if (schema.getMaxItems() != null && value.size() > schema.getMaxItems()) {
                out.add(new SchemaViolation(
                        path, "Too many: " + value.size() + ": must have at most " + schema.getMaxItems() + " items"));
            }
            if (schema.getMinItems() != null && value.size() < schema.getMinItems()) {
                out.add(new SchemaViolation(
                        path, "Too few: " + value.size() + ": must have at least " + schema.getMinItems() + " items"));
            }
            if (schema.getItems() != null && schema.getItems().getSchema() != null) {
                for (int i = 0; i < value.size(); i++) {
                    check(value.get(i), schema.getItems().getSchema(), path + "[" + i + "]", out);
                }
            }
        }
        if (value.isObject()) {
            checkObject(value, schema, path, out);
        }
    }

    private void checkObject(JsonNode value, JSONSchemaProps schema, String path, List<SchemaViolation> out) {
        Map<String, JSONSchemaProps> properties = schema.getProperties() == null ? Map.of() : schema.getProperties();
        if (schema.getRequired() != null) {
            for (String required : schema.getRequired()) {
                if (!value.has(required) || value.get(required).isNull()) {
                    out.add(new SchemaViolation(path + "." + required, "Required value"));
                }
            }
        }
        JSONSchemaProps additional = schema.getAdditionalProperties() == null
                ? null
                : schema.getAdditionalProperties().getSchema();
        boolean preserveUnknown = Boolean.TRUE.equals(schema.getXKubernetesPreserveUnknownFields());
        for (Iterator<Map.Entry<String, JsonNode>> it = value.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String fieldPath = path + "." + field.getKey();
            JSONSchemaProps fieldSchema = properties.get(field.getKey());
            if (fieldSchema == null) {
                fieldSchema = additional;
            }
            if (fieldSchema != null) {
                check(field.getValue(), fieldSchema, fieldPath, out);
            } else if (!preserveUnknown
                    && (schema.getAdditionalProperties() == null
                            || !Boolean.TRUE.equals(
                                    schema.getAdditionalProperties().getAllows()))) {
                out.add(new SchemaViolation(fieldPath, "unknown field \"" + fieldPath + "\""));
            }
        }
    }

    private static boolean hasType(JsonNode value, String type) {
        return switch (type) {
            case "object" -> value.isObject();
            case "array" -> value.isArray();
            case "string" -> value.isTextual();
            case "integer" ->
                value.isIntegralNumber() || (value.isNumber() && value.asDouble() == Math.rint(value.asDouble()));
            case "number" -> value.isNumber();
            case "boolean" -> value.isBoolean();
            default -> true;
        };
    }

    private static String typeOf(JsonNode value) {
        if (value.isObject()) {
            return "object";
        }
        if (value.isArray()) {
            return "array";
        }
        if (value.isTextual()) {
            return "string";
        }
        if (value.isBoolean()) {
            return "boolean";
        }
        return value.isIntegralNumber() ? "integer" : "number";
    }

    private static String render(JsonNode value) {
        return value.isTextual() ? "\"" + value.asText() + "\"" : value.toString();
    }

    private static String number(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
