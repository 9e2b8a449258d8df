package io.animops.operator.standalone;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the standalone mode puts things. Each setting comes from a command-line option after {@code standalone}
 * ({@code --name=value} or {@code --name value}), else a system property, else an environment variable, else its
 * default; any other argument, or an option without a value, is a {@link UsageException}:
 * <pre>
 * --api-port=N      animops.standalone.api-port   ANIMOPS_API_PORT    16443
 * --db-port=N       animops.standalone.db-port    ANIMOPS_DB_PORT     15432
 * --home=DIR        animops.standalone.home       ANIMOPS_HOME        .animops (relative to the working directory)
 * --examples=DIR    animops.standalone.examples   ANIMOPS_EXAMPLES    examples
 * --http-host=H     quarkus.http.host             QUARKUS_HTTP_HOST   127.0.0.1 (the operator's HTTP server)
 * </pre>
 * Under home: {@code pgdata/} (PostgreSQL cluster), {@code artifacts/} (local file storage), {@code kubeconfig},
 * {@code api-token} (the REST API's bearer token, made at first start unless ANIMOPS_API_TOKEN is set).
 * The operator's HTTP port is Quarkus' own {@code quarkus.http.port} (8080).
 */
record StandaloneSettings(
        int apiPort, int dbPort, Path home, Path examples, String httpHost, boolean apiTokenFromEnvironment) {
    /** The operator's HTTP server listens on the loopback interface unless told otherwise: one person's machine. */
    static final String DEFAULT_HTTP_HOST = "127.0.0.1";

    private static final List<String> OPTIONS = List.of("api-port", "db-port", "home", "examples", "http-host");

    static final String USAGE = "usage: standalone [--api-port N] [--db-port N] [--home DIR] [--examples DIR]"
            + " [--http-host HOST] (each also as --option=value)";

    /** Arguments the standalone mode does not take; the launcher prints the message and exits with 2. */
    static final class UsageException extends IllegalArgumentException {
        UsageException(String message) {
            super(message);
        }
    }

    Path dataDirectory() {
        return home.resolve("pgdata");
    }

    Path artifactsDirectory() {
        return home.resolve("artifacts");
    }

    Path kubeconfig() {
        return home.resolve("kubeconfig");
    }

    Path apiTokenFile() {
        return home.resolve("api-token");
    }

    /** @throws UsageException for an unknown option or argument, an option without a value, or a bad port */
    static StandaloneSettings from(List<String> args, Map<String, String> env, java.util.Properties system) {
        Map<String, String> options = options(args);
        Path cwd = Path.of("").toAbsolutePath();
        int api = port("api-port", options, system, env, "ANIMOPS_API_PORT", EmbeddedKubernetesApi.DEFAULT_PORT);
        int db = port("db-port", options, system, env, "ANIMOPS_DB_PORT", EmbeddedDatabase.DEFAULT_PORT);
        Path home = cwd.resolve(
                        value("home", options, system, env, "ANIMOPS_HOME").orElse(".animops"))
                .normalize();
        Path examples = cwd.resolve(value("examples", options, system, env, "ANIMOPS_EXAMPLES")
                        .orElse("examples"))
                .normalize();
        String httpHost = Optional.ofNullable(options.get("http-host"))
                .or(() -> Optional.ofNullable(system.getProperty("quarkus.http.host")))
                .or(() -> Optional.ofNullable(env.get("QUARKUS_HTTP_HOST")))
                .filter(v -> !v.isBlank())
                .orElse(DEFAULT_HTTP_HOST);
        boolean tokenFromEnv = env.get("ANIMOPS_API_TOKEN") != null
                && !env.get("ANIMOPS_API_TOKEN").isBlank();
        return new StandaloneSettings(api, db, home, examples, httpHost, tokenFromEnv);
    }

    /** The options after {@code standalone}, by name without the dashes. */
    private static Map<String, String> options(List<String> args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                throw new UsageException(arg + ": unexpected argument (the options start with --)");
            }
            int equals = arg.indexOf('=');
            String name = equals < 0 ? arg.substring(2) : arg.substring(2, equals);
            if (!OPTIONS.contains(name)) {
                throw new UsageException("--" + name + ": unknown option, one of --" + String.join(", --", OPTIONS));
            }
            String value;
            if (equals >= 0) {
                value = arg.substring(equals + 1);
            } else if (i + 1 < args.size() && !args.get(i + 1).startsWith("--")) {
                value = args.get(++i);
            } else {
                value = "";
            }
            if (value.isBlank()) {
                throw new UsageException("--" + name + ": missing value");
            }
            options.put(name, value);
        }
        return options;
    }

    private static int port(
            String option,
            Map<String, String> options,
            java.util.Properties system,
            Map<String, String> env,
            String envName,
            int defaultPort) {
        Optional<String> value = value(option, options, system, env, envName);
        if (value.isEmpty()) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value.get().trim());
            if (port >= 1 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // told below
        }
        throw new UsageException("--" + option + " (or animops.standalone." + option + ", " + envName
                + "): not a port number from 1 to 65535: " + value.get());
    }

    private static Optional<String> value(
            String option,
            Map<String, String> options,
            java.util.Properties system,
            Map<String, String> env,
            String envName) {
        return Optional.ofNullable(options.get(option))
                .or(() -> Optional.ofNullable(system.getProperty("animops.standalone." + option)))
                .or(() -> Optional.ofNullable(env.get(envName)))
                .filter(v -> !v.isBlank());
    }
}
