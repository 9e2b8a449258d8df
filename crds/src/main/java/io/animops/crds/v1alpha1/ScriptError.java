package io.animops.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import lombok.AllArgsConstructor;
import lombok.Data;
import lombok.NoArgsConstructor;

/** One finding against a script: where, which rule, and what is wrong. */
@Data
@NoArgsConstructor
@AllArgsConstructor
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ScriptError {
    public enum Stage {
        /** Authoring: the model's answer held no usable script. */
        author,
        /** The operator's GDScript parser. */
        parse,
        /** The operator's script-contract checker. */
        contract,
        /** Godot on an agent failed to load the scene. */
        load,
        /** Godot on an agent failed during the physics smoke run. */
        physics
    }

    @Required
    private Stage stage;

    @JsonPropertyDescription("Id of the violated rule, e.g. contract.forbidden-api.")
    private String rule;

    @JsonPropertyDescription("1-based line, when known.")
    private Integer line;

    @JsonPropertyDescription("1-based column, when known.")
    private Integer column;

    @Required
    private String message;
}
