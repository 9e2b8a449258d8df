package io.animops.operator.config;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * Leader election through a Lease in the operator's namespace. The Operator SDK activates it in the prod
 * profile only, so tests and the standalone mode run a single operator without a lease.
 */
@ApplicationScoped
public class LeaderElection {
    @Produces
    @ApplicationScoped
    LeaderElectionConfiguration leaderElection(AnimOpsConfig config) {
        AnimOpsConfig.LeaderElection election = config.leaderElection();
        return election.namespace()
                .map(ns -> new LeaderElectionConfiguration(election.leaseName(), ns))
                .orElseGet(() -> new LeaderElectionConfiguration(election.leaseName()));
    }
}
