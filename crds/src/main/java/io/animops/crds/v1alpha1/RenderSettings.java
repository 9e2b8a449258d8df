package io.animops.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;
import lombok.AllArgsConstructor;
import lombok.Data;
import lombok.NoArgsConstructor;

/** Frame size, rate and length of one render. */
@Data
@NoArgsConstructor
@AllArgsConstructor
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RenderSettings {
    @Min(90)
    @Max(2160)
    @JsonPropertyDescription("Frame width in pixels (vertical video: width < height).")
    private Integer width;

    @Min(160)
    @Max(3840)
    @JsonPropertyDescription("Frame height in pixels.")
    private Integer height;

    @Min(1)
    @Max(120)
    @JsonPropertyDescription("Frames per second, fixed (Godot --fixed-fps).")
    private Integer fps;

    @Min(1)
    @Max(180)
    @JsonPropertyDescription("Length of the animation in seconds.")
    private Integer durationSeconds;

    public static RenderSettings preview() {
        return new RenderSettings(540, 960, 30, 20);
    }

    public static RenderSettings fin() {
        return new RenderSettings(1080, 1920, 60, 20);
    }

    /** This object's values, with any unset one taken from {@code defaults}. */
    public RenderSettings orDefaults(RenderSettings defaults) {
        return new RenderSettings(
                width != null ? width : defaults.width,
                height != null ? height : defaults.height,
                fps != null ? fps : defaults.fps,
                durationSeconds != null ? durationSeconds : defaults.durationSeconds);
    }
}
