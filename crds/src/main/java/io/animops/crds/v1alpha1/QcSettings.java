package io.animops.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import lombok.Data;
import lombok.NoArgsConstructor;

/** How a schedule's previews are quality-checked before the final render. */
@Data
@NoArgsConstructor
@JsonInclude(JsonInclude.Include.NON_NULL)
public class QcSettings {
    public enum Policy {
        /** A preview that passes a checklist of automatic items only goes on to the final render at once. */
        AutoPass,
        /** A person signs off every preview, even when every item of the checklist is automatic. */
        RequireReview
    }

    @Default("AutoPass")
    @JsonPropertyDescription(
            "AutoPass: an all-automatic checklist that passes starts the final render; RequireReview: a person always signs off.")
    private Policy policy = Policy.AutoPass;

    @Pattern("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$")
    @JsonPropertyDescription(
            "Name of the QC checklist; the operator's default checklist when absent. Its latest version applies.")
    private String checklist;
}
