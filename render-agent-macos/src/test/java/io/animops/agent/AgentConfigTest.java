package io.animops.agent;

import io.animops.crds.v1alpha1.RenderExecutor;
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
        AgentConfig config = AgentConfig.from(
                file,
                Map.of(
                        "ANIMOPS_AGENT_MAX_CONCURRENT",
                        "3",
                        "ANIMOPS_AGENT_GODOT",
                        "/Applications/Godot.app/Contents/MacOS/Godot"));
        assertThat(config.name()).isEqualTo("studio-mac-1");
        assertThat(config.labels())
                .containsExactly(Map.entry("animops.io/os", "darwin"), Map.entry("animops.io/gpu", "m2"));
        assertThat(config.maxConcurrent()).isEqualTo(3);
        assertThat(config.godot()).isEqualTo(Path.of("/Applications/Godot.app/Contents/MacOS/Godot"));
        assertThat(config.ffmpeg()).isEqualTo(Path.of("ffmpeg"));
    }

    @Test
    void theExampleWebAgentRunsGodotsWebBuildAndNativeIsTheDefault() {
        AgentConfig web = AgentConfig.load(
                Path.of("../examples/agents/web.properties"), Map.of("ANIMOPS_AGENT_GODOT_WEB_DIR", "/opt/godot-web"));
        assertThat(web.executor()).isEqualTo(RenderExecutor.Web);
        assertThat(web.chromium()).isEqualTo("chromium");
        assertThat(web.godotWebDir()).isEqualTo(Path.of("/opt/godot-web"));

        Properties file = new Properties();
        file.setProperty("name", "mac-1");
        file.setProperty("workDir", "/tmp/jobs");
        assertThat(AgentConfig.from(file, Map.of()).executor()).isEqualTo(RenderExecutor.Native);
        file.setProperty("executor", "gpu");
        assertThatThrownBy(() -> AgentConfig.from(file, Map.of()))
                .isInstanceOfSatisfying(
                        AgentConfig.InvalidConfigException.class,
                        e -> assertThat(e.problems()).containsExactly("executor: must be native or web, got \"gpu\""));
    }

    @Test
    void relativePathsAreResolvedAtStartSinceGodotRunsInTheJobsWorkspace() {
        Properties file = new Properties();
        file.setProperty("name", "standin-a");
        file.setProperty("workDir", ".animops/agents/a");
        file.setProperty("godot", "tools/godot");
        file.setProperty("kubeconfig", ".animops/kubeconfig");
        AgentConfig config = AgentConfig.from(file, Map.of());
        Path cwd = Path.of("").toAbsolutePath();
        assertThat(config.godot()).isEqualTo(cwd.resolve("tools/godot"));
        assertThat(config.workDir()).isEqualTo(cwd.resolve(".animops/agents/a"));
        assertThat(config.cluster().kubeconfig()).isEqualTo(cwd.resolve(".animops/kubeconfig"));
        // a bare name stays a PATH lookup
        assertThat(config.ffmpeg()).isEqualTo(Path.of("ffmpeg"));
    }

    @Test
    void everyProblemNamesItsKey() {
        Properties file = new Properties();
        file.setProperty("name", "Studio Mac");
        file.setProperty("labels", "os=darwin,broken,bad key=x");
        file.setProperty("maxConcurrent", "lots");
        assertThatThrownBy(() -> AgentConfig.from(file, Map.of()))
                .isInstanceOfSatisfying(
                        AgentConfig.InvalidConfigException.class,
                        e -> assertThat(e.problems())
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
        AgentConfig set = AgentConfig.from(
                file,
                Map.of(
                        "ANIMOPS_AGENT_GRANT_WAIT",
                        "PT90S",
                        "ANIMOPS_AGENT_MAX_CLAIMS_PER_JOB",
                        "5",
                        "ANIMOPS_AGENT_UPLOAD_ATTEMPTS",
                        "2"));
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
                .isInstanceOfSatisfying(
                        AgentConfig.InvalidConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
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
        AgentConfig config = AgentConfig.from(
                file, Map.of("ANIMOPS_AGENT_SANDBOX", "false", "ANIMOPS_AGENT_OUTPUT_CAP_BYTES", "65536"));
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
                .isInstanceOfSatisfying(
                        AgentConfig.InvalidConfigException.class,
                        e -> assertThat(e.problems())
                                .containsExactly(
                                        "crf: must be between 0 and 51, got 60",
                                        "outputCapBytes: must be between 4096 and 268435456, got 10",
                                        "cpuLimitSeconds: not a whole number: \"soon\"",
                                        "sandbox: must be true or false, got \"maybe\""));
    }
}
