package io.animops.operator.standalone;

import io.animops.crds.WatchTransport;
import io.animops.crds.validation.CrdSchemaValidator;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.vertx.HttpServerRequestHandler;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * An in-process Kubernetes API for the standalone mode: the Fabric8 mock server in CRUD mode on a local port, behind
 * {@link StandaloneApiDispatcher} so that kubectl and the operator find discovery, printer-column tables, schema
 * validation and server-side apply there. Started with a {@link SqlObjectStore}, it writes every change through to
 * PostgreSQL and loads it back on the next start; without one, state lives in memory and is gone when the process ends.
 * Plain HTTP on the loopback interface, without authentication: for one person's machine only.
 */
public final class EmbeddedKubernetesApi implements AutoCloseable {
    public static final int DEFAULT_PORT = 16443;
    /** How often watches that allow bookmarks get one; the API server sends them about once a minute. */
    static final Duration DEFAULT_BOOKMARK_INTERVAL = Duration.ofSeconds(60);
    /** The Kubernetes version /version reports; the kubectl this was tried with is 1.32. */
    static final String KUBERNETES_VERSION = "v1.32.0";

    private static final Logger LOG = Logger.getLogger(EmbeddedKubernetesApi.class);
    private static final String CONTEXT_NAME = "animops-standalone";

    private final List<CustomResourceDefinition> crds;
    private final ApiRequestCounts requests = new ApiRequestCounts();
    private Duration bookmarkInterval = DEFAULT_BOOKMARK_INTERVAL;
    private WatchedCrudDispatcher objects;
    private static final int WRITE_WORKERS = 16;
    private StandaloneApiDispatcher dispatcher;
    private Vertx vertx;
    private HttpServer server;
    private KubernetesClient client;
    private String url;

    /** An API that will serve the CRDs bundled in the crds module. */
    public EmbeddedKubernetesApi() {
        this(CrdSchemaValidator.bundledCrds());
    }

    public EmbeddedKubernetesApi(List<CustomResourceDefinition> crds) {
        this.crds = List.copyOf(crds);
    }

    /** Starts serving on 127.0.0.1:{port} with its objects in memory only; fails when the port is taken. */
    public EmbeddedKubernetesApi start(int port) {
        return start(port, null);
    }

    /**
     * Starts serving on 127.0.0.1:{port}, its objects kept in {@code store} (loaded from it first), or in memory
     * only when the store is null; fails when the port is taken.
     */
    synchronized EmbeddedKubernetesApi start(int port, SqlObjectStore store) {
        if (server != null) {
            throw new IllegalStateException("already started at " + url);
        }
        VersionInfo version = new VersionInfo.Builder()
                .withMajor("1")
                .withMinor("32")
                .withGitVersion(KUBERNETES_VERSION)
                .withPlatform("linux/amd64")
                .build();
        objects = store == null
                ? new WatchedCrudDispatcher(bookmarkInterval)
                : new DurableCrudDispatcher(store, bookmarkInterval);
        if (store == null) {
            objects.openWatchLog(List.of(), 0);
        }
        StandaloneApiDispatcher dispatcher =
                new StandaloneApiDispatcher(objects, crds, version, Clock.systemUTC(), requests);
        this.dispatcher = dispatcher;
        // a durable write's worker waits for its group's commit: enough of them to fill a group
        vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(2).setWorkerPoolSize(WRITE_WORKERS));
        HttpServerRequestHandler mock = new HttpServerRequestHandler(vertx) {
            @Override
            protected MockResponse onHttpRequest(RecordedRequest request) {
                return dispatcher.dispatch(request);
            }
        };
        // plain-HTTP watches stream here; durable writes are answered from a worker and durable reads once committed;
        // everything else, WebSocket watches included, goes through the mock's handler
        HttpServerOptions options = new HttpServerOptions()
                .setHost(InetAddress.getLoopbackAddress().getHostAddress())
                .setPort(port)
                .setWebSocketSubProtocols(List.of("v4.channel.k8s.io", "v5.channel.k8s.io"));
        server = vertx.createHttpServer(options).requestHandler(request -> {
            Optional<ResourcePath> watched = request.getHeader("Upgrade") == null
                    ? WatchRequest.watchTarget(request.method().name(), request.uri())
                    : Optional.empty();
            if (watched.isPresent()) {
                requests.count("WATCH", watched.get());
                HttpWatchStream.serve(request, dispatcher);
            } else if (store != null && WorkerRequests.writes(request)) {
                // a durable write waits for its commit: not on the event loop
                WorkerRequests.answer(vertx, request, dispatcher::dispatch);
            } else if (store != null && WorkerRequests.reads(request)) {
                // a read may see changes still committing: answered after their commit
                WorkerRequests.answerOnceCommitted(request, dispatcher::dispatch, objects::committedSoFar);
            } else {
                mock.handle(request);
            }
        });
        try {
            server.listen().toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            stop();
            throw new IllegalStateException(
                    "the embedded Kubernetes API cannot listen on 127.0.0.1:" + port + ": "
                            + (e.getCause() == null ? e : e.getCause()).getMessage(),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop();
            throw new IllegalStateException("interrupted while starting the embedded Kubernetes API", e);
        }
        url = "http://127.0.0.1:" + server.actualPort();
        client = WatchTransport.clientBuilder(clientConfig()).build();
        LOG.infof("Embedded Kubernetes API listening on %s", url);
        return this;
    }

