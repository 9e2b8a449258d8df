package io.animops.operator.standalone;

import io.animops.operator.StandaloneMode;

import java.util.OptionalInt;

/** The standalone mode as {@link java.util.ServiceLoader} finds it in a full build (META-INF/services). */
public final class EmbeddedStandaloneMode implements StandaloneMode {
    @Override
    public void launch(String[] args) {
        // the standalone mode runs in a JVM with a bounded heap unless the command line chose one (StandaloneJvm)
        OptionalInt bounded = StandaloneJvm.runBounded(args);
        if (bounded.isPresent()) {
            System.exit(bounded.getAsInt());
        }
        StandaloneJvm.watchParent();
        StandaloneLauncher.run(args);
    }
}
