package io.animops.operator.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.io.Reader;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The documents of a YAML file as JSON trees, each with the line of every field, so that a problem found in the
 * tree (named by its path, e.g. {@code spec.publish[1].mode}) can be reported at its line. SnakeYAML's node
 * marks give the lines; scalars keep the types YAML 1.1 resolves (as the API server's decoder does for these).
 */
public final class YamlDocuments {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** One document: its tree, the line (1-based) of each path, and the line it starts at. */
    public record Document(JsonNode tree, Map<String, Integer> lines, int startLine) {
        /** The line of the path, else of its nearest parent present in the file (a missing field's object). */
        public int lineOf(String path) {
            String p = path;
            while (!p.isEmpty()) {
                Integer line = lines.get(p);
                if (line != null) {
                    return line;
                }
                int cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
                p = cut < 0 ? "" : p.substring(0, cut);
            }
            return startLine;
        }
    }

    private YamlDocuments() {}

    /**
     * Every non-empty document of the stream, in order.
     *
     * @throws org.yaml.snakeyaml.error.MarkedYAMLException on a syntax error, with its line
     */
    public static List<Document> read(Reader reader) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        List<Document> documents = new ArrayList<>();
        for (Node root : new Yaml(options).composeAll(reader)) {
            if (root == null || (root instanceof ScalarNode s && s.getTag() == Tag.NULL)) {
                continue;
            }
            Map<String, Integer> lines = new HashMap<>();
            JsonNode tree = convert(root, "", lines);
            documents.add(new Document(tree, lines, root.getStartMark().getLine() + 1));
        }
        return documents;
    }

    private static JsonNode convert(Node node, String path, Map<String, Integer> lines) {
        if (node instanceof MappingNode mapping) {
            ObjectNode object = JSON.objectNode();
            for (NodeTuple tuple : mapping.getValue()) {
                Node keyNode = tuple.getKeyNode();
                String key = keyNode instanceof ScalarNode k ? k.getValue() : String.valueOf(keyNode);
                String child = path.isEmpty() ? key : path + "." + key;
                lines.put(child, tuple.getKeyNode().getStartMark().getLine() + 1);
                object.set(key, convert(tuple.getValueNode(), child, lines));
            }
            return object;
        }
        if (node instanceof SequenceNode sequence) {
            ArrayNode array = JSON.arrayNode();
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                String child = path + "[" + i + "]";
                lines.put(child, items.get(i).getStartMark().getLine() + 1);
                array.add(convert(items.get(i), child, lines));
            }
            return array;
        }
        return scalar((ScalarNode) node);
    }

    private static JsonNode scalar(ScalarNode scalar) {
        String text = scalar.getValue();
        Tag tag = scalar.getTag();
        try {
            if (Tag.NULL.equals(tag)) {
                return JSON.nullNode();
            } else if (Tag.BOOL.equals(tag)) {
                return JSON.booleanNode(Boolean.parseBoolean(text.toLowerCase(java.util.Locale.ROOT))
                        || text.equalsIgnoreCase("yes")
                        || text.equalsIgnoreCase("on"));
            } else if (Tag.INT.equals(tag)) {
                return JSON.numberNode(new BigInteger(text.replace("_", "")));
            } else if (Tag.FLOAT.equals(tag)) {
                return JSON.numberNode(Double.parseDouble(text.replace("_", "")));
            }
        } catch (NumberFormatException e) {
            // an octal, hexadecimal or sexagesimal form: kept as text, which the schema then names as the wrong type
        }
        return JSON.textNode(text);
    }
}
