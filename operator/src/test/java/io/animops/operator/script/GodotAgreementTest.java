package io.animops.operator.script;

import io.animops.agent.godot.web.WebGodot;
import io.animops.operator.script.agreement.Godot3Corpus;
import io.animops.operator.script.agreement.GodotAgreement;
import io.animops.operator.script.agreement.GodotAgreement.Comparison;
import io.animops.operator.script.agreement.SyntaxMutator;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The validator against real Godot 4.6 (the web build in headless Chromium, one engine start for everything):
 * the seeded syntax-error mutants of the bundled scenes and the valid corpus must agree on the first error's
 * line and message at least as often as when this floor was set, and the corpus's own {@code # expect:} lines
 * must be what Godot says, and so must the Godot 3 idioms corpus's. This needs the engine: without chromium or
 * the engine files
 * (render-agent-macos/scripts/fetch-godot-web) it fails rather than pretend to agree.
 */
class GodotAgreementTest {
    /** Measured with {@link SyntaxMutator#SEED}; raise them as the parser follows Godot more closely. */
    private static final long SAME_LINE_FLOOR = 324;

    private static final long SAME_MESSAGE_FLOOR = 324;
    private static final String CORPUS = "corpus/";

    @Test
    void mutantsAndCorpusAgreeWithRealGodot() throws Exception {
        Path repository = Path.of("").toAbsolutePath().getParent();
        List<SyntaxMutator.Mutant> mutants =
                new SyntaxMutator(SyntaxMutator.SEED).mutate(SyntaxMutator.defaultSources(repository));
        assertThat(mutants).hasSizeGreaterThanOrEqualTo(150);
        Map<String, String> scripts = new LinkedHashMap<>();
        mutants.forEach(m -> scripts.put(m.name(), m.source()));
        Map<String, Matcher> expectations = new LinkedHashMap<>();
        for (Path script : ScriptCorpusTest.corpus().toList()) {
            String source = ScriptCorpusTest.read(script);
            Matcher expect =
                    ScriptCorpusTest.EXPECT.matcher(source.lines().findFirst().orElse(""));
            if (expect.matches() && expect.group(5) == null) { // valid or parse: what Godot decides
                String name = CORPUS + script.getFileName().toString().replace(".gd", "");
                scripts.put(name, source);
                expectations.put(name, expect);
            }
        }

        Map<String, String> godot3 = Godot3Corpus.scripts(repository);
        scripts.putAll(godot3);

        GodotAgreement.Result all =
                new GodotAgreement(WebGodot.fromEnvironment()).compare(scripts, Duration.ofMinutes(5));

        GodotAgreement.Result onMutants = new GodotAgreement.Result(all.comparisons().stream()
                .filter(c -> !c.name().startsWith(CORPUS) && !c.name().startsWith(Godot3Corpus.PREFIX))
                .toList());
        assertThat(onMutants.sameLine())
                .as(onMutants.summary() + "\n" + onMutants.disagreements())
                .isGreaterThanOrEqualTo(SAME_LINE_FLOOR);
        assertThat(onMutants.sameMessage())
                .as(onMutants.summary() + "\n" + onMutants.disagreements())
                .isGreaterThanOrEqualTo(SAME_MESSAGE_FLOOR);
        SoftAssertions corpusAgrees = new SoftAssertions();
        for (Comparison corpus : all.comparisons().stream()
                .filter(c -> c.name().startsWith(CORPUS))
                .toList()) {
            Matcher expect = expectations.get(corpus.name());
            if (expect.group(2) == null) {
                corpusAgrees.assertThat(corpus.godot()).as(corpus.toString()).isNull();
            } else {
                GodotAgreement.FirstError expected = new GodotAgreement.FirstError(
                        Integer.parseInt(expect.group(2)),
                        expect.group(4) != null
                                ? expect.group(4)
                                : corpus.godot() == null ? "" : corpus.godot().message());
                corpusAgrees.assertThat(corpus.godot()).as(corpus.toString()).isEqualTo(expected);
            }
        }
        // the Godot 3 corpus's expectations are what the engine says (Godot3IdiomsTest measures the validator)
        for (Comparison idiom : all.comparisons().stream()
                .filter(c -> c.name().startsWith(Godot3Corpus.PREFIX))
                .toList()) {
            corpusAgrees
                    .assertThat(idiom.godot())
                    .as(idiom.toString())
                    .isEqualTo(Godot3Corpus.expected(godot3.get(idiom.name())));
        }
        corpusAgrees.assertAll();
    }
}
