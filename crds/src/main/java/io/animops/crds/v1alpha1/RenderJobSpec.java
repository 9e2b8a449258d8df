package io.animops.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Required;
import lombok.Data;
import lombok.NoArgsConstructor;

import java.util.LinkedHashMap;
import java.util.Map;

@Data
@NoArgsConstructor
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RenderJobSpec {
    @Required
    @JsonPropertyDescription("ScriptAttempt whose script is rendered.")
    private String scriptAttemptRef;

    @Required
    @JsonPropertyDescription("Validate, Preview or Final.")
    private RenderMode mode;

    @Min(90)
    @Max(2160)
    private Integer width;

    @Min(160)
    @Max(3840)
    private Integer height;

    @Min(1)
    @Max(120)
    private Integer fps;

    @Min(1)
    @Max(180)
    private Integer durationSeconds;

    @JsonPropertyDescription("Labels a RenderAgent must carry to claim this job.")
    private Map<String, String> agentSelector = new LinkedHashMap<>();

    @JsonPropertyDescription("The executor the render must run on: Native (Godot on a Mac) or Web (Godot's web build "
            + "in Chromium, which does not report script runtime errors); any when absent.")
    private RenderExecutor executor;

    @Min(1)
    @Max(10000)
    @Default("120")
    @JsonPropertyDescription("Frames of the headless physics smoke run before any render.")
    private Integer smokeFrames = 120;

    @Min(30)
    @Max(14400)
    @Default("1800")
    @JsonPropertyDescription("Wall-clock limit of the whole job on the agent.")
    private Integer timeoutSeconds = 1800;
}
