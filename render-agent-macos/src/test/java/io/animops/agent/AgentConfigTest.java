package io.animops.agent;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AgentConfigTest {
    @Test
    void readsTheFileWithEnvironmentOverrides() {
        Properties file = new Properties();
        file.setProperty("name", "studio-mac-1");
        file.setProperty("labels", "animops.io/os=darwin, animops.io/gpu=m2");
        file.setProperty("maxConcurrent", "2");
        file.setProperty("workDir", "/tmp/animops-jobs");
        AgentConfig config = AgentConfig.from(file, Map.of("ANIMOPS_AGENT_MAX_CONCURRENT", "3",
                "ANIMOPS_AGENT_GODOT", "/Applications/Godot.app/Contents/MacOS/Godot"));
        assertThat(config.name()).isEqualTo("studio-mac-1");
        assertThat(config.labels()).containsExactly(Map.entry("animops.io/os", "darwin"), Map.entry("animops.io/gpu", "m2"));
        assertThat(config.maxConcurrent()).isEqualTo(3);
        assertThat(config.godot()).isEqualTo(Path.of("/Applications/Godot.app/Contents/MacOS/Godot"));
        assertThat(config.ffmpeg()).isEqualTo(Path.of("ffmpeg"));
    }

    @Test
    void everyProblemNamesItsKey() {
        Properties file = new Properties();
        file.setProperty("name", "Studio Mac");
        file.setProperty("labels", "os=darwin,broken,bad key=x");
        file.setProperty("maxConcurrent", "lots");
        assertThatThrownBy(() -> AgentConfig.from(file, Map.of()))
                .isInstanceOfSatisfying(AgentConfig.InvalidConfigException.class, e -> assertThat(e.problems())
                        .extracting(p -> p.substring(0, p.indexOf(':')))
                        .containsExactly("name", "labels", "labels", "maxConcurrent", "workDir"))
                .hasMessageContaining("maxConcurrent: not a whole number: \"lots\"");
        file.setProperty("name", "mac");
        file.setProperty("labels", "");
        file.setProperty("workDir", "/tmp/w");
        file.setProperty("maxConcurrent", "17");
        assertThatThrownBy(() -> AgentConfig.from(file, Map.of()))
                .hasMessage("invalid agent configuration: maxConcurrent: must be between 1 and 16, got 17");
    }

    @Test
    void clusterKeysHaveDefaultsAndEnvironmentOverrides() {
        Properties file = new Properties();
        file.setProperty("name", "mac");
        file.setProperty("workDir", "/tmp/w");
        AgentConfig defaults = AgentConfig.from(file, Map.of());
        assertThat(defaults.cluster()).isEqualTo(AgentConfig.Cluster.defaults());
        assertThat(defaults.cluster().heartbeatInterval()).isEqualTo(java.time.Duration.ofSeconds(10));
        assertThat(defaults.cluster().grantWait()).isEqualTo(java.time.Duration.ofMinutes(5));

        file.setProperty("kubeconfig", "/Users/studio/.kube/animops");
        file.setProperty("namespaces", "studio, previews");
        file.setProperty("heartbeatInterval", "500ms");
        AgentConfig set = AgentConfig.from(file, Map.of("ANIMOPS_AGENT_GRANT_WAIT", "PT90S",
                "ANIMOPS_AGENT_MAX_CLAIMS_PER_JOB", "5", "ANIMOPS_AGENT_UPLOAD_ATTEMPTS", "2"));
        assertThat(set.cluster().kubeconfig()).isEqualTo(Path.of("/Users/studio/.kube/animops"));
        assertThat(set.cluster().namespaces()).containsExactly("studio", "previews");
        assertThat(set.cluster().heartbeatInterval()).isEqualTo(java.time.Duration.ofMillis(500));
        assertThat(set.cluster().grantWait()).isEqualTo(java.time.Duration.ofSeconds(90));
        assertThat(set.cluster().maxClaimsPerJob()).isEqualTo(5);
        assertThat(set.cluster().uploadAttempts()).isEqualTo(2);
    }

    @Test
    void clusterKeyProblemsNameTheirKey() {
        Properties file = new Properties();
        file.setProperty("name", "mac");
        file.setProperty("workDir", "/tmp/w");
        file.setProperty("namespaces", "Studio_1");
        file.setProperty("heartbeatInterval", "2 minutes");
        file.setProperty("grantWait", "2h");
        file.setProperty("uploadAttempts", "0");
        file.setProperty("maxClaimsPerJob", "x");
        assertThatThrownBy(() -> AgentConfig.from(file, Map.of()))
                .isInstanceOfSatisfying(AgentConfig.InvalidConfigException.class, e -> assertThat(e.problems()).containsExactly(
                        "namespaces: \"Studio_1\" is not a valid namespace name",
                        "heartbeatInterval: not a duration (e.g. 10s, 5m, 500ms): \"2 minutes\"",
                        "grantWait: must be between PT0S and PT1H, got PT2H",
                        "uploadAttempts: must be between 1 and 20, got 0",
                        "maxClaimsPerJob: not a whole number: \"x\""));
    }

    @Test
    void aMissingConfigFileIsNamed() {
        assertThatThrownBy(() -> AgentConfig.load(Path.of("/nonexistent/agent.properties"), Map.of()))
                .hasMessageContaining("--config: cannot read /nonexistent/agent.properties");
    }
}
