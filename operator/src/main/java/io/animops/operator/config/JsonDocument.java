package io.animops.operator.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reading of strict, hand-edited JSON documents: every accessor names the JSON path of a missing or wrong
 * field, and unknown fields are errors (a misspelt key silently ignored would be a setting lost). The
 * canonical form (keys sorted, no whitespace) decides whether two documents have the same content.
 */
public final class JsonDocument {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final ObjectMapper CANONICAL =
            new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final String source;

    public JsonDocument(String source) {
        this.source = source;
    }

    public String source() {
        return source;
    }

    public JsonNode parse(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || !root.isObject()) {
                throw fail("$", "the document must be a JSON object");
            }
            return root;
        } catch (JsonProcessingException e) {
            throw fail(
                    "$",
                    "not valid JSON: " + e.getOriginalMessage() + " at line "
                            + e.getLocation().getLineNr() + ", column "
                            + e.getLocation().getColumnNr());
        }
    }

    public InvalidDocumentException fail(String field, String reason) {
        return new InvalidDocumentException(source, field, reason);
    }

    /** Fails on the first field of {@code node} not in {@code known}. */
    public void onlyKnownFields(JsonNode node, String path, Set<String> known) {
        Iterator<String> names = node.fieldNames();
        while (names.hasNext()) {
            String name = names.next();
            if (!known.contains(name)) {
                throw fail(
                        join(path, name),
                        "unknown field; known fields are " + String.join(", ", new java.util.TreeSet<>(known)));
            }
        }
    }

    public JsonNode object(JsonNode parent, String path, String name) {
        JsonNode node = required(parent, path, name);
        if (!node.isObject()) {
            throw fail(join(path, name), "must be an object");
        }
        return node;
    }

    public List<JsonNode> array(JsonNode parent, String path, String name) {
        JsonNode node = required(parent, path, name);
        if (!node.isArray()) {
            throw fail(join(path, name), "must be an array");
        }
        List<JsonNode> items = new ArrayList<>();
        node.forEach(items::add);
        return items;
    }

    public String text(JsonNode parent, String path, String name) {
        JsonNode node = required(parent, path, name);
        if (!node.isTextual() || node.asText().isBlank()) {
            throw fail(join(path, name), "must be a non-empty string");
        }
        return node.asText();
    }

    public String optionalText(JsonNode parent, String path, String name) {
        return parent.hasNonNull(name) ? text(parent, path, name) : null;
    }

    public int integer(JsonNode parent, String path, String name, int min, int max) {
        JsonNode node = required(parent, path, name);
        if (!node.isIntegralNumber() || !node.canConvertToInt()) {
            throw fail(join(path, name), "must be a whole number, got " + node);
        }
        int value = node.asInt();
        if (value < min || value > max) {
            throw fail(join(path, name), "must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    public long wholeNumber(JsonNode parent, String path, String name, long min) {
        JsonNode node = required(parent, path, name);
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw fail(join(path, name), "must be a whole number, got " + node);
        }
        long value = node.asLong();
        if (value < min) {
            throw fail(join(path, name), "must be at least " + min + ", got " + value);
        }
        return value;
    }

    /** A number in (0, max]. */
    public double positive(JsonNode parent, String path, String name, double max) {
        JsonNode node = required(parent, path, name);
        if (!node.isNumber()) {
            throw fail(join(path, name), "must be a number, got " + node);
        }
        double value = node.asDouble();
        if (!(value > 0) || value > max) {
            throw fail(join(path, name), "must be greater than 0 and at most " + max + ", got " + node);
        }
        return value;
    }

    private JsonNode required(JsonNode parent, String path, String name) {
        JsonNode node = parent.get(name);
        if (node == null || node.isNull()) {
            throw fail(join(path, name), "is required");
        }
        return node;
    }

    public static String join(String path, String name) {
        return path == null || path.isEmpty() ? name : path + "." + name;
    }

    /** Keys sorted, no whitespace: equal for documents that differ only in layout or key order. */
    public static String canonical(JsonNode node) {
        try {
            return CANONICAL.writeValueAsString(CANONICAL.treeToValue(node, Object.class));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Object fields in document order. */
    public static Map<String, JsonNode> fields(JsonNode node) {
        Map<String, JsonNode> fields = new java.util.LinkedHashMap<>();
        node.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getValue()));
        return fields;
    }
}
