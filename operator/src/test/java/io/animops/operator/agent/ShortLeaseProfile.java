package io.animops.operator.agent;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/**
 * A 3 s lease, so that a killed agent's job is requeued within the test's patience; and the operator's HTTP port
 * fixed up front, so that the upload grants it writes (links to its own local store) reach it.
 */
public class ShortLeaseProfile implements QuarkusTestProfile {
    static final int HTTP_PORT = freePort();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "animops.agents.lease-ttl",
                "3s",
                "animops.agents.pending-recheck",
                "1s",
                "quarkus.http.test-port",
                Integer.toString(HTTP_PORT),
                "animops.storage.public-url",
                "http://127.0.0.1:" + HTTP_PORT,
                "animops.storage.local.dir",
                "target/agent-operator-artifacts",
                // the stand-in's 20 s preview is larger than the test profile's 1 MiB
                "animops.storage.max-upload-bytes",
                Long.toString(64L * 1024 * 1024));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
