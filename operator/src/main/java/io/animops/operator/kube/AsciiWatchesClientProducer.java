package io.animops.operator.kube;

import io.animops.crds.AsciiWatchStreams;
import io.animops.crds.WatchTransport;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The operator's Kubernetes client as Quarkus makes it (its configuration, customizers included, and its
 * serialization), with HTTP watch streams read through {@link AsciiWatchStreams}, and in standalone mode with the
 * transport to the API in this JVM ({@link InProcessApiTransport}). It replaces the client Quarkus
 * produces by default, which has no place for an interceptor.
 */
@Singleton
public class AsciiWatchesClientProducer {
    @Produces
    @Singleton
    KubernetesClient kubernetesClient(KubernetesSerialization serialization, Config config) {
        KubernetesClientBuilder builder =
                WatchTransport.clientBuilder(config).withKubernetesSerialization(serialization);
        InProcessApiTransport.forMaster(config.getMasterUrl()).ifPresent(builder::withHttpClientFactory);
        return builder.build();
    }

    void close(@Disposes KubernetesClient client) {
        client.close();
    }
}
