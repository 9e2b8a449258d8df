package io.animops.operator.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The operator's own settings (prefix {@code animops}); see the README for their environment variables. */
@ConfigMapping(prefix = "animops")
public interface AnimOpsConfig {
    Ideas ideas();

    Agents agents();

    LeaderElection leaderElection();

    Llm llm();

    Storage storage();

    Api api();

    Panel panel();

    /** The web panel served at / (io.animops.operator.panel). */
    interface Panel {
        /** Serve the panel's files; false leaves / to nothing (the API and /q are served either way). */
        @WithDefault("true")
        boolean enabled();
    }

    /** The REST API under /api/v1. */
    interface Api {
        /** The operator token every request must carry; without one every request is refused. */
        Optional<String> token();

        /** How long a signed download link of a render stays valid. */
        @WithDefault("15m")
        Duration linkTtl();

        /** The largest request body a route reads (uploads excepted); a larger one gets 413 before it is read. */
        @WithDefault("1M")
        MemorySize maxBodySize();
    }

    Metrics metrics();

    /** Prometheus' scrape endpoint /q/metrics. */
    interface Metrics {
        /** Whether /q/metrics needs the API token (true in the standalone mode, which runs on a workstation). */
        @WithDefault("false")
        boolean requireToken();
    }

    Events events();

    /** The live event stream GET /api/v1/events. */
    interface Events {
        /** How often an idle stream sends a comment, so proxies keep it open. */
        @WithDefault("15s")
        Duration heartbeat();

        /** How many recent events are kept for clients that reconnect with Last-Event-ID. */
        @WithDefault("1000")
        int buffer();

        /** How many events may wait for one slow client before its stream is ended. */
        @WithDefault("256")
        int clientBuffer();
    }

    /** Where render artifacts (videos, thumbnails) are kept, and how agents and people reach them. */
    interface Storage {
        /** {@code local} (files under local.dir, served by the operator itself) or {@code s3}. */
        @WithDefault("local")
        StorageType type();

        /**
         * Base URL under which agents and browsers reach this operator (scheme, host, port), e.g.
         * {@code https://animops.example.com}; the local store's upload and download links start with it.
         */
        @WithDefault("http://localhost:8080")
        String publicUrl();

        /**
         * HMAC key (any string, 32+ characters advised) signing the local store's links. When absent one is
         * generated at first start and kept under local.dir, so that a restart does not invalidate grants.
         */
        Optional<String> signingKey();

        /** How long an upload grant is valid; renewed when less than {@code grantRenewBefore} remains. */
        @WithDefault("30m")
        Duration grantTtl();

        @WithDefault("5m")
        Duration grantRenewBefore();

        /** Largest upload the local store accepts, in bytes (larger ones get 413). */
        @WithDefault("1073741824")
        long maxUploadBytes();

        Local local();

        S3 s3();

        Retention retention();

        enum StorageType {
            local,
            s3
        }

        interface Local {
            /** Folder of the local store; objects live at their key below it. */
            @WithDefault("/var/lib/animops/artifacts")
            String dir();
        }

        interface S3 {
            /** S3 endpoint URL, e.g. {@code https://s3.eu-west-1.amazonaws.com} or a MinIO server's URL. */
            Optional<String> endpoint();

            @WithDefault("us-east-1")
            String region();

            @WithDefault("animops")
            String bucket();

            Optional<String> accessKey();

            Optional<String> secretKey();

            /** Create the bucket at start when it does not exist (needs the right to create buckets). */
            @WithDefault("true")
            boolean createBucket();
        }

        interface Retention {
            /** How often stored objects are checked against the retention rules; {@code off} disables it. */
            @WithDefault("1h")
            String interval();

            /** Previews are deleted this many days after their render finished. */
            @WithDefault("14")
            int previewDays();

            /** Renders of rejected or failed ideas, and of failed jobs, are deleted this many days after. */
            @WithDefault("7")
            int rejectedDays();
        }
    }

    DesignSystem designSystem();

    Qc qc();

    interface DesignSystem {
        /** Path of the design system JSON; the bundled examples/design-system.json when absent. */
        Optional<String> file();
    }

    interface Qc {
        /** Path of the QC checklists JSON; the bundled examples/qc-checklists.json when absent. */
        Optional<String> checklistsFile();

        /** The default of {@link #defaultChecklist()}, also the lint command's. */
        String DEFAULT_CHECKLIST = "shorts";

        /** Checklist of schedules that name none (spec.qc.checklist) and of ideas without a schedule. */
        @WithDefault(DEFAULT_CHECKLIST)
        String defaultChecklist();

        /** How often an idea waiting for a person's QC review looks at its result again. */
        @WithDefault("10s")
        Duration reviewRecheck();
    }

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

        Unavailable unavailable();

        /**
         * Prices per model, each {@code <model>=<input>/<output>}: US dollars per million prompt and completion
         * tokens (e.g. {@code gpt-4o=2.5/10}). A call to a model without a price has an unknown cost.
         */
        Optional<List<String>> prices();

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

        /**
         * A provider still unavailable after every HTTP attempt of a call (429, 5xx, timeouts): the script attempt or
         * schedule run waits and tries the call again later, with these delays, until the window is spent.
         */
        interface Unavailable {
            /** Delay before the second try; doubled for each further try. */
            @WithDefault("30s")
            Duration firstDelay();

            @WithDefault("5m")
            Duration maxDelay();

            /** No try after this long since the first failed one: the call then fails with ProviderUnavailable. */
            @WithDefault("1h")
            Duration giveUpAfter();
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

        /**
         * A fixed Idea Gate threshold for ideas without a schedule and for schedules that set no
         * spec.similarityThreshold, as that field; absent (the default): the zones calibrated for the embedding model.
         */
        java.util.OptionalDouble defaultSimilarityThreshold();

        /** Script attempts for ideas without a schedule. */
        @WithDefault("3")
        int defaultMaxScriptAttempts();

        /**
         * Whether a statically valid script goes to a Validate job on real Godot (any agent, web or native) before its
         * preview; a schedule's {@code godotValidation} overrides it (docs/godot-names.md).
         */
        @WithDefault("true")
        boolean godotValidation();

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
