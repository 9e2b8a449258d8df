package io.animops.operator.idea;

import io.animops.operator.config.AnimOpsConfig;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The Idea Gate's embedder: the in-process MiniLM model (or a remote provider when one is configured:
 * RemoteEmbedder), or the hash embedding when the model cannot load (a
 * platform without the native libraries, no writable temporary directory). The model loads once, on a thread
 * of its own started with the operator, so that neither start-up nor the event loop waits for it; the first
 * idea waits if it comes earlier. Which one is in use is the model id recorded with every vector and verdict.
 */
@Startup
@Singleton
public class GateEmbedder implements Embedder {
    private static final Logger LOG = Logger.getLogger(GateEmbedder.class);

    @Inject
    AnimOpsConfig config;

    /** What start() loads; under CDI it follows the configuration. */
    private Supplier<Embedder> loader;

    private final CompletableFuture<Embedder> chosen = new CompletableFuture<>();

    public GateEmbedder() {}

    GateEmbedder(Supplier<Embedder> loader) {
        this.loader = loader;
    }

    /** The remote provider when one is configured, else the in-process model. */
    static Supplier<Embedder> loaderFor(AnimOpsConfig.Embedding settings) {
        if (settings.remoteBaseUrl().isEmpty()) {
            return MiniLmEmbedder::load;
        }
        RemoteEmbedder.Settings remote = new RemoteEmbedder.Settings(
                settings.remoteBaseUrl().get(),
                settings.remoteModel(),
                settings.remoteApiKey().orElse(null),
                settings.remoteMaxAttempts(),
                settings.remoteInitialBackoff(),
                settings.remoteRateLimitPerSecond(),
                settings.remoteRateLimitBurst(),
                settings.remoteRateLimitMaxWait(),
                settings.remoteCacheSize(),
                settings.remoteTimeout());
        return () -> RemoteEmbedder.openAiCompatible(remote);
    }

    /** An embedder already loading in the background, for use outside CDI (the benchmark, tests). */
    public static GateEmbedder loading(Supplier<Embedder> loader) {
        GateEmbedder embedder = new GateEmbedder(loader);
        embedder.start();
        return embedder;
    }

    @PostConstruct
    void start() {
        if (loader == null) {
            loader = loaderFor(config.ideas().embedding());
        }
        Thread thread = new Thread(() -> chosen.complete(choose(loader)), "idea-embedding-model-loader");
        thread.setDaemon(true);
        thread.start();
    }

    static Embedder choose(Supplier<Embedder> loader) {
        long start = System.nanoTime();
        try {
            Embedder model = loader.get();
            LOG.infof(
                    "Idea Gate embeds with %s (loaded in %d ms)",
                    model.modelId(), (System.nanoTime() - start) / 1_000_000);
            return model;
        } catch (RuntimeException | LinkageError e) {
            // LinkageError: a native library that is missing or built for another platform
            HashEmbedding fallback = new HashEmbedding();
            LOG.warnf(
                    e,
                    "Idea Gate cannot load its embedding model (%s); it falls back to %s, which only finds ideas "
                            + "that share wording, and records that model id with every vector and verdict",
                    e,
                    fallback.modelId());
            return fallback;
        }
    }

    /** The embedder in use, waiting for the model to load if it has not yet. */
    public Embedder current() {
        return chosen.join();
    }

    @Override
    public String modelId() {
        return current().modelId();
    }

    @Override
    public float[] embed(String text) {
        return current().embed(text);
    }
}
