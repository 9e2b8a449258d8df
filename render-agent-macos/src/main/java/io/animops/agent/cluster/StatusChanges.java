package io.animops.agent.cluster;

import io.animops.crds.ConditionTypes;
import io.animops.crds.Conditions;
import io.animops.crds.Reasons;
import io.animops.crds.v1alpha1.MediaFacts;
import io.animops.crds.v1alpha1.Provenance;
import io.animops.crds.v1alpha1.RenderArtifacts;
import io.animops.crds.v1alpha1.RenderJobStatus;
import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.crds.v1alpha1.RenderProgress;
import io.animops.crds.v1alpha1.ScriptError;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/**
 * The agent's changes to a job's status, one per protocol step (docs/render-protocol.md). Pure: each changes
 * the status object it is given; {@link JobStatusWriter} turns the difference into a merge patch.
 */
public final class StatusChanges {

    private final String agent;
    private final Clock clock;

    public StatusChanges(String agent, Clock clock) {
        this.agent = agent;
        this.clock = clock;
    }

    public void claim(RenderJobStatus status) {
        String now = Conditions.now(clock);
        status.setPhase(RenderPhase.Claimed);
        status.setAgent(agent);
        status.setClaimedAt(now);
        status.setLastHeartbeat(now);
        status.setAttempts((status.getAttempts() == null ? 0 : status.getAttempts()) + 1);
        status.setProgress(null);
        status.setErrors(new ArrayList<>());
        Conditions.set(
                status, clock, ConditionTypes.SCHEDULED, Conditions.TRUE, Reasons.CLAIMED, "claimed by agent " + agent);
        Conditions.set(
                status,
                clock,
                ConditionTypes.SUCCEEDED,
                Conditions.UNKNOWN,
                Reasons.CLAIMED,
                "claimed by agent " + agent + " (claim " + status.getAttempts() + ")");
    }

    public void heartbeat(RenderJobStatus status) {
        status.setLastHeartbeat(Conditions.now(clock));
    }

    /** Entered Validating, Rendering, Encoding or Uploading. */
    public void phase(RenderJobStatus status, RenderPhase phase) {
        status.setPhase(phase);
        status.setLastHeartbeat(Conditions.now(clock));
        Conditions.set(
                status,
                clock,
                ConditionTypes.SUCCEEDED,
                Conditions.UNKNOWN,
                phase.name(),
                phase + " on agent " + agent);
    }

    public void progress(RenderJobStatus status, RenderProgress progress) {
        status.setProgress(progress);
    }

    /** Validation passed and, unless the job is Validate, the artifacts are uploaded. */
    public void succeeded(RenderJobStatus status, RenderArtifacts artifacts, MediaFacts media, Provenance provenance) {
        succeeded(status, artifacts, media, provenance, null);
    }

    /** @param validationNote what the agent's validation could not check, added to the condition; or null */
    public void succeeded(
            RenderJobStatus status,
            RenderArtifacts artifacts,
            MediaFacts media,
            Provenance provenance,
            String validationNote) {
        status.setPhase(RenderPhase.Succeeded);
        status.setLastHeartbeat(Conditions.now(clock));
        status.setArtifacts(artifacts);
        status.setMedia(media);
        status.setProvenance(provenance);
        status.setErrors(new ArrayList<>());
        // done for good: every copy of the job (the API's, each informer's) needs no longer carry what it rendered
        status.dropRenderInputs();
        String what = artifacts == null ? "validated" : "rendered and uploaded";
        Conditions.set(
                status,
                clock,
                ConditionTypes.SUCCEEDED,
                Conditions.TRUE,
                Reasons.SUCCEEDED,
                what + " by agent " + agent
                        + " in " + String.format("%.1f", provenance.getWallSeconds()) + " s"
                        + (validationNote == null ? "" : "; " + validationNote));
    }

    /** Godot found errors in the script: the idea's repair loop hands them to the next ScriptAttempt. */
    public void scriptInvalid(RenderJobStatus status, List<ScriptError> errors) {
        status.setPhase(RenderPhase.Failed);
        status.setLastHeartbeat(Conditions.now(clock));
        status.setErrors(new ArrayList<>(errors));
        ScriptError first = errors.isEmpty() ? null : errors.get(0);
        String message = errors.size() + " error(s) from Godot on agent " + agent
                + (first == null
                        ? ""
                        : "; first: " + first.getStage() + (first.getLine() == null ? "" : " line " + first.getLine())
                                + ": " + first.getMessage());
        Conditions.set(status, clock, ConditionTypes.SUCCEEDED, Conditions.FALSE, Reasons.SCRIPT_INVALID, message);
    }

    public void timedOut(RenderJobStatus status, String message) {
        status.setPhase(RenderPhase.Failed);
        status.setLastHeartbeat(Conditions.now(clock));
        Conditions.set(status, clock, ConditionTypes.SUCCEEDED, Conditions.FALSE, Reasons.RENDER_TIMEOUT, message);
    }

    /**
     * The agent's or the machine's fault: the job goes back to Pending for another agent, counted against this
     * one, or fails once it was claimed {@code maxClaims} times.
     */
    public void giveBack(RenderJobStatus status, String cause, int maxClaims) {
        if (status.getAgentFailures() == null) {
            status.setAgentFailures(new java.util.LinkedHashMap<>());
        }
        status.getAgentFailures().merge(agent, 1, Integer::sum);
        int claims = status.getAttempts() == null ? 1 : status.getAttempts();
        release(status);
        if (claims >= maxClaims) {
            status.setPhase(RenderPhase.Failed);
            Conditions.set(
                    status,
                    clock,
                    ConditionTypes.SUCCEEDED,
                    Conditions.FALSE,
                    Reasons.AGENT_FAILED,
                    "agent " + agent + ": " + cause + "; claimed " + claims + " of " + maxClaims + " times, giving up");
        } else {
            status.setPhase(RenderPhase.Pending);
            Conditions.set(
                    status,
                    clock,
                    ConditionTypes.SUCCEEDED,
                    Conditions.UNKNOWN,
                    Reasons.AGENT_FAILED,
                    "agent " + agent + ": " + cause + "; given back after claim " + claims + " of " + maxClaims);
        }
    }

    /** The agent is stopping: the job goes back to Pending without counting against the agent. */
    public void handBackOnShutdown(RenderJobStatus status) {
        release(status);
        status.setPhase(RenderPhase.Pending);
        Conditions.set(
                status,
                clock,
                ConditionTypes.SUCCEEDED,
                Conditions.UNKNOWN,
                Reasons.AGENT_SHUTDOWN,
                "agent " + agent + " stopped and handed the job back");
    }

    private static void release(RenderJobStatus status) {
        status.setAgent(null);
        status.setClaimedAt(null);
        status.setLastHeartbeat(null);
        status.setProgress(null);
    }
}
