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
    void executionSettingsHaveDefaults() {
        Properties file = new Properties();
        file.setProperty("name", "mac");
        file.setProperty("workDir", "/tmp/w");
        AgentConfig config = AgentConfig.from(file, Map.of());
        assertThat(config.ffprobe()).isEqualTo(Path.of("ffprobe"));
        assertThat(config.crf()).isEqualTo(20);
        assertThat(config.outputCapBytes()).isEqualTo(1024 * 1024);
        assertThat(config.cpuLimitSeconds()).as("the job's timeout").isNull();
        assertThat(config.sandbox()).isTrue();
        assertThat(new AgentConfig("mac", Map.of(), 1, Path.of("godot"), Path.of("ffmpeg"), Path.of("/tmp/w")))
                .isEqualTo(config);
    }

    @Test
    void readsExecutionSettings() {
        Properties file = new Properties();
        file.setProperty("name", "mac");
        file.setProperty("workDir", "/tmp/w");
        file.setProperty("ffprobe", "/opt/homebrew/bin/ffprobe");
        file.setProperty("crf", "18");
        file.setProperty("cpuLimitSeconds", "900");
        AgentConfig config = AgentConfig.from(file, Map.of("ANIMOPS_AGENT_SANDBOX", "false",
                "ANIMOPS_AGENT_OUTPUT_CAP_BYTES", "65536"));
        assertThat(config.ffprobe()).isEqualTo(Path.of("/opt/homebrew/bin/ffprobe"));
        assertThat(config.crf()).isEqualTo(18);
        assertThat(config.cpuLimitSeconds()).isEqualTo(900);
        assertThat(config.sandbox()).isFalse();
        assertThat(config.outputCapBytes()).isEqualTo(65536);
    }

    @Test
    void badExecutionSettingsNameTheirKeys() {
        Properties file = new Properties();
        file.setProperty("name", "mac");
        file.setProperty("workDir", "/tmp/w");
        file.setProperty("crf", "60");
        file.setProperty("outputCapBytes", "10");
        file.setProperty("cpuLimitSeconds", "soon");
        file.setProperty("sandbox", "maybe");
        assertThatThrownBy(() -> AgentConfig.from(file, Map.of()))
                .isInstanceOfSatisfying(AgentConfig.InvalidConfigException.class, e -> assertThat(e.problems())
                        .containsExactly("crf: must be between 0 and 51, got 60",
                                "outputCapBytes: must be between 4096 and 268435456, got 10",
                                "cpuLimitSeconds: not a whole number: \"soon\"",
                                "sandbox: must be true or false, got \"maybe\""));
    }
}
