package io.animops.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;
import lombok.Data;
import lombok.NoArgsConstructor;

/** A person's confirmation that they posted the video by hand. */
@Data
@NoArgsConstructor
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ManualPostConfirmation {
    @Required
    @JsonPropertyDescription("URL of the post on the platform.")
    private String url;

    @JsonPropertyDescription("Who confirmed.")
    private String confirmedBy;

    @JsonPropertyDescription("When, RFC 3339.")
    private String confirmedAt;
}
