package io.animops.operator.qc;

import io.animops.operator.config.InvalidDocumentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The checklists file: the bundled one is valid, and every mistake names its field. */
class QcChecklistFileTest {
    private static final String ITEM =
            "{\"id\": \"duration\", \"title\": \"Duration\", \"rule\": \"durationWithin\", \"toleranceSeconds\": 0.5}";

    @Test
    void theBundledChecklistsHoldEveryRuleWithTheIssuesLimits() throws IOException {
        List<QcChecklist> checklists = QcChecklist.parseFile(
                Files.readString(
                        Path.of(System.getProperty("animops.repo.dir", "..")).resolve("examples/qc-checklists.json")),
                "examples/qc-checklists.json");
        assertThat(checklists).extracting(QcChecklist::name).containsExactly("shorts", "shorts-reviewed");
        QcChecklist shorts = checklists.get(0);
        assertThat(shorts.hasManualItems()).isFalse();
        assertThat(shorts.items())
                .extracting(QcItem::rule)
                .containsExactly(
                        QcRule.durationWithin,
                        QcRule.resolution,
                        QcRule.fps,
                        QcRule.noBlackSegmentOver,
                        QcRule.noFrozenSegmentOver,
                        QcRule.sizeUnder);
        assertThat(shorts.items()).extracting(QcItem::limit).containsExactly(0.5, null, 0.01, 0.5, 1.0, 104857600.0);
        assertThat(checklists.get(1).hasManualItems()).isTrue();
    }

    @Test
    void layoutAndKeyOrderDoNotChangeTheContentHashButAValueDoes() {
        QcChecklist a = QcChecklist.parse("{\"name\": \"c\", \"items\": [" + ITEM + "]}", "a");
        QcChecklist b = QcChecklist.parse(
                "{\n  \"items\": [{\"rule\": \"durationWithin\", \"toleranceSeconds\": 0.5, \"title\": \"Duration\", \"id\": \"duration\"}],\n  \"name\": \"c\"\n}",
                "b");
        QcChecklist c = QcChecklist.parse("{\"name\": \"c\", \"items\": [" + ITEM.replace("0.5", "0.4") + "]}", "c");
        assertThat(a.sha256()).isEqualTo(b.sha256());
        assertThat(a.sha256()).isNotEqualTo(c.sha256());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "{\"checklists\": []}|checklists|at least one checklist",
                "{\"checklists\": [], \"extra\": 1}|extra|unknown field",
                "{\"checklists\": [{\"name\": \"Bad Name\", \"items\": [ITEM]}]}|checklists[0].name|lower case",
                "{\"checklists\": [{\"name\": \"a\", \"items\": []}]}|checklists[0].items|at least one item",
                "{\"checklists\": [{\"name\": \"a\", \"items\": [ITEM]}, {\"name\": \"a\", \"items\": [ITEM]}]}|checklists[1].name|earlier checklist",
                "{\"checklists\": [{\"name\": \"a\", \"items\": [ITEM, ITEM]}]}|checklists[0].items[1].id|earlier item",
                "{\"checklists\": [{\"name\": \"a\", \"items\": [{\"id\": \"x\", \"title\": \"X\", \"rule\": \"loudness\"}]}]}|checklists[0].items[0].rule|unknown rule \"loudness\"",
                "{\"checklists\": [{\"name\": \"a\", \"items\": [{\"id\": \"x\", \"title\": \"X\", \"rule\": \"noBlackSegmentOver\"}]}]}|checklists[0].items[0].maxSeconds|is required",
                "{\"checklists\": [{\"name\": \"a\", \"items\": [{\"id\": \"x\", \"title\": \"X\", \"rule\": \"noBlackSegmentOver\", \"maxSeconds\": 0}]}]}|checklists[0].items[0].maxSeconds|greater than 0",
                "{\"checklists\": [{\"name\": \"a\", \"items\": [{\"id\": \"x\", \"title\": \"X\", \"rule\": \"fps\", \"tolerance\": \"small\"}]}]}|checklists[0].items[0].tolerance|must be a number",
                "{\"checklists\": [{\"name\": \"a\", \"items\": [{\"id\": \"x\", \"title\": \"X\", \"rule\": \"sizeUnder\", \"maxBytes\": 1.5}]}]}|checklists[0].items[0].maxBytes|whole number",
                "{\"checklists\": [{\"name\": \"a\", \"items\": [{\"id\": \"x\", \"title\": \"X\", \"rule\": \"resolution\", \"maxSeconds\": 1}]}]}|checklists[0].items[0].maxSeconds|unknown field",
                "{\"checklists\": [{\"name\": \"a\", \"items\": [{\"id\": \"review\", \"title\": \"X\", \"rule\": \"manual\"}]}]}|checklists[0].items[0].id|reserved",
                "{\"checklists\": [{\"name\": \"a\", \"items\": [{\"id\": \"x\", \"rule\": \"manual\"}]}]}|checklists[0].items[0].title|is required",
                "{\"checklists\": [{\"name\": \"a\", \"items\": [{\"id\": \"x\", \"title\": \"X\"}]}]}|checklists[0].items[0].rule|is required",
                "[1, 2]|$|JSON object",
                "{\"checklists\": [|$|not valid JSON"
            })
    void everyMistakeNamesItsField(String json, String field, String reason) {
        InvalidDocumentException e = catchThrowableOfType(
                InvalidDocumentException.class, () -> QcChecklist.parseFile(json.replace("ITEM", ITEM), "qc.json"));
        assertThat(e).as("no error for %s", json).isNotNull();
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.getMessage()).startsWith("qc.json: " + field + ": ").contains(reason);
    }

    @Test
    void aSingleStoredChecklistParsesAlone() {
        assertThatThrownBy(() -> QcChecklist.parse("{\"name\": \"a\"}", "qc_checklists a v1"))
                .isInstanceOf(InvalidDocumentException.class)
                .hasMessage("qc_checklists a v1: items: is required");
    }
}
