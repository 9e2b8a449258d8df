package io.animops.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import lombok.Data;
import lombok.NoArgsConstructor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@Data
@NoArgsConstructor
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ContentScheduleSpec {
    /** Five cron fields, or one of the @ macros; the operator parses it again and names the field on error. */
    public static final String CRON_PATTERN =
            "^(@(yearly|annually|monthly|weekly|daily|hourly)|[0-9*/,?LW#-]+( +[0-9A-Za-z*/,?LW#-]+){4})$";

    @Required
    @Pattern(CRON_PATTERN)
    @JsonPropertyDescription(
            "When to propose ideas: five cron fields (minute hour day-of-month month day-of-week) or @daily and the like.")
    private String cron;

    @Default("UTC")
    @Pattern("^[A-Za-z_]+(/[A-Za-z0-9_+-]+)*$")
    @JsonPropertyDescription("IANA time zone the cron is read in, e.g. Europe/Paris.")
    private String timeZone = "UTC";

    @Default("false")
    @JsonPropertyDescription("Stops future runs; ideas already proposed go on.")
    private Boolean suspend = false;

    @Default("false")
    @JsonPropertyDescription("Fire once as soon as the schedule is created, then follow the cron.")
    private Boolean runOnCreate = false;

    @Min(1)
    @Max(50)
    @Default("3")
    @JsonPropertyDescription("How many idea proposals one run asks for.")
    private Integer ideasPerRun = 3;

    @JsonPropertyDescription("How gated proposals become accepted ideas.")
    private Selection selection = new Selection();

    @Min(0)
    @Max(1)
    // unset: the zones calibrated for the embedding model in use (docs/idea-gate.md); set: one fixed threshold
    @JsonPropertyDescription(
            "Leave unset (recommended): the review and duplicate thresholds calibrated for the embedding model in use apply, and a proposal in the review zone goes to the LLM judge or a person (docs/idea-gate.md). Set, it replaces both: one fixed similarity at or above which a proposal is a near-duplicate, below it novel, with no review zone and no judge (for an embedding model without calibrated thresholds).")
    private Double similarityThreshold;

    @JsonPropertyDescription("Language model for ideas and scripts; Offline when absent.")
    private LlmSettings llm;

    @Min(1)
    @Max(10)
    @Default("3")
    @JsonPropertyDescription("Script attempts per idea (first try plus repairs) before the idea is rejected.")
    private Integer maxScriptAttempts = 3;

    @JsonPropertyDescription("Preview and final render settings.")
    private RenderProfiles render;

    @JsonPropertyDescription("QC of the preview renders: policy and checklist.")
    private QcSettings qc;

    @JsonPropertyDescription("Labels a RenderAgent must carry to render this schedule's jobs.")
    private Map<String, String> agentSelector = new LinkedHashMap<>();

    @JsonPropertyDescription("The executor this schedule's renders must run on (Native or Web); any when absent.")
    private RenderExecutor executor;

    @JsonPropertyDescription("Whether a script that passed the static check is compiled by real Godot, with its "
            + "physics smoke test, in a Validate render job before its preview; the operator's default when absent.")
    private Boolean godotValidation;

    @JsonPropertyDescription("Channels the final renders are published to.")
    private List<PublishTarget> publish = new ArrayList<>();

    @JsonPropertyDescription("Audience (made for kids), publish window and tags of the published videos.")
    private PublishSettings publishing;
}
