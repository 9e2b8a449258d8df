package io.animops.operator.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.function.Predicate;

/**
 * A list answer as the API server gives it, which the Fabric8 mock does not:
 * <ul>
 *     <li>the list's kind ({@code EventList}, not {@code List}: kubectl's typed clients, as in {@code describe},
 *     find no events in a {@code List});</li>
 *     <li>label selectors with set terms ({@code k in (a,b)}, {@code k notin (a,b)}), which the mock splits at the
 *     commas and ignores;</li>
 *     <li>field selectors on any field ({@code kubectl describe} lists an object's events with
 *     {@code involvedObject.name=…,involvedObject.kind=…,involvedObject.uid=…}; the mock knows only
 *     {@code metadata.name} and {@code metadata.namespace} and answers nothing for other fields);</li>
 *     <li>pages: {@code limit} and {@code continue} ({@code kubectl get --chunk-size}), in the API server's order
 *     (namespace, then name), with {@code remainingItemCount}.</li>
 * </ul>
 * It works on the {@link ObjectIndex}'s entries, already in that order: the selectors are parsed once per request,
 * an object's JSON is read only when a selector needs it, and the items are served as the text they are stored as.
 */
final class ListSelection {
    private ListSelection() {}

    /** The objects of a collection (in key order) that the request's label and field selectors select. */
    static List<ObjectIndex.Entry> selected(List<ObjectIndex.Entry> collection, ResourcePath target) {
        String fields = target.queryParameter("fieldSelector");
        String labels = target.queryParameter("labelSelector");
        if (isBlank(fields) && isBlank(labels)) {
            return collection;
        }
        Predicate<JsonNode> selector = Selectors.fields(fields).and(Selectors.labels(labels));
        return collection.stream()
                .filter(e -> selector.test(WatchedCrudDispatcher.read(e.json())))
                .toList();
    }

    /**
     * The list answer for a collection (its objects in key order): the selected objects of the requested page, of kind
     * {@code <kind>List} ({@code List} when {@code kind} is empty), listed at {@code resourceVersion}.
     */
    static String list(List<ObjectIndex.Entry> collection, ResourcePath target, long resourceVersion, String kind) {
        String limit = target.queryParameter("limit");
        String continueToken = target.queryParameter("continue");
        int pageSize;
        try {
            pageSize = limit == null || limit.equals("0") ? Integer.MAX_VALUE : Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("invalid limit \"" + limit + "\": not a number", e);
        }
        if (pageSize < 0) {
            throw new IllegalArgumentException("invalid limit \"" + limit + "\": must not be negative");
        }
        List<ObjectIndex.Entry> items = selected(collection, target);
        if (continueToken != null && !continueToken.isEmpty()) {
            String after = continuedAfter(continueToken);
            items = items.stream().filter(e -> key(e).compareTo(after) > 0).toList();
        }
        ObjectNode list = Serialization.jsonMapper().createObjectNode();
        list.put("apiVersion", "v1");
        list.put("kind", kind + "List");
        ObjectNode metadata = list.putObject("metadata");
        metadata.put("resourceVersion", String.valueOf(resourceVersion));
        if (items.size() > pageSize) {
            metadata.put(
                    "continue",
                    Base64.getUrlEncoder()
                            .withoutPadding()
                            .encodeToString(key(items.get(pageSize - 1)).getBytes(StandardCharsets.UTF_8)));
            metadata.put("remainingItemCount", items.size() - pageSize);
            items = items.subList(0, pageSize);
        }
        // the items as stored, spliced in: reading and writing each again would cost more than the whole request
        String head = list.toString();
        int length = head.length()
                + 16
                + items.stream().mapToInt(e -> e.json().length() + 1).sum();
        StringBuilder answer = new StringBuilder(length);
        answer.append(head, 0, head.length() - 1).append(",\"items\":[");
        for (int i = 0; i < items.size(); i++) {
            answer.append(i == 0 ? "" : ",").append(items.get(i).json());
        }
        return answer.append("]}").toString();
    }

    private static String continuedAfter(String token) {
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(
                    "invalid continue token \"" + token + "\": not one this server gave out", e);
        }
    }

    /** The API server's storage key order: namespace, then name (the continue token's content). */
    private static String key(ObjectIndex.Entry entry) {
        return entry.key().namespace() + "/" + entry.key().name();
    }

    private static boolean isBlank(String selector) {
        return selector == null || selector.isBlank();
    }
}
