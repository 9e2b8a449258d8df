package io.animops.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import lombok.Data;
import lombok.NoArgsConstructor;

/** How proposals that pass the Idea Gate become accepted ideas. */
@Data
@NoArgsConstructor
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Selection {
    public enum Mode {
        /** The operator accepts the top maxAccepted proposals of a run by novelty. */
        Auto,
        /** Proposals wait until a person sets spec.approved (or approves in the panel). */
        Manual
    }

    @Default("Auto")
    @JsonPropertyDescription("Auto (top maxAccepted by novelty) or Manual (a person approves).")
    private Mode mode = Mode.Auto;

    @Min(1)
    @Max(50)
    @Default("1")
    @JsonPropertyDescription("How many proposals of one run are accepted at most.")
    private Integer maxAccepted = 1;
}
