package io.animops.operator.kube;

import io.fabric8.kubernetes.client.Config;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HttpWatchesClientConfigTest {
    @Test
    void theOperatorsClientWatchesOverHttpUnlessTurnedOffForAWebSocketOnlyServer() {
        Config config = Config.empty();
        assertThat(config.isOnlyHttpWatches()).as("Fabric8's default").isFalse();

        new HttpWatchesClientConfig(true).customize(config);
        assertThat(config.isOnlyHttpWatches()).isTrue();

        Config forTheMockServer = Config.empty();
        new HttpWatchesClientConfig(false).customize(forTheMockServer);
        assertThat(forTheMockServer.isOnlyHttpWatches()).isFalse();
    }
}
