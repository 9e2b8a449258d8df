package io.animops.operator.script;

import io.animops.operator.script.agreement.Godot3Corpus;
import io.animops.operator.script.agreement.GodotAgreement;
import io.animops.operator.script.agreement.GodotAgreement.Comparison;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The static validator on the Godot 3 idioms corpus, against the first errors real Godot 4.6 gave (the corpus's
 * {@code # expect:} lines, which {@link GodotAgreementTest} checks against the engine): how many it catches at
 * Godot's line and with Godot's message, held as floors, and never an error where Godot loads the script.
 */
class Godot3IdiomsTest {
    /** Measured; raise them as the static check covers more of Godot's analyzer. */
    private static final long CAUGHT_FLOOR = 74;

    private static final long SAME_MESSAGE_FLOOR = 74;

    @Test
    void validatorCatchesGodot3IdiomsWithGodotsLineAndMessage() throws Exception {
        Map<String, String> scripts =
                Godot3Corpus.scripts(Path.of("").toAbsolutePath().getParent());
        assertThat(scripts).hasSizeGreaterThanOrEqualTo(60);
        GodotAgreement validator = new GodotAgreement(null);
        List<Comparison> comparisons = new ArrayList<>();
        scripts.forEach((name, source) -> comparisons.add(
                new Comparison(name, Godot3Corpus.expected(source), validator.validatorFirstError(source))));

        String summary = Godot3Corpus.summary(comparisons);
        String misses = comparisons.stream()
                .filter(c -> c.godot() != null && !Godot3Corpus.sameMessage(c))
                .map(Comparison::toString)
                .collect(Collectors.joining("\n"));
        long caught = comparisons.stream().filter(Godot3Corpus::caught).count();
        long same = comparisons.stream().filter(Godot3Corpus::sameMessage).count();
        assertThat(caught).as(summary + "\n" + misses).isGreaterThanOrEqualTo(CAUGHT_FLOOR);
        assertThat(same).as(summary + "\n" + misses).isGreaterThanOrEqualTo(SAME_MESSAGE_FLOOR);
        // what Godot 4.6 loads, the static check must not reject
        assertThat(comparisons.stream().filter(c -> c.godot() == null))
                .allSatisfy(c -> assertThat(c.validator()).as(c.toString()).isNull());
        System.out.println(summary);
    }
}
