package io.animops.operator.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesResponseComposer;
import io.fabric8.kubernetes.client.server.mock.crud.KubernetesCrudDispatcherHandler;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mock server's CRUD handlers (create, replace, patch, status subresource, resourceVersions, generations) over an
 * {@link ObjectIndex} instead of the mock's map, which every request scans: a get, replace, patch or delete costs one
 * look-up and a list the collection it reads. Every change of an object (create, update, patch, status, delete, a
 * deletion timestamp) becomes a {@link WatchLog.Change} with its resourceVersion (a deletion gets a new one, as on a
 * real server), handed to the store by {@link #commit} before the index changes, and published to the watches once
 * committed. The mock's own
 * map, CRD registry and watches are not used: the embedded API serves watches from the {@link WatchLog}. Writes are
 * serialized by the caller ({@link StandaloneApiDispatcher}'s write lock); reads may run beside them.
 */
class WatchedCrudDispatcher extends KubernetesCrudDispatcher implements AutoCloseable {
    /** How many changes are kept for watches resuming from a resourceVersion (etcd keeps about five minutes'). */
    static final int WATCH_LOG_CAPACITY = 2000;

    /**
     * The metadata a patch applied by {@link #patchMerged} may differ in from the stored object: what the path
     * names and what the mock's preserveMetadata takes from the stored object (and fails without).
     */
    private static final Set<String> IDENTITY_METADATA =
            Set.of("name", "namespace", "uid", "creationTimestamp", "resourceVersion", "generation");

    private static final int HTTP_ACCEPTED = 202;

    /** The fields whose change is no new generation. */
    private static final Set<String> GENERATION_FREE_FIELDS = Set.of("metadata", "status");

    private static final ObjectIndex.Resource CRDS =
            new ObjectIndex.Resource("apiextensions.k8s.io", "v1", "customresourcedefinitions");

    private final Duration bookmarkInterval;
    private final ObjectIndex objects = new ObjectIndex();
    private final AtomicLong resourceVersion = new AtomicLong();
    /**
     * The resourceVersion up to which every change is in the index: what a list reports, so that a watch from it
     * misses nothing. The counter may be ahead of it while a write is under way.
     */
    private volatile long indexedThrough;

    private final KubernetesResponseComposer lists = new KubernetesResponseComposer();
    private volatile List<CustomResourceDefinition> crds = List.of();
    private WatchLog watchLog;

    WatchedCrudDispatcher(Duration bookmarkInterval) {
        this.bookmarkInterval = bookmarkInterval;
    }

    /** Opens the watch log once the objects are loaded; the in-memory store starts empty. */
    void openWatchLog(List<WatchLog.Change> kept, long lastResourceVersion) {
        watchLog = new WatchLog(WATCH_LOG_CAPACITY, bookmarkInterval, kept, lastResourceVersion);
    }

    WatchLog watchLog() {
        return watchLog;
    }

    ObjectIndex objects() {
        return objects;
    }

    /** The CRDs stored right now, read once per change of one of them. */
    List<CustomResourceDefinition> crds() {
        return crds;
    }

    /**
     * Puts a stored object back in the index, without a change: it is already committed.
     *
     * @return the object's resourceVersion
     */
    long load(String collectionPath, String json) {
        ResourcePath collection = ResourcePath.parse(collectionPath).orElseThrow();
        JsonNode object = read(json);
        ObjectIndex.Key key = ObjectIndex.Key.of(
                collection, object.path("metadata").path("name").asText());
        objects.put(key, json, object);
        if (key.resource().equals(CRDS)) {
            crds = readCrds();
        }
        return resourceVersionOf(object);
    }

    /** Resumes the resourceVersions after the highest one given out before, as after a restart. */
    void resumeResourceVersionsAfter(long highest) {
        resourceVersion.accumulateAndGet(highest, Math::max);
        indexedThrough = Math.max(indexedThrough, highest);
    }

    @Override
    public long requestResourceVersion() {
        return resourceVersion.incrementAndGet();
    }

    @Override
    public Map.Entry<AttributeSet, String> findResource(AttributeSet attributes) {
        String api = value(attributes, "api");
        String namespace = value(attributes, "namespace");
        ObjectIndex.Key key = new ObjectIndex.Key(
                new ObjectIndex.Resource(
                        api == null ? "" : api, value(attributes, "version"), value(attributes, "plural")),
                namespace == null ? "" : namespace,
                value(attributes, "name"));
        return objects.get(key).map(e -> Map.entry(attributes, e.json())).orElse(null);
    }

    @Override
    public boolean isStatusSubresourceEnabledForResource(String path) {
        return ResourcePath.parse(path).map(this::hasStatusSubresource).orElse(false);
    }

    private boolean hasStatusSubresource(ResourcePath target) {
        return crds.stream()
                .filter(crd -> crd.getSpec().getGroup().equals(target.group())
                        && crd.getSpec().getNames().getPlural().equals(target.plural()))
                .flatMap(crd -> crd.getSpec().getVersions().stream())
                .anyMatch(v -> v.getName().equals(target.version())
                        && v.getSubresources() != null
                        && v.getSubresources().getStatus() != null);
    }

    /** An object (a subresource path names its object), or a collection narrowed by its selectors. */
    @Override
    public MockResponse handleGet(String path) {
        Optional<ResourcePath> target = ResourcePath.parse(path);
        if (target.isEmpty() || target.get().isWatch()) {
            return super.handleGet(path);
        }
        if (!target.get().isCollection()) {
            return objects.get(ObjectIndex.Key.of(target.get(), null))
                    .map(e -> new MockResponse().setResponseCode(200).setBody(e.json()))
                    .orElseGet(() -> new MockResponse().setResponseCode(404));
        }
        long listedAt = indexedThrough;
        ResourcePath collection = target.get();
        // typed lists matter to kubectl's typed clients, which read only built-in kinds; CRDs are not read per list
        String kind = ApiDiscovery.builtInKind(collection.group(), collection.version(), collection.plural())
                .orElse("");
        return new MockResponse()
                .setResponseCode(200)
                .setHeader("Content-Type", "application/json")
                .setBody(ListSelection.list(
                        objects.list(ObjectIndex.Resource.of(collection), collection.namespace()),
                        collection,
                        listedAt,
                        kind));
    }

    /**
     * Deletes an object, or each selected object of a collection, answering with what was stored. An object with
     * finalizers is only marked with a deletion timestamp, as the API server does, and goes when they are removed.
     */
    @Override
    public MockResponse handleDelete(String path) {
        Optional<ResourcePath> target = ResourcePath.parse(path);
        if (target.isEmpty()) {
            return super.handleDelete(path);
        }
        if (!target.get().isCollection()) {
            Optional<ObjectIndex.Entry> entry = objects.get(ObjectIndex.Key.of(target.get(), null));
            entry.ifPresent(this::delete);
            return entry.map(e -> new MockResponse().setResponseCode(200).setBody(e.json()))
                    .orElseGet(() -> new MockResponse().setResponseCode(404));
        }
        List<ObjectIndex.Entry> deleted = selected(target.get());
        deleted.forEach(this::delete);
        return new MockResponse().setResponseCode(200).setBody(list(deleted, indexedThrough));
    }

    /** Deletes one object, or marks it for deletion while it has finalizers. */
    void delete(ObjectIndex.Entry entry) {
        GenericKubernetesResource resource = Serialization.unmarshal(entry.json(), GenericKubernetesResource.class);
        if (resource.getFinalizers().isEmpty()) {
            change(entry.key(), null, null);
        } else if (!resource.isMarkedForDeletion()) {
            resource.getMetadata().setDeletionTimestamp(now());
            resource.getMetadata().setResourceVersion(String.valueOf(requestResourceVersion()));
            String marked = Serialization.asJson(resource);
            change(entry.key(), marked, read(marked));
        }
    }

    /** Creates an object, answering with it as stored: with the uid {@link #processEvent} gave it. */
    @Override
    public MockResponse handleCreate(RecordedRequest request) {
        MockResponse created = super.handleCreate(request);
        Optional<ResourcePath> collection = ResourcePath.parse(request.getPath());
        if (created.code() != 201 || collection.isEmpty()) {
            return created;
        }
        String name =
                read(created.getBody().readUtf8()).path("metadata").path("name").asText();
        return objects.get(ObjectIndex.Key.of(collection.get(), name))
                .map(e -> new MockResponse().setResponseCode(201).setBody(e.json()))
                .orElseThrow(() -> new IllegalStateException("created " + name + " is not stored"));
    }

    /**
     * Creates an object from its JSON as read (and admitted) by the caller, as the mock's create handler does: the
     * namespace of the path, a new uid, creation timestamp and resourceVersion, generation 1, no status when the
     * resource has a status subresource, and a deletion timestamp dropped; answered 201 with the object as stored.
     * The object is not written and read again on the way, nor bound to a typed class but for its metadata, which is
     * what the mock's check reads of it. Empty when the mock must answer in its own words instead: no kind,
     * apiVersion or name, metadata it cannot read, or a name already taken.
     */
    Optional<MockResponse> create(ResourcePath collection, ObjectNode object) {
        String name = object.path("metadata").path("name").asText("");
        if (!collection.isCollection()
                || collection.subresource() != null
                || object.path("kind").asText("").isEmpty()
                || object.path("apiVersion").asText("").isEmpty()
                || !(object.get("metadata") instanceof ObjectNode given)
                || name.isEmpty()) {
            return Optional.empty();
        }
        ObjectIndex.Key key = ObjectIndex.Key.of(collection, name);
        if (objects.get(key).isPresent()) {
            return Optional.empty();
        }
        ObjectMeta metadata;
        try {
            metadata = Serialization.jsonMapper().treeToValue(given, ObjectMeta.class);
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
        if (collection.namespace() != null) {
            metadata.setNamespace(collection.namespace());
        }
        metadata.setUid(newUid());
        metadata.setCreationTimestamp(now());
        metadata.setResourceVersion(String.valueOf(requestResourceVersion()));
        metadata.setGeneration(1L);
        metadata.setDeletionTimestamp(null);
        // the fields in the order the mock's typed object writes them: apiVersion, kind, metadata, then as given
        ObjectNode created = Serialization.jsonMapper().createObjectNode();
        created.set("apiVersion", object.get("apiVersion"));
        created.set("kind", object.get("kind"));
        created.set("metadata", Serialization.jsonMapper().valueToTree(metadata));
        boolean withoutStatus = hasStatusSubresource(collection);
        object.properties().forEach(field -> {
            if (!created.has(field.getKey())
                    && !(withoutStatus && field.getKey().equals("status"))) {
                created.set(field.getKey(), field.getValue());
            }
        });
        String json = created.toString();
        change(key, json, created);
        return Optional.of(new MockResponse().setResponseCode(201).setBody(json));
    }

    @Override
    public void processEvent(
            String path,
            AttributeSet pathAttributes,
            AttributeSet oldAttributes,
            GenericKubernetesResource resource,
            String newState) {
        // the mock's handlers, with its write lock held: a create names its collection, the rest their object
        ResourcePath target = ResourcePath.parse(path)
                .orElseThrow(() -> new IllegalArgumentException("cannot tell the resource of " + path));
        String name = target.isCollection() && newState != null
                ? read(newState).path("metadata").path("name").asText()
                : target.name();
        JsonNode object = newState == null ? null : read(newState);
        if (oldAttributes == null && object != null) {
            ((ObjectNode) object.path("metadata")).put("uid", newUid());
            newState = object.toString();
        }
        change(ObjectIndex.Key.of(target, name), newState, object);
    }

    /**
     * A merge patch of one stored object, already merged into it by the caller ({@code merged}, from
     * {@code current}, the object as stored), applied as the mock's patch handler applies it: only the status on a
     * status path, else all but the status when the resource has a status subresource; uid, creation timestamp,
     * resourceVersion and generation kept; a new generation when more than metadata and status changed, a new
     * resourceVersion when anything did. The objects are not read or written again on the way, nor bound to typed
     * classes, which the mock does to check what the patch made of the kind, apiVersion and metadata. Empty when
     * the mock must apply it instead: a patch of anything but the main resource or its status that changes those,
     * one that ends a deletion, and every patch the mock refuses in its own words (another name or namespace than the
     * path's, a stale resourceVersion).
     *
     * @param path the request's path without its query
     */
    Optional<MockResponse> patchMerged(String path, ResourcePath target, JsonNode current, JsonNode merged) {
        boolean statusPath = KubernetesCrudDispatcherHandler.isStatusPath(path);
        JsonNode metadata = merged.path("metadata");
        JsonNode stored = current.path("metadata");
        String namespace = metadata.path("namespace").asText();
        String resourceVersion = metadata.path("resourceVersion").asText();
        boolean applicable = (target.subresource() == null || statusPath)
                && metadata.isObject()
                && (statusPath || keepsKindAndMetadata(current, merged))
                && metadata.path("name").asText().equals(target.name())
                && (target.namespace() == null || namespace.isEmpty() || namespace.equals(target.namespace()))
                && (resourceVersion.isEmpty()
                        || resourceVersion.equals(stored.path("resourceVersion").asText()))
                && IDENTITY_METADATA.stream()
                        .filter(f -> !f.equals("name") && !f.equals("namespace"))
                        .allMatch(stored::hasNonNull)
                && !(stored.hasNonNull("deletionTimestamp")
                        && stored.path("finalizers").isEmpty());
        if (!applicable) {
            return Optional.empty();
        }
        JsonNode updated;
        if (statusPath) {
            updated = current.deepCopy();
            KubernetesCrudDispatcherHandler.setStatus(updated, merged.get("status"));
        } else {
            updated = merged;
            if (isStatusSubresourceEnabledForResource(path)) {
                KubernetesCrudDispatcherHandler.setStatus(updated, current.path("status"));
            }
        }
        preserveMetadata(current, updated);
        // what the mock's touchGeneration and touchResourceVersion ask of a JSON diff each (is it empty, does it
        // touch more than metadata and status), asked of the trees: a diff was 1.6 % of the operator's CPU
        if (!current.equals(updated)) {
            ObjectNode updatedMetadata = (ObjectNode) updated.get("metadata");
            if (!statusPath && differsBeyondMetadataAndStatus(current, updated)) {
                updatedMetadata.put("generation", stored.path("generation").asInt(0) + 1);
            }
            updatedMetadata.put("resourceVersion", String.valueOf(requestResourceVersion()));
        }
        String written = Serialization.asJson(updated);
        change(ObjectIndex.Key.of(target, null), written, updated);
        return Optional.of(new MockResponse().setResponseCode(HTTP_ACCEPTED).setBody(written));
    }

    /**
     * A created object's uid: random, as a real API server's (a version 4 UUID), never the mock's, which counts from
     * 1 again in each process and so would repeat the uids of objects stored before a restart.
     */
    private static String newUid() {
        return UUID.randomUUID().toString();
    }

    /** The server's time as metadata holds it, in whole seconds (RFC 3339, UTC). */
    private static String now() {
        return DateTimeFormatter.ISO_INSTANT.format(
                ZonedDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
    }

    /** Whether a field other than metadata and status was added, removed or changed: what a new generation needs. */
    private static boolean differsBeyondMetadataAndStatus(JsonNode current, JsonNode updated) {
        Set<String> fields = new HashSet<>();
        current.fieldNames().forEachRemaining(fields::add);
        updated.fieldNames().forEachRemaining(fields::add);
        fields.removeAll(GENERATION_FREE_FIELDS);
        return fields.stream().anyMatch(field -> !Objects.equals(current.get(field), updated.get(field)));
    }

    /**
     * Whether the merged object has the stored kind, apiVersion and metadata, but for the metadata the mock takes
     * from the path or the stored object anyway: what the mock's typed check of it found valid at its creation.
     */
    private static boolean keepsKindAndMetadata(JsonNode current, JsonNode merged) {
        JsonNode stored = current.path("metadata");
        JsonNode patched = merged.path("metadata");
        Set<String> fields = new HashSet<>();
        stored.fieldNames().forEachRemaining(fields::add);
        patched.fieldNames().forEachRemaining(fields::add);
        fields.removeAll(IDENTITY_METADATA);
        return current.path("kind").equals(merged.path("kind"))
                && current.path("apiVersion").equals(merged.path("apiVersion"))
                && fields.stream().allMatch(f -> stored.path(f).equals(patched.path(f)));
    }

    /**
     * Stores the new state of an object (null: deleted): handed to the store first, then indexed, and published once
     * committed.
     *
     * @param object the new state as its JSON reads, or null
     */
    private void change(ObjectIndex.Key key, String newState, JsonNode object) {
        String existing = objects.get(key).map(ObjectIndex.Entry::json).orElse(null);
        WatchLog.Change change = null;
        JsonNode changed = object;
        if (newState != null && !newState.equals(existing)) {
            change = change(key, existing == null ? "ADDED" : "MODIFIED", object, newState);
        } else if (newState == null && existing != null) {
            ObjectNode deleted = (ObjectNode) read(existing);
            ((ObjectNode) deleted.path("metadata")).put("resourceVersion", String.valueOf(requestResourceVersion()));
            change = change(key, "DELETED", deleted, deleted.toString());
            changed = deleted;
        }
        if (change == null) {
            return;
        }
        CompletableFuture<Void> indexed = new CompletableFuture<>();
        commit(change, changed, indexed);
        try {
            if (object == null) {
                objects.remove(key);
            } else {
                objects.put(key, newState, object);
            }
            indexedThrough = change.resourceVersion();
            if (key.resource().equals(CRDS)) {
                crds = readCrds();
            }
        } finally {
            // the committer waits for it before publishing, and must never wait for ever
            indexed.complete(null);
        }
    }

    /**
     * Hands a change to the store, in resourceVersion order (the caller holds the API's write lock), before the
     * index shows it; a store that cannot take it throws, which fails the request and leaves the object as it was.
     * The change is published to the watches once it is committed and {@code indexed} is complete: kept in memory
     * only, that is at once.
     *
     * @param object the change's object, as its JSON reads
     */
    void commit(WatchLog.Change change, JsonNode object, CompletionStage<Void> indexed) {
        indexed.thenRun(() -> watchLog.publish(change, object));
    }

    /**
     * Completes once every change the index shows now is committed. A read is answered after it, so that no client
     * sees a change a crash could still undo; kept in memory only, nothing waits.
     */
    CompletionStage<Void> committedSoFar() {
        return CompletableFuture.completedFuture(null);
    }

    /**
     * Waits, outside the write lock, until the changes this thread handed to the store are durable; the failure
     * when they are not. A client is answered only after this.
     */
    Optional<RuntimeException> awaitCommitted() {
        return Optional.empty();
    }

    /** Why the store cannot be trusted any more (a commit failed), if so: then the API serves nothing. */
    Optional<RuntimeException> storeFailure() {
        return Optional.empty();
    }

    private static WatchLog.Change change(ObjectIndex.Key key, String type, JsonNode object, String json) {
        return new WatchLog.Change(
                resourceVersionOf(object),
                type,
                object.path("apiVersion").asText(),
                key.resource().plural(),
                key.namespace(),
                object.path("metadata").path("name").asText(),
                json);
    }

    /** The collection's objects its label and field selectors select. */
    private List<ObjectIndex.Entry> selected(ResourcePath collection) {
        return ListSelection.selected(
                objects.list(ObjectIndex.Resource.of(collection), collection.namespace()), collection);
    }

    private String list(List<ObjectIndex.Entry> entries, long resourceVersion) {
        return lists.compose(entries.stream().map(ObjectIndex.Entry::json).toList(), String.valueOf(resourceVersion));
    }

    private List<CustomResourceDefinition> readCrds() {
        return objects.list(CRDS, null).stream()
                .map(e -> Serialization.unmarshal(e.json(), CustomResourceDefinition.class))
                .toList();
    }

    private static String value(AttributeSet attributes, String key) {
        Attribute attribute = attributes.getAttribute(key);
        return attribute == null || attribute.getValues().isEmpty()
                ? null
                : attribute.getValues().get(0).toString();
    }

    static long resourceVersionOf(JsonNode object) {
        String value = object.path("metadata").path("resourceVersion").asText("");
        try {
            return value.isEmpty() ? 0 : Long.parseLong(value);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static JsonNode read(String text) {
        try {
            return Serialization.jsonMapper().readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("stored object is not JSON", e);
        }
    }

    @Override
    public void close() {
        if (watchLog != null) {
            watchLog.close();
        }
    }
}
