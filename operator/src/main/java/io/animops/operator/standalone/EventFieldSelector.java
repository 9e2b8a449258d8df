package io.animops.operator.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The field selectors {@code kubectl describe} sends to list an object's events
 * ({@code involvedObject.name=…,involvedObject.kind=…,involvedObject.uid=…}): the Fabric8 mock knows only
 * {@code metadata.name} and {@code metadata.namespace} and would answer every event of the namespace, so the
 * describe output would tell other objects' stories too. Only equality terms on involvedObject, type and reason
 * are applied here, which is what kubectl uses.
 */
final class EventFieldSelector {
    private EventFieldSelector() {
    }

    /** The list answer narrowed to the events the selector names; any other answer unchanged. */
    static MockResponse filter(ResourcePath target, MockResponse stored, ObjectMapper json) {
        String selector = target.queryParameter("fieldSelector");
        if (!"events".equals(target.plural()) || !target.isCollection() || target.isWatch() || selector == null
                || stored.code() != 200) {
            return stored;
        }
        Map<String, String> terms = terms(selector);
        if (terms.isEmpty()) {
            return stored;
        }
        try {
            JsonNode list = json.readTree(stored.getBody().readUtf8());
            ArrayNode kept = json.createArrayNode();
            for (JsonNode event : list.path("items")) {
                if (terms.entrySet().stream().allMatch(t -> t.getValue().equals(value(event, t.getKey())))) {
                    kept.add(event);
                }
            }
            ((ObjectNode) list).set("items", kept);
            return new MockResponse().setResponseCode(200).setHeader("Content-Type", "application/json")
                    .setBody(json.writeValueAsString(list));
        } catch (java.io.IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code a=b} and {@code a==b} terms on the fields this class applies; others are left to the mock. */
    private static Map<String, String> terms(String selector) {
        Map<String, String> terms = new LinkedHashMap<>();
        for (String term : selector.split(",")) {
            String[] parts = term.split("==?", 2);
            if (parts.length == 2 && !term.contains("!=")
                    && (parts[0].startsWith("involvedObject.") || parts[0].equals("type") || parts[0].equals("reason"))) {
                terms.put(parts[0].trim(), parts[1].trim());
            }
        }
        return terms;
    }

    private static String value(JsonNode event, String path) {
        JsonNode node = event;
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        return node.isMissingNode() || node.isNull() ? "" : node.asText();
    }
}
