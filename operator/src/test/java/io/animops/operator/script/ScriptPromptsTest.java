package io.animops.operator.script;

import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.ScriptError;
import io.animops.operator.design.DesignSystem;
import io.animops.operator.design.DesignSystems;
import io.animops.operator.llm.PromptTemplates;
import io.animops.operator.script.contract.ContractRule;
import io.animops.operator.testing.Pipeline;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ScriptPromptsTest {
    private final ScriptPrompts prompts = new ScriptPrompts(
            new PromptTemplates("v1"), new OfflineSceneLibrary(), "contract-v1", DesignSystems.bundled());
    private final AnimationIdea idea = Pipeline.idea("ns", "i", "Jar fit", "Balls of all sizes fall into a jar.");

    @Test
    void systemPromptCarriesEveryContractRuleTheDesignSystemAndTwoLibraryScenes() {
        DesignSystem design = DesignSystems.bundled();
        String system = prompts.system(SceneExpectations.frame(25));
        for (ContractRule rule : ContractRule.values()) {
            assertThat(system).contains("`" + rule.id() + "`").contains(rule.hint());
        }
        // the allowlist is generated into the prompt from the same data file the check reads
        for (String section : java.util.List.of(
                "nodes",
                "resources",
                "shapes",
                "values",
                "singletons",
                "functions",
                "self-methods",
                "load-extensions")) {
            assertThat(system)
                    .contains(String.join(
                            ", ",
                            io.animops.operator.script.contract.ScriptAllowlist.current()
                                    .section(section)));
        }
        assertThat(system)
                .contains(
                        "#101418",
                        "coral #FF5D73",
                        "sun #FFD166",
                        "mint #06D6A0",
                        "ocean #118AB2",
                        "rose #EF476F",
                        "Text is always #F8F9FA",
                        "title: Inter Bold 64",
                        "thin 2, regular 4, bold 8",
                        "180 px from the top",
                        "320 px from the bottom",
                        "60 px from the left",
                        "120 px from the right",
                        "1080x1920",
                        "const DURATION_SECONDS := 25",
                        "contract-v1",
                        "# Design system (" + design.version() + ")");
        assertThat(system.split("```gdscript", -1)).hasSize(1 + ScriptPrompts.EXAMPLES + 1); // + the answer-format line
        assertThat(system).doesNotContain("{{");
    }

    @Test
    void repairPromptHoldsThePreviousScriptAndEachErrorWithItsPosition() {
        String repair = prompts.repair(
                idea,
                SceneExpectations.frame(20),
                1,
                "extends Node2D\nvar f := FileAccess.open(\"x\", 1)\n",
                List.of(
                        new ScriptError(
                                ScriptError.Stage.contract,
                                "contract.forbidden-api",
                                2,
                                10,
                                "FileAccess is forbidden."),
                        new ScriptError(ScriptError.Stage.author, "author.no-script", null, null, "No script.")));
        assertThat(repair)
                .contains("- contract contract.forbidden-api 2:10 FileAccess is forbidden.")
                .contains("- author author.no-script - No script.")
                .contains("var f := FileAccess.open(\"x\", 1)")
                .contains("Jar fit");
    }

    @Test
    void versionIdNamesTheDirectoryHashesTheTextAndNamesTheDesignSystem() {
        assertThat(prompts.versionId())
                .matches("v1@[0-9a-f]{12}\\+design-"
                        + DesignSystems.bundled().version().replace(".", "\\."));
    }

    @Test
    void aMissingPlaceholderValueIsAnError() {
        assertThatThrownBy(() -> new PromptTemplates("v1").render("script-user.md", Map.of("title", "x")))
                .hasMessageContaining("{{premise}}");
        assertThatThrownBy(() -> new PromptTemplates("v0")).hasMessageContaining("prompts/v0/");
    }
}
