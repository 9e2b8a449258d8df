package io.animops.operator.standalone;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The embedded API's objects in memory, indexed so that a request costs what it touches rather than what is stored:
 * an object is found by its {@link Key} in one hash look-up, a collection (one resource in one namespace, or in all)
 * is a range of a sorted map in the API server's order (namespace, then name), and the garbage collector and the
 * event trimming find an owner's dependents and an object's events without reading anything else. Objects are kept as
 * their JSON text, as they are served; what the secondary indexes need is read once when an object is stored.
 * Thread-safe; every answer is a copy, taken under the index's monitor.
 */
final class ObjectIndex {
    /** A resource: its API group ("" for the core group), version and plural. */
    record Resource(String group, String version, String plural) {
        static Resource of(ResourcePath path) {
            return new Resource(path.group(), path.version(), path.plural());
        }

        /** From an apiVersion such as {@code animops.io/v1alpha1} or {@code v1}. */
        static Resource of(String apiVersion, String plural) {
            int slash = apiVersion.indexOf('/');
            return slash < 0
                    ? new Resource("", apiVersion, plural)
                    : new Resource(apiVersion.substring(0, slash), apiVersion.substring(slash + 1), plural);
        }
    }

    /** Where one object lives: its resource, namespace ("" when cluster-scoped) and name. */
    record Key(Resource resource, String namespace, String name) {
        /** The object a request path names; the collection's when the path names none, with {@code name}. */
        static Key of(ResourcePath path, String name) {
            return new Key(
                    Resource.of(path),
                    path.namespace() == null ? "" : path.namespace(),
                    path.isCollection() ? name : path.name());
        }

        private String sortKey() {
            return namespace + "/" + name;
        }
    }

    /** One stored object: its JSON text, its uid, and what the secondary indexes know of it. */
    record Entry(Key key, String json, String uid, Set<String> ownerUids, String eventSubject) {}

    private final Map<Key, Entry> objects = new HashMap<>();
    /** Per resource, its objects by "namespace/name": a namespace's objects are one range of it. */
    private final Map<Resource, NavigableMap<String, Entry>> collections = new HashMap<>();

    private final Map<String, Set<Key>> dependents = new HashMap<>();
    private final Map<String, Set<Key>> events = new HashMap<>();

    synchronized Optional<Entry> get(Key key) {
        return Optional.ofNullable(objects.get(key));
    }

    /** The objects of one resource in one namespace, or in all when {@code namespace} is null, in key order. */
    synchronized List<Entry> list(Resource resource, String namespace) {
        NavigableMap<String, Entry> collection = collections.get(resource);
        if (collection == null) {
            return List.of();
        }
        // names and namespaces hold no '/', and '0' follows '/': the range is exactly the namespace's keys
        return new ArrayList<>(
                namespace == null
                        ? collection.values()
                        : collection
                                .subMap(namespace + "/", true, namespace + "0", false)
                                .values());
    }

    /** Every object in one namespace, of any resource. */
    synchronized List<Entry> inNamespace(String namespace) {
        List<Entry> found = new ArrayList<>();
        for (Resource resource : collections.keySet()) {
            found.addAll(list(resource, namespace));
        }
        return found;
    }

    /** The objects whose ownerReferences name {@code uid}. */
    synchronized List<Key> ownedBy(String uid) {
        return List.copyOf(dependents.getOrDefault(uid, Set.of()));
    }

    /** The events (of either events API, in any namespace) about one object, named as {@link EventTrimming#subject}. */
    synchronized List<Entry> eventsAbout(String subject) {
        return events.getOrDefault(subject, Set.of()).stream().map(objects::get).toList();
    }

    synchronized int size() {
        return objects.size();
    }

    /** Stores (or replaces) an object; {@code object} is its JSON text read. */
    synchronized void put(Key key, String json, JsonNode object) {
        remove(key);
        Set<String> owners = new HashSet<>();
        object.path("metadata").path("ownerReferences").forEach(ref -> {
            String uid = ref.path("uid").asText("");
            if (!uid.isEmpty()) {
                owners.add(uid);
            }
        });
        String subject = key.resource().plural().equals("events") ? EventTrimming.subject(object) : null;
        Entry entry = new Entry(key, json, object.path("metadata").path("uid").asText(""), Set.copyOf(owners), subject);
        objects.put(key, entry);
        collections.computeIfAbsent(key.resource(), r -> new TreeMap<>()).put(key.sortKey(), entry);
        owners.forEach(
                uid -> dependents.computeIfAbsent(uid, u -> new HashSet<>()).add(key));
        if (subject != null) {
            events.computeIfAbsent(subject, s -> new HashSet<>()).add(key);
        }
    }

    synchronized void remove(Key key) {
        Entry entry = objects.remove(key);
        if (entry == null) {
            return;
        }
        NavigableMap<String, Entry> collection = collections.get(key.resource());
        collection.remove(key.sortKey());
        if (collection.isEmpty()) {
            collections.remove(key.resource());
        }
        entry.ownerUids().forEach(uid -> removeFrom(dependents, uid, key));
        if (entry.eventSubject() != null) {
            removeFrom(events, entry.eventSubject(), key);
        }
    }

    private static void removeFrom(Map<String, Set<Key>> index, String value, Key key) {
        Set<Key> keys = index.get(value);
        if (keys != null && keys.remove(key) && keys.isEmpty()) {
            index.remove(value);
        }
    }
}
