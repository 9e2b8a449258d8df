package io.animops.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import lombok.AllArgsConstructor;
import lombok.Data;
import lombok.NoArgsConstructor;

/** A stretch of the video, in seconds from its start (FFmpeg blackdetect/freezedetect). */
@Data
@NoArgsConstructor
@AllArgsConstructor
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MediaSegment {
    private Double start;
    private Double end;
    private Double duration;
}
