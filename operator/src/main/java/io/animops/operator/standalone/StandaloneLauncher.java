package io.animops.operator.standalone;

import io.animops.operator.StandaloneMode;
import io.animops.operator.auth.FirstAdmin;
import io.animops.operator.kube.InProcessApiTransport;
import io.quarkus.runtime.Quarkus;
import org.jboss.logging.Logger;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;
import java.util.function.Supplier;

/**
 * The standalone mode: everything on one machine with no cluster, container engine or API key. Starts
 * PostgreSQL and the Kubernetes API ({@link StandaloneEnvironment}), applies the examples, points the operator at
 * them through system properties and runs it until Ctrl-C; then the operator stops first, the API and PostgreSQL
 * after it.
 */
public final class StandaloneLauncher {
    private static final Logger LOG = Logger.getLogger(StandaloneLauncher.class);
    /** How long the shutdown hook waits for the operator to stop before stopping the API and PostgreSQL anyway. */
    private static final long OPERATOR_STOP_WAIT_SECONDS = 30;

    private static final String CONSOLE_JSON = "quarkus.log.console.json.enabled";
    /** False to have the operator reach its embedded API over loopback HTTP, as other processes do (for comparison). */
    static final String IN_PROCESS_CLIENT = "animops.standalone.in-process-client";

    /**
     * Netty's pooled allocator in 64 KiB chunks, as Quarkus sets it when it starts; but the embedded API and the
     * example applier load Netty before Quarkus starts, and the allocator then kept 4 MiB chunks per arena: 12 MB of
     * direct memory at idle instead of 3 (bench/pipeline/README.md, 2026-12-03 "Netty's chunks"). A value given on
     * the command line wins.
     */
    static final Map<String, String> BEFORE_NETTY_LOADS = Map.of("io.netty.allocator.maxOrder", "3");

    private StandaloneLauncher() {}

    static void setBeforeNettyLoads(Properties systemProperties) {
        BEFORE_NETTY_LOADS.forEach(systemProperties::putIfAbsent);
    }

