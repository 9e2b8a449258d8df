package io.animops.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import lombok.Data;
import lombok.NoArgsConstructor;

/** What one schedule run led to, counted over the ideas carrying its run id. */
@Data
@NoArgsConstructor
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ScheduleRunOutcome {
    @JsonPropertyDescription("The run id (animops.io/run label of its ideas).")
    private String runId;

    @JsonPropertyDescription("Ideas the run proposed.")
    private Integer proposed;

    @JsonPropertyDescription("Ideas the Idea Gate let through as novel.")
    private Integer gated;

    @JsonPropertyDescription("Ideas rejected so far (near-duplicates, not selected, declined, scripts or QC failed).")
    private Integer rejected;

    @JsonPropertyDescription("Ideas published.")
    private Integer published;
}
