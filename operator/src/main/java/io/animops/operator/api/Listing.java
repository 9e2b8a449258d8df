package io.animops.operator.api;

import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;

import java.util.List;

/** The resources of a kind in one namespace, or in all when none is named. */
final class Listing {
    private Listing() {}

    static <R extends CustomResource<?, ?>> List<R> of(KubernetesClient client, Class<R> type, String namespace) {
        return namespace == null
                ? client.resources(type).inAnyNamespace().list().getItems()
                : client.resources(type).inNamespace(namespace).list().getItems();
    }
}