    /** Runs the standalone mode; returns when the operator has stopped. */
    public static void run(String... args) {
        setBeforeNettyLoads(System.getProperties());
        List<String> rest = Arrays.asList(args);
        if (!rest.isEmpty() && StandaloneMode.MODE_ARGUMENT.equals(rest.get(0))) {
            rest = rest.subList(1, rest.size());
        }
        StandaloneSettings settings;
        try {
            settings = StandaloneSettings.from(rest, System.getenv(), System.getProperties());
        } catch (StandaloneSettings.UsageException e) {
            System.err.println("standalone: " + e.getMessage());
            System.err.println(StandaloneSettings.USAGE);
            System.exit(2);
            return;
        }
        StandaloneEnvironment environment;
        try {
            environment = StandaloneEnvironment.start(settings);
        } catch (RuntimeException e) {
            LOG.errorf(
                    e,
                    "Standalone mode could not start (API port %d, PostgreSQL port %d, home %s)",
                    settings.apiPort(),
                    settings.dbPort(),
                    settings.home());
            System.exit(1);
            return;
        }
        // Quarkus reads system properties (ordinal 400) above application.properties; they must be set before it starts
        environment.operatorConfiguration().forEach(System::setProperty);
        ApiRequestMetrics.handOver(environment.api().requests());
        if (Boolean.parseBoolean(System.getProperty(IN_PROCESS_CLIENT, "true"))) {
            // the operator's requests reach the API in this JVM without a socket; kubectl and agents use HTTP
            InProcessApiTransport.handOver(
                    environment.api().url(), environment.api().inProcessTransport());
        }
        // a person reads this console: plain text unless asked otherwise (the operator's default may be JSON logs)
        if (System.getProperty(CONSOLE_JSON) == null && System.getenv("QUARKUS_LOG_CONSOLE_JSON_ENABLED") == null) {
            System.setProperty(CONSOLE_JSON, "false");
        }

        // Applied before the operator starts: its informers then list them like any existing objects, and the log shows
        // what was applied ahead of the operator's own output. A schedule with runOnCreate fires on its first
        // reconcile;
        // only absent examples are created, so a restart brings back nothing the user changed or deleted.
        List<ExampleApplier.Outcome> outcomes =
                new ExampleApplier(environment.api().client(), environment.exampleHistory()).apply(settings.examples());

        LOG.infof("kubeconfig for the embedded API: %s", environment.kubeconfig());
        // printed once the operator's HTTP server listens (StandaloneBanner), so it is not lost above the startup log
        pendingBanner = (httpPort, oneTimePassword) -> banner(environment, outcomes, httpPort, oneTimePassword);

        CountDownLatch operatorStopped = new CountDownLatch(1);
        AtomicBoolean vmShuttingDown = new AtomicBoolean();
        Thread hook = new Thread(
                () -> {
                    vmShuttingDown.set(true);
                    try {
                        // Quarkus stops the operator in its own hook; the API and PostgreSQL go after it, so the
                        // operator's last writes and watches still find them
                        if (!operatorStopped.await(OPERATOR_STOP_WAIT_SECONDS, TimeUnit.SECONDS)) {
                            LOG.warnf(
                                    "Operator still stopping after %ds; stopping the API and PostgreSQL now",
                                    OPERATOR_STOP_WAIT_SECONDS);
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    environment.stop();
                },
                "animops-standalone-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        // this hook stops PostgreSQL after the operator; zonky's own would stop it at once, beside it
        environment.database().stopOnlyWhenAsked();

        AtomicInteger exitCode = new AtomicInteger();
        try {
            // blocks until Ctrl-C (or Quarkus.asyncExit); the handler keeps Quarkus from calling System.exit itself,
            // which would block this thread inside the JVM's shutdown while our hook waits for it
            Quarkus.run(null, (code, failure) -> {
                exitCode.set(code == null ? 0 : code);
                if (failure != null) {
                    LOG.error("Operator failed", failure);
                }
            });
        } finally {
            operatorStopped.countDown();
        }
        if (!vmShuttingDown.get()) {
            // the operator ended by itself (a startup failure or an exit request): stop the rest and leave with its
            // code
            Runtime.getRuntime().removeShutdownHook(hook);
            environment.stop();
            System.exit(exitCode.get());
        }
    }

    /** The banner to print when the HTTP server has started, given its port; null when not in standalone mode. */
    private static volatile BiFunction<Integer, Optional<String>, String> pendingBanner;

    /**
     * The banner for the HTTP port, once, with the first admin's one-time password when this start made that user;
     * null outside standalone mode or when already taken.
     */
    static String takeBanner(int httpPort, Supplier<Optional<String>> oneTimePassword) {
        BiFunction<Integer, Optional<String>, String> banner = pendingBanner;
        pendingBanner = null;
        return banner == null ? null : banner.apply(httpPort, oneTimePassword.get());
    }

    static String banner(
            StandaloneEnvironment environment,
            List<ExampleApplier.Outcome> outcomes,
            int httpPort,
            Optional<String> oneTimePassword) {
        StandaloneSettings s = environment.settings();
        long created = outcomes.stream()
                .filter(o -> o.action() == ExampleApplier.Action.CREATED)
                .count();
        long kept = outcomes.stream()
                .filter(o ->
                        o.action() == ExampleApplier.Action.KEPT || o.action() == ExampleApplier.Action.DELETED_SINCE)
                .count();
        long failed = outcomes.stream()
                .filter(o -> o.action() == ExampleApplier.Action.FAILED)
                .count();
        String examples = outcomes.isEmpty()
                ? "none found in " + s.examples()
                : created + " created, " + kept + " already applied before"
                        + (failed > 0 ? ", " + failed + " rejected (see log)" : "") + " from " + s.examples();
        String http = "http://" + s.httpHost() + ":" + httpPort;
        Path tokenFile = environment.apiTokenFile();
        String signIn = oneTimePassword
                .map(p -> "user '" + FirstAdmin.NAME + "', one-time password  " + p
                        + "\n                    (shown only now; to be changed at the first sign-in)")
                .orElse("your user (the first start made 'admin'; `user passwd admin` sets a new password)");
        return """

                ================================================================================
                 AnimOps standalone
                   Panel            %s/
                   sign in as       %s
                   Kubernetes API   %s   (objects kept in PostgreSQL, database %s)
                   kubeconfig       %s
                   PostgreSQL       %s   (data kept in %s)
                   artifacts        %s
                   examples         %s
                   REST API         %s/api/v1   (token: %s)
                   API document     %s/q/openapi
                   health           %s/q/health
                 Try:
                   kubectl --kubeconfig %s get animops -A
                   curl -H "Authorization: Bearer $(cat %s)" %s/api/v1/ideas
                 Stop with Ctrl-C.
                ================================================================================
                """.formatted(
                        http,
                        signIn,
                        environment.api().url(),
                        EmbeddedDatabase.KUBE_DATABASE,
                        environment.kubeconfig(),
                        environment.database().jdbcUrl(),
                        s.dataDirectory(),
                        s.artifactsDirectory(),
                        examples,
                        http,
                        tokenFile == null ? "ANIMOPS_API_TOKEN" : tokenFile,
                        http,
                        http,
                        environment.kubeconfig(),
                        tokenFile == null ? "<your token file>" : tokenFile,
                        http);
    }
}
