package io.animops.operator.standalone;

import io.animops.operator.OperatorMain;
import io.animops.operator.StandaloneMode;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

class StandaloneSettingsTest {
    private static final Path CWD = Path.of("").toAbsolutePath();

    @Test
    void defaultsAreFixedPortsAndFoldersUnderTheWorkingDirectory() {
        StandaloneSettings s = StandaloneSettings.from(List.of(), Map.of(), new Properties());
        assertThat(s.apiPort()).isEqualTo(16443);
        assertThat(s.dbPort()).isEqualTo(15432);
        assertThat(s.dataDirectory()).isEqualTo(CWD.resolve(".animops/pgdata"));
        assertThat(s.artifactsDirectory()).isEqualTo(CWD.resolve(".animops/artifacts"));
        assertThat(s.kubeconfig()).isEqualTo(CWD.resolve(".animops/kubeconfig"));
        assertThat(s.examples()).isEqualTo(CWD.resolve("examples"));
        assertThat(s.quarkusArgs()).isEmpty();
        assertThat(s.httpHost()).isEqualTo("127.0.0.1");
    }

    @Test
    void theHttpHostIsLoopbackUnlessAnOptionOrQuarkusSettingSaysOtherwise() {
        Properties system = new Properties();
        system.setProperty("quarkus.http.host", "0.0.0.0");
        assertThat(StandaloneSettings.from(List.of(), Map.of(), system).httpHost())
                .isEqualTo("0.0.0.0");
        assertThat(StandaloneSettings.from(List.of(), Map.of("QUARKUS_HTTP_HOST", "::1"), new Properties())
                        .httpHost())
                .isEqualTo("::1");
        assertThat(StandaloneSettings.from(List.of("--http-host=192.168.1.5"), Map.of(), system)
                        .httpHost())
                .isEqualTo("192.168.1.5");
    }

    @Test
    void anApiTokenFromTheEnvironmentReplacesTheTokenFile() {
        assertThat(StandaloneSettings.from(List.of(), Map.of(), new Properties())
                        .apiTokenFromEnvironment())
                .isFalse();
        assertThat(StandaloneSettings.from(
                                List.of(), Map.of("ANIMOPS_API_TOKEN", "from-env-0123456789"), new Properties())
                        .apiTokenFromEnvironment())
                .isTrue();
        assertThat(StandaloneSettings.from(List.of(), Map.of("ANIMOPS_API_TOKEN", " "), new Properties())
                        .apiTokenFromEnvironment())
                .isFalse();
    }

    @Test
    void optionsWinOverSystemPropertiesWhichWinOverEnvironment() {
        Properties system = new Properties();
        system.setProperty("animops.standalone.api-port", "2000");
        system.setProperty("animops.standalone.db-port", "3000");
        Map<String, String> env =
                Map.of("ANIMOPS_API_PORT", "1000", "ANIMOPS_DB_PORT", "1001", "ANIMOPS_EXAMPLES", "/srv/examples");
        StandaloneSettings s = StandaloneSettings.from(List.of("--api-port=4000", "--other", "x"), env, system);
        assertThat(s.apiPort()).isEqualTo(4000);
        assertThat(s.dbPort()).isEqualTo(3000);
        assertThat(s.examples()).isEqualTo(Path.of("/srv/examples"));
        assertThat(s.quarkusArgs()).containsExactly("--other", "x");
    }

    @Test
    void standaloneModeIsTheFirstArgumentOrTheEnvironmentVariable() {
        assertThat(StandaloneMode.isRequested(new String[] {"standalone"}, Map.of()))
                .isTrue();
        assertThat(StandaloneMode.isRequested(new String[] {}, Map.of("ANIMOPS_STANDALONE", "true")))
                .isTrue();
        assertThat(StandaloneMode.isRequested(new String[] {"other", "standalone"}, Map.of()))
                .isFalse();
        assertThat(StandaloneMode.isRequested(new String[] {}, Map.of("ANIMOPS_STANDALONE", "false")))
                .isFalse();
        assertThat(OperatorMain.class).hasAnnotation(io.quarkus.runtime.annotations.QuarkusMain.class);
    }

    @Test
    void theFullBuildFindsTheStandaloneModeThroughTheServiceLoader() {
        // the production build leaves the package and its services file out, and OperatorMain then says so
        assertThat(StandaloneMode.inThisBuild()).containsInstanceOf(EmbeddedStandaloneMode.class);
    }
}
