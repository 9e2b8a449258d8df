package io.animops.operator.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.mockwebserver.http.MockResponse;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Keeps the events of one object to a bounded count: a real API server lets events expire after an hour (its
 * {@code --event-ttl}); the embedded API, which may run for weeks, keeps the latest {@value #PER_OBJECT} of each
 * object instead, deleting the oldest when a new one is created. An object's events are those naming it (by uid,
 * or by kind and name when the event has no uid) in {@code involvedObject} (core v1) or {@code regarding}
 * (events.k8s.io/v1).
 */
final class EventTrimming {
    static final int PER_OBJECT = 50;
    private static final Comparator<JsonNode> OLDEST_FIRST =
            Comparator.comparing(EventTrimming::lastSeen).thenComparingLong(WatchedCrudDispatcher::resourceVersionOf);

    private EventTrimming() {}

    /** After a create answered {@code created}: trims the events of the object the new event is about. */
    static MockResponse afterCreate(ResourcePath target, MockResponse created, WatchedCrudDispatcher crud) {
        if (!target.plural().equals("events") || created.code() != 201 || target.namespace() == null) {
            return created;
        }
        JsonNode event = WatchedCrudDispatcher.read(new String(created.getBody().getBytes(), StandardCharsets.UTF_8));
        ObjectIndex.Resource resource = ObjectIndex.Resource.of(target);
        List<ObjectIndex.Entry> kept = crud.objects().eventsAbout(subject(event)).stream()
                .filter(e -> e.key().resource().equals(resource)
                        && e.key().namespace().equals(target.namespace()))
                .toList();
        if (kept.size() <= PER_OBJECT) {
            // the common case: nothing to trim, and no event to read
            return created;
        }
        List<JsonNode> same = new ArrayList<>();
        kept.forEach(e -> same.add(WatchedCrudDispatcher.read(e.json())));
        same.sort(OLDEST_FIRST);
        for (int i = 0; i < same.size() - PER_OBJECT; i++) {
            ObjectIndex.Key oldest = new ObjectIndex.Key(
                    resource,
                    target.namespace(),
                    same.get(i).path("metadata").path("name").asText());
            crud.objects().get(oldest).ifPresent(crud::delete);
        }
        return created;
    }

    /** The object an event is about: its uid, or its kind and name when the event names no uid. */
    static String subject(JsonNode event) {
        JsonNode object = event.has("regarding") ? event.path("regarding") : event.path("involvedObject");
        String uid = object.path("uid").asText("");
        return uid.isEmpty()
                ? object.path("kind").asText() + "/" + object.path("name").asText()
                : uid;
    }

    /** When the event last happened; RFC 3339 times of one server compare as text. */
    private static String lastSeen(JsonNode event) {
        for (String field : List.of("lastTimestamp", "eventTime", "deprecatedLastTimestamp", "firstTimestamp")) {
            String value = event.path(field).asText("");
            if (!value.isEmpty()) {
                return value;
            }
        }
        return event.path("metadata").path("creationTimestamp").asText("");
    }
}
