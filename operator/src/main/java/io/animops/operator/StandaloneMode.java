package io.animops.operator;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * The standalone mode (embedded Kubernetes API and PostgreSQL on one machine), reached through {@link ServiceLoader}
 * so that a build can leave it out: the cluster image is built with {@code -Dproduction}, which compiles neither the
 * {@code standalone} package nor its mock-server and embedded-PostgreSQL dependencies (operator/README.md).
 */
public interface StandaloneMode {
    String MODE_ARGUMENT = "standalone";
    String MODE_ENV = "ANIMOPS_STANDALONE";

    /** Standalone when the first argument is {@value #MODE_ARGUMENT} or {@value #MODE_ENV} is true. */
    static boolean isRequested(String[] args, Map<String, String> env) {
        return (args.length > 0 && MODE_ARGUMENT.equals(args[0])) || "true".equalsIgnoreCase(env.get(MODE_ENV));
    }

    /** The standalone mode of this build, empty in a production build. */
    static Optional<StandaloneMode> inThisBuild() {
        return ServiceLoader.load(StandaloneMode.class).findFirst();
    }

    /** Runs the standalone mode with the command line's arguments; returns when the operator has stopped. */
    void launch(String[] args);
}
