package io.animops.operator.standalone;

import io.animops.operator.config.KeptSecret;
import io.fabric8.kubernetes.client.Config;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the operator needs around it in standalone mode, started in dependency order and stopped in reverse:
 * PostgreSQL with kept data, the Kubernetes API (its objects kept in PostgreSQL's {@value EmbeddedDatabase#KUBE_DATABASE}
 * database) with the CRDs and a kubeconfig, and the artifacts folder.
 * {@link #operatorConfiguration()} is the configuration that points the operator at them.
 */
public final class StandaloneEnvironment implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(StandaloneEnvironment.class);

    private final StandaloneSettings settings;
    private final EmbeddedDatabase database = new EmbeddedDatabase();
    private final EmbeddedKubernetesApi api = new EmbeddedKubernetesApi();
    private SqlObjectStore objectStore;
    private Path kubeconfig;
    /** The REST API's token, kept in home across restarts; null when ANIMOPS_API_TOKEN sets it. */
    private String apiToken;

    private StandaloneEnvironment(StandaloneSettings settings) {
        this.settings = settings;
    }

    /** Starts everything; whatever started is stopped again when a later part fails. */
    static StandaloneEnvironment start(StandaloneSettings settings) {
        StandaloneEnvironment env = new StandaloneEnvironment(settings);
        try {
            Files.createDirectories(settings.home());
            Files.createDirectories(settings.artifactsDirectory());
            env.database.start(settings.dataDirectory(), settings.dbPort());
            env.objectStore = new SqlObjectStore(env.database.dataSource(EmbeddedDatabase.KUBE_DATABASE));
            env.api.start(settings.apiPort(), env.objectStore);
            env.api.applyCrds();
            env.kubeconfig = env.api.writeKubeconfig(settings.kubeconfig());
            env.apiToken = settings.apiTokenFromEnvironment() ? null : readOrCreateToken(settings.apiTokenFile());
            return env;
        } catch (IOException e) {
            env.stop();
            throw new UncheckedIOException("cannot create " + settings.home(), e);
        } catch (RuntimeException e) {
            env.stop();
            throw e;
        }
    }

    /**
     * Configuration for the operator, as system properties. Only properties read at run time work here: Quarkus fixes
     * {@code quarkus.kubernetes-client.*} and {@code quarkus.operator-sdk.enable-ssa} / {@code crd.apply} at build
     * time and ignores run-time values (with a warning). The Kubernetes client is therefore pointed at the embedded
     * API through Fabric8's own system properties, which {@code Config.autoConfigure}, called by Quarkus when it
     * builds the client, reads; and server-side apply is handled by the embedded API instead of being switched off.
     */
    public Map<String, String> operatorConfiguration() {
        Map<String, String> p = new LinkedHashMap<>();
        // a profile of its own: one operator, so no leader election (the Operator SDK elects in prod only)
        p.put("quarkus.profile", "standalone");
        // our kubeconfig instead of ~/.kube/config or $KUBECONFIG, which may point at a real cluster
        p.put(Config.KUBERNETES_KUBECONFIG_FILE, kubeconfig.toString());
        p.put(Config.KUBERNETES_MASTER_SYSTEM_PROPERTY, api.url());
        p.put(Config.KUBERNETES_TRUST_CERT_SYSTEM_PROPERTY, "true");
        // the client's namespace for unqualified calls; the operator still watches all namespaces
        p.put(Config.KUBERNETES_NAMESPACE_SYSTEM_PROPERTY, ExampleApplier.DEFAULT_NAMESPACE);
        p.put(Config.KUBERNETES_AUTH_TRYSERVICEACCOUNT_SYSTEM_PROPERTY, "false");
        p.put("quarkus.datasource.jdbc.url", database.jdbcUrl());
        p.put("quarkus.datasource.reactive.url", database.reactiveUrl());
        p.put("quarkus.datasource.username", database.username());
        p.put("quarkus.datasource.password", database.password());
        p.put("animops.storage.type", "local");
        p.put(
                "animops.storage.local.dir",
                settings.artifactsDirectory().toAbsolutePath().toString());
        p.put("animops.standalone", "true");
        // one person's machine: the operator's HTTP server answers on the loopback interface only, unless told
        // otherwise
        p.put("quarkus.http.host", settings.httpHost());
        if (apiToken != null) {
            p.put("animops.api.token", apiToken);
        }
        // the mock server logs every request at INFO
        p.put("quarkus.log.category.\"io.fabric8.mockwebserver\".level", "WARN");
        return p;
    }

    /** The token kept in the file, made at first start; a file holding no usable token gets a new one. */
    static String readOrCreateToken(Path file) throws IOException {
        String token = KeptSecret.readOrCreate(file);
        if (token.length() >= 20) {
            return token;
        }
        LOG.warnf("%s holds no usable token (fewer than 20 characters); writing a new one", file);
        Files.delete(file);
        return KeptSecret.readOrCreate(file);
    }

    /** The examples applied at earlier starts, kept with the API's objects. */
    public ExampleApplier.History exampleHistory() {
        return objectStore;
    }

    /** Where the REST API's token is, or null when ANIMOPS_API_TOKEN sets it. */
    public Path apiTokenFile() {
        return apiToken == null ? null : settings.apiTokenFile();
    }

    public EmbeddedKubernetesApi api() {
        return api;
    }

    public EmbeddedDatabase database() {
        return database;
    }

    public Path kubeconfig() {
        return kubeconfig;
    }

    public StandaloneSettings settings() {
        return settings;
    }

    /** Stops the API, then PostgreSQL (a clean, fast shutdown that keeps the data folder consistent). */
    public synchronized void stop() {
        try {
            api.stop();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Embedded Kubernetes API did not stop cleanly");
        }
        if (objectStore != null) {
            objectStore.close();
        }
        database.stop();
    }

    @Override
    public void close() {
        stop();
    }
}
