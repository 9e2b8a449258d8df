package io.animops.operator.script.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The contract's allowlist, read from the reviewed data file {@code allowlist.txt} beside this class: the classes,
 * singleton methods, global functions and self methods a scene script may name. Everything outside it is refused.
 * The file also lists the member names that are refused on every receiver, grouped by the rule that reports them.
 */
public final class ScriptAllowlist {
    static final String RESOURCE = "allowlist.txt";
    private static final ScriptAllowlist CURRENT = load(RESOURCE);

    private final Map<String, Set<String>> sections;
    private final Set<String> creatable = new HashSet<>();

    private ScriptAllowlist(Map<String, Set<String>> sections) {
        this.sections = sections;
        for (String section : List.of("nodes", "resources", "shapes")) {
            creatable.addAll(section(section));
        }
    }

    /** The allowlist of the contract in force. */
    public static ScriptAllowlist current() {
        return CURRENT;
    }

    static ScriptAllowlist load(String resource) {
        try (InputStream in = ScriptAllowlist.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + ": missing from the operator's jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(resource + ": unreadable", e);
        }
    }

    static ScriptAllowlist parse(String text) {
        Map<String, Set<String>> sections = new LinkedHashMap<>();
        Set<String> current = null;
        int lineNumber = 0;
        for (String raw : text.split("\n")) {
            lineNumber++;
            String line = raw.replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("[") && line.endsWith("]")) {
                current = sections.computeIfAbsent(line.substring(1, line.length() - 1), k -> new LinkedHashSet<>());
            } else if (current == null) {
                throw new IllegalArgumentException("allowlist line " + lineNumber + ": names before any [section]");
            } else {
                current.addAll(List.of(line.split("\\s+")));
            }
        }
        return new ScriptAllowlist(sections);
    }

    /** The names of one section, empty when the file has no such section. */
    public Set<String> section(String name) {
        return sections.getOrDefault(name, Set.of());
    }

    /** The contract version this allowlist belongs to. */
    public String version() {
        return section("version").stream()
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("allowlist: no [version]"));
    }

    /** Classes that may be created with X.new(): nodes, resources and shapes of the pool. */
    Set<String> creatable() {
        return creatable;
    }

    /** Every class name the script may write (to create, construct, type or read constants of). */
    boolean isAllowedClass(String name) {
        return creatable.contains(name)
                || section("values").contains(name)
                || section("callables").contains(name)
                || section("types").contains(name);
    }

    boolean isSingleton(String name) {
        return section("singletons").stream().anyMatch(entry -> entry.startsWith(name + "."));
    }

    boolean allowsSingletonMethod(String singleton, String method) {
        return section("singletons").contains(singleton + "." + method);
    }

    long limit(String name) {
        List<String> entries = List.copyOf(section("limits"));
        for (int i = 0; i + 1 < entries.size(); i += 2) {
            if (entries.get(i).equals(name)) {
                return Long.parseLong(entries.get(i + 1));
            }
        }
        throw new IllegalStateException("allowlist: no limit " + name);
    }
}
