package io.animops.operator.idea;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A pairs file of one's own, as bench/gate/run --pairs reads it: the evaluation set's format, split and kind free. */
class GateEvaluationFileTest {
    private static final GateZones ZONES = new GateZones(0.3, 0.9, "test");

    @TempDir
    Path dir;

    @Test
    void everyPairIsScoredWhateverItsSplitAndKind() throws IOException {
        Path file = write("""
                {"id": "d1", "label": "duplicate", "kind": "synonyms", "split": "calibration", \
                "a": {"title": "Marble Funnel Race", "premise": "Marbles race down ramps into a funnel."}, \
                "b": {"title": "Marble Funnel Race", "premise": "Marbles race down ramps into a funnel!"}}

                {"label": "distinct", "kind": "clearly-different", \
                "a": {"title": "Pendulum Wave", "physicsHook": "periods"}, "b": {"title": "Egg Drop"}}
                {"label": "distinct", "kind": "near-miss-outcome", \
                "a": {"title": "Dominoes"}, "b": {"title": "Dominoes fall up"}}
                {"label": "distinct", "kind": "my-own-kind", "a": {"title": "Sand"}, "b": {"title": "Snow"}}
                """);

        List<GateEvaluation.Pair> pairs = GateEvaluation.pairs(file);

        assertThat(pairs).hasSize(4);
        assertThat(pairs).extracting(GateEvaluation.Pair::split).containsOnly("calibration", "heldout");
        assertThat(pairs.get(1).a().physicsHook()).isEqualTo("periods");
        assertThat(pairs.get(1).b().premise()).isEmpty();
        List<GateEvaluation.Scored> scored = GateEvaluation.score(new HashEmbedding(), pairs);
        GateEvaluation.Figures figures = GateEvaluation.figures(scored, ZONES);
        assertThat(figures.pairs()).isEqualTo(4);
        assertThat(figures.duplicates()).isEqualTo(1);
        assertThat(figures.clearlyDifferent()).isEqualTo(1);
        // a kind of one's own is neither a near-miss nor clearly different
        assertThat(figures.nearMisses()).isEqualTo(1);
        assertThat(GateEvaluation.report("hash", "pairs of my file", ZONES, figures))
                .startsWith("gate hash on 4 pairs of my file (1 duplicates), zones review 0.30 / duplicate 0.90:");
        assertThat(GateEvaluation.zonesByKind(scored, ZONES))
                .contains("duplicate synonyms")
                .contains("distinct my-own-kind");
    }

    @Test
    void aSetWithoutDuplicatesOrKindsPrintsNoFigureItCannotHave() throws IOException {
        Path file = write("{\"label\": \"distinct\", \"a\": {\"title\": \"Sand\"}, \"b\": {\"title\": \"Snow\"}}\n");
        List<GateEvaluation.Scored> scored = GateEvaluation.score(new HashEmbedding(), GateEvaluation.pairs(file));
        GateEvaluation.Figures figures = GateEvaluation.figures(scored, ZONES);
        assertThat(figures.flaggedRecall()).isNaN();
        assertThat(GateEvaluation.report("hash", "pairs", ZONES, figures))
                .contains("recall n/a (0 of 0 duplicates)")
                .contains("clearly different sent to review or rejected: n/a (0 of 0)")
                .doesNotContain("NaN");
        assertThat(GateEvaluation.zonesByKind(scored, ZONES)).contains("distinct (no kind)");
    }

    @Test
    void aLineThatIsNotAPairNamesTheFileLineAndField() throws IOException {
        String good = "{\"label\": \"duplicate\", \"a\": {\"title\": \"A\"}, \"b\": {\"title\": \"B\"}}\n";
        Path badLabel = write(good + "{\"label\": \"same\", \"a\": {\"title\": \"A\"}, \"b\": {\"title\": \"B\"}}\n");
        assertThatThrownBy(() -> GateEvaluation.pairs(badLabel))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(badLabel + " line 2: label must be \"duplicate\" or \"distinct\", got \"same\"");
        Path noTitle = write("{\"label\": \"distinct\", \"a\": {\"title\": \"A\"}, \"b\": {\"premise\": \"only\"}}\n");
        assertThatThrownBy(() -> GateEvaluation.pairs(noTitle))
                .hasMessageStartingWith(noTitle + " line 1: b.title is missing");
        Path badSplit = write(
                "{\"label\": \"distinct\", \"split\": \"test\", \"a\": {\"title\": \"A\"}, \"b\": {\"title\": \"B\"}}");
        assertThatThrownBy(() -> GateEvaluation.pairs(badSplit)).hasMessageContaining("line 1: split must be");
        Path notJson = write(good + "{label: duplicate");
        assertThatThrownBy(() -> GateEvaluation.pairs(notJson)).hasMessageStartingWith(notJson + " line 2: ");
        Path empty = write("\n\n");
        assertThatThrownBy(() -> GateEvaluation.pairs(empty)).hasMessage(empty + " holds no pair");
        Path missing = dir.resolve("missing.jsonl");
        assertThatThrownBy(() -> GateEvaluation.pairs(missing))
                .hasMessageStartingWith("cannot read the pairs file " + missing);
    }

    private Path write(String text) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "pairs", ".jsonl"), text);
    }
}
