package io.animops.operator.standalone;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ApiRequestCountsTest {
    @Test
    void countsEachRequestByVerbAndResourceBeforeAndAfterBinding() {
        try (EmbeddedKubernetesApi api = new EmbeddedKubernetesApi().start(FreePorts.next())) {
            KubernetesClient client = api.client();
            client.resource(new NamespaceBuilder()
                            .withNewMetadata()
                            .withName("counted")
                            .endMetadata()
                            .build())
                    .create();
            SimpleMeterRegistry meters = new SimpleMeterRegistry();
            api.requests().bindTo(meters);
            client.resource(new ConfigMapBuilder()
                            .withNewMetadata()
                            .withNamespace("counted")
                            .withName("a")
                            .endMetadata()
                            .addToData("k", "v")
                            .build())
                    .create();
            client.configMaps().inNamespace("counted").withName("a").get();
            client.configMaps().inNamespace("counted").withName("a").get();

            assertThat(api.requests().snapshot())
                    .containsEntry("POST namespaces", 1L)
                    .containsEntry("POST configmaps", 1L)
                    .containsEntry("GET configmaps", 2L);
            Map<String, Double> registered = Map.of(
                    "POST namespaces", counter(meters, "POST", "namespaces"),
                    "GET configmaps", counter(meters, "GET", "configmaps"));
            assertThat(registered).containsEntry("POST namespaces", 1.0).containsEntry("GET configmaps", 2.0);
        }
    }

    private static double counter(SimpleMeterRegistry meters, String verb, String resource) {
        return meters.get(ApiRequestCounts.METER)
                .tags("verb", verb, "resource", resource)
                .functionCounter()
                .count();
    }
}
