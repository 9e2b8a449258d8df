package io.animops.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import lombok.Data;
import lombok.NoArgsConstructor;

import java.util.ArrayList;
import java.util.List;

/** Outcome of the Idea Gate for one idea. */
@Data
@NoArgsConstructor
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Similarity {
    @JsonPropertyDescription("Highest cosine similarity to any past idea (0 when there is none).")
    private Double score;

    @JsonPropertyDescription("Threshold it was compared with: at or above it, a duplicate.")
    private Double threshold;

    @JsonPropertyDescription(
            "Start of the review zone (up to threshold): held for the LLM judge or a person. Equal to threshold when there is no review zone.")
    private Double reviewThreshold;

    @JsonPropertyDescription("Novel, Review or Duplicate: the zone of the score.")
    private String zone;

    @JsonPropertyDescription("In the review zone: the schedule's language model's answer, when it has one.")
    private GateJudgement judgement;

    @JsonPropertyDescription("Tries of the language model judge while its provider was unavailable, if any.")
    private ProviderRetry judgeRetry;

    @JsonPropertyDescription("Embedding model that produced the vectors.")
    private String model;

    @JsonPropertyDescription("Nearest past ideas, most similar first.")
    private List<SimilarIdea> nearest = new ArrayList<>();
}
