package io.animops.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.animops.crds.SecretKeyRef;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Required;
import lombok.Data;
import lombok.NoArgsConstructor;

/** A channel that accepted final renders of a schedule are published to. */
@Data
@NoArgsConstructor
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PublishTarget {
    @Required
    @JsonPropertyDescription("YouTube or TikTok.")
    private Platform platform;

    @JsonPropertyDescription("Secret with the channel's OAuth credentials.")
    private SecretKeyRef accountSecretRef;

    @Default("Private")
    @JsonPropertyDescription("Visibility of the published video.")
    private Privacy privacy = Privacy.Private;

    @Default("Api")
    @JsonPropertyDescription("Api (upload through the platform API) or Manual (a person posts and confirms the URL).")
    private PublishMode mode = PublishMode.Api;

    @Default("Direct")
    @JsonPropertyDescription("TikTok: Direct (posted at once) or Inbox (a draft the creator finishes in the app).")
    private TikTokPostMode tikTokPostMode = TikTokPostMode.Direct;
}
