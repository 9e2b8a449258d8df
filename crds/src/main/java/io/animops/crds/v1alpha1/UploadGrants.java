package io.animops.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import lombok.Data;
import lombok.NoArgsConstructor;

/**
 * Written by the operator while an agent holds the job, renewed before it expires: the agent never holds
 * long-lived storage credentials.
 */
@Data
@NoArgsConstructor
@JsonInclude(JsonInclude.Include.NON_NULL)
public class UploadGrants {
    @JsonPropertyDescription("When the URLs stop working (RFC 3339).")
    private String expiresAt;

    private UploadGrant video;

    private UploadGrant thumbnail;
}
