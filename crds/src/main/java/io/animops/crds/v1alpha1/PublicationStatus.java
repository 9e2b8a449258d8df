package io.animops.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.animops.crds.AnimOpsStatus;
import io.animops.crds.PhasedStatus;
import lombok.Data;
import lombok.EqualsAndHashCode;
import lombok.NoArgsConstructor;

@Data
@NoArgsConstructor
@EqualsAndHashCode(callSuper = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PublicationStatus extends AnimOpsStatus implements PhasedStatus {
    private PublicationPhase phase;

    @JsonPropertyDescription("Video id on the platform.")
    private String externalId;

    private String url;

    private String publishedAt;

    @JsonPropertyDescription("The upload under way (resumable session, TikTok publish id, progress).")
    private PublicationUpload upload;

    @JsonPropertyDescription("Metadata as sent, after the platform's limits.")
    private PublishedMetadata metadata;

    @JsonPropertyDescription("spec.retryRequest value last handled.")
    private String retryHandled;

    @JsonPropertyDescription("Manual mode: who confirmed the post.")
    private String confirmedBy;

    @JsonPropertyDescription("Manual mode: when the post was confirmed, RFC 3339.")
    private String confirmedAt;
}
