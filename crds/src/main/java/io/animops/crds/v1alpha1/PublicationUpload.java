package io.animops.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import lombok.Data;
import lombok.NoArgsConstructor;

/** An upload under way: what a restarted operator needs to resume it instead of starting again. */
@Data
@NoArgsConstructor
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PublicationUpload {
    @JsonPropertyDescription("YouTube resumable session URI, written before the first byte is sent.")
    private String sessionUri;

    @JsonPropertyDescription("TikTok publish_id of the post being uploaded.")
    private String publishId;

    private Long bytesSent;
    private Long totalBytes;
    private Integer percent;
}
