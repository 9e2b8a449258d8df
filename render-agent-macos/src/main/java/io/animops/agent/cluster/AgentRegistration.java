package io.animops.agent.cluster;

import io.animops.agent.AgentConfig;
import io.animops.crds.Conditions;
import io.animops.crds.v1alpha1.RenderAgent;
import io.animops.crds.v1alpha1.RenderAgentSpec;
import io.animops.crds.v1alpha1.RenderAgentStatus;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * The agent's cluster-scoped RenderAgent: created or brought up to date at start (spec), and heartbeats into its
 * status. The agent is the only writer of the status fields it patches (the operator writes conditions), so its
 * heartbeat is a plain merge patch of those fields.
 */
public final class AgentRegistration {
    private static final Logger LOG = Logger.getLogger(AgentRegistration.class.getName());
    private static final int MAX_CONFLICTS = 5;

    private final KubernetesClient client;
    private final AgentConfig config;
    private final AgentIdentity identity;
    private final Clock clock;

    public AgentRegistration(KubernetesClient client, AgentConfig config, AgentIdentity identity, Clock clock) {
        this.client = client;
        this.config = config;
        this.identity = identity;
        this.clock = clock;
    }

    public RenderAgentSpec spec() {
        RenderAgentSpec spec = new RenderAgentSpec();
        spec.setOs(identity.os());
        spec.setArch(identity.arch());
        spec.setGodotVersion(identity.godotVersion());
        spec.setFfmpegVersion(identity.ffmpegVersion());
        spec.setLabels(new LinkedHashMap<>(config.labels()));
        spec.setMaxConcurrent(config.maxConcurrent());
        return spec;
    }

    /** Creates the RenderAgent, or replaces the spec of an existing one (a restart after an upgrade of Godot, say). */
    public void register() {
        for (int conflicts = 0; conflicts < MAX_CONFLICTS; conflicts++) {
            RenderAgent existing =
                    client.resources(RenderAgent.class).withName(config.name()).get();
            try {
                if (existing == null) {
                    RenderAgent agent = new RenderAgent();
                    agent.setMetadata(
                            new ObjectMetaBuilder().withName(config.name()).build());
                    agent.setSpec(spec());
                    client.resource(agent).create();
                    LOG.info("registered RenderAgent " + config.name() + " " + describe(agent.getSpec()));
                } else if (!Objects.equals(existing.getSpec(), spec())) {
                    existing.setSpec(spec());
                    client.resource(existing).update();
                    LOG.info("updated RenderAgent " + config.name() + " " + describe(existing.getSpec()));
                } else {
                    LOG.info("RenderAgent " + config.name() + " is registered " + describe(existing.getSpec()));
                }
                return;
            } catch (KubernetesClientException e) {
                // 409: created or changed meanwhile (another start of this agent, an administrator): read again
                if (e.getCode() != 409) {
                    throw e;
                }
            }
        }
        throw new IllegalStateException("RenderAgent " + config.name() + ": registration refused with 409 "
                + MAX_CONFLICTS + " times in a row");
    }

    /**
     * lastHeartbeat, activeJobs and jobs; registers again if the RenderAgent was deleted meanwhile. A replace of the
     * status against the resourceVersion read (RBAC grants update, not patch, on renderagents/status), so the
     * operator's conditions written meanwhile are kept: a 409 reads again.
     */
    public void heartbeat(List<String> jobs) {
        writeStatus("heartbeat", status -> {
            status.setLastHeartbeat(Conditions.now(clock));
            status.setActiveJobs(jobs.size());
            status.setExecutor(config.executor());
            status.setJobs(new ArrayList<>(jobs));
            // running again after a clean stop: readiness is the operator's to judge from the heartbeats again
            Conditions.find(status.getConditions(), "Ready")
                    .filter(ready -> RenderAgentStatus.REASON_STOPPED.equals(ready.getReason()))
                    .ifPresent(ready -> Conditions.set(
                            status,
                            clock,
                            "Ready",
                            Conditions.UNKNOWN,
                            "AgentStarted",
                            "the agent started again at " + status.getLastHeartbeat()));
        });
    }

    /** The last write of a clean stop: no job, and Ready=False at once rather than when the lease runs out. */
    public void signOff() {
        writeStatus("sign-off", status -> {
            status.setActiveJobs(0);
            status.setJobs(new ArrayList<>());
            Conditions.set(
                    status,
                    clock,
                    "Ready",
                    Conditions.FALSE,
                    RenderAgentStatus.REASON_STOPPED,
                    "the agent stopped at " + Conditions.now(clock));
        });
    }

    private void writeStatus(String what, Consumer<RenderAgentStatus> change) {
        for (int conflicts = 0; conflicts < MAX_CONFLICTS; conflicts++) {
            RenderAgent current =
                    client.resources(RenderAgent.class).withName(config.name()).get();
            if (current == null) {
                LOG.warning("RenderAgent " + config.name() + " was deleted; registering again");
                register();
                continue;
            }
            RenderAgentStatus status = current.getStatus() == null ? new RenderAgentStatus() : current.getStatus();
            change.accept(status);
            current.setStatus(status);
            try {
                client.resource(current)
                        .lockResourceVersion(current.getMetadata().getResourceVersion())
                        .updateStatus();
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409 && e.getCode() != 404) {
                    throw e;
                }
            }
        }
        throw new IllegalStateException("RenderAgent " + config.name() + ": " + what + " refused with 409 "
                + MAX_CONFLICTS + " times in a row");
    }

    private static String describe(RenderAgentSpec spec) {
        return "(" + spec.getOs() + "/" + spec.getArch() + ", Godot " + spec.getGodotVersion() + ", labels "
                + spec.getLabels() + ", maxConcurrent " + spec.getMaxConcurrent() + ")";
    }
}
