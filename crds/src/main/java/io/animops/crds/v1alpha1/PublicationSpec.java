package io.animops.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.animops.crds.SecretKeyRef;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import lombok.Data;
import lombok.NoArgsConstructor;

import java.util.ArrayList;
import java.util.List;

@Data
@NoArgsConstructor
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PublicationSpec {
    @Required
    @JsonPropertyDescription("Final RenderJob whose video is published.")
    private String renderJobRef;

    @Required
    private Platform platform;

    @JsonPropertyDescription("Secret with the account's OAuth credentials; publishing is blocked while it is missing.")
    private SecretKeyRef accountSecretRef;

    @Required
    @Size(min = 1, max = 100)
    private String title;

    @Size(max = 5000)
    private String description;

    @Size(max = 30)
    private List<String> tags = new ArrayList<>();

    @Default("Private")
    private Privacy privacy = Privacy.Private;

    @Pattern("^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\\.[0-9]+)?)?(Z|[+-][0-9]{2}:[0-9]{2})$")
    @JsonPropertyDescription("Scheduled publishing time, RFC 3339 (YouTube: needs privacy Private).")
    private String publishAt;

    @Default("Api")
    private PublishMode mode = PublishMode.Api;

    @Default("false")
    @JsonPropertyDescription("Declared as made for kids (YouTube selfDeclaredMadeForKids); always sent explicitly.")
    private Boolean madeForKids = false;

    @Pattern("^[0-9]+$")
    @JsonPropertyDescription("YouTube category id; 24 (Entertainment) when absent.")
    private String categoryId;

    @Default("Direct")
    @JsonPropertyDescription("TikTok: Direct (posted at once) or Inbox (a draft the creator finishes in the app).")
    private TikTokPostMode tikTokPostMode = TikTokPostMode.Direct;

    @JsonPropertyDescription("Set (to the time of the request) to retry a failed publication; handled once.")
    private String retryRequest;

    @JsonPropertyDescription("Set (to the time of the request) to cancel the publication; handled once.")
    private String cancelRequest;

    @JsonPropertyDescription("Manual mode: the person's confirmation of the post.")
    private ManualPostConfirmation confirmation;
}
