package io.animops.operator.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.MockResponse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;

/**
 * What the API server does to a list that the Fabric8 mock does not:
 * <ul>
 *     <li>the list's kind ({@code EventList}, not {@code List}: kubectl's typed clients, as in {@code describe},
 *     find no events in a {@code List});</li>
 *     <li>label selectors with set terms ({@code k in (a,b)}, {@code k notin (a,b)}), which the mock splits at the
 *     commas and ignores; the mock is asked for the whole list ({@link #withoutSelectors});</li>
 *     <li>field selectors on any field ({@code kubectl describe} lists an object's events with
 *     {@code involvedObject.name=…,involvedObject.kind=…,involvedObject.uid=…}; the mock knows only
 *     {@code metadata.name} and {@code metadata.namespace} and answers nothing for other fields);</li>
 *     <li>pages: {@code limit} and {@code continue} ({@code kubectl get --chunk-size}), in the API server's order
 *     (namespace, then name), with {@code remainingItemCount}.</li>
 * </ul>
 */
final class ListSelection {
    private static final Comparator<JsonNode> KEY_ORDER = Comparator.comparing(ListSelection::key);

    private ListSelection() {}

    /** The list answer narrowed to the selected items and the requested page; any other answer unchanged. */
    static MockResponse apply(ResourcePath target, MockResponse stored, ObjectMapper json, String kind) {
        String selector = target.queryParameter("fieldSelector");
        String labels = target.queryParameter("labelSelector");
        String limit = target.queryParameter("limit");
        String continueToken = target.queryParameter("continue");
        boolean paged = limit != null && !limit.equals("0");
        if (!target.isCollection() || target.isWatch() || stored.code() != 200) {
            return stored;
        }
        Predicate<JsonNode> selected = Selectors.fields(selector).and(Selectors.labels(labels));
        try {
            JsonNode list = json.readTree(stored.getBody().readUtf8());
            List<JsonNode> items = new ArrayList<>();
            list.path("items").forEach(item -> {
                if (selected.test(item)) {
                    items.add(item);
                }
            });
            items.sort(KEY_ORDER);
            ObjectNode metadata =
                    list.get("metadata") instanceof ObjectNode m ? m : ((ObjectNode) list).putObject("metadata");
            if (continueToken != null && !continueToken.isEmpty()) {
                String after = continuedAfter(continueToken);
                items.removeIf(item -> key(item).compareTo(after) <= 0);
            }
            ArrayNode kept = json.createArrayNode();
            int pageSize = paged ? Integer.parseInt(limit) : items.size();
            items.stream().limit(pageSize).forEach(kept::add);
            if (items.size() > pageSize) {
                metadata.put(
                        "continue",
                        Base64.getUrlEncoder()
                                .withoutPadding()
                                .encodeToString(key(items.get(pageSize - 1)).getBytes(StandardCharsets.UTF_8)));
                metadata.put("remainingItemCount", items.size() - pageSize);
            }
            ((ObjectNode) list).set("items", kept);
            if (!kind.isEmpty()) {
                ((ObjectNode) list).put("kind", kind + "List");
            }
            return new MockResponse()
                    .setResponseCode(200)
                    .setHeader("Content-Type", "application/json")
                    .setBody(json.writeValueAsString(list));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid limit \"" + limit + "\": not a number", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The request path without its selectors, which are applied here instead of by the mock. */
    static String withoutSelectors(String path) {
        int query = path.indexOf('?');
        if (query < 0) {
            return path;
        }
        String kept = String.join(
                "&",
                java.util.Arrays.stream(path.substring(query + 1).split("&"))
                        .filter(p -> !p.startsWith("labelSelector=") && !p.startsWith("fieldSelector="))
                        .toList());
        return path.substring(0, query) + (kept.isEmpty() ? "" : "?" + kept);
    }

    private static String continuedAfter(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "invalid continue token \"" + token + "\": not one this server gave out", e);
        }
    }

    /** The API server's storage key order: namespace, then name. */
    private static String key(JsonNode item) {
        return item.path("metadata").path("namespace").asText("") + "/"
                + item.path("metadata").path("name").asText();
    }
}
