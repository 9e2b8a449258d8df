package io.animops.operator.design;

import com.fasterxml.jackson.databind.JsonNode;
import io.animops.operator.common.Hashes;
import io.animops.operator.config.InvalidDocumentException;
import io.animops.operator.config.JsonDocument;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The studio's visual rules for a vertical frame: palette, background, fonts, safe margins and stroke widths.
 * Versioned: the version goes into the authoring prompt, into each render job and into its provenance.
 *
 * @param json   the document as written (what agents put into the workspace)
 * @param sha256 hash of the canonical form: two documents with the same hash have the same content
 */
public record DesignSystem(
        String version,
        int frameWidth,
        int frameHeight,
        String background,
        Map<String, String> palette,
        Map<String, Font> fonts,
        Margins safeMargins,
        Map<String, Double> strokeWidths,
        String json,
        String sha256) {

    public record Font(String family, String weight, int sizePx) {}

    /** Pixels from each edge of the frame that platform overlays (buttons, captions, search bar) may cover. */
    public record Margins(int top, int bottom, int left, int right) {}

    /** The colour used for text; every palette must name one. */
    public static final String TEXT_COLOUR = "text";

    static final Pattern VERSION = Pattern.compile("^[0-9A-Za-z][0-9A-Za-z.+-]{0,63}$");
    private static final Pattern COLOUR = Pattern.compile("^#[0-9A-Fa-f]{6}$");
    private static final Pattern NAME = Pattern.compile("^[a-z][A-Za-z0-9]{0,31}$");
    private static final Set<String> FIELDS =
            Set.of("version", "description", "frame", "background", "palette", "fonts", "safeMargins", "strokeWidths");

    /**
     * Parses and validates a design system document.
     *
     * @param source where the text came from, for error messages
     * @throws InvalidDocumentException naming the first offending field
     */
    public static DesignSystem parse(String json, String source) {
        JsonDocument doc = new JsonDocument(source);
        JsonNode root = doc.parse(json);
        doc.onlyKnownFields(root, "", FIELDS);
        String version = doc.text(root, "", "version");
        if (!VERSION.matcher(version).matches()) {
            throw doc.fail(
                    "version",
                    "must be letters, digits, '.', '+' or '-' (at most 64), e.g. 2026.11.1; got \"" + version + "\"");
        }
        doc.optionalText(root, "", "description");

        JsonNode frame = doc.object(root, "", "frame");
        doc.onlyKnownFields(frame, "frame", Set.of("width", "height"));
        int width = doc.integer(frame, "frame", "width", 90, 2160);
        int height = doc.integer(frame, "frame", "height", 160, 3840);
        if (width >= height) {
            throw doc.fail("frame", "must be vertical (width < height), got " + width + "x" + height);
        }

        String background = colour(doc, root, "", "background");

        JsonNode paletteNode = doc.object(root, "", "palette");
        Map<String, String> palette = new LinkedHashMap<>();
        for (String name : JsonDocument.fields(paletteNode).keySet()) {
            palette.put(name(doc, "palette", name), colour(doc, paletteNode, "palette", name));
        }
        if (!palette.containsKey(TEXT_COLOUR)) {
            throw doc.fail("palette." + TEXT_COLOUR, "is required: the colour of every text");
        }

        JsonNode fontsNode = doc.object(root, "", "fonts");
        Map<String, Font> fonts = new LinkedHashMap<>();
        for (String role : JsonDocument.fields(fontsNode).keySet()) {
            String path = "fonts." + name(doc, "fonts", role);
            JsonNode font = doc.object(fontsNode, "fonts", role);
            doc.onlyKnownFields(font, path, Set.of("family", "weight", "sizePx"));
            fonts.put(
                    role,
                    new Font(
                            doc.text(font, path, "family"),
                            doc.optionalText(font, path, "weight"),
                            doc.integer(font, path, "sizePx", 8, 400)));
        }
        if (fonts.isEmpty()) {
            throw doc.fail("fonts", "must name at least one font");
        }

        JsonNode marginsNode = doc.object(root, "", "safeMargins");
        doc.onlyKnownFields(marginsNode, "safeMargins", Set.of("top", "bottom", "left", "right"));
        Margins margins = new Margins(
                doc.integer(marginsNode, "safeMargins", "top", 0, height),
                doc.integer(marginsNode, "safeMargins", "bottom", 0, height),
                doc.integer(marginsNode, "safeMargins", "left", 0, width),
                doc.integer(marginsNode, "safeMargins", "right", 0, width));
        if (margins.top() + margins.bottom() >= height) {
            throw doc.fail(
                    "safeMargins",
                    "top + bottom (" + (margins.top() + margins.bottom()) + ") leave no room in a frame " + height
                            + " px high");
        }
        if (margins.left() + margins.right() >= width) {
            throw doc.fail(
                    "safeMargins",
                    "left + right (" + (margins.left() + margins.right()) + ") leave no room in a frame " + width
                            + " px wide");
        }

        JsonNode strokesNode = doc.object(root, "", "strokeWidths");
        Map<String, Double> strokes = new LinkedHashMap<>();
        for (String name : JsonDocument.fields(strokesNode).keySet()) {
            strokes.put(name(doc, "strokeWidths", name), doc.positive(strokesNode, "strokeWidths", name, 64));
        }
        if (strokes.isEmpty()) {
            throw doc.fail("strokeWidths", "must name at least one stroke width");
        }
        return new DesignSystem(
                version,
                width,
                height,
                background,
                Collections.unmodifiableMap(palette),
                Collections.unmodifiableMap(fonts),
                margins,
                Collections.unmodifiableMap(strokes),
                json,
                Hashes.sha256(JsonDocument.canonical(root)));
    }

    private static String colour(JsonDocument doc, JsonNode parent, String path, String name) {
        String value = doc.text(parent, path, name);
        if (!COLOUR.matcher(value).matches()) {
            throw doc.fail(JsonDocument.join(path, name), "must be a colour #RRGGBB, got \"" + value + "\"");
        }
        return value.toUpperCase(java.util.Locale.ROOT);
    }

    private static String name(JsonDocument doc, String path, String name) {
        if (!NAME.matcher(name).matches()) {
            throw doc.fail(JsonDocument.join(path, name), "names are lowerCamelCase letters and digits (at most 32)");
        }
        return name;
    }
}
