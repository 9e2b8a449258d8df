package io.animops.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import lombok.Data;
import lombok.NoArgsConstructor;

import java.util.ArrayList;
import java.util.List;

/** What ffprobe and FFmpeg's detectors found in the encoded video; QC's automatic rules read these. */
@Data
@NoArgsConstructor
@JsonInclude(JsonInclude.Include.NON_NULL)
public class MediaFacts {
    private Double durationSeconds;
    private Integer width;
    private Integer height;
    private Double fps;

    @JsonPropertyDescription("Overall bit rate in bits per second.")
    private Long bitRate;

    @JsonPropertyDescription("Size of the MP4 in bytes.")
    private Long bytes;

    private String videoCodec;
    private String pixelFormat;

    @JsonPropertyDescription("Black stretches found by blackdetect (min 0.1 s).")
    private List<MediaSegment> blackSegments = new ArrayList<>();

    @JsonPropertyDescription("Frozen stretches found by freezedetect (min 0.5 s).")
    private List<MediaSegment> frozenSegments = new ArrayList<>();
}
