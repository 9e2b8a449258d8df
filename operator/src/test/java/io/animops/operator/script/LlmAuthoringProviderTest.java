package io.animops.operator.script;

import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.LlmSettings;
import io.animops.crds.v1alpha1.ScriptAttempt;
import io.animops.crds.v1alpha1.ScriptAttemptSpec;
import io.animops.crds.v1alpha1.ScriptError;
import io.animops.operator.design.DesignSystem;
import io.animops.operator.design.DesignSystems;
import io.animops.operator.llm.LlmAnswer;
import io.animops.operator.llm.LlmException;
import io.animops.operator.llm.LlmGateway;
import io.animops.operator.llm.LlmRequest;
import io.animops.operator.script.contract.GdscriptContractValidator;
import io.animops.operator.testing.Pipeline;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The provider's own decisions, with the gateway and the history replaced by recording stand-ins. */
class LlmAuthoringProviderTest {
    private final List<LlmRequest> sent = new ArrayList<>();
    private final LlmAuthoringProvider provider = new LlmAuthoringProvider();
    private final AnimationIdea idea = Pipeline.idea("ns", "jar", "Jar fit", "Balls of all sizes fall into a jar.");
    private String answer = "```gdscript\nextends Node2D\n```";
    private ScriptAttemptRecord stored;

    LlmAuthoringProviderTest() {
        provider.gateway = new LlmGateway() {
            @Override
            public LlmAnswer chat(LlmSettings llm, LlmRequest request) {
                sent.add(request);
                if (answer == null) {
                    throw new LlmException(LlmException.BUDGET_EXHAUSTED, "budget spent");
                }
                return new LlmAnswer(answer, "OpenAi", "m", 10, 20, false, 1, null);
            }
        };
        provider.attempts = new ScriptAttemptRepository() {
            @Override
            public ScriptAttemptRecord findByName(String namespace, String name) {
                return stored;
            }
        };
        provider.library = new OfflineSceneLibrary();
        provider.validator = new GdscriptContractValidator();
        provider.designSystems = new DesignSystems() {
            @Override
            public DesignSystem current() {
                return DesignSystems.bundled();
            }
        };
    }

    @Test
    void aRepairWhosePreviousScriptIsNotStoredIsWrittenFromTheIdea() {
        stored = null;
        provider.write(idea, attempt(2, "jar-1"), SceneExpectations.frame(20), llm());
        assertThat(sent.get(0).user()).contains("Write the scene for this idea").doesNotContain("was rejected");
    }

    @Test
    void aRepairCarriesTheStoredScriptAndTheErrors() {
        stored = new ScriptAttemptRecord();
        stored.attempt = 1;
        stored.script = "extends Node2D\nvar broken\n";
        ScriptAttempt attempt = attempt(2, "jar-1");
        attempt.getSpec()
                .setPreviousErrors(
                        List.of(new ScriptError(ScriptError.Stage.parse, "parse.syntax", 2, 11, "Expected ':'.")));
        provider.write(idea, attempt, SceneExpectations.frame(20), llm());
        assertThat(sent.get(0).user()).contains("var broken").contains("- parse parse.syntax 2:11 Expected ':'.");
        assertThat(sent.get(0).attemptName()).isEqualTo("jar-2");
        assertThat(sent.get(0).promptVersion()).startsWith("v1@");
    }

    @Test
    void anAnswerWithoutScriptIsAnAuthorStageError() {
        answer = "Sorry, I cannot.";
        AuthoringProvider.ScriptDraft draft =
                provider.write(idea, attempt(1, null), SceneExpectations.frame(20), llm());
        assertThat(draft.authorErrors()).singleElement().satisfies(e -> {
            assertThat(e.getStage()).isEqualTo(ScriptError.Stage.author);
            assertThat(e.getRule()).isEqualTo(LlmAuthoringProvider.NO_SCRIPT_RULE);
        });
        assertThat(draft.source()).isEqualTo("Sorry, I cannot.");
        assertThat(draft.authoring().getPromptTokens()).isEqualTo(10L);
        assertThat(draft.authoring().getCompletionTokens()).isEqualTo(20L);
    }

    @Test
    void aRefusedCallBecomesAnAuthoringFailureWithTheSameReason() {
        answer = null;
        assertThatThrownBy(() -> provider.write(idea, attempt(1, null), SceneExpectations.frame(20), llm()))
                .isInstanceOf(AuthoringProvider.AuthoringException.class)
                .extracting(e -> ((AuthoringProvider.AuthoringException) e).reason())
                .isEqualTo("BudgetExhausted");
    }

    private static LlmSettings llm() {
        LlmSettings llm = new LlmSettings();
        llm.setProvider(LlmSettings.Provider.OpenAi);
        llm.setModel("m");
        return llm;
    }

    private static ScriptAttempt attempt(int number, String previous) {
        ScriptAttempt attempt = new ScriptAttempt();
        attempt.setMetadata(new ObjectMetaBuilder()
                .withNamespace("ns")
                .withName("jar-" + number)
                .build());
        ScriptAttemptSpec spec = new ScriptAttemptSpec();
        spec.setIdeaRef("jar");
        spec.setAttempt(number);
        spec.setPreviousAttemptRef(previous);
        attempt.setSpec(spec);
        return attempt;
    }
}
