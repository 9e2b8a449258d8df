package io.animops.operator.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.output.TokenUsage;
import io.animops.crds.v1alpha1.LlmSettings;
import io.animops.operator.config.AnimOpsConfig;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Every call to a language model goes through here: the schedule's daily token budget, the response cache,
 * the per-provider rate limit, retries with backoff, and the accounting (llm_calls rows, token counters).
 * The models themselves are LangChain4j's; their own retries are off so that ours are the only ones.
 */
@ApplicationScoped
public class LlmGateway {
    public static final String DEFAULT_SECRET_KEY = "api-key";
    public static final String TOKENS_METER = "animops.llm.tokens";
    private static final Logger LOG = Logger.getLogger(LlmGateway.class);

    @Inject
    KubernetesClient kubernetes;

    @Inject
    LlmCallRepository calls;

    @Inject
    MeterRegistry meters;

    @Inject
    AnimOpsConfig config;

    @Inject
    Clock clock;

    @Inject
    LlmMetrics metrics;

    @Inject
    LlmPrices prices;

    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    /** Model clients are reused, and share their HTTP clients. */
    private final Map<String, ChatModel> models = new ConcurrentHashMap<>();

    private final SharedHttpClients httpClients = new SharedHttpClients();
    // a direct GET, not an informer: the operator watches no Secrets and needs only 'get' on them
    private final RecentSecrets secrets = new RecentSecrets(
            (namespace, name) ->
                    kubernetes.secrets().inNamespace(namespace).withName(name).get(),
            Clock.systemUTC());

    /** Answers the request or throws {@link LlmException} with a reason for the resource's conditions. */
    public LlmAnswer chat(LlmSettings llm, LlmRequest request) {
        String provider = llm.getProvider().name();
        LlmSettingsCheck.modelProblem(llm).ifPresent(problem -> {
            throw new LlmException(problem.reason(), problem.message());
        });
        String model = llm.getModel();
        String promptHash = promptSha256(provider, model, request.system(), request.user());

        Optional<LlmCallRecord> cached = calls.cachedAnswer(promptHash);
        if (cached.isPresent()) {
            LOG.infof(
                    "llm %s/%s: answered %s prompt %s from the cache",
                    provider, model, request.purpose(), promptHash.substring(0, 12));
            BigDecimal cost = record(
                    request,
                    provider,
                    model,
                    promptHash,
                    0,
                    0,
                    0,
                    0,
                    true,
                    LlmCallRepository.OK,
                    null,
                    cached.get().response);
            return new LlmAnswer(cached.get().response, provider, model, 0, 0, true, 0, cost);
        }

        ensureBudget(llm, request, provider, model, promptHash);
        String apiKey = apiKey(llm, request.namespace());
        // the key's hash, not the key, is part of the map key: a rotated key gets a new client
        String clientKey = String.join(
                "\u0000",
                provider,
                Optional.ofNullable(llm.getBaseUrl()).orElse(""),
                model,
                apiKey == null ? "" : promptSha256("key", "", apiKey, ""));
        ChatModel chatModel = models.computeIfAbsent(clientKey, k -> build(llm, apiKey));
        TokenBucket bucket = buckets.computeIfAbsent(
                provider + " " + Optional.ofNullable(llm.getBaseUrl()).orElse(""),
                k -> new TokenBucket(
                        config.llm().rateLimit().burst(),
                        config.llm().rateLimit().perSecond()));

        ChatRequest chatRequest = ChatRequest.builder()
                .messages(SystemMessage.from(request.system()), UserMessage.from(request.user()))
                .build();
        int maxAttempts = Math.max(1, config.llm().maxHttpAttempts());
        long started = System.nanoTime();
        for (int attempt = 1; ; attempt++) {
            waitForRateLimit(bucket, config.llm().rateLimit().maxWait(), provider);
            try {
                ChatResponse response = chatModel.chat(chatRequest);
                long latency = Duration.ofNanos(System.nanoTime() - started).toMillis();
                TokenUsage usage = response.tokenUsage();
                long promptTokens = usage == null || usage.inputTokenCount() == null ? 0 : usage.inputTokenCount();
                long completionTokens =
                        usage == null || usage.outputTokenCount() == null ? 0 : usage.outputTokenCount();
                String text =
                        response.aiMessage() == null || response.aiMessage().text() == null
                                ? ""
                                : response.aiMessage().text();
                count(provider, model, "prompt", promptTokens);
                count(provider, model, "completion", completionTokens);
                BigDecimal cost = record(
                        request,
                        provider,
                        model,
                        promptHash,
                        promptTokens,
                        completionTokens,
                        latency,
                        attempt,
                        false,
                        LlmCallRepository.OK,
                        null,
                        text);
                return new LlmAnswer(text, provider, model, promptTokens, completionTokens, false, attempt, cost);
            } catch (RuntimeException e) {
                metrics.httpError(provider, model, errorStatus(e));
                boolean retriable = isRetriable(e);
                if (!retriable || attempt >= maxAttempts) {
                    long latency = Duration.ofNanos(System.nanoTime() - started).toMillis();
                    String message = provider + " model " + model + " failed after " + attempt + " HTTP attempt(s): "
                            + describe(e);
                    record(
                            request,
                            provider,
                            model,
                            promptHash,
                            0,
                            0,
                            latency,
                            attempt,
                            false,
                            LlmCallRepository.ERROR,
                            message,
                            null);
                    // a provider that failed only in ways worth retrying may answer later; others will not
                    throw new LlmException(
                            retriable ? LlmException.PROVIDER_UNAVAILABLE : LlmException.PROVIDER_ERROR, message, e);
                }
                Duration backoff = backoff(attempt);
                LOG.warnf(
                        "llm %s/%s: HTTP attempt %d of %d failed (%s); retrying in %d ms",
                        provider, model, attempt, maxAttempts, describe(e), backoff.toMillis());
                sleep(backoff);
            }
        }
    }

