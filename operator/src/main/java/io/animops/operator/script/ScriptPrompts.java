package io.animops.operator.script;

import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.ScriptError;
import io.animops.operator.design.DesignSystem;
import io.animops.operator.llm.PromptTemplates;
import io.animops.operator.script.contract.ContractRule;
import io.animops.operator.script.contract.ScriptAllowlist;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Builds the script-authoring prompts. The contract section is generated from {@link ContractRule}, the
 * same rules the validator enforces, so the prompt cannot drift from the check; the examples are real scenes
 * of the offline library, which pass that check. The design system's values and version come from the
 * design system in force, so the model draws with the palette, fonts, strokes and margins the renders record.
 */
public final class ScriptPrompts {
    /** Few-shot examples: the shortest scenes of the library keep the prompt small. */
    static final int EXAMPLES = 2;

    private final PromptTemplates templates;
    private final List<OfflineSceneLibrary.Scene> examples;
    private final String contractVersion;
    private final DesignSystem design;

    public ScriptPrompts(
            PromptTemplates templates, OfflineSceneLibrary library, String contractVersion, DesignSystem design) {
        this.templates = templates;
        this.contractVersion = contractVersion;
        this.design = design;
        this.examples = library.scenes().stream()
                .sorted(Comparator.comparingInt(
                                (OfflineSceneLibrary.Scene s) -> s.source().length())
                        .thenComparing(OfflineSceneLibrary.Scene::file))
                .limit(EXAMPLES)
                .toList();
    }

    /**
     * Recorded with every attempt: the prompt files' version and hash, and the design system version the prompt
     * carried, e.g. {@code v1@3fa2c0d19e4b+design-2026.11.1}.
     */
    public String versionId() {
        return templates.versionId() + "+design-" + design.version();
    }

    /** One line per rule: id, stage and how to comply; then the allowlist, the only names a script may use. */
    public static String contractRules() {
        StringBuilder out = new StringBuilder();
        for (ContractRule rule : ContractRule.values()) {
            out.append("- `")
                    .append(rule.id())
                    .append("` (")
                    .append(rule.stage())
                    .append("): ")
                    .append(rule.hint())
                    .append('\n');
        }
        out.append("\nAllowlist (deny by default: any other engine class, singleton or function is refused):\n");
        for (Map.Entry<String, String> section : ALLOWLIST_SECTIONS.entrySet()) {
            out.append("- ")
                    .append(section.getValue())
                    .append(": ")
                    .append(String.join(", ", ScriptAllowlist.current().section(section.getKey())))
                    .append('\n');
        }
        return out.toString().stripTrailing();
    }

    /** The allowlist sections the model needs, with how the prompt names them. */
    private static final Map<String, String> ALLOWLIST_SECTIONS = allowlistSections();

    private static Map<String, String> allowlistSections() {
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("nodes", "nodes to create with X.new()");
        sections.put("resources", "resources to create with X.new()");
        sections.put("shapes", "collision shapes to create with X.new()");
        sections.put("values", "value types (constructors, constants, static helpers)");
        sections.put("callables", "callables and signals, only Callable(self, \"own_method\") and lambdas");
        sections.put("types", "types for annotations, 'is'/'as' and constants only");
        sections.put("singletons", "singleton methods");
        sections.put("functions", "global functions");
        sections.put("self-methods", "methods to call on self");
        sections.put("load-extensions", "file types load()/preload() may name");
        return sections;
    }

    public String system(SceneExpectations expectations) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("durationSeconds", Integer.toString(expectations.durationSeconds()));
        values.put("width", Integer.toString(expectations.width()));
        values.put("height", Integer.toString(expectations.height()));
        values.putAll(designValues(design));
        values.put("contractVersion", contractVersion);
        values.put("contractRules", contractRules());
        values.put(
                "examples",
                examples.stream()
                        .map(s -> "## " + s.title() + " (" + s.file() + ")\n\n```gdscript\n"
                                + s.source().stripTrailing() + "\n```")
                        .collect(Collectors.joining("\n\n")));
        return templates.render("script-system.md", values);
    }

    /** The design system's placeholders of script-system.md. */
    static Map<String, String> designValues(DesignSystem design) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("designSystemVersion", design.version());
        values.put("background", design.background());
        values.put(
                "palette",
                design.palette().entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue())
                        .collect(Collectors.joining(", ")));
        values.put("textColour", design.palette().get(DesignSystem.TEXT_COLOUR));
        values.put(
                "fonts",
                design.fonts().entrySet().stream()
                        .map(e -> e.getKey() + ": " + e.getValue().family()
                                + (e.getValue().weight() == null
                                        ? ""
                                        : " " + e.getValue().weight()) + " "
                                + e.getValue().sizePx())
                        .collect(Collectors.joining("; ")));
        values.put(
                "strokeWidths",
                design.strokeWidths().entrySet().stream()
                        .map(e -> e.getKey() + " "
                                + java.math.BigDecimal.valueOf(e.getValue())
                                        .stripTrailingZeros()
                                        .toPlainString())
                        .collect(Collectors.joining(", ")));
        values.put("safeTop", Integer.toString(design.safeMargins().top()));
        values.put("safeBottom", Integer.toString(design.safeMargins().bottom()));
        values.put("safeLeft", Integer.toString(design.safeMargins().left()));
        values.put("safeRight", Integer.toString(design.safeMargins().right()));
        return values;
    }

    public String firstTry(AnimationIdea idea, SceneExpectations expectations) {
        return templates.render("script-user.md", ideaValues(idea, expectations));
    }

    public String repair(
            AnimationIdea idea,
            SceneExpectations expectations,
            int previousAttempt,
            String previousScript,
            List<ScriptError> errors) {
        Map<String, String> values = ideaValues(idea, expectations);
        values.put("previousAttempt", Integer.toString(previousAttempt));
        values.put("previousScript", previousScript.stripTrailing());
        values.put("errors", errors.stream().map(ScriptPrompts::errorLine).collect(Collectors.joining("\n")));
        return templates.render("repair-user.md", values);
    }

    /** "- contract contract.forbidden-api 12:5 message": the exact position the model must fix. */
    static String errorLine(ScriptError e) {
        String where = e.getLine() == null ? "-" : e.getLine() + ":" + (e.getColumn() == null ? 1 : e.getColumn());
        return "- " + e.getStage() + " " + Objects.requireNonNullElse(e.getRule(), "-") + " " + where + " "
                + e.getMessage();
    }

    private static Map<String, String> ideaValues(AnimationIdea idea, SceneExpectations expectations) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("title", idea.getSpec().getTitle());
        values.put("premise", idea.getSpec().getPremise());
        values.put("physicsHook", Objects.requireNonNullElse(idea.getSpec().getPhysicsHook(), "(none given)"));
        values.put("hook", Objects.requireNonNullElse(idea.getSpec().getHook(), "(none given)"));
        values.put("durationSeconds", Integer.toString(expectations.durationSeconds()));
        return values;
    }
}
