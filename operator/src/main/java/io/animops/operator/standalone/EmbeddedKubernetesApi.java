package io.animops.operator.standalone;

import io.animops.crds.validation.CrdSchemaValidator;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.VersionInfo;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;

/**
 * An in-process Kubernetes API for the standalone mode: the Fabric8 mock server in CRUD mode on a local port, behind
 * {@link StandaloneApiDispatcher} so that kubectl and the operator find discovery, printer-column tables, schema
 * validation and server-side apply there. Started with a {@link SqlObjectStore}, it writes every change through to
 * PostgreSQL and loads it back on the next start; without one, state lives in memory and is gone when the process ends.
 * Plain HTTP on the loopback interface, without authentication: for one person's machine only.
 */
public final class EmbeddedKubernetesApi implements AutoCloseable {
    public static final int DEFAULT_PORT = 16443;
    /** The Kubernetes version /version reports; the kubectl this was tried with is 1.32. */
    static final String KUBERNETES_VERSION = "v1.32.0";
    private static final Logger LOG = Logger.getLogger(EmbeddedKubernetesApi.class);
    private static final String CONTEXT_NAME = "animops-standalone";

    private final List<CustomResourceDefinition> crds;
    private KubernetesMockServer server;
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
        UidCounter.startAfterEveryEarlierRun();
        VersionInfo version = new VersionInfo.Builder().withMajor("1").withMinor("32").withGitVersion(KUBERNETES_VERSION)
                .withPlatform("linux/amd64").build();
        KubernetesCrudDispatcher objects = store == null ? new KubernetesCrudDispatcher() : new DurableCrudDispatcher(store);
        StandaloneApiDispatcher dispatcher = new StandaloneApiDispatcher(objects, crds, version, Clock.systemUTC());
        KubernetesMockServer mock = new KubernetesMockServer(new Context(Serialization.jsonMapper()), new MockWebServer(),
                new HashMap<>(), dispatcher, false);
        mock.setVersionInfo(version);
        mock.start(InetAddress.getLoopbackAddress(), port);
        server = mock;
        url = "http://127.0.0.1:" + mock.getPort();
        client = new KubernetesClientBuilder().withConfig(clientConfig()).build();
        LOG.infof("Embedded Kubernetes API listening on %s", url);
        return this;
    }

    /** Base URL of the API, e.g. {@code http://127.0.0.1:16443}. */
    public String url() {
        requireStarted();
        return url;
    }

    public int port() {
        requireStarted();
        return server.getPort();
    }

    /** A client of this API (default namespace {@code default}); closed by {@link #stop()}. */
    public KubernetesClient client() {
        requireStarted();
        return client;
    }

    /** Configuration for other clients of this API, such as the operator's. */
    public Config clientConfig() {
        return new ConfigBuilder(Config.empty())
                .withMasterUrl(url())
                .withTrustCerts(true)
                .withNamespace("default")
                .build();
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
            client.apiextensions().v1().customResourceDefinitions().resource(copy).createOr(NonDeletingOperation::update);
            LOG.infof("CRD %s applied", crd.getMetadata().getName());
        }
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("default").endMetadata().build())
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
        if (server != null) {
            server.destroy();
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
