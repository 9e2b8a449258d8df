package io.animops.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import lombok.Data;
import lombok.NoArgsConstructor;

/** Settings of the preview render (checked by QC) and of the final render (published). */
@Data
@NoArgsConstructor
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RenderProfiles {
    @JsonPropertyDescription("Preview render; defaults 540x960 at 30 fps, 20 s.")
    private RenderSettings preview;

    @JsonProperty("final")
    @JsonPropertyDescription("Final render; defaults 1080x1920 at 60 fps, 20 s.")
    private RenderSettings fin;

    public RenderSettings effectivePreview() {
        return preview == null ? RenderSettings.preview() : preview.orDefaults(RenderSettings.preview());
    }

    public RenderSettings effectiveFinal() {
        return fin == null ? RenderSettings.fin() : fin.orDefaults(RenderSettings.fin());
    }
}
