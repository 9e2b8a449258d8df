package io.animops.operator.llm;

import io.animops.operator.common.Hashes;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The versioned prompt files under resources/prompts/VERSION/. Placeholders are {{name}}; a placeholder
 * without a value is an error, so a renamed variable cannot silently leave "{{x}}" in a prompt.
 */
public final class PromptTemplates {
    public static final String CURRENT = "v1";
    static final List<String> FILES = List.of(
            "script-system.md",
            "script-user.md",
            "repair-user.md",
            "ideas-system.md",
            "ideas-user.md",
            "ideas-repair-user.md");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z][A-Za-z0-9]*)}}");

    private final String version;
    private final Map<String, String> templates = new LinkedHashMap<>();
    private final String versionId;

    public PromptTemplates(String version) {
        this(version, FILES);
    }

    /** Only the given files of the version: the version id then changes with those files alone. */
    public PromptTemplates(String version, List<String> files) {
        this.version = version;
        for (String file : files) {
            templates.put(file, read("prompts/" + version + "/" + file));
        }
        this.versionId = version + "@"
                + Hashes.sha256(String.join("\u0000", templates.values())).substring(0, 12);
    }

    /**
     * The id recorded with every attempt: the directory's version plus a hash of the files' text, so an edit
     * that forgot to bump the version still shows as a different prompt.
     */
    public String versionId() {
        return versionId;
    }

    public String version() {
        return version;
    }

    public String render(String file, Map<String, String> values) {
        String template = templates.get(file);
        if (template == null) {
            throw new IllegalArgumentException("no prompt file " + file + " in prompts/" + version);
        }
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new IllegalArgumentException("prompts/" + version + "/" + file + " uses {{" + m.group(1)
                        + "}} but no value was given for it");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String read(String resource) {
        try (InputStream in = PromptTemplates.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing bundled prompt file " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
