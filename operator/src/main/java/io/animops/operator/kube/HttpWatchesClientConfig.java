package io.animops.operator.kube;

import io.animops.crds.WatchTransport;
import io.fabric8.kubernetes.client.Config;
import io.quarkus.kubernetes.client.KubernetesConfigCustomizer;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The operator's informers watch over plain HTTP; {@link WatchTransport} says why. The tests that run against
 * Fabric8's mock server turn it off: that server streams watches over WebSocket only.
 */
@Singleton
public class HttpWatchesClientConfig implements KubernetesConfigCustomizer {
    private final boolean watchOverHttp;

    public HttpWatchesClientConfig(
            @ConfigProperty(name = "animops.kubernetes.watch-over-http", defaultValue = "true") boolean watchOverHttp) {
        this.watchOverHttp = watchOverHttp;
    }

    @Override
    public void customize(Config config) {
        if (watchOverHttp) {
            WatchTransport.overHttp(config);
        }
    }
}
