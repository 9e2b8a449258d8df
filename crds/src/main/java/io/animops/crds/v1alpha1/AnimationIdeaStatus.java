package io.animops.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.animops.crds.AnimOpsStatus;
import io.animops.crds.PhasedStatus;
import lombok.Data;
import lombok.EqualsAndHashCode;
import lombok.NoArgsConstructor;

@Data
@NoArgsConstructor
@EqualsAndHashCode(callSuper = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class AnimationIdeaStatus extends AnimOpsStatus implements PhasedStatus {
    private IdeaPhase phase;

    @JsonPropertyDescription("Idea Gate result.")
    private Similarity similarity;

    @JsonPropertyDescription("Script attempts made so far.")
    private Integer attempts;

    @JsonPropertyDescription("Name of the ScriptAttempt in progress or last made.")
    private String currentAttempt;

    @JsonPropertyDescription("Name of the preview RenderJob of the current attempt (the one QC checks).")
    private String renderJob;

    @JsonPropertyDescription("Name of the final RenderJob, started once QC passed.")
    private String finalRenderJob;

    @JsonPropertyDescription(
            "The spec.rerunAttemptRequest value last honoured (or refused, see condition RerunAttempt).")
    private String rerunAttemptHandled;

    @JsonPropertyDescription("The spec.rerenderRequest value last honoured (or refused, see condition Rerender).")
    private String rerenderHandled;
}
