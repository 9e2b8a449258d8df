package io.animops.operator.kube;

import io.animops.crds.AsciiWatchStreams;
import io.animops.crds.WatchTransport;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.util.Optional;

/**
 * The operator's Kubernetes client as Quarkus makes it (its configuration, customizers included, and its
 * serialization), with HTTP watch streams read through {@link AsciiWatchStreams}; in standalone mode, with the
 * transport to the API in this JVM ({@link InProcessApiTransport}) and WebSocket watches. It replaces the client
 * Quarkus produces by default, which has no place for an interceptor.
 */
@Singleton
public class AsciiWatchesClientProducer {
    @Produces
    @Singleton
    KubernetesClient kubernetesClient(KubernetesSerialization serialization, Config config) {
        Optional<HttpClient.Factory> inProcess = InProcessApiTransport.forMaster(config.getMasterUrl());
        if (inProcess.isEmpty()) {
            return WatchTransport.clientBuilder(config)
                    .withKubernetesSerialization(serialization)
                    .build();
        }
        // in the API's JVM a WebSocket watch hands over each event whole, where an HTTP watch is read a character at
        // a time; the reason to watch over HTTP (WatchTransport) is Vert.x's socket, which is not used here
        Config webSocketWatches =
                new ConfigBuilder(config).withOnlyHttpWatches(false).build();
        return new KubernetesClientBuilder()
                .withConfig(webSocketWatches)
                .withHttpClientFactory(inProcess.get())
                .withKubernetesSerialization(serialization)
                .build();
    }

    void close(@Disposes KubernetesClient client) {
        client.close();
    }
}
