package io.animops.operator;

import io.animops.operator.standalone.StandaloneLauncher;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Entry point. {@code standalone} as the first argument (or ANIMOPS_STANDALONE=true) runs the operator with an
 * embedded Kubernetes API and PostgreSQL on this machine; anything else runs the operator against the configured
 * cluster and database.
 */
@QuarkusMain
public class OperatorMain {
    public static void main(String... args) {
        if (StandaloneLauncher.isRequested(args, System.getenv())) {
            StandaloneLauncher.run(args);
        } else {
            Quarkus.run(args);
        }
    }
}
