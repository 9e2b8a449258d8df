package io.animops.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import lombok.Data;
import lombok.NoArgsConstructor;

@Data
@NoArgsConstructor
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RenderProgress {
    private Integer frames;
    private Integer totalFrames;
    private Integer percent;
    private Integer etaSeconds;
}
