package io.animops.operator.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Renders custom resources as a {@code meta.k8s.io/v1} Table from the CRD version's additionalPrinterColumns, the
 * way the API server answers a GET whose Accept header asks for {@code as=Table}. kubectl prints these tables;
 * without them it falls back to NAME and AGE only.
 */
final class PrinterColumnTable {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private static final String NAME_DESCRIPTION =
            "Name must be unique within a namespace. Is required when creating resources, although some resources "
                    + "may allow a client to request the generation of an appropriate name automatically.";

    private final ObjectMapper mapper;

    PrinterColumnTable(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** Whether an Accept header asks for a Table (kubectl lists {@code as=Table;v=v1;g=meta.k8s.io} first). */
    static boolean wantsTable(String accept) {
        return tableVersion(accept) != null;
    }

    /** The Table version the client accepts first ({@code v1} or {@code v1beta1}), or null. */
    static String tableVersion(String accept) {
        if (accept == null) {
            return null;
        }
        for (String mediaType : accept.split(",")) {
            String as = null;
            String g = null;
            String v = null;
            for (String param : mediaType.split(";")) {
                String[] kv = param.trim().split("=", 2);
                if (kv.length == 2) {
                    switch (kv[0].trim()) {
                        case "as" -> as = kv[1].trim();
                        case "g" -> g = kv[1].trim();
                        case "v" -> v = kv[1].trim();
                        default -> {}
                    }
                }
            }
            if ("Table".equals(as) && "meta.k8s.io".equals(g) && ("v1".equals(v) || "v1beta1".equals(v))) {
                return v;
            }
        }
        return null;
    }

    /**
     * @param version       the CRD version whose columns apply
     * @param body          the stored object, or a list with {@code items}
     * @param tableVersion  v1 or v1beta1 of meta.k8s.io
     * @param includeObject None, Metadata (the default) or Object, as the includeObject query parameter
     * @param now           the reference time for date columns
     */
    String render(
            CustomResourceDefinitionVersion version,
            JsonNode body,
            String tableVersion,
            String includeObject,
            Instant now) {
        List<CustomResourceColumnDefinition> columns = columnsOf(version);
        ObjectNode table = JSON.objectNode();
        table.put("kind", "Table");
        table.put("apiVersion", "meta.k8s.io/" + tableVersion);
        ObjectNode metadata = table.putObject("metadata");
        boolean list = body.has("items") && body.get("items").isArray();
        // a page of a list keeps its continue token, or kubectl get --chunk-size would stop after the first page
        for (String field : List.of("resourceVersion", "continue", "remainingItemCount")) {
            if (body.path("metadata").has(field)) {
                metadata.set(field, body.path("metadata").get(field));
            }
        }
        ArrayNode definitions = table.putArray("columnDefinitions");
        definitions.add(column("Name", "string", "name", NAME_DESCRIPTION, 0));
        for (CustomResourceColumnDefinition c : columns) {
            definitions.add(column(
                    c.getName(),
                    c.getType(),
                    c.getFormat() == null ? "" : c.getFormat(),
                    c.getDescription() == null ? "" : c.getDescription(),
                    c.getPriority() == null ? 0 : c.getPriority()));
        }
        ArrayNode rows = table.putArray("rows");
        List<JsonNode> objects = new ArrayList<>();
        if (list) {
            body.get("items").forEach(objects::add);
        } else {
            objects.add(body);
        }
        for (JsonNode object : objects) {
            ObjectNode row = rows.addObject();
            ArrayNode cells = row.putArray("cells");
            cells.add(object.path("metadata").path("name").asText());
            for (CustomResourceColumnDefinition c : columns) {
                List<JsonNode> results = new SimpleJsonPath(c.getJsonPath()).evaluate(object);
                cells.add(results.isEmpty() ? JSON.nullNode() : cell(c.getType(), results.get(0), now));
            }
            String include = includeObject == null || includeObject.isEmpty() ? "Metadata" : includeObject;
            if (include.equals("Object")) {
                row.set("object", object);
            } else if (include.equals("Metadata")) {
                ObjectNode partial = row.putObject("object");
                partial.put("kind", "PartialObjectMetadata");
                partial.put("apiVersion", "meta.k8s.io/" + tableVersion);
                partial.set("metadata", object.path("metadata").deepCopy());
            }
        }
        try {
            return mapper.writeValueAsString(table);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<CustomResourceColumnDefinition> columnsOf(CustomResourceDefinitionVersion version) {
        if (version.getAdditionalPrinterColumns() != null
                && !version.getAdditionalPrinterColumns().isEmpty()) {
            return version.getAdditionalPrinterColumns();
        }
        // the API server's default when a CRD declares no columns
        CustomResourceColumnDefinition age = new CustomResourceColumnDefinition();
        age.setName("Age");
        age.setType("date");
        age.setJsonPath(".metadata.creationTimestamp");
        return List.of(age);
    }

    private static ObjectNode column(String name, String type, String format, String description, int priority) {
        ObjectNode c = JSON.objectNode();
        c.put("name", name);
        c.put("type", type);
        c.put("format", format);
        c.put("description", description);
        c.put("priority", priority);
        return c;
    }

    /** Converts one JSONPath result to a cell as the API server's CRD table convertor does for each column type. */
    static JsonNode cell(String type, JsonNode value, Instant now) {
        return switch (type == null ? "string" : type) {
            case "integer" -> value.isNumber() ? JSON.numberNode(value.asLong()) : JSON.nullNode();
            case "number" -> value.isNumber() ? value : JSON.nullNode();
            case "boolean" -> value.isBoolean() ? value : JSON.nullNode();
            case "date" -> value.isTextual() ? JSON.textNode(age(value.asText(), now)) : JSON.nullNode();
            default -> value.isTextual() ? value : JSON.textNode(value.toString());
        };
    }

    private static String age(String timestamp, Instant now) {
        try {
            return humanDuration(Duration.between(Instant.parse(timestamp), now));
        } catch (DateTimeParseException e) {
            return "<invalid>";
        }
    }

    /** The API server's (and kubectl's) rendering of an age: 45s, 3m12s, 5h10m, 3d4h, 2y10d. */
    static String humanDuration(Duration d) {
        long seconds = d.getSeconds();
        if (seconds < -1) {
            return "<invalid>";
        } else if (seconds < 0) {
            return "0s";
        } else if (seconds < 60 * 2) {
            return seconds + "s";
        }
        long minutes = seconds / 60;
        if (minutes < 10) {
            long s = seconds % 60;
            return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
        } else if (minutes < 60 * 3) {
            return minutes + "m";
        }
        long hours = minutes / 60;
        if (hours < 8) {
            long m = minutes % 60;
            return m == 0 ? hours + "h" : hours + "h" + m + "m";
        } else if (hours < 48) {
            return hours + "h";
        } else if (hours < 24 * 8) {
            long h = hours % 24;
            return h == 0 ? (hours / 24) + "d" : (hours / 24) + "d" + h + "h";
        } else if (hours < 24 * 365 * 2) {
            return (hours / 24) + "d";
        } else if (hours < 24 * 365 * 8) {
            long dy = (hours / 24) % 365;
            return dy == 0 ? (hours / 24 / 365) + "y" : (hours / 24 / 365) + "y" + dy + "d";
        }
        return (hours / 24 / 365) + "y";
    }
}
