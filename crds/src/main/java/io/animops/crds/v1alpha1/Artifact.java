package io.animops.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import lombok.Data;
import lombok.NoArgsConstructor;

/** A stored output file of a render. */
@Data
@NoArgsConstructor
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Artifact {
    @JsonPropertyDescription("Storage key, stable for a job so a retried upload overwrites.")
    private String key;

    private String contentType;
    private Long bytes;
    private String sha256;
}