    /** Tokens the schedule spent today (UTC) and its budget, null budget meaning unlimited. */
    public long tokensSpentToday(String namespace, String schedule) {
        return calls.tokensSpentSince(namespace, schedule, startOfDay());
    }

    private void ensureBudget(LlmSettings llm, LlmRequest request, String provider, String model, String promptHash) {
        if (llm.getDailyTokenBudget() == null || request.schedule() == null) {
            return;
        }
        long spent = tokensSpentToday(request.namespace(), request.schedule());
        metrics.budget(request.namespace(), request.schedule(), spent, llm.getDailyTokenBudget());
        if (spent >= llm.getDailyTokenBudget()) {
            String message = "schedule " + request.schedule() + " spent " + spent + " of its daily token budget "
                    + llm.getDailyTokenBudget() + " (spec.llm.dailyTokenBudget) today; no new model calls until "
                    + startOfDay().plus(Duration.ofDays(1));
            record(
                    request,
                    provider,
                    model,
                    promptHash,
                    0,
                    0,
                    0,
                    0,
                    false,
                    LlmCallRepository.BUDGET_EXHAUSTED,
                    message,
                    null);
            throw new LlmException(LlmException.BUDGET_EXHAUSTED, message);
        }
    }

    private Instant startOfDay() {
        return Instant.now(clock)
                .atZone(ZoneOffset.UTC)
                .toLocalDate()
                .atStartOfDay(ZoneOffset.UTC)
                .toInstant();
    }

    /**
     * The API key: spec.llm.secretRef in the schedule's namespace, else the operator's Secret. Ollama runs
     * without one; every other provider fails with CredentialsMissing naming the Secret it looked for.
     */
    String apiKey(LlmSettings llm, String namespace) {
        String secretName;
        String secretNamespace;
        String key;
        String origin;
        if (llm.getSecretRef() != null) {
            secretName = llm.getSecretRef().getName();
            secretNamespace = namespace;
            key = llm.getSecretRef().getKey() == null
                    ? DEFAULT_SECRET_KEY
                    : llm.getSecretRef().getKey();
            origin = "spec.llm.secretRef";
        } else if (config.llm().secretName().isPresent()) {
            secretName = config.llm().secretName().get();
            secretNamespace = config.llm().secretNamespace().orElse(namespace);
            key = DEFAULT_SECRET_KEY;
            origin = "the operator's ANIMOPS_LLM_SECRET_NAME";
        } else {
            if (llm.getProvider() == LlmSettings.Provider.Ollama) {
                return null;
            }
            throw new LlmException(
                    LlmException.CREDENTIALS_MISSING,
                    "provider " + llm.getProvider()
                            + " needs an API key: set spec.llm.secretRef or the operator's ANIMOPS_LLM_SECRET_NAME");
        }
        Secret secret = secrets.get(secretNamespace, secretName, key);
        String where = "Secret " + secretNamespace + "/" + secretName + " (" + origin + ")";
        if (secret == null) {
            throw new LlmException(LlmException.CREDENTIALS_MISSING, where + " does not exist");
        }
        String value = valueOf(secret, key);
        if (value == null) {
            throw new LlmException(LlmException.CREDENTIALS_MISSING, where + " has no key '" + key + "'");
        }
        return value;
    }

    /** The key's value in the Secret, trimmed; null when it has none or a blank one. */
    static String valueOf(Secret secret, String key) {
        String value = null;
        if (secret.getData() != null && secret.getData().get(key) != null) {
            value = new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
        } else if (secret.getStringData() != null) {
            value = secret.getStringData().get(key);
        }
        return value == null || value.isBlank() ? null : value.trim();
    }

