package io.animops.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import lombok.AllArgsConstructor;
import lombok.Data;
import lombok.NoArgsConstructor;

/**
 * The script a job renders, resolved by the operator from the ScriptAttempt, so that an agent
 * needs access to render jobs only.
 */
@Data
@NoArgsConstructor
@AllArgsConstructor
@JsonInclude(JsonInclude.Include.NON_NULL)
public class JobScript {
    private String sha256;

    @JsonPropertyDescription("GDScript source of the scene.")
    private String source;

    private String contractVersion;
}
