package io.animops.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import lombok.Data;
import lombok.NoArgsConstructor;

/** The last daily metrics pull of one account. */
@Data
@NoArgsConstructor
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MetricsPullOutcome {
    private String platform;
    private String ranAt;
    /** Succeeded, PartiallyFailed or Failed. */
    private String outcome;

    private Integer videos;
    private Integer failures;
    private String message;
}
