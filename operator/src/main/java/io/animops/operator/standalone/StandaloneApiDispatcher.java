package io.animops.operator.standalone;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.animops.crds.validation.CrdSchemaValidator;
import io.animops.crds.validation.SchemaViolation;
import io.fabric8.kubernetes.api.model.RootPathsBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceColumnDefinitionBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import io.fabric8.zjsonpatch.JsonDiff;
import io.fabric8.zjsonpatch.JsonPatch;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The request handling of the embedded Kubernetes API: the Fabric8 CRUD dispatcher (storage, watches, status
 * subresource, merge and JSON patches) with what a real API server adds and kubectl or the operator rely on:
 * <ul>
 *     <li>discovery ({@code /api}, {@code /api/v1}, {@code /apis}, {@code /apis/{group}/{version}}) with verbs,
 *     short names and categories, so {@code kubectl get animops} and {@code kubectl get idea} resolve;</li>
 *     <li>Table answers built from the CRDs' printer columns when the client asks for {@code as=Table};</li>
 *     <li>schema admission of animops.io objects on create, update and patch (422 Invalid);</li>
 *     <li>server-side apply ({@code application/apply-patch+yaml}), which the mock answers 415, applied as a merge
 *     patch, or as a create when the object does not exist yet;</li>
 *     <li>NotFound Status bodies, so clients print the API server's message.</li>
 * </ul>
 * Watches are served from the {@link WatchLog}: over WebSocket here, over plain HTTP by {@link HttpWatchStream}.
 * Known differences from a real API server are listed in this package's README.md: among them, a patch is validated
 * on its result, but that result is not defaulted or pruned; server-side apply is a merge (see {@link #patch}); no
 * RBAC, no authentication.
 */
final class StandaloneApiDispatcher extends Dispatcher {
    private static final Logger LOG = Logger.getLogger(StandaloneApiDispatcher.class);
    /** How long a watch's initial list waits for the commit of what it shows. */
    private static final Duration INITIAL_EVENTS_COMMIT_WAIT = Duration.ofSeconds(10);

    static final String VALIDATED_GROUP = "animops.io";
    private static final String SELF_SUBJECT_REVIEWS = "/apis/authorization.k8s.io/v1/selfsubject";
    private static final String APPLY_PATCH = "application/apply-patch+yaml";
    private static final String MERGE_PATCH = "application/merge-patch+json";
    private static final String JSON_PATCH = "application/json-patch+json";

    /** The columns a real server shows for built-in kinds, where they are a plain field (Age comes last anyway). */
    private static final Map<String, CustomResourceDefinitionVersion> BUILT_IN_COLUMNS = Map.of(
            "namespaces", builtInColumns("Status", ".status.phase"),
            "secrets", builtInColumns("Type", ".type"));

    private final WatchedCrudDispatcher crud;
    private final SchemaAdmission admission;
    private final PrinterColumnTable tables;
    private final VersionInfo versionInfo;
    private final ObjectMapper json = Serialization.jsonMapper();
    private final YAMLMapper yaml = new YAMLMapper();
    private final Clock clock;
    private final OwnerGarbageCollector garbageCollector;
    private final Object writeLock = new Object();
    private final ApiRequestCounts requests;

    StandaloneApiDispatcher(
            WatchedCrudDispatcher crud,
            List<CustomResourceDefinition> validatedCrds,
            VersionInfo versionInfo,
            Clock clock,
            ApiRequestCounts requests) {
        this.crud = crud;
        this.requests = requests;
        this.admission =
                new SchemaAdmission(new CrdSchemaValidator(validatedCrds), new SchemaDefaulting(validatedCrds));
        this.tables = new PrinterColumnTable(json);
        this.versionInfo = versionInfo;
        this.clock = clock;
        this.garbageCollector = new OwnerGarbageCollector(crud);
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        try {
            Optional<RuntimeException> failed = crud.storeFailure();
            if (failed.isPresent()) {
                throw failed.get();
            }
            return withContentType(handle(request));
        } catch (IllegalArgumentException e) {
            return json(
                    400,
                    SchemaAdmission.status(
                            400, "BadRequest", String.valueOf(e.getMessage()), null, null, null, List.of()));
        } catch (DurableCrudDispatcher.StoreFailedException e) {
            return json(
                    503,
                    SchemaAdmission.status(
                            503, "ServiceUnavailable", String.valueOf(e.getMessage()), null, null, null, List.of()));
        } catch (RuntimeException e) {
            LOG.errorf(e, "embedded API failed on %s %s", request.getMethod(), request.getPath());
            return json(
                    500,
                    SchemaAdmission.status(
                            500, "InternalError", String.valueOf(e.getMessage()), null, null, null, List.of()));
        }
    }

    private MockResponse handle(RecordedRequest request) {
        String method = request.getMethod();
        String path = request.getPath();
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;

        if (method.equals("GET")) {
            if (bare.equals("/version")) {
                return json(
                        200,
                        Map.of(
                                "major",
                                versionInfo.getMajor(),
                                "minor",
                                versionInfo.getMinor(),
                                "gitVersion",
                                versionInfo.getGitVersion(),
                                "platform",
                                "linux/amd64"));
            }
            if (bare.equals("/") || bare.isEmpty()) {
                return json(
                        200,
                        new RootPathsBuilder()
                                .addToPaths("/api", "/api/v1", "/apis", "/version")
                                .build());
            }
            if (bare.startsWith("/openapi/")) {
                Optional<ObjectNode> openApi = new OpenApiV3Documents(crds()).documentFor(bare);
                if (openApi.isPresent()) {
                    return json(200, openApi.get());
                }
                if (bare.equals("/openapi/v2")) {
                    return openApiV2(request.getHeader("Accept"));
                }
                return notFound();
            }
            if (bare.startsWith("/swagger")) {
                // the pre-1.10 OpenAPI address old kubectl tries; the CRUD store would answer it with an empty list
                return notFound();
            }
            Optional<String> discovery = new ApiDiscovery(crds()).documentFor(bare);
            if (discovery.isPresent()) {
                // plain application/json (not apidiscovery.k8s.io/v2): kubectl falls back to the legacy discovery it
                // gets
                return new MockResponse()
                        .setResponseCode(200)
                        .setHeader("Content-Type", "application/json")
                        .setBody(discovery.get());
            }
            if (bare.matches("/apis/[^/]+(/[^/]+)?/?")) {
                return notFound();
            }
        }

        if (ProtobufObjects.isProtobuf(request.getHeader("Content-Type"))) {
            Optional<ObjectNode> decoded =
                    ProtobufObjects.toJson(request.getBody().getBytes());
            if (decoded.isEmpty()) {
                return json(
                        415,
                        SchemaAdmission.status(
                                415,
                                "UnsupportedMediaType",
                                "the embedded API reads " + "protobuf only for " + ProtobufObjects.kindsRead()
                                        + "; send other kinds as JSON",
                                null,
                                null,
                                null,
                                List.of()));
            }
            request = withBody(request, method, path, "application/json", writeJson(decoded.get()));
        }
        if (method.equals("POST") && bare.startsWith(SELF_SUBJECT_REVIEWS)) {
            return selfSubjectReview(request, bare);
        }

        Optional<ResourcePath> watched = WatchRequest.watchTarget(method, path);
        if (watched.isPresent()) {
            requests.count("WATCH", watched.get());
            return webSocketWatch(request, watched.get());
        }
        Optional<ResourcePath> parsed = ResourcePath.parse(path);
        if (parsed.isEmpty()) {
            return crud.dispatch(request);
        }
        ResourcePath target = parsed.get();
        requests.count(method, target);
        boolean writes = method.equals("POST") || method.equals("PUT");
        // the object a create or replace sends, read once here for every check and the store (null otherwise)
        JsonNode sent = writes && target.subresource() == null ? readJson(bodyOf(request)) : null;
        if (method.equals("POST") && target.isCollection() && target.subresource() == null) {
            if (withGeneratedName(sent)) {
                request = withBody(
                        request, method, request.getPath(), request.getHeader("Content-Type"), writeJson(sent));
            }
            Optional<MockResponse> refused = invalidName(sent, target);
            if (refused.isPresent()) {
                return refused.get();
            }
        }
        if (sent != null && target.namespace() != null) {
            String namespace = sent.path("metadata").path("namespace").asText("");
            if (!namespace.isEmpty() && !namespace.equals(target.namespace())) {
                return json(
                        400,
                        SchemaAdmission.status(
                                400,
                                "BadRequest",
                                "the namespace of the provided object does "
                                        + "not match the namespace sent on the request",
                                null,
                                null,
                                null,
                                List.of()));
            }
        }
        if (target.queryParameter("dryRun") != null
                && (method.equals("POST") || method.equals("PUT") || method.equals("PATCH"))) {
            return dryRun(request, target);
        }
        if (!method.equals("GET") && !method.equals("DELETE") && target.query() != null) {
            // The mock recognises subresource paths by their ending, so "…/status?fieldManager=x" would be taken for
            // the main resource; write parameters (fieldManager, force, dryRun, fieldValidation) are read from target.
            request = withBody(request, method, bare, request.getHeader("Content-Type"), bodyOf(request));
        }
        if (method.equals("GET")) {
            return withNotFoundStatus(get(request, target), target);
        }
        if (method.equals("POST")
                && target.group().isEmpty()
                && target.plural().equals("namespaces")
                && sent instanceof ObjectNode namespace
                && !namespace.has("status")) {
            // the namespace controller's first act: a namespace is Active until it is deleted
            namespace.putObject("status").put("phase", "Active");
            request = withBody(request, method, request.getPath(), "application/json", writeJson(namespace));
        }
        RecordedRequest forwarded = request;
        MockResponse response;
        // The resourceVersion check and the write it guards are one step, as on a real API server: the mock serves
        // requests on several threads, and two agents claiming one job must not both pass the check.
        synchronized (writeLock) {
            response = switch (method) {
                case "POST" ->
                    target.isCollection()
                            ? EventTrimming.afterCreate(
                                    target,
                                    withAlreadyExistsStatus(
                                            target,
                                            sent.path("metadata").path("name").asText(),
                                            admitThenForward(request, target, sent)),
                                    crud)
                            : crud.dispatch(request);
                case "PUT", "PATCH" -> immutableChange(forwarded, target).orElseGet(() -> write(forwarded, target));
                case "DELETE" -> delete(request, target);
                default -> crud.dispatch(request);
            };
        }
        Optional<RuntimeException> uncommitted = crud.awaitCommitted();
        if (uncommitted.isPresent()) {
            throw uncommitted.get();
        }
        return withNotFoundStatus(response, target);
    }

    private MockResponse write(RecordedRequest forwarded, ResourcePath target) {
        return switch (forwarded.getMethod()) {
            case "PUT" -> replace(forwarded, target);
            case "PATCH" -> patch(forwarded, target);
            default -> crud.dispatch(forwarded);
        };
    }

    /**
     * A replace: refused with 409 when it names a stale resourceVersion. A replace of an object's status is stored
     * here, as the API server stores it: the stored object with the body's status, nothing else of the body
     * ({@link WatchedCrudDispatcher#patchMerged}), the body and the stored object read once each; the operator and the
     * agents write status this way several times per render. A replace of the object itself is admitted, then handed
     * to the mock; any other replace goes to the mock as sent.
     */
    private MockResponse replace(RecordedRequest request, ResourcePath target) {
        if (target.isCollection()) {
            return crud.dispatch(request);
        }
        Optional<ObjectIndex.Entry> stored = crud.objects().get(ObjectIndex.Key.of(target, null));
        if (stored.isPresent()) {
            JsonNode body = readJson(bodyOf(request));
            JsonNode current = readJson(stored.get().json());
            Optional<MockResponse> conflict = staleWrite(
                    target, body.path("metadata").path("resourceVersion").asText(""), current);
            if (conflict.isPresent()) {
                return conflict.get();
            }
            if ("status".equals(target.subresource())
                    && current.path("kind").equals(body.path("kind"))
                    && current.path("apiVersion").equals(body.path("apiVersion"))) {
                Optional<MockResponse> replaced = crud.patchMerged(request.getPath(), target, current, body);
                if (replaced.isPresent()) {
                    return replaced.get().setResponseCode(200);
                }
            }
        }
        return target.subresource() == null ? admitThenForward(request, target) : crud.dispatch(request);
    }

    /**
     * A ConfigMap or Secret marked {@code immutable: true} keeps its data and the mark, as on a real server: a
     * replace or patch that changes them is refused with 422, naming each field. Only deletion changes it.
     */
    private Optional<MockResponse> immutableChange(RecordedRequest request, ResourcePath target) {
        boolean immutableKind = target.group().isEmpty()
                && (target.plural().equals("configmaps") || target.plural().equals("secrets"));
        if (!immutableKind || target.isCollection() || target.subresource() != null) {
            return Optional.empty();
        }
        MockResponse stored = crud.handleGet(objectPath(target));
        if (stored.code() != 200) {
            return Optional.empty();
        }
        JsonNode current = readJson(stored.getBody().readUtf8());
        if (!current.path("immutable").asBoolean(false)) {
            return Optional.empty();
        }
        String contentType = mediaType(request.getHeader("Content-Type"));
        JsonNode updated;
        if (request.getMethod().equals("PUT")) {
            updated = readJson(bodyOf(request));
        } else if (APPLY_PATCH.equals(contentType)) {
            try {
                updated = mergePatch(current.deepCopy(), yaml.readTree(bodyOf(request)));
            } catch (IOException e) {
                throw new IllegalArgumentException("invalid apply configuration: " + e.getMessage(), e);
            }
        } else {
            updated = applyPatch(current, bodyOf(request), contentType);
        }
        List<SchemaViolation> causes = new java.util.ArrayList<>();
        for (String field : List.of("data", "binaryData", "stringData", "immutable")) {
            boolean unchanged = field.equals("stringData")
                    ? !updated.has(field)
                    : current.path(field).equals(updated.path(field));
            if (!unchanged) {
                causes.add(new SchemaViolation(field, "Forbidden: field is immutable when `immutable` is set"));
            }
        }
        if (causes.isEmpty()) {
            return Optional.empty();
        }
        String kind = current.path("kind").asText();
        String message = kind + " \"" + target.name() + "\" is invalid: "
                + String.join(
                        ", ", causes.stream().map(SchemaViolation::toString).toList());
        return Optional.of(json(422, SchemaAdmission.status(422, "Invalid", message, target.name(), "", kind, causes)));
    }

    /**
     * Starts a watch streamed to {@code sink}: from the current state (an ADDED event per object) when the request
     * names no resourceVersion, else from the changes after it. A request the API server would refuse is answered
     * instead, and nothing is streamed.
     *
     * @param opened    given the watch once it is open, to stop it when the client goes
     * @return the refusal, or empty when the watch is streaming
     */
    Optional<MockResponse> watch(String path, String accept, WatchLog.Sink sink, Consumer<WatchLog.Watch> opened) {
        ResourcePath target = WatchRequest.watchTarget("GET", path).orElseThrow();
        // a resource discovery does not list still has its watch, as the mock stores any resource it is given
        String kind = new ApiDiscovery(crds())
                .kindOf(target.group(), target.version(), target.plural())
                .orElse("");
        WatchRequest request;
        try {
            request = new WatchRequest(target, kind, presenter(target, accept));
        } catch (IllegalArgumentException e) {
            return Optional.of(
                    json(400, SchemaAdmission.status(400, "BadRequest", e.getMessage(), null, null, null, List.of())));
        }
        WatchLog log = crud.watchLog();
        Optional<Long> from = request.resourceVersion();
        long start = from.orElseGet(log::lastResourceVersion);
        if (from.isEmpty() || request.sendInitialEvents()) {
            MockResponse list = crud.handleGet(collectionPath(target));
            if (list.code() == 200) {
                JsonNode listed = readJson(list.getBody().readUtf8());
                // the list may show changes still committing; they are published later, and this watch has them
                if (from.isEmpty()) {
                    start = listed.path("metadata").path("resourceVersion").asLong(start);
                }
                awaitCommitted(crud.committedSoFar());
                for (JsonNode item : listed.path("items")) {
                    if (request.selects(item)) {
                        sink.send("ADDED", request.present(item));
                    }
                }
            }
        }
        WatchLog.Watch watch = log.open(request, start, sink);
        opened.accept(watch);
        if (request.sendInitialEvents()) {
            log.bookmark(watch, true);
        }
        return Optional.empty();
    }

    /**
     * Waits until the changes a watch's initial list showed are committed, briefly: a commit takes milliseconds. A
     * failed one leaves the API answering 503, and this watch gets nothing more.
     */
    private static void awaitCommitted(CompletionStage<Void> committed) {
        try {
            committed.toCompletableFuture().get(INITIAL_EVENTS_COMMIT_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warnf("a watch's initial objects are sent before their commit: %s", e.getMessage());
        }
    }

    /** A watch over WebSocket, as the Fabric8 client (the operator's informers, the agents) opens it. */
    private MockResponse webSocketWatch(RecordedRequest request, ResourcePath target) {
        if (request.getHeader("Upgrade") == null) {
            return json(
                    400,
                    SchemaAdmission.status(
                            400,
                            "BadRequest",
                            "a watch over plain HTTP is streamed by the "
                                    + "embedded API's HTTP server, not this dispatcher",
                            null,
                            null,
                            null,
                            List.of()));
        }
        AtomicReference<WatchLog.Watch> open = new AtomicReference<>();
        return new MockResponse().withWebSocketUpgrade(new WebSocketListener() {
            @Override
            public void onOpen(WebSocket socket, Response response) {
                WatchLog.Sink sink = new WatchLog.Sink() {
                    @Override
                    public boolean send(String type, JsonNode object) {
                        return socket.send(watchEvent(type, object));
                    }

                    @Override
                    public boolean sendWritten(WatchLog.WrittenEvent event) {
                        return socket.send(event.json());
                    }

                    @Override
                    public void close() {
                        socket.close(1000, "watch closed");
                    }
                };
                Optional<MockResponse> refused = watch(request.getPath(), request.getHeader("Accept"), sink, open::set);
                refused.ifPresent(r -> {
                    sink.send("ERROR", readJson(r.getBody().readUtf8()));
                    sink.close();
                });
            }

            @Override
            public void onClosed(WebSocket socket, int code, String reason) {
                Optional.ofNullable(open.get()).ifPresent(WatchLog.Watch::stop);
            }

            @Override
            public void onFailure(WebSocket socket, Throwable failure, Response response) {
                Optional.ofNullable(open.get()).ifPresent(WatchLog.Watch::stop);
            }
        });
    }

    /** One line of a watch stream. */
    String watchEvent(String type, JsonNode object) {
        return WatchLog.event(type, writeJson(object));
    }

    /** Objects as the client asked for them: plain, or as the Table row kubectl get -w prints. */
    private UnaryOperator<JsonNode> presenter(ResourcePath target, String accept) {
        String tableVersion = PrinterColumnTable.tableVersion(accept);
        if (tableVersion == null) {
            return WatchRequest.AS_STORED;
        }
        CustomResourceDefinitionVersion columns = printerColumnsFor(target);
        String includeObject = target.queryParameter("includeObject");
        return o -> readJson(tables.render(columns, o, tableVersion, includeObject, clock.instant()));
    }

    /**
     * An object to create with a {@code generateName} and no name gets its name here, before it is checked and
     * stored (the mock would append its own uid, counted from 1 again after a restart).
     *
     * @return whether it got one
     */
    private static boolean withGeneratedName(JsonNode object) {
        if (!(object instanceof ObjectNode)
                || !(object.path("metadata") instanceof ObjectNode metadata)
                || !metadata.path("name").asText("").isEmpty()
                || metadata.path("generateName").asText("").isEmpty()) {
            return false;
        }
        metadata.put("name", ObjectNames.generated(metadata.path("generateName").asText()));
        return true;
    }

    /** A name the API server would refuse (DNS-1123), answered 422 Invalid naming metadata.name as it does. */
    private Optional<MockResponse> invalidName(JsonNode object, ResourcePath target) {
        String name = object.path("metadata").path("name").asText("");
        if (name.isEmpty()) {
            // neither a name nor a generateName: the mock refuses it
            return Optional.empty();
        }
        return ObjectNames.violation(target.group(), target.plural(), name).map(violation -> {
            String kind = object.path("kind").asText(target.plural());
            String qualifiedKind = target.group().isEmpty() ? kind : kind + "." + target.group();
            return json(
                    422,
                    SchemaAdmission.status(
                            422,
                            "Invalid",
                            qualifiedKind + " \"" + name + "\" is invalid: " + violation,
                            name,
                            target.group(),
                            kind,
                            List.of(violation)));
        });
    }

    private static boolean isMergePatch(RecordedRequest request) {
        String type = mediaType(request.getHeader("Content-Type"));
        return MERGE_PATCH.equals(type) || "application/strategic-merge-patch+json".equals(type);
    }

    /**
     * Optimistic concurrency as the API server has it: the 409 for a replace or merge patch that expects the
     * resourceVersion {@code expected} (none: empty) other than the stored object's, so that two writers (an operator
     * and an agent, two agents claiming one job) never silently overwrite each other. The mock alone does not check
     * this for status writes nor for patches.
     */
    private Optional<MockResponse> staleWrite(ResourcePath target, String expected, JsonNode stored) {
        String actual = stored.path("metadata").path("resourceVersion").asText("");
        if (expected.isEmpty() || expected.equals(actual)) {
            return Optional.empty();
        }
        return Optional.of(json(
                409,
                SchemaAdmission.status(
                        409,
                        "Conflict",
                        "Operation cannot be fulfilled on "
                                + target.plural() + " \"" + target.name()
                                + "\": the object has been modified; please apply your "
                                + "changes to the latest version and try again",
                        target.name(),
                        target.group(),
                        target.plural(),
                        List.of())));
    }

    /** Deletes the object and then, as the cluster's garbage collector would, everything it owns. */
    private MockResponse delete(RecordedRequest request, ResourcePath target) {
        if (target.isCollection() || target.subresource() != null) {
            return crud.dispatch(request);
        }
        MockResponse current = crud.handleGet(objectPath(target));
        MockResponse response = crud.dispatch(request);
        if (current.code() == 200 && response.code() == 200) {
            String uid = readJson(current.getBody().readUtf8())
                    .path("metadata")
                    .path("uid")
                    .asText("");
            if (!uid.isEmpty()) {
                garbageCollector.deleteDependentsOf(uid);
            }
            if (target.group().isEmpty() && target.plural().equals("namespaces")) {
                deleteEverythingIn(target.name());
            }
        }
        return response;
    }

    /**
     * The namespace controller's work, done at once: a deleted namespace takes every object in it along (a real
     * server shows the namespace Terminating meanwhile; here it is gone when the answer comes).
     */
    private void deleteEverythingIn(String namespace) {
        crud.objects().inNamespace(namespace).forEach(crud::delete);
    }

    /**
     * The embedded API has no authorization: whoever can reach it may do everything, and reviews say so. The
     * Operator SDK checks its rights this way at start.
     */
    private MockResponse selfSubjectReview(RecordedRequest request, String path) {
        ObjectNode review = readJson(bodyOf(request)) instanceof ObjectNode o ? o : json.createObjectNode();
        ObjectNode status = review.putObject("status");
        if (path.endsWith("selfsubjectrulesreviews")) {
            ObjectNode rule = status.putArray("resourceRules").addObject();
            rule.putArray("verbs").add("*");
            rule.putArray("apiGroups").add("*");
            rule.putArray("resources").add("*");
            ObjectNode nonResource = status.putArray("nonResourceRules").addObject();
            nonResource.putArray("verbs").add("*");
            nonResource.putArray("nonResourceURLs").add("*");
            status.put("incomplete", false);
        } else {
            status.put("allowed", true);
            status.put("reason", "everything is allowed in the standalone mode: the embedded API has no authorization");
        }
        return json(201, review);
    }

    private MockResponse get(RecordedRequest request, ResourcePath target) {
        // a list is selected and paged by the store (ListSelection)
        MockResponse stored = crud.dispatch(request);
        String tableVersion = PrinterColumnTable.tableVersion(request.getHeader("Accept"));
        if (tableVersion == null || target.isWatch() || stored.code() != 200 || target.subresource() != null) {
            return stored;
        }
        CustomResourceDefinitionVersion columns = printerColumnsFor(target);
        JsonNode body = readJson(stored.getBody().readUtf8());
        return new MockResponse()
                .setResponseCode(200)
                .setHeader("Content-Type", "application/json")
                .setBody(tables.render(
                        columns, body, tableVersion, target.queryParameter("includeObject"), clock.instant()));
    }

    /** The CRD version describing the columns; built-in resources get their few columns or Name and Age. */
    private CustomResourceDefinitionVersion printerColumnsFor(ResourcePath target) {
        if (target.group().isEmpty() && BUILT_IN_COLUMNS.containsKey(target.plural())) {
            return BUILT_IN_COLUMNS.get(target.plural());
        }
        return crds().stream()
                .filter(c -> c.getSpec().getGroup().equals(target.group())
                        && c.getSpec().getNames().getPlural().equals(target.plural()))
                .flatMap(c -> c.getSpec().getVersions().stream())
                .filter(v -> v.getName().equals(target.version()))
                .findFirst()
                .orElseGet(CustomResourceDefinitionVersion::new);
    }

    private MockResponse admitThenForward(RecordedRequest request, ResourcePath target) {
        return admitThenForward(request, target, readJson(bodyOf(request)));
    }

    /**
     * Admits the object sent ({@code body}, the request's body as read; only this API group's objects are checked),
     * then stores it: a create here ({@link WatchedCrudDispatcher#create}), else through the mock, which answers
     * every replace and the creates it must refuse in its own words.
     */
    private MockResponse admitThenForward(RecordedRequest request, ResourcePath target, JsonNode body) {
        if (!(body instanceof ObjectNode object)) {
            return crud.dispatch(request);
        }
        if (!VALIDATED_GROUP.equals(target.group())) {
            return createHere(request, target, object).orElseGet(() -> crud.dispatch(request));
        }
        SchemaAdmission.Decision decision =
                admission.admit(object, target.group(), target.queryParameter("fieldValidation"));
        if (!decision.allowed()) {
            LOG.debugf(
                    "embedded API rejected %s %s: %s",
                    request.getMethod(),
                    request.getPath(),
                    decision.status().path("message").asText());
            return json(decision.code(), decision.status());
        }
        MockResponse response = (decision.object() instanceof ObjectNode admitted
                        ? createHere(request, target, admitted)
                        : Optional.<MockResponse>empty())
                .orElseGet(() -> crud.dispatch(withBody(
                        request,
                        request.getMethod(),
                        request.getPath(),
                        request.getHeader("Content-Type"),
                        writeJson(decision.object()))));
        decision.warnings().forEach(w -> response.addHeader("Warning", "299 - \"" + w.replace("\"", "\\\"") + "\""));
        return response;
    }

    /** A create stored here ({@link WatchedCrudDispatcher#create}); empty for any other write, or for the mock. */
    private Optional<MockResponse> createHere(RecordedRequest request, ResourcePath target, ObjectNode object) {
        return request.getMethod().equals("POST") ? crud.create(target, object) : Optional.empty();
    }

    /**
     * A dry run admits the object as a real write would and answers with it, without storing it. For a patch, the
     * answer is the stored object with the patch applied.
     */
    private MockResponse dryRun(RecordedRequest request, ResourcePath target) {
        String contentType = mediaType(request.getHeader("Content-Type"));
        JsonNode object;
        int code;
        if (request.getMethod().equals("PATCH")) {
            MockResponse current = crud.handleGet(objectPath(target));
            if (current.code() != 200) {
                return withNotFoundStatus(current, target);
            }
            String patch = bodyOf(request);
            if (APPLY_PATCH.equals(contentType)) {
                try {
                    patch = writeJson(yaml.readTree(patch));
                } catch (IOException e) {
                    throw new IllegalArgumentException("invalid apply configuration: " + e.getMessage(), e);
                }
                contentType = MERGE_PATCH;
            }
            object = applyPatch(readJson(current.getBody().readUtf8()), patch, contentType);
            code = 200;
        } else {
            object = readJson(bodyOf(request));
            code = request.getMethod().equals("POST") ? 201 : 200;
        }
        if (VALIDATED_GROUP.equals(target.group()) && target.subresource() == null && object instanceof ObjectNode o) {
            SchemaAdmission.Decision decision =
                    admission.admit(o, target.group(), target.queryParameter("fieldValidation"));
            if (!decision.allowed()) {
                return json(decision.code(), decision.status());
            }
            object = decision.object();
        }
        return json(code, object);
    }

    /**
     * A patch of one object. A merge patch (server-side apply included) is read once and merged here into the stored
     * object, read once: the mock's own merge concatenates arrays (conditions would pile up), RFC 7386 replaces
     * them. The merged object is checked for a stale resourceVersion, admitted, and stored as it is
     * ({@link WatchedCrudDispatcher#patchMerged}), or, where the mock must check or refuse it in its own words,
     * handed to the mock as the equivalent JSON patch. JSON patches go to the mock as sent.
     */
    private MockResponse patch(RecordedRequest request, ResourcePath target) {
        String contentType = mediaType(request.getHeader("Content-Type"));
        if (JSON_PATCH.equals(contentType)) {
            return jsonPatch(request, target);
        }
        boolean apply = APPLY_PATCH.equals(contentType);
        JsonNode patch;
        if (apply) {
            // Server-side apply has no counterpart in the mock. The applied configuration is merged into the stored
            // object; unlike real SSA, fields this manager stopped setting are not removed, and lists are replaced
            // rather than merged per list type. Enough for a single operator owning its objects and status.
            ObjectNode applied;
            try {
                applied = (ObjectNode) yaml.readTree(bodyOf(request));
            } catch (IOException | ClassCastException e) {
                return json(
                        400,
                        SchemaAdmission.status(
                                400,
                                "BadRequest",
                                "invalid apply configuration: " + e.getMessage(),
                                null,
                                null,
                                null,
                                List.of()));
            }
            if (applied.get("metadata") instanceof ObjectNode metadata) {
                metadata.remove("managedFields");
                metadata.remove("resourceVersion");
            }
            patch = applied;
        } else {
            patch = readJson(bodyOf(request));
        }
        Optional<ObjectIndex.Entry> stored =
                target.isCollection() ? Optional.empty() : crud.objects().get(ObjectIndex.Key.of(target, null));
        if (stored.isEmpty()) {
            if (!apply) {
                return crud.dispatch(request);
            }
            if (target.subresource() != null) {
                return crud.dispatch(withBody(request, "PATCH", request.getPath(), MERGE_PATCH, writeJson(patch)));
            }
            String collection = collectionPath(target);
            return admitThenForward(
                    withBody(request, "POST", collection, "application/json", writeJson(patch)),
                    ResourcePath.parse(collection).orElseThrow());
        }
        JsonNode current = readJson(stored.get().json());
        if (isMergePatch(request)) {
            Optional<MockResponse> conflict = staleWrite(
                    target, patch.path("metadata").path("resourceVersion").asText(""), current);
            if (conflict.isPresent()) {
                return conflict.get();
            }
        }
        JsonNode merged = mergePatch(current.deepCopy(), patch);
        if (VALIDATED_GROUP.equals(target.group())
                && target.subresource() == null
                && merged instanceof ObjectNode object) {
            SchemaAdmission.Decision decision =
                    admission.admit(object, target.group(), target.queryParameter("fieldValidation"));
            if (!decision.allowed()) {
                return json(decision.code(), decision.status());
            }
        }
        return crud.patchMerged(request.getPath(), target, current, merged)
                .orElseGet(() -> crud.dispatch(withBody(
                        request, "PATCH", request.getPath(), JSON_PATCH, writeJson(JsonDiff.asJson(current, merged)))));
    }

    /** A JSON patch, handed to the mock as sent once its result is admitted. */
    private MockResponse jsonPatch(RecordedRequest request, ResourcePath target) {
        if (VALIDATED_GROUP.equals(target.group()) && target.subresource() == null && !target.isCollection()) {
            Optional<ObjectIndex.Entry> current = crud.objects().get(ObjectIndex.Key.of(target, null));
            if (current.isPresent()) {
                JsonNode patched = applyPatch(readJson(current.get().json()), bodyOf(request), JSON_PATCH);
                if (patched instanceof ObjectNode object) {
                    SchemaAdmission.Decision decision =
                            admission.admit(object, target.group(), target.queryParameter("fieldValidation"));
                    if (!decision.allowed()) {
                        return json(decision.code(), decision.status());
                    }
                }
            }
        }
        return crud.dispatch(request);
    }

    private JsonNode applyPatch(JsonNode current, String patchBody, String contentType) {
        JsonNode patch = readJson(patchBody);
        if (JSON_PATCH.equals(contentType)) {
            return JsonPatch.apply(patch, current);
        }
        // merge patch; strategic merge patches of custom resources behave as merge patches on a real server too
        return mergePatch(current.deepCopy(), patch);
    }

    /** RFC 7386 JSON merge patch. */
    static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch;
        }
        ObjectNode result = target != null && target.isObject()
                ? (ObjectNode) target
                : Serialization.jsonMapper().createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = patch.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            if (field.getValue().isNull()) {
                result.remove(field.getKey());
            } else {
                result.set(field.getKey(), mergePatch(result.get(field.getKey()), field.getValue()));
            }
        }
        return result;
    }

    /** The mock answers JSON without saying so; kubectl, having asked for protobuf first, then cannot read it. */
    private static MockResponse withContentType(MockResponse response) {
        boolean hasBody = response.getBody() != null && response.getBody().size() > 0;
        if (response.getHeaders().get("Content-Type") == null && hasBody) {
            response.setHeader("Content-Type", "application/json");
        }
        return response;
    }

    /** The mock's 409 for a create of an existing object says Invalid; the API server says AlreadyExists. */
    private MockResponse withAlreadyExistsStatus(ResourcePath target, String name, MockResponse response) {
        if (response.code() != 409) {
            return response;
        }
        String resource = target.group().isEmpty() ? target.plural() : target.plural() + "." + target.group();
        return json(
                409,
                SchemaAdmission.status(
                        409,
                        "AlreadyExists",
                        resource + " \"" + name + "\" already exists",
                        name,
                        target.group(),
                        target.plural(),
                        List.of()));
    }

    private static CustomResourceDefinitionVersion builtInColumns(String name, String jsonPath) {
        CustomResourceDefinitionVersion version = new CustomResourceDefinitionVersion();
        version.setAdditionalPrinterColumns(List.of(
                new CustomResourceColumnDefinitionBuilder()
                        .withName(name)
                        .withType("string")
                        .withJsonPath(jsonPath)
                        .build(),
                new CustomResourceColumnDefinitionBuilder()
                        .withName("Age")
                        .withType("date")
                        .withJsonPath(".metadata.creationTimestamp")
                        .build()));
        return version;
    }

    private MockResponse withNotFoundStatus(MockResponse response, ResourcePath target) {
        if (response.code() != 404
                || target.isCollection()
                || (response.getBody() != null && response.getBody().size() > 0)) {
            return response;
        }
        String resource = target.group().isEmpty() ? target.plural() : target.plural() + "." + target.group();
        return json(
                404,
                SchemaAdmission.status(
                        404,
                        "NotFound",
                        resource + " \"" + target.name() + "\" not found",
                        target.name(),
                        target.group(),
                        target.plural(),
                        List.of()));
    }

    /** The CRDs stored in the embedded API right now, so discovery follows CRDs created or deleted at any time. */
    private List<CustomResourceDefinition> crds() {
        return crud.crds();
    }

    private static String objectPath(ResourcePath t) {
        return collectionPath(t) + "/" + t.name();
    }

    private static String collectionPath(ResourcePath t) {
        String base = t.group().isEmpty() ? "/api/" + t.version() : "/apis/" + t.group() + "/" + t.version();
        return base + (t.namespace() == null ? "" : "/namespaces/" + t.namespace()) + "/" + t.plural();
    }

    private static String mediaType(String contentType) {
        return contentType == null ? "" : contentType.split(";")[0].trim().toLowerCase();
    }

    private static RecordedRequest withBody(
            RecordedRequest original, String method, String path, String contentType, String body) {
        // copy all headers but the body's type and length, whatever their case, so the mock sees only the new ones
        Headers.Builder headers = new Headers.Builder();
        original.getHeaders().toMultimap().forEach((name, values) -> {
            if (!name.equalsIgnoreCase("Content-Type") && !name.equalsIgnoreCase("Content-Length")) {
                values.forEach(value -> headers.add(name, value));
            }
        });
        if (contentType != null) {
            headers.add("Content-Type", contentType);
        }
        return new RecordedRequest(
                original.getHttpVersion(),
                HttpMethod.valueOf(method),
                path,
                headers.build(),
                new Buffer(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** The request body as text, left in place: the mock's handlers read it again (getUtf8Body would drain it). */
    private static String bodyOf(RecordedRequest request) {
        return request.getBody() == null ? "" : new String(request.getBody().getBytes(), StandardCharsets.UTF_8);
    }

    private JsonNode readJson(String text) {
        try {
            return json.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private String writeJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private MockResponse json(int code, Object body) {
        return new MockResponse()
                .setResponseCode(code)
                .setHeader("Content-Type", "application/json")
                .setBody(writeJson(body));
    }

    /**
     * An OpenAPI v2 document without definitions. Clients that validate on their side with v2 (kubectl before 1.27,
     * such as Debian's 1.20) skip kinds the document does not describe, and leave the checks to this server; without
     * a document they refuse to apply unless run with --validate=false. The empty protobuf message is zero bytes.
     */
    private MockResponse openApiV2(String accept) {
        if (accept != null && accept.contains("protobuf")) {
            // the "@" form of the Accept header is not a valid Content-Type: Go's mime parser rejects it
            return new MockResponse()
                    .setResponseCode(200)
                    .setHeader("Content-Type", "application/com.github.proto-openapi.spec.v2.v1.0+protobuf")
                    .setBody(new Buffer());
        }
        return json(
                200,
                Map.of(
                        "swagger",
                        "2.0",
                        "info",
                        Map.of(
                                "title",
                                "AnimOps standalone Kubernetes API",
                                "version",
                                EmbeddedKubernetesApi.KUBERNETES_VERSION),
                        "paths",
                        Map.of(),
                        "definitions",
                        Map.of()));
    }

    private MockResponse notFound() {
        return json(
                404,
                SchemaAdmission.status(
                        404,
                        "NotFound",
                        "the server could not find the requested resource",
                        null,
                        null,
                        null,
                        List.of()));
    }
}
