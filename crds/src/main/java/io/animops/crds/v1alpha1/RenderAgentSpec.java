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

/** What an agent declares about itself when it registers. */
@Data
@NoArgsConstructor
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RenderAgentSpec {
    @Required
    @JsonPropertyDescription("Operating system, e.g. darwin or linux.")
    private String os;

    @Required
    @JsonPropertyDescription("CPU architecture, e.g. arm64.")
    private String arch;

    @JsonPropertyDescription("Output of godot --version.")
    private String godotVersion;

    @JsonPropertyDescription("First line of ffmpeg -version.")
    private String ffmpegVersion;

    @JsonPropertyDescription("Labels matched against render jobs' agentSelector.")
    private Map<String, String> labels = new LinkedHashMap<>();

    @Min(1)
    @Max(16)
    @Default("1")
    private Integer maxConcurrent = 1;
}
