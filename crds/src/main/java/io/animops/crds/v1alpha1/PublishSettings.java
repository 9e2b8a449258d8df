package io.animops.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import lombok.Data;
import lombok.NoArgsConstructor;

import java.util.ArrayList;
import java.util.List;

/** How a schedule's videos are published: audience, time window, tags. */
@Data
@NoArgsConstructor
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PublishSettings {
    @Required
    @JsonPropertyDescription(
            "Declared to the platforms as made for kids (YouTube selfDeclaredMadeForKids); always sent.")
    private Boolean madeForKids;

    @Pattern("^([01][0-9]|2[0-3]):[0-5][0-9]$")
    @JsonPropertyDescription("Start of the publish window, HH:mm in the schedule's time zone; with windowEnd.")
    private String windowStart;

    @Pattern("^([01][0-9]|2[0-3]):[0-5][0-9]$")
    @JsonPropertyDescription("End of the publish window, HH:mm in the schedule's time zone (may be past midnight).")
    private String windowEnd;

    @Size(max = 30)
    @JsonPropertyDescription("Tags (YouTube) and hashtags (TikTok) added to every video.")
    private List<String> tags = new ArrayList<>();

    @Default("24")
    @Pattern("^[0-9]+$")
    @JsonPropertyDescription("YouTube video category id (24: Entertainment).")
    private String youTubeCategoryId = "24";
}