    private ChatModel build(LlmSettings llm, String apiKey) {
        Duration timeout = config.llm().timeout();
        return switch (llm.getProvider()) {
            case OpenAi ->
                OpenAiChatModel.builder()
                        .baseUrl(llm.getBaseUrl())
                        .apiKey(apiKey)
                        .modelName(llm.getModel())
                        .timeout(timeout)
                        .maxRetries(0)
                        .httpClientBuilder(httpClients.builder())
                        .build();
            case Anthropic ->
                AnthropicChatModel.builder()
                        .baseUrl(llm.getBaseUrl())
                        .apiKey(apiKey)
                        .modelName(llm.getModel())
                        .maxTokens(config.llm().maxCompletionTokens())
                        .timeout(timeout)
                        .maxRetries(0)
                        .httpClientBuilder(httpClients.builder())
                        .build();
            case Ollama ->
                OllamaChatModel.builder()
                        .baseUrl(llm.getBaseUrl() == null ? "http://localhost:11434" : llm.getBaseUrl())
                        .modelName(llm.getModel())
                        .timeout(timeout)
                        .maxRetries(0)
                        .httpClientBuilder(httpClients.builder())
                        .customHeaders(apiKey == null ? Map.of() : Map.of("Authorization", "Bearer " + apiKey))
                        .build();
            case Offline ->
                throw new LlmException(
                        LlmException.INVALID_SETTINGS, "spec.llm.provider is Offline: no model is called");
        };
    }

    static boolean isRetriable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RetriableException
                    || t instanceof HttpTimeoutException
                    || t instanceof java.util.concurrent.TimeoutException) {
                return true;
            }
            if (t instanceof HttpException http && (http.statusCode() == 429 || http.statusCode() >= 500)) {
                return true;
            }
            if (t instanceof IOException && !(t instanceof java.io.UncheckedIOException)) {
                return true;
            }
        }
        return false;
    }

    /** The HTTP status of a failed attempt (429, 500, ...), or what failed instead (timeout, io, other). */
    static String errorStatus(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpException http) {
                return Integer.toString(http.statusCode());
            }
            if (t instanceof HttpTimeoutException
                    || t instanceof java.util.concurrent.TimeoutException
                    || t instanceof dev.langchain4j.exception.TimeoutException) {
                return "timeout";
            }
            if (t instanceof IOException) {
                return "io";
            }
        }
        return "other";
    }

    /** Exponential backoff with full jitter: uniform in [base/2, base], base = initial * 2^(n-1), capped. */
    Duration backoff(int failedAttempt) {
        long initial = config.llm().initialBackoff().toMillis();
        long cap = config.llm().maxBackoff().toMillis();
        long base = Math.min(cap, initial << Math.min(20, failedAttempt - 1));
        return Duration.ofMillis(base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1));
    }

    static void waitForRateLimit(TokenBucket bucket, Duration maxWait, String provider) {
        try {
            if (!bucket.acquire(maxWait)) {
                throw new LlmException(
                        LlmException.RATE_LIMITED,
                        "no call slot for provider " + provider + " within " + maxWait + " (animops.llm.rate-limit.*)");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException(LlmException.RATE_LIMITED, "interrupted while waiting for the rate limiter");
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException(LlmException.PROVIDER_UNAVAILABLE, "interrupted during retry backoff");
        }
    }

    private void count(String provider, String model, String kind, long tokens) {
        meters.counter(TOKENS_METER, "provider", provider, "model", model, "kind", kind)
                .increment(tokens);
    }

    /** Records the call in llm_calls; returns its cost as recorded (null when the model has no price). */
    private BigDecimal record(
            LlmRequest request,
            String provider,
            String model,
            String promptHash,
            long promptTokens,
            long completionTokens,
            long latencyMs,
            int httpAttempts,
            boolean cached,
            String outcome,
            String error,
            String response) {
        metrics.call(provider, model, cached ? "cached" : outcome);
        LlmCallRecord row = new LlmCallRecord();
        row.occurredAt = Instant.now(clock);
        row.namespace = request.namespace();
        row.schedule = request.schedule();
        row.ideaName = request.ideaName();
        row.attemptName = request.attemptName();
        row.purpose = request.purpose();
        row.provider = provider;
        row.model = model;
        row.promptVersion = request.promptVersion();
        row.promptSha256 = promptHash;
        row.promptTokens = promptTokens;
        row.completionTokens = completionTokens;
        row.costUsd = prices.cost(model, promptTokens, completionTokens).orElse(null);
        row.latencyMs = latencyMs;
        row.httpAttempts = httpAttempts;
        row.cached = cached;
        row.outcome = outcome;
        row.error = error;
        row.response = response;
        calls.save(row);
        return row.costUsd;
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root && root.getMessage() == null) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "" : root.getMessage();
        if (message.length() > 300) {
            message = message.substring(0, 300) + "...";
        }
        return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    /** The cache key: SHA-256 of provider, model and the whole prompt, NUL-separated so no field bleeds into the next. */
    public static String promptSha256(String provider, String model, String system, String user) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (String part : new String[] {provider, model, system, user}) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
