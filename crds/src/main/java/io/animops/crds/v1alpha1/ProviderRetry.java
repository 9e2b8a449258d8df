package io.animops.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import lombok.Data;
import lombok.NoArgsConstructor;

/**
 * Tries of a model call whose provider was unavailable (429, 5xx, timeouts on every HTTP attempt): kept in status so
 * that the backoff and the give-up window survive an operator restart.
 */
@Data
@NoArgsConstructor
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ProviderRetry {
    @JsonPropertyDescription("The schedule run these tries propose ideas for (ContentSchedule only).")
    private String runId;

    @JsonPropertyDescription("Tries that found the provider unavailable, each after the gateway's own HTTP retries.")
    private Integer failures;

    @JsonPropertyDescription("When the first of these tries failed, RFC 3339; the give-up window starts here.")
    private String firstFailureTime;

    @JsonPropertyDescription("When the call is tried again, RFC 3339; absent once it stopped waiting.")
    private String nextTryTime;
}
