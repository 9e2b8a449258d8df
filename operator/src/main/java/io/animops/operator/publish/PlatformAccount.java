package io.animops.operator.publish;

import io.animops.crds.v1alpha1.Platform;

/**
 * A platform account as its Secret holds it. {@link #toString()} names the Secret only: the client secret and
 * the refresh token must never reach a log.
 */
public record PlatformAccount(
        Platform platform,
        String namespace,
        String secretName,
        String resourceVersion,
        String clientId,
        String clientSecret,
        String refreshToken,
        String project) {
    /** Secret keys. */
    public static final String CLIENT_ID = "client-id";

    public static final String CLIENT_SECRET = "client-secret";
    public static final String REFRESH_TOKEN = "refresh-token";
    /** YouTube: the Google Cloud project whose quota the calls use (the client id when absent). */
    public static final String PROJECT = "project";
    /** Label of account Secrets: the platform. */
    public static final String PLATFORM_LABEL = "animops.io/platform";

    public String key() {
        return namespace + "/" + secretName;
    }

    /** The quota bucket: Google counts quota per Cloud project. */
    public String quotaProject() {
        return project == null || project.isBlank() ? clientId : project;
    }

    public PlatformAccount withRefreshToken(String token, String newResourceVersion) {
        return new PlatformAccount(
                platform, namespace, secretName, newResourceVersion, clientId, clientSecret, token, project);
    }

    @Override
    public String toString() {
        return platform + " account Secret " + key();
    }
}
