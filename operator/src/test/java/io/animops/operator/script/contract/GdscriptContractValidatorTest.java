package io.animops.operator.script.contract;

import io.animops.crds.v1alpha1.ScriptError;
import io.animops.operator.script.SceneExpectations;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class GdscriptContractValidatorTest {
    private static final String SKELETON =
            "extends Node2D\n\nconst DURATION_SECONDS := 20\n\n\nfunc _ready() -> void:\n\tseed(7)\n";

    private final GdscriptContractValidator validator = new GdscriptContractValidator();

    private List<ScriptError> validate(String source) {
        return validator.validate(source, SceneExpectations.frame(20));
    }

    @Test
    void contractVersion() {
        assertThat(validator.contractVersion()).isEqualTo("contract-v2");
    }

    @Test
    void theSkeletonIsClean() {
        assertThat(validate(SKELETON)).isEmpty();
    }

    @Test
    void everyRuleHasAUniqueIdAndAHint() {
        assertThat(Arrays.stream(ContractRule.values())
                        .map(ContractRule::id)
                        .distinct()
                        .count())
                .isEqualTo(ContractRule.values().length);
        assertThat(ContractRule.values()).allSatisfy(rule -> {
            assertThat(rule.hint()).isNotBlank();
            assertThat(ContractRule.byId(rule.id())).contains(rule);
        });
        assertThat(ContractRule.SYNTAX.stage()).isEqualTo(ScriptError.Stage.parse);
    }

    @Test
    void messagesStateTheProblemThenTheFix() {
        ScriptError error = validate(SKELETON + "\tvar f := FileAccess.open(\"res://x\", 1)\n")
                .get(0);
        assertThat(error.getMessage()).startsWith("FileAccess is not in the contract's allowlist. Fix: ");
        assertThat(error.getMessage()).endsWith(ContractRule.FORBIDDEN_API.hint());
    }

    @Test
    void aSyntaxErrorStopsTheContractChecks() {
        List<ScriptError> findings = validate("extends Node\n\nfunc _ready(:\n\tpass\n");
        assertThat(findings).singleElement().satisfies(e -> {
            assertThat(e.getStage()).isEqualTo(ScriptError.Stage.parse);
            assertThat(e.getRule()).isEqualTo("parse.syntax");
            // like Godot, at the last token read: the "(" before the missing parameter name
            assertThat(e.getLine()).isEqualTo(3);
            assertThat(e.getColumn()).isEqualTo(12);
        });
    }

    @Test
    void allFindingsAreReportedInSourceOrder() {
        String source = "extends Node\n\n\nfunc _ready() -> void:\n\trandomize()\n\tvar t := Thread.new()\n"
                + "\tOS.execute(\"rm\", [])\n\twhile true:\n\t\tadd_child(Sprite2D.new())\n";
        List<String> rules = validate(source).stream()
                .map(e -> e.getRule() + "@" + e.getLine())
                .toList();
        assertThat(rules)
                .containsExactly(
                        "contract.duration@1",
                        "contract.root-extends@1",
                        "contract.random-seed@4",
                        "contract.random-seed@5",
                        "contract.thread@6",
                        "contract.forbidden-api@7",
                        "contract.infinite-loop@8",
                        "contract.node-type@9",
                        "contract.unbounded-creation@9");
    }

    @Test
    void nestedConstantLoopsMultiplyAndHelpersCountPerCall() {
        String within = SKELETON + "\tfor i in range(2, 12):\n\t\tfor j in [1, 2, 3, 4, 5]:\n\t\t\tmake()\n\n\n"
                + "func make() -> void:\n\tadd_child(Node2D.new())\n\tadd_child(Label.new())\n";
        assertThat(validate(within)).isEmpty(); // 10 * 5 * 2 = 100
        String over = within.replace("range(2, 12)", "range(0, 102, 2)"); // 51 * 5 * 2 = 510
        assertThat(validate(over)).extracting(ScriptError::getRule).containsExactly("contract.object-limit");
    }

    @Test
    void oneShotCallbacksAreCountedNotUnbounded() throws Exception {
        String source = java.nio.file.Files.readString(java.nio.file.Path.of(
                getClass().getResource("/gdscript/valid/one_shot_timers.gd").toURI()));
        assertThat(validate(source)).isEmpty(); // 1 timer + 3 waves of 10 balls of 3 objects = 91
        String bigger = source.replace("const WAVE_SIZE := 10", "const WAVE_SIZE := 60"); // 1 + 3 * 60 * 3 = 541
        assertThat(validate(bigger)).extracting(ScriptError::getRule).containsExactly("contract.object-limit");
    }

    @Test
    void constantArgumentsBoundTheLoopsOfTheCalledFunction() throws Exception {
        String source = java.nio.file.Files.readString(java.nio.file.Path.of(getClass()
                .getResource("/gdscript/valid/parameter_bounded_spawner.gd")
                .toURI()));
        // _spawn_balls(n) creates 3n; the rows create at most 4 * (4 * 3); _spawn_balls(5) adds 15
        String justUnder = source.replace("_spawn_balls(20)", "_spawn_balls(145)"); // 435 + 48 + 15 = 498
        assertThat(validator.validate(justUnder, SceneExpectations.frame(14))).isEmpty();
        String justOver = source.replace("_spawn_balls(20)", "_spawn_balls(150)"); // 450 + 48 + 15 = 513
        assertThat(validator.validate(justOver, SceneExpectations.frame(14)))
                .extracting(ScriptError::getRule)
                .containsExactly("contract.object-limit");
    }

    @Test
    void durationMatchesIntOrFloatOfTheSameValue() {
        String asFloat = SKELETON.replace("const DURATION_SECONDS := 20", "const DURATION_SECONDS: float = 20.0");
        assertThat(validate(asFloat)).isEmpty();
        assertThat(validator.validate(SKELETON, SceneExpectations.frame(30)))
                .extracting(ScriptError::getRule, ScriptError::getLine, ScriptError::getColumn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("contract.duration", 3, 27));
    }

    @Test
    void oversizedScriptsAreReportedEvenWhenTheyDoNotParse() {
        String huge = SKELETON + "\tvar s := \"" + "x".repeat(70_000) + "\"\n\tif\n";
        assertThat(validate(huge))
                .extracting(ScriptError::getRule)
                .containsExactly("contract.script-size", "parse.syntax");
    }

    @Test
    void hostileNestingIsAParseErrorNotACrash() {
        String deep = SKELETON + "\tvar x = " + "(".repeat(5000) + "1" + ")".repeat(5000) + "\n";
        assertThat(validate(deep)).extracting(ScriptError::getRule).containsExactly("parse.syntax");
    }
}
