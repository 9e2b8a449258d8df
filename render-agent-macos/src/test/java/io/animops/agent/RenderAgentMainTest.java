package io.animops.agent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

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
        Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), """
                apiVersion: v1
                kind: Config
                clusters:
                - name: studio
                  cluster:
                    server: https://studio.example:6443
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
                """);
        Properties file = new Properties();
        file.setProperty("name", "mac");
        file.setProperty("workDir", dir.toString());
        file.setProperty("kubeconfig", kubeconfig.toString());
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
}
