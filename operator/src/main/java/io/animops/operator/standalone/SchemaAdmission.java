package io.animops.operator.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.animops.crds.validation.CrdSchemaValidator;
import io.animops.crds.validation.SchemaViolation;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Schema admission of the embedded API: what the real API server does with a CRD's OpenAPI schema on create and
 * update, which the Fabric8 mock skips. Defaults are filled in first. Invalid values are rejected with 422 Invalid, naming each field. Unknown
 * fields are rejected with 400 BadRequest under {@code fieldValidation=Strict} (kubectl's default); otherwise
 * they are pruned, with a warning under Warn (the server's default).
 */
final class SchemaAdmission {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String UNKNOWN_FIELD = "unknown field";
    private static final Pattern PATH_STEP = Pattern.compile("([^.\\[\\]]+)|\\[(\\d+)]");

    /** The outcome: either the (possibly pruned) object to store, or the HTTP code and Status body to answer. */
    record Decision(boolean allowed, JsonNode object, List<String> warnings, int code, ObjectNode status) {
        static Decision allow(JsonNode object, List<String> warnings) {
            return new Decision(true, object, warnings, 0, null);
        }

        static Decision reject(int code, ObjectNode status) {
            return new Decision(false, null, List.of(), code, status);
        }
    }

    private final CrdSchemaValidator validator;
    private final SchemaDefaulting defaulting;

    SchemaAdmission(CrdSchemaValidator validator, SchemaDefaulting defaulting) {
        this.validator = validator;
        this.defaulting = defaulting;
    }

    /** Defaults, then validates, as the API server does; the object given is not changed. */
    Decision admit(ObjectNode given, String group, String fieldValidation) {
        ObjectNode object = given.deepCopy();
        defaulting.apply(object);
        List<SchemaViolation> violations = validator.validate(object);
        List<SchemaViolation> unknown = violations.stream()
                .filter(v -> v.reason().startsWith(UNKNOWN_FIELD))
                .toList();
        List<SchemaViolation> invalid = violations.stream()
                .filter(v -> !v.reason().startsWith(UNKNOWN_FIELD))
                .toList();
        String kind = object.path("kind").asText();
        String version = object.path("apiVersion").asText().replaceFirst("^.*/", "");
        String name = object.path("metadata")
                .path("name")
                .asText(object.path("metadata").path("generateName").asText(""));
        if (!unknown.isEmpty() && "Strict".equalsIgnoreCase(fieldValidation)) {
            String fields = String.join(
                    ", ",
                    unknown.stream()
                            .map(v -> "unknown field \"" + v.field() + "\"")
                            .toList());
            String message = kind + " in version \"" + version + "\" cannot be handled as a " + kind
                    + ": strict decoding error: " + fields;
            return Decision.reject(400, status(400, "BadRequest", message, null, group, kind, List.of()));
        }
        if (!invalid.isEmpty()) {
            String details = invalid.size() == 1
                    ? invalid.get(0).toString()
                    : "["
                            + String.join(
                                    ", ",
                                    invalid.stream()
                                            .map(SchemaViolation::toString)
                                            .toList()) + "]";
            String message = kind + "." + group + " \"" + name + "\" is invalid: " + details;
            return Decision.reject(422, status(422, "Invalid", message, name, group, kind, invalid));
        }
        List<String> warnings = new ArrayList<>();
        ObjectNode pruned = object;
        for (SchemaViolation v : unknown) {
            remove(pruned, v.field());
            if (!"Ignore".equalsIgnoreCase(fieldValidation)) {
                warnings.add("unknown field \"" + v.field() + "\"");
            }
        }
        return Decision.allow(pruned, warnings);
    }

    static ObjectNode status(
            int code,
            String reason,
            String message,
            String name,
            String group,
            String kind,
            List<SchemaViolation> causes) {
        ObjectNode status = JSON.objectNode();
        status.put("kind", "Status");
        status.put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Failure");
        status.put("message", message);
        status.put("reason", reason);
        ObjectNode details = status.putObject("details");
        if (name != null) {
            details.put("name", name);
        }
        if (group != null) {
            details.put("group", group);
        }
        if (kind != null) {
            details.put("kind", kind);
        }
        if (!causes.isEmpty()) {
            ArrayNode array = details.putArray("causes");
            for (SchemaViolation v : causes) {
                ObjectNode cause = array.addObject();
                cause.put("reason", causeReason(v.reason()));
                cause.put("message", v.reason());
                cause.put("field", v.field());
            }
        }
        status.put("code", code);
        return status;
    }

    /** The field.ErrorType names the API server puts in Status causes. */
    private static String causeReason(String reason) {
        if (reason.startsWith("Required value")) {
            return "FieldValueRequired";
        } else if (reason.startsWith("Unsupported value")) {
            return "FieldValueNotSupported";
        } else if (reason.startsWith("Too long")) {
            return "FieldValueTooLong";
        } else if (reason.startsWith("Too many")) {
            return "FieldValueTooMany";
        } else if (reason.startsWith("Forbidden")) {
            return "FieldValueForbidden";
        }
        return "FieldValueInvalid";
    }

    /** Removes the field at a dotted path such as {@code spec.items[2].extra}. */
    private static void remove(JsonNode root, String path) {
        List<String> steps = new ArrayList<>();
        Matcher m = PATH_STEP.matcher(path);
        while (m.find()) {
            steps.add(m.group(1) != null ? m.group(1) : "#" + m.group(2));
        }
        JsonNode node = root;
        for (int i = 0; i < steps.size() - 1 && node != null; i++) {
            String step = steps.get(i);
            node = step.startsWith("#") ? node.get(Integer.parseInt(step.substring(1))) : node.get(step);
        }
        String last = steps.isEmpty() ? null : steps.get(steps.size() - 1);
        if (node instanceof ObjectNode obj && last != null && !last.startsWith("#")) {
            obj.remove(last);
        }
    }
}
