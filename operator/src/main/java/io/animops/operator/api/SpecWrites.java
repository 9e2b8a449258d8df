package io.animops.operator.api;

import io.animops.operator.common.ApiProblem;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.net.HttpURLConnection;

/**
 * Writes a person's decision into a custom resource's spec, checked against the state it was decided on: the
 * write names the resourceVersion that was read, and a concurrent change (the operator writing status, another
 * client) makes it read, check and write again.
 */
public final class SpecWrites {
    private static final int ATTEMPTS = 5;

    private SpecWrites() {}

    /** What to do with the resource as read: throw a problem (e.g. 409), change it, or leave it as it is. */
    @FunctionalInterface
    public interface Change<R> {
        /** True when {@code resource} was changed and must be written. */
        boolean apply(R resource);
    }

    /** The resource as written (or as read, when nothing had to change); 404 problem when it does not exist. */
    public static <R extends CustomResource<?, ?>> R update(
            KubernetesClient client, Class<R> type, String namespace, String name, Change<R> change) {
        for (int attempt = 1; ; attempt++) {
            R current =
                    client.resources(type).inNamespace(namespace).withName(name).get();
            if (current == null) {
                throw notFound(type, namespace, name);
            }
            if (!change.apply(current)) {
                return current;
            }
            try {
                return client.resource(current)
                        .lockResourceVersion(current.getMetadata().getResourceVersion())
                        .update();
            } catch (KubernetesClientException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt == ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /**
     * The resource, or a 404 problem: an action checks this before it reads its body, so that a request for nothing
     * costs no parsing whatever it carries.
     */
    public static <R extends CustomResource<?, ?>> R existing(
            KubernetesClient client, Class<R> type, String namespace, String name) {
        R current = client.resources(type).inNamespace(namespace).withName(name).get();
        if (current == null) {
            throw notFound(type, namespace, name);
        }
        return current;
    }

    /** The 404 problem for a resource that exists neither in the cluster nor in the history. */
    public static ApiProblem notFound(Class<?> type, String namespace, String name) {
        return ApiProblem.notFound(type.getSimpleName() + " " + namespace + "/" + name + " does not exist");
    }
}
