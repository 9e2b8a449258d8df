package io.animops.operator.script;

import io.animops.crds.ConditionTypes;
import io.animops.crds.Conditions;
import io.animops.crds.Reasons;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.AttemptPhase;
import io.animops.crds.v1alpha1.LlmSettings;
import io.animops.crds.v1alpha1.ScriptAttempt;
import io.animops.crds.v1alpha1.ScriptAttemptStatus;
import io.animops.crds.v1alpha1.ScriptError;
import io.animops.operator.common.Hashes;
import io.animops.operator.db.JsonColumn;
import io.animops.operator.llm.ProviderRetries;
import io.animops.operator.pipeline.PipelineSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** Writes an attempt's script with the schedule's provider, validates it statically, and stores both. */
@ApplicationScoped
public class ScriptAuthoringService {
    @Inject
    OfflineSceneLibrary offline;

    @Inject
    LlmAuthoringProvider llmProvider;

    @Inject
    ScriptValidator validator;

    @Inject
    ScriptAttemptRepository repository;

    @Inject
    ProviderRetries retries;

    @Inject
    Clock clock;

    /**
     * Runs authoring and validation, leaving the attempt's status in a terminal phase; or, when the model provider
     * was unavailable, Pending with condition Succeeded=Unknown and the delay before the same attempt tries again.
     *
     * @return the delay before the next try, empty once the attempt is in a terminal phase
     */
    public Optional<Duration> author(ScriptAttempt attempt, AnimationIdea idea, PipelineSettings settings) {
        ScriptAttemptStatus status = attempt.getStatus();
        SceneExpectations expectations =
                SceneExpectations.frame(settings.preview().getDurationSeconds());
        UUID uid = UUID.fromString(attempt.getMetadata().getUid());
        Consumer<ScriptAttemptRecord> identity = row -> {
            row.ideaUid = UUID.fromString(idea.getMetadata().getUid());
            row.namespace = attempt.getMetadata().getNamespace();
            row.name = attempt.getMetadata().getName();
            row.ideaName = idea.getMetadata().getName();
            row.attempt = attempt.getSpec().getAttempt();
        };

        AuthoringProvider.ScriptDraft draft;
        try {
            draft = providerFor(settings.llm()).write(idea, attempt, expectations, settings.llm());
        } catch (AuthoringProvider.AuthoringException e) {
            String message = e.getMessage();
            if (e.isTransient()) {
                ProviderRetries.Decision retry =
                        retries.afterFailure(status.getProviderRetry(), e.getMessage(), Instant.now(clock));
                status.setProviderRetry(retry.state());
                message = retry.message();
                if (!retry.giveUp()) {
                    // the same attempt tries again: no new attempt, so the idea's attempt count is untouched
                    status.setPhase(AttemptPhase.Pending);
                    Conditions.set(status, clock, ConditionTypes.SUCCEEDED, Conditions.UNKNOWN, e.reason(), message);
                    return Optional.of(retry.delay());
                }
            }
            String reason = e.reason();
            String failure = message;
            status.setPhase(AttemptPhase.Failed);
            status.setAuthoring(failedAuthoring(settings.llm()));
            Conditions.set(status, clock, ConditionTypes.SUCCEEDED, Conditions.FALSE, reason, failure);
            repository.record(uid, identity.andThen(row -> {
                row.phase = AttemptPhase.Failed.name();
                row.provider = status.getAuthoring().getProvider();
                row.model = status.getAuthoring().getModel();
                row.errors = JsonColumn.write(
                        List.of(new ScriptError(ScriptError.Stage.author, reason, null, null, failure)));
            }));
            return Optional.empty();
        }
        if (status.getProviderRetry() != null) {
            // kept as the record of the waits; no further try is planned
            status.getProviderRetry().setNextTryTime(null);
        }
        // an answer without a script has nothing to validate: its authoring error is the finding
        List<ScriptError> errors = draft.authorErrors().isEmpty()
                ? validator.validate(draft.source(), expectations)
                : draft.authorErrors();

        status.setAuthoring(draft.authoring());
        status.setScriptSha256(Hashes.sha256(draft.source()));
        status.setScriptLines((int) draft.source().lines().count());
        status.setContractVersion(validator.contractVersion());
        status.setErrors(errors);
        status.setErrorCount(errors.size());
        status.setPhase(errors.isEmpty() ? AttemptPhase.Valid : AttemptPhase.Invalid);
        String by = Boolean.TRUE.equals(draft.authoring().getOffline())
                ? "offline scene " + draft.authoring().getOrigin()
                : draft.authoring().getProvider();
        if (errors.isEmpty()) {
            Conditions.set(
                    status,
                    clock,
                    ConditionTypes.SUCCEEDED,
                    Conditions.TRUE,
                    Reasons.VALID,
                    "script from " + by + " passed " + validator.contractVersion());
        } else {
            ScriptError first = errors.get(0);
            Conditions.set(
                    status,
                    clock,
                    ConditionTypes.SUCCEEDED,
                    Conditions.FALSE,
                    Reasons.VALIDATION_FAILED,
                    errors.size()
                            + " error(s); first: " + first.getStage() + " " + first.getRule() + " at " + first.getLine()
                            + ":"
                            + first.getColumn() + ": " + first.getMessage());
        }

        repository.record(uid, identity.andThen(row -> {
            row.provider = draft.authoring().getProvider();
            row.model = draft.authoring().getModel();
            row.offline = draft.authoring().getOffline();
            row.promptVersion = draft.authoring().getPromptVersion();
            row.origin = draft.authoring().getOrigin();
            row.script = draft.source();
            row.scriptSha256 = status.getScriptSha256();
            row.contractVersion = validator.contractVersion();
            row.phase = status.getPhase().name();
            row.errors = JsonColumn.write(errors);
            row.promptTokens = draft.authoring().getPromptTokens();
            row.completionTokens = draft.authoring().getCompletionTokens();
        }));
        return Optional.empty();
    }

    private AuthoringProvider providerFor(LlmSettings llm) {
        if (llm == null || llm.getProvider() == LlmSettings.Provider.Offline) {
            return offline;
        }
        return llmProvider;
    }

    private static io.animops.crds.v1alpha1.Authoring failedAuthoring(LlmSettings llm) {
        io.animops.crds.v1alpha1.Authoring authoring = new io.animops.crds.v1alpha1.Authoring();
        boolean offline = llm == null || llm.getProvider() == LlmSettings.Provider.Offline;
        authoring.setProvider(
                offline
                        ? OfflineSceneLibrary.PROVIDER_ID
                        : llm.getProvider().name().toLowerCase(java.util.Locale.ROOT));
        authoring.setOffline(offline);
        authoring.setModel(offline ? null : llm.getModel());
        authoring.setPromptTokens(0L);
        authoring.setCompletionTokens(0L);
        return authoring;
    }
}
