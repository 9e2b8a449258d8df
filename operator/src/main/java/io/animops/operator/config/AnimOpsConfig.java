package io.animops.operator.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** The operator's own settings (prefix {@code animops}); see the README for their environment variables. */
@ConfigMapping(prefix = "animops")
public interface AnimOpsConfig {
    Ideas ideas();

    Agents agents();

    LeaderElection leaderElection();

    Llm llm();

    /** Calls to language models; the provider and model themselves are chosen per schedule (spec.llm). */
    interface Llm {
        /** The operator's Secret with the API key, used when a schedule's spec.llm has no secretRef. */
        Optional<String> secretName();

        /** Namespace of that Secret; the schedule's own namespace when absent. */
        Optional<String> secretNamespace();

        /** HTTP tries per model call, counting the first; 429, 5xx and timeouts are retried. */
        @WithDefault("4")
        int maxHttpAttempts();

        /** Backoff before the first retry; doubled on each further retry, with full jitter. */
        @WithDefault("1s")
        Duration initialBackoff();

        @WithDefault("30s")
        Duration maxBackoff();

        /** Timeout of one HTTP call; long, since a whole scene script is written in one answer. */
        @WithDefault("180s")
        Duration timeout();

        /** Upper bound of completion tokens asked for (Anthropic requires one). */
        @WithDefault("8192")
        int maxCompletionTokens();

        RateLimit rateLimit();

        interface RateLimit {
            /** Calls per second per provider endpoint, sustained. */
            @WithDefault("0.5")
            double perSecond();

            /** Calls that may go out at once before the sustained rate applies. */
            @WithDefault("3")
            int burst();

            /** How long a call waits for the rate limiter before failing with RateLimited. */
            @WithDefault("120s")
            Duration maxWait();
        }
    }

    interface LeaderElection {
        /** Name of the Lease the replicas compete for. */
        @WithDefault("animops-operator-leader")
        String leaseName();

        /** Namespace of the Lease; the operator's own namespace when absent. */
        Optional<String> namespace();
    }

    interface Ideas {
        /** Path of the static ideas file; the bundled examples/ideas.md when absent. */
        Optional<String> file();

        /** Threshold for ideas without a schedule; the same default as ContentSchedule's similarityThreshold. */
        @WithDefault("0.72")
        double defaultSimilarityThreshold();

        /** Script attempts for ideas without a schedule. */
        @WithDefault("3")
        int defaultMaxScriptAttempts();

        /** The Idea Gate's embeddings: the in-process model, unless a remote provider is configured. */
        Embedding embedding();
    }

    interface Embedding {
        /** Base URL of an OpenAI-compatible embeddings API; when absent the in-process model is used. */
        Optional<String> remoteBaseUrl();

        @WithDefault("text-embedding-3-small")
        String remoteModel();

        /** Bearer token of the remote provider (from a Secret, through the environment). */
        Optional<String> remoteApiKey();

        @WithDefault("4")
        int remoteMaxAttempts();

        @WithDefault("1s")
        Duration remoteInitialBackoff();

        @WithDefault("2")
        double remoteRateLimitPerSecond();

        @WithDefault("5")
        int remoteRateLimitBurst();

        @WithDefault("60s")
        Duration remoteRateLimitMaxWait();

        /** Texts whose remote vectors are kept in memory. */
        @WithDefault("2000")
        int remoteCacheSize();

        @WithDefault("30s")
        Duration remoteTimeout();
    }

    interface Agents {
        /** An agent whose heartbeat is older than this is NotReady and loses its claims. */
        @WithDefault("60s")
        Duration leaseTtl();

        /** How often a job waiting for an agent looks again. */
        @WithDefault("15s")
        Duration pendingRecheck();

        /** Claims a render job gets (first run plus requeues after lapsed leases) before it fails. */
        @WithDefault("3")
        int maxClaimsPerJob();
    }
}