    /** The requests served so far, by verb and resource. */
    public ApiRequestCounts requests() {
        return requests;
    }

    /** How many watches the API is serving, over HTTP or in this JVM. */
    int openWatches() {
        requireStarted();
        return objects.watchLog().openWatches();
    }

    /** Base URL of the API, e.g. {@code http://127.0.0.1:16443}. */
    public String url() {
        requireStarted();
        return url;
    }

    public int port() {
        requireStarted();
        return server.actualPort();
    }

    /** Bookmarks more often than a real server's minute, so that a test sees them. */
    EmbeddedKubernetesApi withBookmarkInterval(Duration interval) {
        this.bookmarkInterval = interval;
        return this;
    }

    /** A client of this API (default namespace {@code default}); closed by {@link #stop()}. */
    public KubernetesClient client() {
        requireStarted();
        return client;
    }

    /** Configuration for other clients of this API, such as the operator's; they watch over HTTP. */
    public Config clientConfig() {
        return WatchTransport.overHttp(new ConfigBuilder(Config.empty())
                .withMasterUrl(url())
                .withTrustCerts(true)
                .withNamespace("default")
                .build());
    }

    /**
     * Makes Fabric8 clients whose requests reach this API within the JVM, answered as over HTTP but without a socket
     * ({@link InProcessHttpClient}); use with {@link #clientConfig()}. For the standalone operator, which runs in the
     * API's process.
     */
    public HttpClient.Factory inProcessTransport() {
        requireStarted();
        Vertx workers = vertx;
        WatchedCrudDispatcher committing = objects;
        Executor blocking = task -> workers.executeBlocking(
                () -> {
                    task.run();
                    return null;
                },
                false);
        // each watch streams from one event loop, so that its events keep their order
        Supplier<Executor> watchDeliveries = () -> workers.nettyEventLoopGroup().next();
        return new InProcessHttpClient.Factory(new InProcessHttpClient.Api(
                dispatcher, committing::committedSoFar, blocking, watchDeliveries, requests));
    }

    /**
     * Creates (or replaces) the CRDs and the {@code default} namespace, as a cluster administrator would before
     * installing the operator.
     */
    public List<CustomResourceDefinition> applyCrds() {
        requireStarted();
        for (CustomResourceDefinition crd : crds) {
            CustomResourceDefinition copy = Serialization.clone(crd);
            copy.getMetadata().setResourceVersion(null);
            client.apiextensions()
                    .v1()
                    .customResourceDefinitions()
                    .resource(copy)
                    .createOr(NonDeletingOperation::update);
            LOG.infof("CRD %s applied", crd.getMetadata().getName());
        }
        client.namespaces()
                .resource(new NamespaceBuilder()
                        .withNewMetadata()
                        .withName("default")
                        .endMetadata()
                        .build())
                .createOr(NonDeletingOperation::update);
        return crds;
    }

    /** Writes a kubeconfig pointing at this API (context {@code animops-standalone}, namespace default). */
    public Path writeKubeconfig(Path file) {
        String kubeconfig = """
                apiVersion: v1
                kind: Config
                clusters:
                - name: %1$s
                  cluster:
                    server: %2$s
                users:
                - name: %1$s
                  user: {}
                contexts:
                - name: %1$s
                  context:
                    cluster: %1$s
                    user: %1$s
                    namespace: default
                current-context: %1$s
                preferences: {}
                """.formatted(CONTEXT_NAME, url());
        try {
            Path absolute = file.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            Files.writeString(absolute, kubeconfig);
            return absolute;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write kubeconfig " + file, e);
        }
    }

    public synchronized void stop() {
        if (client != null) {
            client.close();
            client = null;
        }
        if (objects != null) {
            objects.close();
            objects = null;
            dispatcher = null;
        }
        if (vertx != null) {
            vertx.close()
                    .toCompletionStage()
                    .toCompletableFuture()
                    .orTimeout(30, TimeUnit.SECONDS)
                    .join();
            vertx = null;
            server = null;
            LOG.infof("Embedded Kubernetes API at %s stopped", url);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void requireStarted() {
        if (server == null) {
            throw new IllegalStateException("the embedded Kubernetes API is not started");
        }
    }
}
