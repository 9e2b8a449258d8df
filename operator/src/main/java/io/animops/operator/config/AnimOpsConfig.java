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

        /** Threshold for ideas without a schedule. */
        @WithDefault("0.85")
        double defaultSimilarityThreshold();

        /** Script attempts for ideas without a schedule. */
        @WithDefault("3")
        int defaultMaxScriptAttempts();
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
