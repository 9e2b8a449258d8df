package io.animops.operator.standalone;

import io.animops.operator.OperatorMain;
import io.animops.operator.StandaloneMode;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

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
        StandaloneSettings s = StandaloneSettings.from(List.of("--api-port=4000"), env, system);
        assertThat(s.apiPort()).isEqualTo(4000);
        assertThat(s.dbPort()).isEqualTo(3000);
        assertThat(s.examples()).isEqualTo(Path.of("/srv/examples"));
    }

    @Test
    void anOptionTakesItsValueAfterAnEqualsSignOrAsTheNextArgument() {
        StandaloneSettings s = StandaloneSettings.from(
                List.of(
                        "--api-port",
                        "4000",
                        "--db-port=4001",
                        "--home",
                        "/srv/h",
                        "--examples=/srv/e",
                        "--http-host",
                        "::1"),
                Map.of(),
                new Properties());
        assertThat(s.apiPort()).isEqualTo(4000);
        assertThat(s.dbPort()).isEqualTo(4001);
        assertThat(s.home()).isEqualTo(Path.of("/srv/h"));
        assertThat(s.examples()).isEqualTo(Path.of("/srv/e"));
        assertThat(s.httpHost()).isEqualTo("::1");
    }

    @Test
    void anUnknownOptionAMissingValueOrABadPortIsRefusedByName() {
        assertThat(usageProblem("--api-prot=4000")).startsWith("--api-prot: unknown option, one of --api-port, ");
        assertThat(usageProblem("--verbose")).startsWith("--verbose: unknown option");
        assertThat(usageProblem("4000")).isEqualTo("4000: unexpected argument (the options start with --)");
        assertThat(usageProblem("--api-port")).isEqualTo("--api-port: missing value");
        assertThat(usageProblem("--api-port", "--db-port=4001")).isEqualTo("--api-port: missing value");
        assertThat(usageProblem("--home=")).isEqualTo("--home: missing value");
        assertThat(usageProblem("--db-port", "five"))
                .isEqualTo("--db-port (or animops.standalone.db-port, ANIMOPS_DB_PORT): not a port number from 1 to"
                        + " 65535: five");
        assertThat(usageProblem("--api-port=70000")).contains("not a port number from 1 to 65535: 70000");
    }

    @Test
    void theCommandRefusesBadArgumentsWithTheUsageAndExitCode2BeforeStartingAnything() throws Exception {
        Process command = new ProcessBuilder(
                        ChildJvms.java(),
                        "-Xmx64m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        OperatorMain.class.getName(),
                        StandaloneMode.MODE_ARGUMENT,
                        "--api-port",
                        "--home=/nowhere")
                .redirectErrorStream(true)
                .start();
        String output = new String(command.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(command.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(command.exitValue()).as(output).isEqualTo(2);
        assertThat(output).contains("standalone: --api-port: missing value", StandaloneSettings.USAGE);
    }

    private static String usageProblem(String... args) {
        try {
            StandaloneSettings.from(List.of(args), Map.of(), new Properties());
        } catch (StandaloneSettings.UsageException e) {
            return e.getMessage();
        }
        throw new AssertionError("accepted " + List.of(args));
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
