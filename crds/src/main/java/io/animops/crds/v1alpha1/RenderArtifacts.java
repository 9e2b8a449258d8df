package io.animops.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import lombok.Data;
import lombok.NoArgsConstructor;

@Data
@NoArgsConstructor
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RenderArtifacts {
    /** H.264 MP4. */
    private Artifact video;
    /** JPEG thumbnail. */
    private Artifact thumbnail;
}
