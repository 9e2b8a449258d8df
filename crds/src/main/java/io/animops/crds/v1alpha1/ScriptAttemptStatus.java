package io.animops.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.animops.crds.AnimOpsStatus;
import io.animops.crds.PhasedStatus;
import lombok.Data;
import lombok.EqualsAndHashCode;
import lombok.NoArgsConstructor;

import java.util.ArrayList;
import java.util.List;

@Data
@NoArgsConstructor
@EqualsAndHashCode(callSuper = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ScriptAttemptStatus extends AnimOpsStatus implements PhasedStatus {
    private AttemptPhase phase;

    private Authoring authoring;

    @JsonPropertyDescription("SHA-256 of the script text (the text itself is in the database).")
    private String scriptSha256;

    private Integer scriptLines;

    @JsonPropertyDescription("Script contract version the script was checked against.")
    private String contractVersion;

    private Integer errorCount;

    @JsonPropertyDescription("Validation errors; each names stage, rule, line and column.")
    private List<ScriptError> errors = new ArrayList<>();

    @JsonPropertyDescription("Tries of the authoring call that found the model provider unavailable, if any.")
    private ProviderRetry providerRetry;
}
