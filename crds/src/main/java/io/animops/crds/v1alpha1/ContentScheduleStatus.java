package io.animops.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.animops.crds.AnimOpsStatus;
import lombok.Data;
import lombok.EqualsAndHashCode;
import lombok.NoArgsConstructor;

import java.util.Map;
import java.util.TreeMap;

@Data
@NoArgsConstructor
@EqualsAndHashCode(callSuper = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ContentScheduleStatus extends AnimOpsStatus {
    @JsonPropertyDescription("Fire time of the last run, RFC 3339.")
    private String lastScheduleTime;

    @JsonPropertyDescription("Next fire time, RFC 3339; absent while suspended.")
    private String nextScheduleTime;

    @JsonPropertyDescription("Id of the last run, as in the animops.io/run label of its ideas.")
    private String lastRunId;

    @JsonPropertyDescription("The cron slot (fire time, in the run id's form yyyyMMdd-HHmm UTC) of the last run that "
            + "proposed its ideas. The operator never fires a slot at or before it again, across restarts.")
    private String lastFiredSlot;

    @JsonPropertyDescription("Ideas of this schedule by phase.")
    private Map<String, Integer> ideas = new TreeMap<>();

    @JsonPropertyDescription("Outcome of the last run (status.lastRunId), counted from its ideas as they move on.")
    private ScheduleRunOutcome lastRun;

    @JsonPropertyDescription("Last daily metrics pull per account Secret of the publish targets.")
    private Map<String, MetricsPullOutcome> metricsPull;

    @JsonPropertyDescription("Tries of the due run's ideas call while the model provider was unavailable; the run's "
            + "slot is not fired until it proposed or gave up.")
    private ProviderRetry providerRetry;
}
