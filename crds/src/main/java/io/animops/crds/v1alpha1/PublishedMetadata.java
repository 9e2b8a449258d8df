package io.animops.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import lombok.Data;
import lombok.NoArgsConstructor;

import java.util.ArrayList;
import java.util.List;

/** The metadata sent to the platform, after its limits were applied. */
@Data
@NoArgsConstructor
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PublishedMetadata {
    private String title;
    private String description;
    private List<String> tags = new ArrayList<>();

    @JsonPropertyDescription("TikTok: the caption (title, description and hashtags).")
    private String caption;

    @JsonPropertyDescription("Privacy the platform was asked for (YouTube privacyStatus, TikTok privacy_level).")
    private String privacy;

    @JsonPropertyDescription("What was cut or removed to fit the platform's limits, one line each.")
    private List<String> cuts = new ArrayList<>();
}
