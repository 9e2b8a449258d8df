package io.animops.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import lombok.Data;
import lombok.NoArgsConstructor;

/** Who wrote a script and with what. */
@Data
@NoArgsConstructor
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Authoring {
    @JsonPropertyDescription("Authoring provider id, e.g. offline-library or openai.")
    private String provider;

    @JsonPropertyDescription("True when no model wrote the script (bundled example scenes).")
    private Boolean offline;

    private String model;

    @JsonPropertyDescription("Version of the prompt files, or of the scene library for offline authoring.")
    private String promptVersion;

    @JsonPropertyDescription("What the script came from, e.g. the bundled scene's file name.")
    private String origin;

    private Long promptTokens;
    private Long completionTokens;
}
