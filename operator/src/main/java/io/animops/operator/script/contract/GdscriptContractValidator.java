package io.animops.operator.script.contract;

import io.animops.crds.v1alpha1.ScriptError;
import io.animops.operator.script.SceneExpectations;
import io.animops.operator.script.ScriptValidator;
import io.animops.operator.script.gdscript.Member;
import io.animops.operator.script.gdscript.Parser;
import io.animops.operator.script.gdscript.SyntaxError;
import io.animops.operator.script.names.GodotApi;
import io.animops.operator.script.names.NameCheck;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Static validation against the Script Contract (version from the allowlist file): parses the GDScript in pure Java and checks the
 * contract's rules. A syntax error stops the check (stage {@code parse}); otherwise every contract
 * finding is reported (stage {@code contract}), in source order. Stateless and thread-safe.
 */
public final class GdscriptContractValidator implements ScriptValidator {
    public static final String CONTRACT_VERSION = ScriptAllowlist.current().version();

    private static final Comparator<ScriptError> SOURCE_ORDER = Comparator.comparing(
                    (ScriptError e) -> e.getLine() == null ? 0 : e.getLine())
            .thenComparing(e -> e.getColumn() == null ? 0 : e.getColumn())
            // at one place Godot's own words come first: a name Godot does not know is what the repair must fix
            .thenComparing(
                    e -> e.getStage() == null ? Integer.MAX_VALUE : e.getStage().ordinal())
            .thenComparing(ScriptError::getRule);

    /** The script's path in a job's workspace, as Godot names it in its messages. */
    public static final String SCRIPT_PATH = "res://scene.gd";
    /** The autoloads of a job's workspace (the agent's probe): Godot knows their names. */
    public static final Set<String> WORKSPACE_AUTOLOADS = Set.of("AnimOpsProbe");

    private final NameCheck names = new NameCheck(GodotApi.godot46(), SCRIPT_PATH, WORKSPACE_AUTOLOADS);

    public GdscriptContractValidator() {}

    @Override
    public String contractVersion() {
        return CONTRACT_VERSION;
    }

    @Override
    public List<ScriptError> validate(String source, SceneExpectations expectations) {
        List<ScriptError> findings = new ArrayList<>();
        ContractV1.checkSize(source, findings);
        Member.ClassDecl script;
        try {
            script = Parser.parse(source);
        } catch (SyntaxError error) {
            findings.add(ContractRule.SYNTAX.finding(error.line(), error.column(), error.getMessage()));
            findings.sort(SOURCE_ORDER);
            return findings;
        }
        try {
            names.check(script)
                    .forEach(n -> findings.add(ContractRule.NAMES.finding(n.line(), n.column(), n.message())));
            new ContractV1(script, expectations, findings).check();
        } catch (StackOverflowError tooDeep) {
            // The parser's nesting limits keep real scripts far from this; only crafted input gets here.
            findings.add(ContractRule.SYNTAX.finding(1, 1, "The script is nested too deeply to analyse."));
        }
        findings.sort(SOURCE_ORDER);
        return findings;
    }
}
