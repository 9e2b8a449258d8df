package io.animops.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import lombok.Data;
import lombok.NoArgsConstructor;

/** Everything that determined a render, so any video can be traced and reproduced. */
@Data
@NoArgsConstructor
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Provenance {
    private String scriptSha256;
    private String godotVersion;
    private String contractVersion;
    private String designSystemVersion;
    private String ffmpegVersion;
    private String agent;
    private Double wallSeconds;
    private Double renderFps;
}
