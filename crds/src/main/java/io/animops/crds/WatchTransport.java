package io.animops.crds;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

/**
 * How the operator and the agents watch the Kubernetes API: over plain HTTP (a chunked stream, as kubectl and
 * client-go watch), not over WebSocket, and reading that stream through {@link AsciiWatchStreams}. Fabric8 7.5's
 * Vert.x client registers its WebSocket message handlers only once the connect future reaches the thread that opened
 * the watch; Vert.x resumes the socket before that, so the events a server sends with the handshake (a watch's
 * initial objects, or the changes since the resourceVersion a watch resumes from) are dropped when that thread is
 * slow, as on a loaded machine. An informer then keeps a stale copy until the object changes again. The HTTP watch
 * sets its body handler on the event loop before the response can arrive; its reading of the stream is mended by
 * {@link AsciiWatchStreams}.
 */
public final class WatchTransport {
    private WatchTransport() {}

    /** The configuration, set to watch over HTTP. */
    public static Config overHttp(Config config) {
        config.setOnlyHttpWatches(true);
        return config;
    }

    /** A client builder for the configuration whose HTTP watches read their streams through {@link AsciiWatchStreams}. */
    public static KubernetesClientBuilder clientBuilder(Config config) {
        return new KubernetesClientBuilder()
                .withConfig(config)
                .withHttpClientBuilderConsumer(
                        builder -> builder.addOrReplaceInterceptor(AsciiWatchStreams.NAME, new AsciiWatchStreams()));
    }
}
