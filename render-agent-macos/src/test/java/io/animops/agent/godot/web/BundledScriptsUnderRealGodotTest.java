package io.animops.agent.godot.web;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every bundled scene (examples/scenes) and every valid script of the validator's corpus
 * (operator/src/test/resources/gdscript/valid) compiles and runs its first seconds of physics under real Godot 4.6,
 * all in one engine start.
 */
class BundledScriptsUnderRealGodotTest {
    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    /** Two seconds of physics at 60 ticks a second. */
    private static final int FRAMES = 120;

    @Test
    void everyBundledSceneAndValidCorpusScriptRunsWithoutAScriptError() throws Exception {
        Map<String, String> scripts = new LinkedHashMap<>();
        scripts.putAll(scripts("scenes", REPO.resolve("examples/scenes")));
        scripts.putAll(scripts("corpus", REPO.resolve("operator/src/test/resources/gdscript/valid")));
        assertThat(scripts).hasSizeGreaterThanOrEqualTo(20);

        Map<String, ScriptBatch.ScriptRun> runs =
                WebGodot.fromEnvironment().runScripts(scripts, FRAMES, Duration.ofMinutes(4));

        assertThat(runs).containsOnlyKeys(scripts.keySet());
        List<String> problems = runs.values().stream()
                .filter(r -> r.failure() != null || r.hasScriptError() || r.framesRun() != FRAMES)
                .map(r -> r.name() + " (" + r.framesRun() + " frames, " + r.failure() + "): " + r.lines())
                .toList();
        assertThat(problems).isEmpty();
        assertThat(runs.values().stream()
                        .mapToInt(ScriptBatch.ScriptRun::probeFrames)
                        .max()
                        .orElse(0))
                .as("the probe autoload reported the frames")
                .isPositive();
    }

    private static Map<String, String> scripts(String prefix, Path dir) throws IOException {
        Map<String, String> scripts = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(dir)) {
            List<Path> sorted =
                    files.filter(f -> f.toString().endsWith(".gd")).sorted().toList();
            for (Path file : sorted) {
                String name = file.getFileName().toString().replace(".gd", "").replace('.', '_');
                scripts.put(prefix + "/" + name, Files.readString(file));
            }
        }
        return scripts;
    }
}
