package io.animops.operator.script;

import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the corpus's syntax-error scripts against real Godot 4 ({@code godot --headless --check-only}):
 * Godot must reject each one with a parse error on the line the corpus expects. Runs only where
 * {@code GODOT_BIN} points at a Godot 4 executable; Godot reports lines, not columns, so only lines compare.
 */
@EnabledIfEnvironmentVariable(named = "GODOT_BIN", matches = ".+")
class RealGodotParseCrossCheckTest {
    private static final Pattern EXPECTED_PARSE = Pattern.compile("(?m)^# expect: parse (\\d+):(\\d+)(?: (.+?))?\\s*$");
    private static final Pattern GODOT_LINE = Pattern.compile("\\(res://scene\\.gd:(\\d+)\\)");

    static Stream<Path> parseErrorScripts() throws Exception {
        return ScriptCorpusTest.corpus()
                .filter(p -> EXPECTED_PARSE.matcher(ScriptCorpusTest.read(p)).find());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("parseErrorScripts")
    void godotRejectsTheScriptOnTheSameLine(Path script, @TempDir Path project) throws Exception {
        Matcher expected = EXPECTED_PARSE.matcher(ScriptCorpusTest.read(script));
        assertThat(expected.find()).isTrue();
        Files.writeString(project.resolve("project.godot"), "config_version=5\n");
        Files.copy(script, project.resolve("scene.gd"));
        Process godot = new ProcessBuilder(
                        System.getenv("GODOT_BIN"),
                        "--headless",
                        "--path",
                        project.toString(),
                        "--check-only",
                        "--script",
                        "res://scene.gd")
                .redirectErrorStream(true)
                .start();
        String output = new String(godot.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(godot.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(output).contains("Parse Error");
        Matcher reported = GODOT_LINE.matcher(output);
        assertThat(reported.find()).as(output).isTrue();
        assertThat(reported.group(1)).as(output).isEqualTo(expected.group(1));
        if (expected.group(3) != null) {
            assertThat(output).contains("Parse Error: " + expected.group(3));
        }
    }
}
