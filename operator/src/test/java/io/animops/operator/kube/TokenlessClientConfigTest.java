package io.animops.operator.kube;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.utils.TokenRefreshInterceptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class TokenlessClientConfigTest {
    private static final String KUBECONFIG = """
            apiVersion: v1
            kind: Config
            clusters:
            - name: local
              cluster:
                server: https://127.0.0.1:6443
            users:
            - name: local
              user: %s
            contexts:
            - name: local
              context:
                cluster: local
                user: local
            current-context: local
            """;

    @TempDir
    Path home;

    @Test
    void aClientWithoutTokenNoLongerRereadsItsKubeconfigBeforeEachRequest() throws Exception {
        Path file = home.resolve("kubeconfig");
        Files.writeString(file, KUBECONFIG.formatted("{}"));
        Config customized = Config.fromKubeconfig(null, file.toFile());
        new TokenlessClientConfig().customize(customized);
        Config asFabric8MadeIt = Config.fromKubeconfig(null, file.toFile());
        // a token that appears in the file shows whether a request re-read it
        Files.writeString(file, KUBECONFIG.formatted("{token: written-later}"));

        assertThat(headersOfARequestAMinuteAfterStart(asFabric8MadeIt))
                .as("Fabric8 alone re-reads the kubeconfig")
                .containsEntry("Authorization", "Bearer written-later");
        assertThat(headersOfARequestAMinuteAfterStart(customized)).doesNotContainKey("Authorization");
    }

    @Test
    void aConfigurationWithCredentialsIsLeftAsItIs() {
        Config withToken = Config.empty();
        withToken.setAutoOAuthToken("service-account-token");
        Config withBasicAuth = Config.empty();
        withBasicAuth.setUsername("admin");

        new TokenlessClientConfig().customize(withToken);
        new TokenlessClientConfig().customize(withBasicAuth);

        assertThat(withToken.getOauthTokenProvider()).isNull();
        assertThat(withBasicAuth.getOauthTokenProvider()).isNull();
    }

    private static Map<String, String> headersOfARequestAMinuteAfterStart(Config config) {
        var interceptor =
                new TokenRefreshInterceptor(config, null, Instant.now().minus(2, ChronoUnit.MINUTES));
        var headers = new RecordedHeaders();
        interceptor.before(headers, null, null);
        return headers.values;
    }

    /** What the interceptor sets on a request. */
    private static final class RecordedHeaders implements BasicBuilder {
        final Map<String, String> values = new LinkedHashMap<>();

        @Override
        public BasicBuilder uri(URI uri) {
            return this;
        }

        @Override
        public BasicBuilder header(String name, String value) {
            values.put(name, value);
            return this;
        }

        @Override
        public BasicBuilder setHeader(String name, String value) {
            values.put(name, value);
            return this;
        }
    }
}
