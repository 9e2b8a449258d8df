package io.animops.operator.script;

import io.animops.crds.v1alpha1.ScriptError;
import io.animops.operator.script.contract.ContractRule;
import io.animops.operator.script.contract.GdscriptContractValidator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs every script under src/test/resources/gdscript through the validator and compares the findings
 * with the script's header: {@code # expect: valid}, {@code # expect: parse 12:5} (optionally followed by Godot's message, e.g.
 * {@code # expect: parse 12:5 Expected ":" after "if" condition.}) or
 * {@code # expect: contract contract.forbidden-api 8:9} (one line per expected finding), and optionally
 * {@code # duration: 30} for the scene length the script was written for (default 20).
 */
class ScriptCorpusTest {
    static final Pattern EXPECT =
            Pattern.compile("^# expect: (valid|parse (\\d+):(\\d+)(?: (.+?))?|contract ([a-z.-]+) (\\d+):(\\d+))\\s*$");
    private static final Pattern DURATION = Pattern.compile("^# duration: (\\d+)\\s*$");

    private final GdscriptContractValidator validator = new GdscriptContractValidator();

    static Stream<Path> corpus() throws IOException, URISyntaxException {
        Path root = Path.of(ScriptCorpusTest.class.getResource("/gdscript").toURI());
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(p -> p.toString().endsWith(".gd")).sorted().toList().stream();
        }
    }

    @Test
    void corpusIsLargeEnough() throws Exception {
        assertThat(corpus().count()).isGreaterThanOrEqualTo(60);
    }

    /** Valid scripts comply with every rule at once; this checks each rule also has a violating script. */
    @Test
    void everyRuleHasAViolatingScript() throws Exception {
        Set<String> expectedRules = new HashSet<>();
        for (Path script : corpus().toList()) {
            for (String line : read(script).split("\n")) {
                Matcher m = EXPECT.matcher(line);
                if (m.matches()) {
                    expectedRules.add(m.group(5) != null ? m.group(5) : m.group(2) != null ? "parse.syntax" : "valid");
                }
            }
        }
        // the rules of contract-v2's capability checks are exercised by the hostile corpus (HostileCorpusTest)
        Path hostile =
                Path.of(ScriptCorpusTest.class.getResource("/gdscript-hostile").toURI());
        try (Stream<Path> files = Files.list(hostile)) {
            files.map(ScriptCorpusTest::read)
                    .forEach(source -> source.lines()
                            .filter(line -> line.startsWith("# expect-rule: "))
                            .forEach(line -> expectedRules.add(
                                    line.substring("# expect-rule: ".length()).strip())));
        }
        assertThat(expectedRules).contains("valid");
        // parse.names has its own corpus, with Godot 4.6's messages: Godot3IdiomsTest
        assertThat(expectedRules)
                .containsAll(Arrays.stream(ContractRule.values())
                        .filter(r -> r != ContractRule.NAMES)
                        .map(ContractRule::id)
                        .toList());
    }

    @Test
    void windowsLineEndingsAreAccepted() throws Exception {
        Path tour = corpus().filter(p -> p.getFileName().toString().equals("marble_run_full_scene.gd"))
                .findFirst()
                .orElseThrow();
        String crlf = read(tour).replace("\n", "\r\n");
        assertThat(validator.validate(crlf, SceneExpectations.frame(30))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void scriptYieldsExactlyTheExpectedFindings(Path script) {
        String source = read(script);
        List<String> expected = new ArrayList<>();
        List<String> expectedMessages = new ArrayList<>();
        int duration = 20;
        boolean declared = false;
        for (String line : source.split("\n")) {
            Matcher m = EXPECT.matcher(line);
            if (m.matches()) {
                declared = true;
                if (m.group(2) != null) {
                    expected.add("parse parse.syntax " + m.group(2) + ":" + m.group(3));
                    if (m.group(4) != null) {
                        expectedMessages.add(m.group(4));
                    }
                } else if (m.group(5) != null) {
                    expected.add("contract " + m.group(5) + " " + m.group(6) + ":" + m.group(7));
                }
            }
            Matcher d = DURATION.matcher(line);
            if (d.matches()) {
                duration = Integer.parseInt(d.group(1));
            }
        }
        assertThat(declared)
                .as("a '# expect:' header in " + script.getFileName())
                .isTrue();
        List<ScriptError> findings = validator.validate(source, SceneExpectations.frame(duration));
        List<String> actual = findings.stream()
                .map(e -> e.getStage() + " " + e.getRule() + " " + e.getLine() + ":" + e.getColumn())
                .toList();
        assertThat(actual).as(findings.toString()).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(findings).allSatisfy(e -> assertThat(e.getMessage()).isNotBlank());
        for (String message : expectedMessages) {
            // the validator appends the rule's hint after Godot's own message
            assertThat(findings).anySatisfy(e -> assertThat(e.getMessage()).startsWith(message));
        }
    }

    static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
