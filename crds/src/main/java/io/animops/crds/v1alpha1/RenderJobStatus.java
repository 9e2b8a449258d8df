package io.animops.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.animops.crds.AnimOpsStatus;
import io.animops.crds.PhasedStatus;
import lombok.Data;
import lombok.EqualsAndHashCode;
import lombok.NoArgsConstructor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Data
@NoArgsConstructor
@EqualsAndHashCode(callSuper = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RenderJobStatus extends AnimOpsStatus implements PhasedStatus {
    private RenderPhase phase;

    @JsonPropertyDescription("The script to render, resolved by the operator.")
    private JobScript script;

    @JsonPropertyDescription("The design system to render with, resolved by the operator.")
    private JobDesignSystem designSystem;

    @JsonPropertyDescription("RenderAgent holding the claim.")
    private String agent;

    private String claimedAt;

    @JsonPropertyDescription("Last sign of life from the agent; the claim lapses after the lease TTL.")
    private String lastHeartbeat;

    private RenderProgress progress;

    private RenderArtifacts artifacts;

    @JsonPropertyDescription("Where the agent may upload the artifacts; written by the operator while the job is held.")
    private UploadGrants uploads;

    @JsonPropertyDescription("ffprobe facts and black/frozen segments of the encoded video.")
    private MediaFacts media;

    private Provenance provenance;

    private List<ScriptError> errors = new ArrayList<>();

    @JsonPropertyDescription("Claims made so far (first run plus requeues).")
    private Integer attempts;

    @JsonPropertyDescription("Failures per agent; an agent that failed a job 3 times is not given it again.")
    private Map<String, Integer> agentFailures = new LinkedHashMap<>();

    /**
     * Drops what only a render reads: the script's source and the design system's document (7 of a job's 10 KB),
     * keeping their digest and version, and the upload grants (signed URLs, another 0.8 KB). For copies of a job
     * kept by readers that never render it, and for a job done for good.
     */
    public void dropRenderInputs() {
        if (script != null) {
            script.setSource(null);
        }
        if (designSystem != null) {
            designSystem.setJson(null);
        }
        uploads = null;
    }
}
