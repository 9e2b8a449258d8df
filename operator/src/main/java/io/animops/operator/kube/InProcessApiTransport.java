package io.animops.operator.kube;

import io.fabric8.kubernetes.client.http.HttpClient;

import java.util.Optional;

/**
 * The transport to a Kubernetes API running in this JVM, handed over by the standalone mode's launcher before the
 * operator starts: the operator's client then reaches that API without a socket ({@link AsciiWatchesClientProducer}).
 * Nothing is handed over when the operator runs against a cluster.
 */
public final class InProcessApiTransport {
    private record Handed(String masterUrl, HttpClient.Factory factory) {}

    private static volatile Handed handed;

    private InProcessApiTransport() {}

    /** Requests to {@code masterUrl} go through clients of {@code factory} from now on. */
    public static void handOver(String masterUrl, HttpClient.Factory factory) {
        handed = new Handed(withoutTrailingSlash(masterUrl), factory);
    }

    /** The transport handed over for the API at {@code masterUrl}, if any. */
    static Optional<HttpClient.Factory> forMaster(String masterUrl) {
        Handed current = handed;
        return current != null && masterUrl != null && current.masterUrl().equals(withoutTrailingSlash(masterUrl))
                ? Optional.of(current.factory())
                : Optional.empty();
    }

    private static String withoutTrailingSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
