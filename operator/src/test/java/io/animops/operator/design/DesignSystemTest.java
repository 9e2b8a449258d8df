package io.animops.operator.design;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.animops.operator.config.InvalidDocumentException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The design system document: the example is valid and every mistake names its field. */
class DesignSystemTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theExampleIsTheBundledDesignSystem() throws IOException {
        String text = Files.readString(
                Path.of(System.getProperty("animops.repo.dir", "..")).resolve("examples/design-system.json"));
        DesignSystem example = DesignSystem.parse(text, "examples/design-system.json");
        DesignSystem bundled = DesignSystems.bundled();
        assertThat(bundled.sha256()).isEqualTo(example.sha256());
        assertThat(example.version()).isEqualTo("2026.11.1");
        assertThat(example.frameWidth()).isEqualTo(1080);
        assertThat(example.frameHeight()).isEqualTo(1920);
        assertThat(example.background()).isEqualTo("#101418");
        assertThat(example.palette())
                .containsEntry("text", "#F8F9FA")
                .containsKeys("coral", "sun", "mint", "ocean", "rose");
        assertThat(example.fonts().get("title")).isEqualTo(new DesignSystem.Font("Inter", "Bold", 64));
        assertThat(example.safeMargins()).isEqualTo(new DesignSystem.Margins(180, 320, 60, 120));
        assertThat(example.strokeWidths()).containsEntry("regular", 4.0);
        assertThat(example.json()).isEqualTo(text);
    }

    @Test
    void layoutDoesNotChangeTheContentHashButAValueDoes() throws IOException {
        DesignSystem bundled = DesignSystems.bundled();
        DesignSystem compact = DesignSystem.parse(JSON.readTree(bundled.json()).toString(), "compact");
        assertThat(compact.sha256()).isEqualTo(bundled.sha256());
        assertThat(DesignSystem.parse(modified("background", "\"#000000\""), "changed")
                        .sha256())
                .isNotEqualTo(bundled.sha256());
    }

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "version|null|version|is required",
                "version|\"2026 11\"|version|e.g. 2026.11.1",
                "version|7|version|non-empty string",
                "background|\"#12345\"|background|#RRGGBB",
                "background|\"teal\"|background|#RRGGBB",
                "palette|{\"coral\": \"#FF5D73\"}|palette.text|is required",
                "palette|{\"text\": \"#FFFFFF\", \"Bad Name\": \"#FFFFFF\"}|palette.Bad Name|lowerCamelCase",
                "palette|{\"text\": \"#FFFFFF\", \"accent\": \"red\"}|palette.accent|#RRGGBB",
                "palette|[]|palette|must be an object",
                "fonts|{}|fonts|at least one font",
                "fonts|{\"title\": {\"family\": \"Inter\"}}|fonts.title.sizePx|is required",
                "fonts|{\"title\": {\"family\": \"Inter\", \"sizePx\": 4}}|fonts.title.sizePx|between 8 and 400",
                "fonts|{\"title\": {\"family\": \"\", \"sizePx\": 40}}|fonts.title.family|non-empty string",
                "fonts|{\"title\": {\"family\": \"Inter\", \"sizePx\": 40, \"colour\": \"#FFFFFF\"}}|fonts.title.colour|unknown field",
                "safeMargins|{\"top\": 180, \"bottom\": 320, \"left\": 60}|safeMargins.right|is required",
                "safeMargins|{\"top\": -1, \"bottom\": 320, \"left\": 60, \"right\": 60}|safeMargins.top|between 0 and 1920",
                "safeMargins|{\"top\": 1000, \"bottom\": 920, \"left\": 60, \"right\": 60}|safeMargins|no room in a frame 1920 px high",
                "safeMargins|{\"top\": 180, \"bottom\": 320, \"left\": 540, \"right\": 540}|safeMargins|no room in a frame 1080 px wide",
                "safeMargins|{\"top\": 180.5, \"bottom\": 320, \"left\": 60, \"right\": 60}|safeMargins.top|whole number",
                "strokeWidths|{}|strokeWidths|at least one stroke width",
                "strokeWidths|{\"thin\": 0}|strokeWidths.thin|greater than 0",
                "strokeWidths|{\"thin\": 100}|strokeWidths.thin|at most 64",
                "frame|{\"width\": 1920, \"height\": 1080}|frame|must be vertical",
                "frame|{\"width\": 1080}|frame.height|is required",
                "colours|{}|colours|unknown field"
            })
    void everyMistakeNamesItsField(String field, String value, String expectedField, String reason) throws IOException {
        InvalidDocumentException e = catchThrowableOfType(
                InvalidDocumentException.class, () -> DesignSystem.parse(modified(field, value), "design.json"));
        assertThat(e).as("no error for %s = %s", field, value).isNotNull();
        assertThat(e.field()).isEqualTo(expectedField);
        assertThat(e.getMessage())
                .startsWith("design.json: " + expectedField + ": ")
                .contains(reason);
    }

    @Test
    void notJsonAtAllIsReportedWithItsPosition() {
        InvalidDocumentException e = catchThrowableOfType(
                InvalidDocumentException.class, () -> DesignSystem.parse("{\"version\": ", "design.json"));
        assertThat(e.field()).isEqualTo("$");
        assertThat(e.getMessage()).contains("not valid JSON").contains("line 1");
    }

    /** The bundled document with one top-level field replaced (JSON text; "null" removes it). */
    private static String modified(String field, String json) throws IOException {
        ObjectNode root = (ObjectNode) JSON.readTree(DesignSystems.bundled().json());
        if ("null".equals(json)) {
            root.remove(field);
        } else {
            root.set(field, JSON.readTree(json));
        }
        return root.toString();
    }
}
