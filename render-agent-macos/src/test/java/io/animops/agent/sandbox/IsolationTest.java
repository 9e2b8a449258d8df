package io.animops.agent.sandbox;

import io.animops.agent.job.Cancellation;
import io.animops.agent.process.LineListener;
import io.animops.agent.process.ProcessOutcome;
import io.animops.agent.process.ProcessRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

class IsolationTest {
    private static final List<String> GODOT = List.of("/opt/godot", "--headless", "--path", "/w/job");
    private static final Path WORKSPACE = Path.of("/private/var/animops/job");
    private static final Path HOME = Path.of("/Users/render");

    @TempDir
    Path dir;

    private final ProcessRunner runner = new ProcessRunner(64 * 1024, Duration.ofSeconds(1));

    @Test
    void macOsRunsGodotUnderSandboxExecWithTheWorkspaceAndHomeAsParameters() {
        List<String> wrapped =
                Isolation.wrap(new HostCapabilities(HostOs.MACOS, false), true, 0, WORKSPACE, HOME, GODOT);
        assertThat(wrapped)
                .containsExactly(
                        "/usr/bin/sandbox-exec",
                        "-p",
                        Isolation.profile(),
                        "-D",
                        "WORKSPACE=/private/var/animops/job",
                        "-D",
                        "HOME_DIR=/Users/render",
                        "-D",
                        "GODOT_BUNDLE=/opt",
                        "/opt/godot",
                        "--headless",
                        "--path",
                        "/w/job");
        assertThat(Isolation.macBundle(Path.of("/Applications/Godot.app/Contents/MacOS/Godot")))
                .isEqualTo(Path.of("/Applications/Godot.app"));
    }

    @Test
    void theProfileDeniesNetworkAndWritesOutsideTheWorkspace() {
        String profile = Isolation.profile();
        assertThat(profile)
                .contains(
                        "(deny process-exec*)",
                        "(allow process-exec (subpath (param \"GODOT_BUNDLE\")))",
                        "(deny process-fork)",
                        "(deny file-read-data)");
        assertThat(profile.indexOf("(deny file-read-data)")).isLessThan(profile.indexOf("(allow file-read-data"));
        assertThat(profile)
                .contains(
                        "(version 1)",
                        "(deny network*)",
                        "(deny file-write*)",
                        "(subpath (param \"WORKSPACE\"))",
                        "(subpath \"/dev\")",
                        "(subpath \"/private/var/folders\")",
                        "\"/Library/Application Support/Godot\"");
        assertThat(profile.indexOf("(deny file-write*)"))
                .as("the allowances come after the denial, later rules win")
                .isLessThan(profile.indexOf("(allow file-write*"));
        assertThat(profile.chars().filter(c -> c == '(').count())
                .as("balanced parentheses")
                .isEqualTo(profile.chars().filter(c -> c == ')').count());
    }

    @Test
    void linuxUsesANetworkNamespaceWhenItWorksAndRunsUnwrappedOtherwise() {
        assertThat(Isolation.wrap(new HostCapabilities(HostOs.LINUX, true), true, 0, WORKSPACE, HOME, GODOT))
                .containsExactly("unshare", "-n", "/opt/godot", "--headless", "--path", "/w/job");
        assertThat(Isolation.wrap(new HostCapabilities(HostOs.LINUX, false), true, 0, WORKSPACE, HOME, GODOT))
                .isEqualTo(GODOT);
        assertThat(Isolation.wrap(new HostCapabilities(HostOs.OTHER, false), true, 0, WORKSPACE, HOME, GODOT))
                .isEqualTo(GODOT);
    }

    @Test
    void theSandboxCanBeTurnedOffButTheCpuLimitStays() {
        List<String> wrapped =
                Isolation.wrap(new HostCapabilities(HostOs.MACOS, false), false, 300, WORKSPACE, HOME, GODOT);
        assertThat(wrapped)
                .containsExactly(
                        "/bin/sh",
                        "-c",
                        Isolation.CPU_LIMIT_SCRIPT,
                        "animops-cpu-limit",
                        "300",
                        "305",
                        "/opt/godot",
                        "--headless",
                        "--path",
                        "/w/job");
        assertThat(Isolation.wrap(new HostCapabilities(HostOs.LINUX, true), true, 60, WORKSPACE, HOME, GODOT))
                .startsWith(
                        "/bin/sh", "-c", Isolation.CPU_LIMIT_SCRIPT, "animops-cpu-limit", "60", "65", "unshare", "-n");
    }

