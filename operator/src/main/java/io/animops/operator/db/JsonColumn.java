package io.animops.operator.db;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.type.CollectionType;

import java.util.List;

/**
 * JSON for jsonb columns. Rows hold the JSON text: statements write it through {@code cast(cast($n as text) as
 * jsonb)} (see {@link Sql.Jsonb}) and read it as {@code column::text}.
 */
public final class JsonColumn {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private JsonColumn() {}

    public static String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serializable to JSON: " + e.getMessage(), e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "stored JSON does not parse as " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    public static <T> List<T> readList(String json, Class<T> itemType) {
        if (json == null) {
            return List.of();
        }
        CollectionType type = MAPPER.getTypeFactory().constructCollectionType(List.class, itemType);
        try {
            List<T> list = MAPPER.readValue(json, type);
            // a jsonb null (a list that was never set) reads as no items
            return list == null ? List.of() : list;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "stored JSON does not parse as a list of " + itemType.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
