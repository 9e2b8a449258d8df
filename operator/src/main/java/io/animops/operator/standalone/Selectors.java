package io.animops.operator.standalone;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Label and field selectors as the API server reads them ({@code labelSelector}, {@code fieldSelector} query
 * parameters), evaluated on an object's JSON. The Fabric8 mock applies label selectors to lists but knows only
 * {@code metadata.name} and {@code metadata.namespace} among fields, and nothing of either on watches served here.
 */
final class Selectors {
    private Selectors() {}

    /**
     * A label selector: {@code k=v}, {@code k==v}, {@code k!=v}, {@code k in (a,b)}, {@code k notin (a,b)},
     * {@code k}, {@code !k}, joined by commas. Null or empty selects everything.
     */
    static Predicate<JsonNode> labels(String selector) {
        Predicate<JsonNode> all = o -> true;
        for (String term : terms(selector)) {
            all = all.and(labelTerm(term.trim()));
        }
        return all;
    }

    /** A field selector: {@code path=v}, {@code path==v}, {@code path!=v} on any field, joined by commas. */
    static Predicate<JsonNode> fields(String selector) {
        Predicate<JsonNode> all = o -> true;
        for (String term : terms(selector)) {
            boolean negated = term.contains("!=");
            String[] parts = term.split(negated ? "!=" : "==?", 2);
            if (parts.length != 2) {
                throw new IllegalArgumentException("invalid field selector \"" + selector + "\": \"" + term
                        + "\" is not field=value or field!=value");
            }
            // split here, once per request, not per object tested
            String[] path = parts[0].trim().split("\\.");
            String value = parts[1].trim();
            all = all.and(o -> value.equals(field(o, path)) != negated);
        }
        return all;
    }

    private static Predicate<JsonNode> labelTerm(String term) {
        String[] set = term.split("\\s+(in|notin)\\s+", 2);
        if (set.length == 2) {
            boolean in = term.matches("^\\S+\\s+in\\s+.*");
            String values = set[1].trim();
            if (!values.startsWith("(") || !values.endsWith(")")) {
                throw new IllegalArgumentException(
                        "invalid label selector term \"" + term + "\": values must be in ()");
            }
            Set<String> allowed =
                    Set.of(values.substring(1, values.length() - 1).trim().split("\\s*,\\s*"));
            String key = set[0].trim();
            return o -> {
                JsonNode label = o.path("metadata").path("labels").path(key);
                return in
                        ? label.isTextual() && allowed.contains(label.asText())
                        : !label.isTextual() || !allowed.contains(label.asText());
            };
        }
        if (term.startsWith("!")) {
            String key = term.substring(1).trim();
            return o -> !o.path("metadata").path("labels").has(key);
        }
        boolean negated = term.contains("!=");
        String[] parts = term.split(negated ? "!=" : "==?", 2);
        String key = parts[0].trim();
        if (parts.length == 1) {
            return o -> o.path("metadata").path("labels").has(key);
        }
        String value = parts[1].trim();
        return o -> value.equals(o.path("metadata").path("labels").path(key).asText(null)) != negated;
    }

    /** The terms of a selector, split at commas outside parentheses. */
    private static List<String> terms(String selector) {
        List<String> terms = new ArrayList<>();
        if (selector == null || selector.isBlank()) {
            return terms;
        }
        int depth = 0;
        int start = 0;
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                terms.add(selector.substring(start, i));
                start = i + 1;
            }
        }
        terms.add(selector.substring(start));
        return terms.stream().filter(t -> !t.isBlank()).toList();
    }

    /** The text of a dotted field path, empty when absent, as the API server compares missing fields. */
    private static String field(JsonNode object, String[] path) {
        JsonNode node = object;
        for (String part : path) {
            node = node.path(part);
        }
        return node.isMissingNode() || node.isNull() ? "" : node.asText();
    }
}
