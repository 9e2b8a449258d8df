package io.animops.operator.qc;

import com.fasterxml.jackson.databind.JsonNode;
import io.animops.operator.common.Hashes;
import io.animops.operator.config.InvalidDocumentException;
import io.animops.operator.config.JsonDocument;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A named QC checklist as written (without its version, which the database assigns: unchanged content keeps
 * its version, changed content gets the next one).
 *
 * @param json   the checklist's canonical JSON (keys sorted), as stored
 * @param sha256 hash of that canonical JSON
 */
public record QcChecklist(String name, String description, List<QcItem> items, String json, String sha256) {
    /** Id of the sign-off item that the RequireReview policy adds to a checklist without manual items. */
    public static final String REVIEW_ITEM = "review";

    private static final Pattern NAME = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$");
    private static final Pattern ITEM_ID = Pattern.compile("^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$");

    public boolean hasManualItems() {
        return items.stream().anyMatch(i -> !i.rule().automatic());
    }

    /**
     * Parses the checklists file: {@code {"checklists": [ {name, description, items: [...]}, ... ]}}.
     *
     * @throws InvalidDocumentException naming the first offending field, e.g. {@code checklists[0].items[2].maxSeconds}
     */
    public static List<QcChecklist> parseFile(String json, String source) {
        JsonDocument doc = new JsonDocument(source);
        JsonNode root = doc.parse(json);
        doc.onlyKnownFields(root, "", Set.of("checklists"));
        List<JsonNode> nodes = doc.array(root, "", "checklists");
        if (nodes.isEmpty()) {
            throw doc.fail("checklists", "must hold at least one checklist");
        }
        List<QcChecklist> checklists = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < nodes.size(); i++) {
            QcChecklist checklist = parse(doc, nodes.get(i), "checklists[" + i + "]");
            if (!names.add(checklist.name())) {
                throw doc.fail(
                        "checklists[" + i + "].name", "\"" + checklist.name() + "\" is used by an earlier checklist");
            }
            checklists.add(checklist);
        }
        return List.copyOf(checklists);
    }

    /** Parses one checklist object (as in the file, or as stored). */
    public static QcChecklist parse(String json, String source) {
        JsonDocument doc = new JsonDocument(source);
        return parse(doc, doc.parse(json), "");
    }

    private static QcChecklist parse(JsonDocument doc, JsonNode node, String path) {
        if (!node.isObject()) {
            throw doc.fail(path, "must be an object");
        }
        doc.onlyKnownFields(node, path, Set.of("name", "description", "items"));
        String name = doc.text(node, path, "name");
        if (!NAME.matcher(name).matches()) {
            throw doc.fail(
                    JsonDocument.join(path, "name"),
                    "must be lower case letters, digits and '-' (at most 63), got \"" + name + "\"");
        }
        String description = doc.optionalText(node, path, "description");
        List<JsonNode> itemNodes = doc.array(node, path, "items");
        if (itemNodes.isEmpty()) {
            throw doc.fail(JsonDocument.join(path, "items"), "must hold at least one item");
        }
        List<QcItem> items = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < itemNodes.size(); i++) {
            QcItem item = item(doc, itemNodes.get(i), JsonDocument.join(path, "items") + "[" + i + "]");
            if (!ids.add(item.id())) {
                throw doc.fail(
                        JsonDocument.join(path, "items") + "[" + i + "].id",
                        "\"" + item.id() + "\" is used by an earlier item");
            }
            items.add(item);
        }
        String canonical = JsonDocument.canonical(node);
        return new QcChecklist(name, description, List.copyOf(items), canonical, Hashes.sha256(canonical));
    }

    private static QcItem item(JsonDocument doc, JsonNode node, String path) {
        if (!node.isObject()) {
            throw doc.fail(path, "must be an object");
        }
        String ruleName = doc.text(node, path, "rule");
        QcRule rule;
        try {
            rule = QcRule.valueOf(ruleName);
        } catch (IllegalArgumentException e) {
            throw doc.fail(
                    path + ".rule",
                    "unknown rule \"" + ruleName + "\"; known rules are "
                            + String.join(
                                    ", ",
                                    java.util.Arrays.stream(QcRule.values())
                                            .map(Enum::name)
                                            .toList()));
        }
        Set<String> known = new HashSet<>(Set.of("id", "title", "rule"));
        if (rule.parameter() != null) {
            known.add(rule.parameter());
        }
        doc.onlyKnownFields(node, path, known);
        String id = doc.text(node, path, "id");
        if (!ITEM_ID.matcher(id).matches()) {
            throw doc.fail(path + ".id", "must be lower case letters, digits and '-' (at most 63), got \"" + id + "\"");
        }
        if (id.equals(REVIEW_ITEM)) {
            throw doc.fail(
                    path + ".id", "\"" + REVIEW_ITEM + "\" is reserved for the sign-off of the RequireReview policy");
        }
        String title = doc.text(node, path, "title");
        Double limit = null;
        if (rule == QcRule.sizeUnder) {
            limit = (double) doc.wholeNumber(node, path, rule.parameter(), 1);
        } else if (rule.parameter() != null) {
            limit = doc.positive(node, path, rule.parameter(), rule.maxParameter());
        }
        return new QcItem(id, title, rule, limit);
    }
}
