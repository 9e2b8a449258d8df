package io.animops.operator.script;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the scene script in a model's answer. Models wrap code in fences (```gdscript, ```gd, plain ```),
 * add prose before and after, give several blocks, or none at all. Among fenced blocks the one that
 * {@code extends Node2D} wins, else the longest; without fences the script runs from its {@code extends}
 * line to the last line that still looks like GDScript.
 */
public final class ScriptExtractor {
    private static final Pattern FENCE = Pattern.compile(
            "(?m)^[ \\t]*```[ \\t]*([A-Za-z0-9_+-]*)[ \\t]*\\r?\\n(.*?)(?:^[ \\t]*```[ \\t]*$|\\z)", Pattern.DOTALL);
    private static final Pattern EXTENDS_NODE2D = Pattern.compile("(?m)^extends\\s+Node2D\\b");
    private static final Pattern EXTENDS = Pattern.compile("(?m)^extends\\s+\\S");
    /** A line that can continue a script at top level: indented code, comments, annotations, declarations. */
    private static final Pattern SCRIPT_LINE = Pattern.compile(
            "^(\\s*|\\s+\\S.*|#.*|@.*|(extends|class_name|func|static|var|const|signal|enum|class)\\b.*)$");

    private static final List<String> CODE_LANGUAGES = List.of("", "gdscript", "gd", "godot", "gdscript2", "python");

    private ScriptExtractor() {}

    public static Optional<String> extract(String answer) {
        if (answer == null || answer.isBlank()) {
            return Optional.empty();
        }
        String text = answer.replace("\r\n", "\n");
        List<String> blocks = new ArrayList<>();
        Matcher fence = FENCE.matcher(text);
        while (fence.find()) {
            String language = fence.group(1).toLowerCase(java.util.Locale.ROOT);
            String body = fence.group(2);
            if (CODE_LANGUAGES.contains(language) && !body.isBlank()) {
                blocks.add(body);
            }
        }
        if (!blocks.isEmpty()) {
            Optional<String> scene = blocks.stream()
                    .filter(b -> EXTENDS_NODE2D.matcher(b).find())
                    .findFirst();
            return Optional.of(normalize(scene.orElseGet(() ->
                    blocks.stream().max(Comparator.comparingInt(String::length)).orElseThrow())));
        }
        return unfenced(text).map(ScriptExtractor::normalize);
    }

    private static Optional<String> unfenced(String text) {
        Matcher extendsLine = EXTENDS_NODE2D.matcher(text);
        if (!extendsLine.find()) {
            extendsLine = EXTENDS.matcher(text);
            if (!extendsLine.find()) {
                return Optional.empty();
            }
        }
        String[] lines = text.substring(extendsLine.start()).split("\n", -1);
        int last = 0;
        for (int i = 0; i < lines.length; i++) {
            if (!SCRIPT_LINE.matcher(lines[i]).matches()) {
                break;
            }
            if (!lines[i].isBlank()) {
                last = i;
            }
        }
        // comments directly above 'extends' belong to the script (e.g. "# Scene: ..." headers)
        String before = text.substring(0, extendsLine.start());
        List<String> header = new ArrayList<>();
        String[] previous = before.split("\n", -1);
        for (int i = previous.length - 2; i >= 0 && previous[i].startsWith("#"); i--) {
            header.add(0, previous[i]);
        }
        StringBuilder out = new StringBuilder();
        header.forEach(h -> out.append(h).append('\n'));
        for (int i = 0; i <= last; i++) {
            out.append(lines[i]).append('\n');
        }
        return Optional.of(out.toString());
    }

    private static String normalize(String script) {
        String s = script.stripTrailing();
        while (s.startsWith("\n")) {
            s = s.substring(1);
        }
        return s + "\n";
    }
}
