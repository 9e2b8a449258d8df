package io.animops.operator.standalone;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the standalone mode puts things. Each setting comes from a command-line option after {@code standalone},
 * else a system property, else an environment variable, else its default:
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
 *
 * @param quarkusArgs the remaining arguments, handed to Quarkus
 */
record StandaloneSettings(
        int apiPort,
        int dbPort,
        Path home,
        Path examples,
        String httpHost,
        List<String> quarkusArgs,
        boolean apiTokenFromEnvironment) {
    /** The operator's HTTP server listens on the loopback interface unless told otherwise: one person's machine. */
    static final String DEFAULT_HTTP_HOST = "127.0.0.1";

    private static final List<String> OPTIONS = List.of("api-port", "db-port", "home", "examples", "http-host");

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

    static StandaloneSettings from(List<String> args, Map<String, String> env, java.util.Properties system) {
        List<String> rest = new ArrayList<>();
        java.util.Map<String, String> options = new java.util.HashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=") && OPTIONS.contains(arg.substring(2, arg.indexOf('=')))) {
                options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            } else {
                rest.add(arg);
            }
        }
        Path cwd = Path.of("").toAbsolutePath();
        int api = Integer.parseInt(value("api-port", options, system, env, "ANIMOPS_API_PORT")
                .orElse(String.valueOf(EmbeddedKubernetesApi.DEFAULT_PORT)));
        int db = Integer.parseInt(value("db-port", options, system, env, "ANIMOPS_DB_PORT")
                .orElse(String.valueOf(EmbeddedDatabase.DEFAULT_PORT)));
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
        return new StandaloneSettings(api, db, home, examples, httpHost, List.copyOf(rest), tokenFromEnv);
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
