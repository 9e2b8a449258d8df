package io.animops.operator.script.agreement;

import io.animops.agent.godot.web.WebGodot;
import io.animops.crds.v1alpha1.ScriptError;
import io.animops.operator.script.SceneExpectations;
import io.animops.operator.script.contract.ContractRule;
import io.animops.operator.script.contract.GdscriptContractValidator;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs scripts through real Godot 4.6 (the web build, all in one engine start) and through the project's
 * validator, and compares the first syntax error of each: its line and its message. Godot reports one parse
 * error per script ({@code SCRIPT ERROR: Parse Error: <message>}, then {@code at: GDScript::reload
 * (res://<name>.gd:<line>)}); a script both find valid agrees on both counts.
 */
public final class GodotAgreement {
    private static final String PARSE_ERROR = "SCRIPT ERROR: Parse Error: ";
    private static final String HINT = " Fix: ";

    /** A first error; {@code null} in a comparison stands for "no error". */
    public record FirstError(int line, String message) {
        @Override
        public String toString() {
            return line + ": " + message;
        }
    }

    /** One script's first errors from both sides. */
    public record Comparison(String name, FirstError godot, FirstError validator) {
        public boolean sameLine() {
            return godot == null ? validator == null : validator != null && godot.line() == validator.line();
        }

        public boolean sameMessage() {
            return godot == null
                    ? validator == null
                    : validator != null && godot.message().equals(validator.message());
        }

        @Override
        public String toString() {
            return name + ": godot " + (godot == null ? "no error" : godot) + " | validator "
                    + (validator == null ? "no error" : validator);
        }
    }

    /** Every script's comparison, in the order given. */
    public record Result(List<Comparison> comparisons) {
        public long sameLine() {
            return comparisons.stream().filter(Comparison::sameLine).count();
        }

        public long sameMessage() {
            return comparisons.stream().filter(Comparison::sameMessage).count();
        }

        public List<Comparison> disagreements() {
            return comparisons.stream()
                    .filter(c -> !c.sameLine() || !c.sameMessage())
                    .toList();
        }

        /** The benchmark's figure: {@code same first-error line X/N, same message Y/N}. */
        public String summary() {
            int n = comparisons.size();
            return "same first-error line " + sameLine() + "/" + n + ", same message " + sameMessage() + "/" + n;
        }
    }

    private final WebGodot godot;
    private final GdscriptContractValidator validator = new GdscriptContractValidator();

    /** @param godot the engine; null when only {@link #validatorFirstError} is used */
    public GodotAgreement(WebGodot godot) {
        this.godot = godot;
    }

    /** @param scripts batch names (see {@link WebGodot#checkScripts}) to sources */
    public Result compare(Map<String, String> scripts, Duration timeout) throws IOException, InterruptedException {
        Map<String, List<String>> output = godot.checkScripts(scripts, timeout);
        List<Comparison> comparisons = new ArrayList<>();
        scripts.forEach((name, source) -> comparisons.add(
                new Comparison(name, godotFirstError(name, output.get(name)), validatorFirstError(source))));
        return new Result(comparisons);
    }

    /** The first parse (or analyzer) error Godot printed for {@code res://<name>.gd}, or null. */
    static FirstError godotFirstError(String name, List<String> lines) {
        Pattern at = Pattern.compile("\\(res://" + Pattern.quote(name) + "\\.gd:(\\d+)\\)");
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith(PARSE_ERROR)) {
                String message = lines.get(i).substring(PARSE_ERROR.length()).strip();
                for (int j = i + 1; j < lines.size(); j++) {
                    Matcher m = at.matcher(lines.get(j));
                    if (m.find()) {
                        return new FirstError(Integer.parseInt(m.group(1)), message);
                    }
                }
                return new FirstError(0, message);
            }
        }
        return null;
    }

    /** The validator's first error of its parse stage (Godot knows nothing of the contract), or null. */
    public FirstError validatorFirstError(String source) {
        return validator.validate(source, SceneExpectations.frame(20)).stream()
                .filter(e -> Objects.equals(e.getRule(), ContractRule.SYNTAX.id())
                        || Objects.equals(e.getRule(), ContractRule.NAMES.id()))
                .findFirst()
                .map(GodotAgreement::withoutHint)
                .orElse(null);
    }

    private static FirstError withoutHint(ScriptError error) {
        String message = error.getMessage();
        int hint = message.indexOf(HINT);
        return new FirstError(error.getLine(), hint < 0 ? message : message.substring(0, hint));
    }
}
