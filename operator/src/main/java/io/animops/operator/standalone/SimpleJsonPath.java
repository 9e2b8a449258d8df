package io.animops.operator.standalone;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The subset of Kubernetes JSONPath that CRD printer columns use: field steps ({@code .status.phase}),
 * array indexes ({@code [0]}, {@code [*]}) and equality filters
 * ({@code .status.conditions[?(@.type=="Ready")].status}). Like the API server's table convertor, a column shows
 * the first result.
 */
final class SimpleJsonPath {
    private static final Pattern FILTER = Pattern.compile(
            "\\?\\(@((?:\\.[A-Za-z0-9_\\-]+)+)\\s*==\\s*(?:\"([^\"]*)\"|'([^']*)'|([A-Za-z0-9_.\\-]+))\\)");

    private final String expression;
    private final List<String> steps;

    SimpleJsonPath(String expression) {
        this.expression = expression;
        String e = expression.trim();
        if (e.startsWith("{") && e.endsWith("}")) {
            e = e.substring(1, e.length() - 1);
        }
        if (e.startsWith("$")) {
            e = e.substring(1);
        }
        this.steps = tokenize(e);
    }

    List<JsonNode> evaluate(JsonNode root) {
        List<JsonNode> current = List.of(root);
        for (String step : steps) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                apply(step, node, next);
            }
            current = next;
        }
        return current.stream()
                .filter(n -> n != null && !n.isMissingNode() && !n.isNull())
                .toList();
    }

    private void apply(String step, JsonNode node, List<JsonNode> out) {
        if (!step.startsWith("[")) {
            if (node.isObject() && node.has(step)) {
                out.add(node.get(step));
            }
            return;
        }
        String inner = step.substring(1, step.length() - 1).trim();
        if (!node.isArray()) {
            return;
        }
        if (inner.equals("*")) {
            node.forEach(out::add);
        } else if (inner.matches("-?\\d+")) {
            int index = Integer.parseInt(inner);
            int resolved = index < 0 ? node.size() + index : index;
            if (resolved >= 0 && resolved < node.size()) {
                out.add(node.get(resolved));
            }
        } else {
            Matcher m = FILTER.matcher(inner);
            if (!m.matches()) {
                throw new IllegalArgumentException("unsupported JSONPath step " + step + " in " + expression);
            }
            String[] fieldPath = m.group(1).substring(1).split("\\.");
            String expected = m.group(2) != null ? m.group(2) : m.group(3) != null ? m.group(3) : m.group(4);
            for (JsonNode element : node) {
                JsonNode value = element;
                for (String f : fieldPath) {
                    value = value.path(f);
                }
                if (!value.isMissingNode() && !value.isNull() && value.asText().equals(expected)) {
                    out.add(element);
                }
            }
        }
    }

    private List<String> tokenize(String e) {
        List<String> tokens = new ArrayList<>();
        int i = 0;
        while (i < e.length()) {
            char c = e.charAt(i);
            if (c == '.') {
                int end = i + 1;
                while (end < e.length() && e.charAt(end) != '.' && e.charAt(end) != '[') {
                    end++;
                }
                if (end > i + 1) {
                    tokens.add(e.substring(i + 1, end));
                }
                i = end;
            } else if (c == '[') {
                int depth = 0;
                int end = i;
                boolean quoted = false;
                char quote = 0;
                for (; end < e.length(); end++) {
                    char d = e.charAt(end);
                    if (quoted) {
                        if (d == quote) {
                            quoted = false;
                        }
                    } else if (d == '"' || d == '\'') {
                        quoted = true;
                        quote = d;
                    } else if (d == '[') {
                        depth++;
                    } else if (d == ']' && --depth == 0) {
                        break;
                    }
                }
                if (end >= e.length()) {
                    throw new IllegalArgumentException("unclosed [ in JSONPath " + expression);
                }
                tokens.add(e.substring(i, end + 1));
                i = end + 1;
            } else {
                throw new IllegalArgumentException("unexpected '" + c + "' at " + i + " in JSONPath " + expression);
            }
        }
        return tokens;
    }

    @Override
    public String toString() {
        return expression;
    }
}
