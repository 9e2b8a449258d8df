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
}
