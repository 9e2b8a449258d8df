package io.animops.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.animops.crds.AnimOpsStatus;
import lombok.Data;
import lombok.EqualsAndHashCode;
import lombok.NoArgsConstructor;

import java.util.ArrayList;
import java.util.List;

@Data
@NoArgsConstructor
@EqualsAndHashCode(callSuper = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RenderAgentStatus extends AnimOpsStatus {
    /**
     * Reason of the Ready=False condition an agent writes as it stops cleanly, so that it is NotReady at once rather
     * than after its lease TTL; its next heartbeat (a restart) clears it.
     */
    public static final String REASON_STOPPED = "AgentStopped";

    @JsonPropertyDescription("Written by the agent every 10 s; the operator marks it NotReady after the lease TTL.")
    private String lastHeartbeat;

    private Integer activeJobs;

    @JsonPropertyDescription("How the agent runs Godot: Native or Web (Godot's web build in headless Chromium).")
    private RenderExecutor executor;

    @JsonPropertyDescription("Names (namespace/name) of the jobs it is running.")
    private List<String> jobs = new ArrayList<>();
}
