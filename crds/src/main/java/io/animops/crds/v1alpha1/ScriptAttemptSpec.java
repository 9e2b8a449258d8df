package io.animops.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import lombok.Data;
import lombok.NoArgsConstructor;

import java.util.ArrayList;
import java.util.List;

@Data
@NoArgsConstructor
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ScriptAttemptSpec {
    @Required
    @JsonPropertyDescription("AnimationIdea this script is for.")
    private String ideaRef;

    @Required
    @Min(1)
    @Max(10)
    @JsonPropertyDescription("1 for the first try, then one more per repair.")
    private Integer attempt;

    @JsonPropertyDescription("The attempt this one repairs.")
    private String previousAttemptRef;

    @JsonPropertyDescription("The errors of the previous attempt that this one must fix.")
    private List<ScriptError> previousErrors = new ArrayList<>();
}
