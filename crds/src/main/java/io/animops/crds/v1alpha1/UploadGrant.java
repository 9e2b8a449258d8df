package io.animops.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import lombok.AllArgsConstructor;
import lombok.Data;
import lombok.NoArgsConstructor;

/** A short-lived permission to store one artifact: an HTTP PUT of the file's bytes to {@code url}. */
@Data
@NoArgsConstructor
@AllArgsConstructor
@JsonInclude(JsonInclude.Include.NON_NULL)
public class UploadGrant {
    @JsonPropertyDescription("Storage key the upload lands at; stable for the job, so a retried upload overwrites.")
    private String key;

    @JsonPropertyDescription("Presigned URL to PUT the file to (S3, or the operator's own upload endpoint).")
    private String url;

    @JsonPropertyDescription("Content-Type the PUT must carry.")
    private String contentType;
}
