package io.animops.operator.publish;

import io.animops.operator.testing.FakeTikTok;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@EnableKubernetesMockClient(crud = true)
class LoginCommandTest {
    static KubernetesClient client;

    @Test
    void tiktokLoginExchangesTheCodeWithPkceAndWritesTheSecretWithoutPrintingTokens(@TempDir Path dir)
            throws Exception {
        try (FakeTikTok tikTok = new FakeTikTok()) {
            Path kubeconfig = dir.resolve("kubeconfig");
            Files.writeString(
                    kubeconfig, """
                    apiVersion: v1
                    kind: Config
                    clusters: [{name: mock, cluster: {server: "%s", insecure-skip-tls-verify: true}}]
                    users: [{name: mock, user: {token: mock}}]
                    contexts: [{name: mock, context: {cluster: mock, user: mock, namespace: studio}}]
                    current-context: mock
                    """.formatted(client.getConfiguration().getMasterUrl()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            PipedOutputStream typing = new PipedOutputStream();
            PipedInputStream input = new PipedInputStream(typing);
            Map<String, String> env = Map.of(
                    LoginCommand.CLIENT_SECRET_ENV,
                    "shh",
                    "ANIMOPS_PUBLISH_TIKTOK_TOKEN_URL",
                    tikTok.baseUrl() + "/v2/oauth/token/");
            CompletableFuture<Integer> exit = CompletableFuture.supplyAsync(() -> LoginCommand.run(
                    new String[] {
                        "tiktok-login",
                        "--namespace",
                        "studio",
                        "--secret",
                        "creator",
                        "--client-id",
                        FakeTikTok.CLIENT_KEY,
                        "--kubeconfig",
                        kubeconfig.toString()
                    },
                    env,
                    input,
                    new PrintStream(out, true),
                    new PrintStream(err, true)));

            Pattern challenge = Pattern.compile("code_challenge=([A-Za-z0-9_-]+)");
            await().atMost(java.time.Duration.ofSeconds(10))
                    .until(() -> challenge
                            .matcher(out.toString(StandardCharsets.UTF_8))
                            .find());
            String printed = out.toString(StandardCharsets.UTF_8);
            Matcher m = challenge.matcher(printed);
            assertThat(m.find()).isTrue();
            assertThat(printed)
                    .contains("code_challenge_method=S256")
                    .contains("redirect_uri=http%3A%2F%2F127.0.0.1%3A");
            tikTok.issueCode("code-123", m.group(1), "rft-from-login");
            typing.write("code-123\n".getBytes(StandardCharsets.UTF_8));
            typing.flush();

            assertThat(exit.get(30, TimeUnit.SECONDS))
                    .as(err.toString(StandardCharsets.UTF_8))
                    .isZero();
            var secret = AccountSecrets.decode(
                    client.secrets().inNamespace("studio").withName("creator").get());
            assertThat(secret)
                    .containsEntry(PlatformAccount.REFRESH_TOKEN, "rft-from-login")
                    .containsEntry(PlatformAccount.CLIENT_ID, FakeTikTok.CLIENT_KEY)
                    .containsEntry(PlatformAccount.CLIENT_SECRET, "shh");
            assertThat(out.toString(StandardCharsets.UTF_8))
                    .contains("Created Secret studio/creator")
                    .doesNotContain("rft-from-login")
                    .doesNotContain("at-");
        }
    }

    @Test
    void withoutTheClientSecretTheCommandStopsBeforeAnyCall() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = LoginCommand.run(
                new String[] {"youtube-login", "--namespace", "a", "--secret", "b", "--client-id", "c"},
                Map.of(),
                System.in,
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(LoginCommand.CLIENT_SECRET_ENV);
    }
}
