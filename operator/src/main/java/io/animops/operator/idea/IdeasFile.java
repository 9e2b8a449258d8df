package io.animops.operator.idea;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parser of the static ideas file (examples/ideas.md) used when no language model proposes ideas.
 *
 * <p>Format: every idea starts with a level-2 heading holding its title, followed by plain
 * {@code Key: value} lines with the keys {@code Premise} (required), {@code Physics} and {@code Hook}.
 * Blank lines are allowed anywhere; text before the first level-2 heading is an introduction and is
 * ignored (including fenced code blocks in it, which may show the format). Everything inside an idea
 * must be a known field: the file is hand-edited, and a silently dropped line would be a lost idea.
 *
 * <p>Limits follow the AnimationIdea CRD where it has them (premise at least 10 and at most 4000
 * characters, physics hook and hook at most 1000); titles are capped at 80 characters because they
 * become video titles, and they must be unique (case-insensitively) because the Idea Gate would
 * reject the second one as a duplicate anyway.
 */
public final class IdeasFile {
    public static final int TITLE_MIN = 3;
    public static final int TITLE_MAX = 80;
    public static final int PREMISE_MIN = 10;
    public static final int PREMISE_MAX = 4000;
    public static final int HOOK_MAX = 1000;

    static final String TITLE = "Title";
    static final String PREMISE = "Premise";
    static final String PHYSICS = "Physics";
    static final String HOOK = "Hook";
    private static final List<String> KEYS = List.of(PREMISE, PHYSICS, HOOK);

    private IdeasFile() {}

    /**
     * Parses every idea of {@code markdown}, in file order.
     *
     * @param sourceName name used in error messages, e.g. {@code examples/ideas.md}
     * @return the ideas; empty when the text has no level-2 heading
     * @throws IdeasFileException on the first malformed entry
     */
    public static List<IdeaProposal> parse(String markdown, String sourceName) {
        String text = markdown.startsWith("\uFEFF") ? markdown.substring(1) : markdown;
        String[] lines = text.split("\r\n|\r|\n", -1);
        List<IdeaProposal> ideas = new ArrayList<>();
        Map<String, Integer> titleLines = new HashMap<>();
        Entry entry = null;
        boolean inIntroFence = false;
        for (int i = 0; i < lines.length; i++) {
            int lineNo = i + 1;
            String line = lines[i];
            String trimmed = line.strip();
            if (entry == null) {
                // the introduction may show the format inside a fence; a heading there is not an idea
                if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
                    inIntroFence = !inIntroFence;
                    continue;
                }
                if (inIntroFence || !isIdeaHeading(line)) {
                    continue;
                }
            }
            if (isIdeaHeading(line)) {
                if (entry != null) {
                    ideas.add(entry.finish(sourceName));
                }
                entry = Entry.start(sourceName, lineNo, line.substring(2).strip(), titleLines);
                continue;
            }
            if (trimmed.isEmpty()) {
                continue;
            }
            entry.addField(sourceName, lineNo, trimmed);
        }
        if (entry != null) {
            ideas.add(entry.finish(sourceName));
        }
        return List.copyOf(ideas);
    }

    private static boolean isIdeaHeading(String line) {
        return line.startsWith("## ") || line.equals("##");
    }

    private static int length(String s) {
        return s.codePointCount(0, s.length());
    }

    /** The idea being read: its heading line and the fields seen so far. */
    private static final class Entry {
        final int headingLine;
        final String title;
        final Map<String, String> values = new HashMap<>();
        final Map<String, Integer> fieldLines = new HashMap<>();

        private Entry(int headingLine, String title) {
            this.headingLine = headingLine;
            this.title = title;
        }

        static Entry start(String source, int lineNo, String title, Map<String, Integer> titleLines) {
            int len = length(title);
            if (len < TITLE_MIN || len > TITLE_MAX) {
                throw new IdeasFileException(
                        source,
                        lineNo,
                        title,
                        TITLE,
                        TITLE + " must be " + TITLE_MIN + " to " + TITLE_MAX + " characters, got " + len);
            }
            String key = title.replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            Integer first = titleLines.putIfAbsent(key, lineNo);
            if (first != null) {
                throw new IdeasFileException(
                        source, lineNo, title, TITLE, TITLE + " duplicates the idea on line " + first);
            }
            return new Entry(lineNo, title);
        }

        void addField(String source, int lineNo, String trimmed) {
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw new IdeasFileException(
                        source,
                        lineNo,
                        title,
                        null,
                        "expected a \"Key: value\" line (Premise, Physics or Hook), got \"" + abbreviate(trimmed)
                                + "\"");
            }
            String key = trimmed.substring(0, colon).strip();
            String value = trimmed.substring(colon + 1).strip();
            if (!KEYS.contains(key)) {
                throw new IdeasFileException(
                        source,
                        lineNo,
                        title,
                        key,
                        "unknown field \"" + key + "\"" + hintFor(key)
                                + "; known fields are Premise, Physics and Hook");
            }
            Integer first = fieldLines.putIfAbsent(key, lineNo);
            if (first != null) {
                throw new IdeasFileException(
                        source, lineNo, title, key, key + " is given twice (first on line " + first + ")");
            }
            int len = length(value);
            if (key.equals(PREMISE) && len < PREMISE_MIN) {
                throw new IdeasFileException(
                        source,
                        lineNo,
                        title,
                        key,
                        PREMISE + " must be at least " + PREMISE_MIN + " characters, got " + len);
            }
            int max = key.equals(PREMISE) ? PREMISE_MAX : HOOK_MAX;
            if (len > max) {
                throw new IdeasFileException(
                        source, lineNo, title, key, key + " must be at most " + max + " characters, got " + len);
            }
            if (value.isEmpty()) {
                throw new IdeasFileException(source, lineNo, title, key, key + " is empty");
            }
            values.put(key, value);
        }

        IdeaProposal finish(String source) {
            if (!values.containsKey(PREMISE)) {
                throw new IdeasFileException(source, headingLine, title, PREMISE, PREMISE + " is required");
            }
            return new IdeaProposal(title, values.get(PREMISE), values.get(PHYSICS), values.get(HOOK));
        }

        /** Points at the two mistakes seen in hand-written files: bold keys and wrong capitalisation. */
        private static String hintFor(String key) {
            String bare = key.replace("*", "").replace("_", "").strip();
            for (String known : KEYS) {
                if (known.equalsIgnoreCase(bare)) {
                    return " (write it as plain \"" + known + ":\")";
                }
            }
            return "";
        }

        private static String abbreviate(String s) {
            return s.length() <= 40 ? s : s.substring(0, 37) + "...";
        }
    }
}
