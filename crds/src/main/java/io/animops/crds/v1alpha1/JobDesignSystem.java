package io.animops.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import lombok.AllArgsConstructor;
import lombok.Data;
import lombok.NoArgsConstructor;

/** The design system a job renders with, resolved by the operator; the agent writes it into the workspace. */
@Data
@NoArgsConstructor
@AllArgsConstructor
@JsonInclude(JsonInclude.Include.NON_NULL)
public class JobDesignSystem {
    private String version;

    @JsonPropertyDescription("The design system document (JSON text), written as design_system.json in the workspace.")
    private String json;
}
