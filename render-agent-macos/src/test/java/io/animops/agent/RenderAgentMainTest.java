package io.animops.agent;

import com.sun.net.httpserver.HttpServer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RenderAgentMainTest {
    @Test
    void theConfigFileComesFromTheConfigOption() {
        assertThat(RenderAgentMain.configFile(new String[] {"--config", "/etc/animops/agent.properties"}))
                .isEqualTo(Path.of("/etc/animops/agent.properties"));
        assertThat(RenderAgentMain.configFile(new String[] {"--config=agent.properties"}))
                .isEqualTo(Path.of("agent.properties"));
        assertThatThrownBy(() -> RenderAgentMain.configFile(new String[] {})).hasMessage("--config: required");
        assertThatThrownBy(() -> RenderAgentMain.configFile(new String[] {"--config"}))
                .hasMessage("--config: a properties file is required after --config");
    }

    @Test
    void aConfiguredKubeconfigIsReadAndAMissingOneNamed(@TempDir Path dir) throws Exception {
        Properties file = agentFile(dir, "https://studio.example:6443");
        var config = RenderAgentMain.kubernetesConfig(AgentConfig.from(file, Map.of()));
        assertThat(config.getMasterUrl()).startsWith("https://studio.example:6443");
        assertThat(config.getCurrentContext().getContext().getUser()).isEqualTo("agent");
        assertThat(config.isOnlyHttpWatches())
                .as("the agent's informer watches over HTTP (WatchTransport)")
                .isTrue();

        file.setProperty("kubeconfig", dir.resolve("absent").toString());
        assertThatThrownBy(() -> RenderAgentMain.kubernetesConfig(AgentConfig.from(file, Map.of())))
                .hasMessageContaining("kubeconfig: cannot read " + dir.resolve("absent"));
    }

    @Test
    void theAgentsClientHearsAWatchEventWhoseCharactersArriveSplitAcrossChunks(@TempDir Path dir) throws Exception {
        String title = "Bounce — café ✓ 😀";
        byte[] event = ("{\"type\":\"ADDED\",\"object\":{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
                        + "\"metadata\":{\"name\":\"c\",\"namespace\":\"default\",\"resourceVersion\":\"2\"},"
                        + "\"data\":{\"title\":\"" + title + "\"}}}\n")
                .getBytes(StandardCharsets.UTF_8);
        String text = new String(event, StandardCharsets.UTF_8);
        // the emoji's four bytes in two chunks, as a network may deliver them
        int split = text.substring(0, text.indexOf("😀")).getBytes(StandardCharsets.UTF_8).length + 2;
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, 0);
            OutputStream body = exchange.getResponseBody();
            body.write(event, 0, split);
            body.flush();
            sleep(200);
            body.write(event, split, event.length - split);
            body.flush();
            sleep(5_000);
            body.close();
        });
        server.start();
        Properties file =
                agentFile(dir, "http://127.0.0.1:" + server.getAddress().getPort());
        List<String> heard = new CopyOnWriteArrayList<>();
        try (KubernetesClient client = RenderAgentMain.kubernetesClient(AgentConfig.from(file, Map.of()));
                Watch watch = client.configMaps().inNamespace("default").watch(new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, ConfigMap configMap) {
                        heard.add(action + " " + configMap.getData().get("title"));
                    }

                    @Override
                    public void onClose(WatcherException cause) {
                        heard.add("CLOSED " + cause.getMessage());
                    }
                })) {
            long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (heard.isEmpty() && System.nanoTime() < deadline) {
                sleep(20);
            }
            assertThat(heard).containsExactly("ADDED " + title);
        } finally {
            server.stop(0);
        }
    }

    /** An agent's properties whose kubeconfig, written in {@code dir}, names {@code server} and a token. */
    private static Properties agentFile(Path dir, String server) throws IOException {
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters:
                - name: studio
                  cluster:
                    server: %s
                users:
                - name: agent
                  user:
                    token: agent-token
                contexts:
                - name: studio
                  context:
                    cluster: studio
                    user: agent
                current-context: studio
                """.formatted(server));
        Properties file = new Properties();
        file.setProperty("name", "mac");
        file.setProperty("workDir", dir.toString());
        file.setProperty("kubeconfig", kubeconfig.toString());
        return file;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
