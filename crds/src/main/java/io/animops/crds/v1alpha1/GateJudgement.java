package io.animops.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import lombok.Data;
import lombok.NoArgsConstructor;

import java.math.BigDecimal;

/** The schedule's language model's answer on a proposal in the Idea Gate's review zone. */
@Data
@NoArgsConstructor
@JsonInclude(JsonInclude.Include.NON_NULL)
public class GateJudgement {
    public enum Verdict {
        Duplicate,
        Distinct,
        Unusable
    }

    @JsonPropertyDescription(
            "Duplicate or Distinct decide the proposal; Unusable (no answer, or one that does not parse) leaves it to a person.")
    private Verdict verdict;

    @JsonPropertyDescription("The past idea it was compared with (the nearest).")
    private String comparedWith;

    @JsonPropertyDescription("The model's reason, or why there is no usable answer.")
    private String reason;

    @JsonPropertyDescription("Provider and model that answered.")
    private String model;

    @JsonPropertyDescription("Version of the judge's prompt.")
    private String promptVersion;

    @JsonPropertyDescription("Prompt tokens paid for (0 when answered from the cache).")
    private Long promptTokens;

    @JsonPropertyDescription("Completion tokens paid for.")
    private Long completionTokens;

    @JsonPropertyDescription(
            "What the call cost in US dollars at the operator's prices (animops.llm.prices), as recorded"
                    + " in llm_calls; absent when the model has no price.")
    private BigDecimal costUsd;
}