    @Test
    void linuxWithBubblewrapLimitsCpuAndMemoryAndIsolatesEverything() {
        HostCapabilities host = new HostCapabilities(HostOs.LINUX, true, Path.of("/run/filter.bpf"));
        List<String> wrapped = Isolation.wrap(host, true, 60, 2048, WORKSPACE, HOME, List.of(Path.of("/opt")), GODOT);
        assertThat(wrapped)
                .startsWith(
                        "/bin/sh",
                        "-c",
                        Isolation.LINUX_LIMITS_SCRIPT,
                        "animops-limits",
                        "60",
                        "65",
                        Long.toString(2048 * 1024),
                        "/run/filter.bpf",
                        "bwrap");
        assertThat(wrapped)
                .containsSubsequence("--unshare-all", "--cap-drop", "ALL", "--clearenv")
                .containsSubsequence("--ro-bind", "/opt", "/opt")
                // the bundle is mounted after the private /tmp, so a bundle under /tmp stays visible
                .containsSubsequence("--tmpfs", "/tmp", "--ro-bind", "/opt", "/opt")
                .containsSubsequence("--tmpfs", "/tmp", "--bind", WORKSPACE.toString(), WORKSPACE.toString())
                .containsSubsequence("--seccomp", "9", "--", "/opt/godot", "--headless")
                .doesNotContain("/bin", "/usr/bin", "/sbin", "/home", "/root");
        assertThat(Isolation.wrap(host, false, 60, 2048, WORKSPACE, HOME, List.of(), GODOT))
                .doesNotContain("bwrap");
    }

    @Test
    void theProcessFilterIsOneProgramPerKnownArchitecture() {
        assertThat(NoNewProcessesFilter.forArchitecture("amd64"))
                .get()
                .satisfies(p -> assertThat(p).hasSize(14 * 8));
        assertThat(NoNewProcessesFilter.forArchitecture("aarch64")).isPresent();
        assertThat(NoNewProcessesFilter.forArchitecture("riscv64")).isEmpty();
    }

    @Test
    void theOsIsReadFromItsName() {
        assertThat(HostOs.of("Mac OS X")).isEqualTo(HostOs.MACOS);
        assertThat(HostOs.of("Linux")).isEqualTo(HostOs.LINUX);
        assertThat(HostOs.of("Windows 11")).isEqualTo(HostOs.OTHER);
        assertThat(HostOs.of(null)).isEqualTo(HostOs.OTHER);
    }

    @Test
    void theCpuLimitEndsABusyLoopWithSigxcpu() throws Exception {
        List<String> command = Isolation.wrap(
                new HostCapabilities(HostOs.OTHER, false),
                false,
                1,
                dir,
                dir,
                List.of("/bin/sh", "-c", "while :; do :; done"));
        ProcessOutcome outcome =
                runner.run(command, dir, Map.of(), Duration.ofSeconds(20), new Cancellation(), LineListener.NONE);
        assertThat(outcome.ending()).isEqualTo(ProcessOutcome.Ending.EXITED);
        assertThat(outcome.exitCode()).isEqualTo(Isolation.CPU_LIMIT_EXIT_CODE);
    }

    @Test
    void aMissingProgramBehindTheWrapperIsAWrapperFailure() throws Exception {
        List<String> command = Isolation.wrap(
                new HostCapabilities(HostOs.OTHER, false),
                false,
                10,
                dir,
                dir,
                List.of(dir.resolve("no-godot").toString()));
        ProcessOutcome outcome =
                runner.run(command, dir, Map.of(), Duration.ofSeconds(20), new Cancellation(), LineListener.NONE);
        assertThat(Isolation.wrapperFailed(outcome.exitCode()))
                .as("exit " + outcome.exitCode())
                .isTrue();
        assertThat(Isolation.wrapperFailed(0)).isFalse();
        assertThat(Isolation.wrapperFailed(1)).isFalse();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void onLinuxTheWrappedProgramSeesOnlyLoopback() throws Exception {
        HostCapabilities host = HostCapabilities.detect(runner);
        assumeTrue(host.networkNamespaces(), "unshare -n is not permitted on this machine");
        // the network namespace alone, as on a machine without bubblewrap (which would hide cat itself)
        List<String> command = Isolation.wrap(
                new HostCapabilities(HostOs.LINUX, true), true, 10, dir, dir, List.of("cat", "/proc/net/dev"));
        ProcessOutcome outcome =
                runner.run(command, dir, Map.of(), Duration.ofSeconds(20), new Cancellation(), LineListener.NONE);
        assertThat(outcome.exitCode()).isZero();
        List<String> interfaces = outcome.stdout().lines().stream()
                .skip(2)
                .map(l -> l.substring(0, l.indexOf(':')).trim())
                .toList();
        assertThat(interfaces).containsExactly("lo");
    }
}
