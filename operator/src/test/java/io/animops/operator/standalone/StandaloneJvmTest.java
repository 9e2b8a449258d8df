package io.animops.operator.standalone;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StandaloneJvmTest {
    @Test
    void aCommandLineThatNamesAHeapRunsInPlace() {
        assertThat(StandaloneJvm.heapChosen(List.of("-Dx=y", "-Xmx512m"))).isTrue();
        assertThat(StandaloneJvm.heapChosen(List.of("-XX:MaxRAMPercentage=40"))).isTrue();
        assertThat(StandaloneJvm.heapChosen(List.of("-XX:MaxHeapSize=1g"))).isTrue();
        assertThat(StandaloneJvm.heapChosen(List.of("-Dquarkus.http.port=0", "-Xms64m", "-XX:+UseG1GC")))
                .isFalse();
        assertThat(StandaloneJvm.heapChosen(List.of())).isFalse();
    }

    @Test
    void theChildRunsTheSameJarAndArgumentsWithTheMemoryOptionsAndItsParentsPid() {
        String jar = "operator/target/quarkus-app/quarkus-run.jar";
        List<String> command = StandaloneJvm.childCommand(
                "/usr/bin/java",
                List.of("-Dquarkus.http.port=9090"),
                jar + " standalone --api-port=1",
                jar,
                42,
                new String[] {"standalone", "--api-port=1"});

        assertThat(command)
                .startsWith("/usr/bin/java")
                .containsSubsequence(StandaloneJvm.MEMORY_OPTIONS)
                .contains("-D" + StandaloneJvm.PARENT_PID_PROPERTY + "=42")
                .endsWith("-jar", jar, "standalone", "--api-port=1");
        // the child's own command line names a heap, so it runs the mode itself rather than launching again
        assertThat(StandaloneJvm.heapChosen(command)).isTrue();
    }

    @Test
    void anOptionGivenToTheLauncherOverridesTheDefaultOfTheSameName() {
        String jar = "quarkus-run.jar";
        List<String> command = StandaloneJvm.childCommand(
                "/usr/bin/java", List.of("-XX:TieredStopAtLevel=4"), jar + " standalone", jar, 42, new String[] {
                    "standalone"
                });

        // the JVM takes the last of an option given twice
        assertThat(command.lastIndexOf("-XX:TieredStopAtLevel=4"))
                .isGreaterThan(command.indexOf("-XX:TieredStopAtLevel=1"))
                .isLessThan(command.indexOf("-jar"));
    }

    @Test
    void theSettingsSharedWithTheChartLeaveTheHeapsSizeToEachOfThem() {
        // the chart sizes the heap as a share of the container's limit, the standalone mode with HEAP_SIZE_OPTIONS
        assertThat(StandaloneJvm.heapChosen(StandaloneJvm.RUNTIME_OPTIONS)).isFalse();
        assertThat(StandaloneJvm.heapChosen(StandaloneJvm.HEAP_SIZE_OPTIONS)).isTrue();
        assertThat(StandaloneJvm.MEMORY_OPTIONS)
                .containsAll(StandaloneJvm.HEAP_SIZE_OPTIONS)
                .containsAll(StandaloneJvm.RUNTIME_OPTIONS);
    }

    @Test
    void aMainClassOnAClassPathIsLaunchedTheSameWay() {
        List<String> command = StandaloneJvm.childCommand(
                "/usr/bin/java",
                List.of(),
                "io.animops.operator.OperatorMain standalone",
                "a.jar:b.jar",
                7,
                new String[] {"standalone"});

        assertThat(command).endsWith("-cp", "a.jar:b.jar", "io.animops.operator.OperatorMain", "standalone");
    }
}
