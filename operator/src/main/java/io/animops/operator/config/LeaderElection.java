package io.animops.operator.config;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;

/**
 * Leader election through a Lease in the operator's namespace. The Operator SDK activates it in the prod
 * profile only, so tests and the standalone mode run a single operator without a lease.
 */
@ApplicationScoped
public class LeaderElection {
    @Produces
    @ApplicationScoped
    LeaderElectionConfiguration leaderElection(
            @ConfigProperty(name = "animops.leader-election.lease-name", defaultValue = "animops-operator-leader") String leaseName,
            @ConfigProperty(name = "animops.leader-election.namespace") Optional<String> namespace) {
        return namespace.map(ns -> new LeaderElectionConfiguration(leaseName, ns))
                .orElseGet(() -> new LeaderElectionConfiguration(leaseName));
    }
}
