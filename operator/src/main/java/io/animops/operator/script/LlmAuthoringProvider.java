package io.animops.operator.script;

import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.Authoring;
import io.animops.crds.v1alpha1.LlmSettings;
import io.animops.crds.v1alpha1.ScriptAttempt;
import io.animops.crds.v1alpha1.ScriptError;
import io.animops.operator.design.DesignSystems;
import io.animops.operator.llm.LlmAnswer;
import io.animops.operator.llm.LlmException;
import io.animops.operator.llm.LlmGateway;
import io.animops.operator.llm.LlmRequest;
import io.animops.operator.llm.PromptTemplates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A language model writes the scene: the first attempt from the idea, a repair attempt from the previous
 * script (read back from PostgreSQL) and its exact errors. The answer's script is extracted; an answer
 * without one is an authoring-stage error that goes back to the model like any other.
 */
@ApplicationScoped
public class LlmAuthoringProvider implements AuthoringProvider {
    public static final String NO_SCRIPT_RULE = "author.no-script";
    private static final Logger LOG = Logger.getLogger(LlmAuthoringProvider.class);

    @Inject
    LlmGateway gateway;

    @Inject
    ScriptAttemptRepository attempts;

    @Inject
    OfflineSceneLibrary library;

    @Inject
    ScriptValidator validator;

    @Inject
    DesignSystems designSystems;

    private volatile ScriptPrompts prompts;

    @Override
    public ScriptDraft write(
            AnimationIdea idea, ScriptAttempt attempt, SceneExpectations expectations, LlmSettings llm) {
        ScriptPrompts p = prompts();
        String system = p.system(expectations);
        String user = userPrompt(p, idea, attempt, expectations);
        LlmAnswer answer;
        try {
            answer = gateway.chat(
                    llm,
                    new LlmRequest(
                            attempt.getMetadata().getNamespace(),
                            idea.getSpec().getScheduleRef(),
                            idea.getMetadata().getName(),
                            attempt.getMetadata().getName(),
                            "script",
                            p.versionId(),
                            system,
                            user));
        } catch (LlmException e) {
            throw new AuthoringException(e.reason(), e.getMessage(), e.isTransient());
        }
        Authoring authoring = new Authoring();
        authoring.setProvider(answer.provider().toLowerCase(Locale.ROOT));
        authoring.setModel(answer.model());
        authoring.setOffline(false);
        authoring.setPromptVersion(p.versionId());
        authoring.setOrigin(answer.cached() ? "cached answer" : "model answer");
        authoring.setPromptTokens(answer.promptTokens());
        authoring.setCompletionTokens(answer.completionTokens());

        Optional<String> script = ScriptExtractor.extract(answer.text());
        if (script.isEmpty()) {
            LOG.warnf(
                    "attempt %s/%s: the model's answer holds no script",
                    attempt.getMetadata().getNamespace(), attempt.getMetadata().getName());
            ScriptError error = new ScriptError(
                    ScriptError.Stage.author,
                    NO_SCRIPT_RULE,
                    null,
                    null,
                    "The answer contained no GDScript scene. Fix: answer with the complete script, starting with "
                            + "'extends Node2D', in one ```gdscript code block.");
            return new ScriptDraft(answer.text(), authoring, List.of(error));
        }
        return new ScriptDraft(script.get(), authoring);
    }

    private String userPrompt(
            ScriptPrompts p, AnimationIdea idea, ScriptAttempt attempt, SceneExpectations expectations) {
        String previousRef = attempt.getSpec().getPreviousAttemptRef();
        if (previousRef == null) {
            return p.firstTry(idea, expectations);
        }
        ScriptAttemptRecord previous = attempts.findByName(attempt.getMetadata().getNamespace(), previousRef);
        if (previous == null || previous.script == null) {
            // the history lost the previous script: a fresh first try is better than a repair of nothing
            LOG.warnf(
                    "attempt %s/%s: previous attempt %s has no stored script; writing from the idea",
                    attempt.getMetadata().getNamespace(), attempt.getMetadata().getName(), previousRef);
            return p.firstTry(idea, expectations);
        }
        List<ScriptError> errors = attempt.getSpec().getPreviousErrors() == null
                ? List.of()
                : attempt.getSpec().getPreviousErrors();
        return p.repair(idea, expectations, previous.attempt, previous.script, errors);
    }

    ScriptPrompts prompts() {
        if (prompts == null) {
            prompts = new ScriptPrompts(
                    new PromptTemplates(PromptTemplates.CURRENT),
                    library,
                    validator.contractVersion(),
                    designSystems.current());
        }
        return prompts;
    }
}
