package io.animops.operator.testing;

import io.animops.operator.standalone.EmbeddedKubernetesApi;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * The standalone mode's embedded API for tests that need what the plain mock server lacks: optimistic
 * concurrency on status writes, garbage collection of dependents, schema admission.
 */
public class EmbeddedKubernetesApiResource implements QuarkusTestResourceLifecycleManager {
    private EmbeddedKubernetesApi api;

    @Override
    public Map<String, String> start() {
        api = new EmbeddedKubernetesApi().start(freePort());
        api.applyCrds();
        return Map.of(
                "quarkus.kubernetes-client.api-server-url",
                api.url(),
                "quarkus.kubernetes-client.trust-certs",
                "true",
                // the operator's informers watch as in production, over HTTP
                "animops.kubernetes.watch-over-http",
                "true");
    }

    @Override
    public void stop() {
        if (api != null) {
            api.stop();
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
