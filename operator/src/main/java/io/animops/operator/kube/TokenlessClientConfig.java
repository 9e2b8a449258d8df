package io.animops.operator.kube;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.OAuthTokenProvider;
import io.fabric8.kubernetes.client.utils.Utils;
import io.quarkus.kubernetes.client.KubernetesConfigCustomizer;
import jakarta.inject.Singleton;

/**
 * A client configured without any token (the standalone mode's API, a kubeconfig with client certificates) has no
 * token to refresh. Fabric8's {@code TokenRefreshInterceptor} marks a refresh done only when it finds a token, so
 * without one it re-read and parsed the kubeconfig before every request once the client was a minute old: 12 % of
 * the operator's CPU in the 1,000-idea bench. A provider that has no token ends that: the interceptor asks it
 * instead. A configuration with a token, a token provider, basic auth or an auth provider (OIDC) is left as is, so
 * service account tokens are still re-read as they rotate.
 */
@Singleton
public class TokenlessClientConfig implements KubernetesConfigCustomizer {
    /** Asked instead of re-reading the kubeconfig; there is no token to give. */
    private static final OAuthTokenProvider NO_TOKEN = () -> null;

    @Override
    public void customize(Config config) {
        if (hasNoCredentialToRefresh(config)) {
            config.setOauthTokenProvider(NO_TOKEN);
        }
    }

    private static boolean hasNoCredentialToRefresh(Config config) {
        return Utils.isNullOrEmpty(config.getOauthToken())
                && Utils.isNullOrEmpty(config.getAutoOAuthToken())
                && config.getOauthTokenProvider() == null
                && Utils.isNullOrEmpty(config.getUsername())
                && config.getAuthProvider() == null;
    }
}
