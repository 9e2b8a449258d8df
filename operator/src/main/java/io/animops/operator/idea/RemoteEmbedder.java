package io.animops.operator.idea;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.openai.OpenAiEmbeddingModel;
import io.animops.operator.llm.TokenBucket;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An embedding model behind an OpenAI-compatible HTTP API, through LangChain4j: instead of the in-process model,
 * when the operator is configured with one. Calls are cached by text (an idea gated again, a past idea embedded
 * again, cost nothing), rate limited by a token bucket, and retried with exponential backoff.
 */
public final class RemoteEmbedder implements Embedder {
    private static final Logger LOG = Logger.getLogger(RemoteEmbedder.class);

    /**
     * @param baseUrl         the API's base URL, e.g. ending in /v1
     * @param modelName       the provider's model; the vectors' model id is {@code remote:<modelName>}
     * @param apiKey          sent as a bearer token; null for a provider that needs none
     * @param maxAttempts     calls per text before the gate fails (and the reconciler retries later)
     * @param initialBackoff  wait after the first failure, doubled after each next one
     * @param perSecond       sustained calls per second
     * @param burst           calls allowed at once
     * @param maxWait         longest wait for the rate limit before giving up
     * @param cacheSize       texts whose vectors are kept
     */
    public record Settings(
            String baseUrl,
            String modelName,
            String apiKey,
            int maxAttempts,
            Duration initialBackoff,
            double perSecond,
            int burst,
            Duration maxWait,
            int cacheSize,
            Duration timeout) {}

    private final EmbeddingModel model;
    private final String modelId;
    private final Settings settings;
    private final TokenBucket bucket;
    private final Map<String, float[]> cache;

    RemoteEmbedder(EmbeddingModel model, Settings settings) {
        if (settings.maxAttempts() < 1) {
            throw new IllegalArgumentException(
                    "animops.ideas.embedding.remote-max-attempts must be at least 1, was " + settings.maxAttempts());
        }
        this.model = model;
        this.modelId = "remote:" + settings.modelName();
        this.settings = settings;
        this.bucket = new TokenBucket(settings.burst(), settings.perSecond());
        this.cache = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, float[]> eldest) {
                return size() > settings.cacheSize();
            }
        };
    }

    public static RemoteEmbedder openAiCompatible(Settings settings) {
        return new RemoteEmbedder(
                OpenAiEmbeddingModel.builder()
                        .baseUrl(settings.baseUrl())
                        .apiKey(settings.apiKey())
                        .modelName(settings.modelName())
                        .timeout(settings.timeout())
                        // retries are ours, so that they pass through the rate limit and are logged
                        .maxRetries(0)
                        .build(),
                settings);
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public float[] embed(String text) {
        synchronized (cache) {
            float[] cached = cache.get(text);
            if (cached != null) {
                return cached.clone();
            }
        }
        float[] vector = call(text);
        synchronized (cache) {
            cache.put(text, vector.clone());
        }
        return vector;
    }

    private float[] call(String text) {
        for (int attempt = 1; ; attempt++) {
            waitForRateLimit();
            try {
                float[] vector = model.embed(text).content().vector();
                HashEmbedding.normalise(vector);
                return vector;
            } catch (RuntimeException e) {
                if (attempt >= settings.maxAttempts()) {
                    throw new RemoteEmbeddingException(
                            modelId + ": embedding failed after " + attempt + " attempt(s): " + e, e);
                }
                Duration backoff = settings.initialBackoff().multipliedBy(1L << Math.min(attempt - 1, 16));
                LOG.warnf(
                        "Idea Gate: %s attempt %d of %d failed (%s); retrying in %d ms",
                        modelId, attempt, settings.maxAttempts(), e, backoff.toMillis());
                sleep(backoff);
            }
        }
    }

    private void waitForRateLimit() {
        try {
            if (!bucket.acquire(settings.maxWait())) {
                throw new RemoteEmbeddingException(modelId + ": rate limit of " + settings.perSecond()
                        + " calls/s left no call within " + settings.maxWait());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteEmbeddingException(modelId + ": interrupted while waiting for the rate limit", e);
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteEmbeddingException("interrupted during retry backoff", e);
        }
    }

    /** The remote provider gave no vector: the idea stays ungated and its reconciliation is retried. */
    public static class RemoteEmbeddingException extends RuntimeException {
        RemoteEmbeddingException(String message) {
            super(message);
        }

        RemoteEmbeddingException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
