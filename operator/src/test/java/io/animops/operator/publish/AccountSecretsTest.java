package io.animops.operator.publish;

import io.animops.crds.v1alpha1.Platform;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A rotated refresh token written back to the account Secret, as two replicas could race to. */
@EnableKubernetesMockClient(crud = true)
class AccountSecretsTest {
    static KubernetesClient client;

    private AccountSecrets secrets;

    @BeforeEach
    void start() {
        client.resource(PublishingHarness.accountSecret("creator", "key", "rft-1"))
                .createOr(r -> r.update());
        secrets = new AccountSecrets(client);
    }

    @Test
    void aRotatedTokenIsWrittenAgainstTheResourceVersionRead() {
        PlatformAccount read = secrets.read(Platform.TikTok, PublishingHarness.NAMESPACE, "creator")
                .orElseThrow();

        PlatformAccount stored = secrets.saveRotatedRefreshToken(read, "rft-2");

        assertThat(storedRefreshToken()).isEqualTo("rft-2");
        assertThat(stored.refreshToken()).isEqualTo("rft-2");
        assertThat(stored.resourceVersion()).isNotEqualTo(read.resourceVersion());
    }

    @Test
    void anotherReplicasNewerTokenIsKept() {
        PlatformAccount read = secrets.read(Platform.TikTok, PublishingHarness.NAMESPACE, "creator")
                .orElseThrow();
        // the other replica refreshed with rft-1 first and stored what TikTok rotated it to
        secrets.saveRotatedRefreshToken(read, "rft-other");

        PlatformAccount stored = secrets.saveRotatedRefreshToken(read, "rft-mine");

        assertThat(storedRefreshToken()).isEqualTo("rft-other");
        assertThat(stored.refreshToken()).isEqualTo("rft-other");
    }

    @Test
    void anEmptyTokenIsNeverWritten() {
        PlatformAccount read = secrets.read(Platform.TikTok, PublishingHarness.NAMESPACE, "creator")
                .orElseThrow();

        secrets.saveRotatedRefreshToken(read, " ");

        Secret secret = client.secrets()
                .inNamespace(PublishingHarness.NAMESPACE)
                .withName("creator")
                .get();
        assertThat(secret.getMetadata().getResourceVersion()).isEqualTo(read.resourceVersion());
        assertThat(storedRefreshToken()).isEqualTo("rft-1");
    }

    private static String storedRefreshToken() {
        Secret secret = client.secrets()
                .inNamespace(PublishingHarness.NAMESPACE)
                .withName("creator")
                .get();
        return AccountSecrets.decode(secret).get(PlatformAccount.REFRESH_TOKEN);
    }
}
