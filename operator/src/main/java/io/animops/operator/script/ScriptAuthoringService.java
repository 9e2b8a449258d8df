package io.animops.operator.script;

import io.animops.crds.Conditions;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.AttemptPhase;
import io.animops.crds.v1alpha1.LlmSettings;
import io.animops.crds.v1alpha1.ScriptAttempt;
import io.animops.crds.v1alpha1.ScriptAttemptStatus;
import io.animops.crds.v1alpha1.ScriptError;
import io.animops.operator.db.JsonColumn;
import io.animops.operator.schedule.PipelineSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

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
    Clock clock;

    /** Runs authoring and validation, leaving the attempt's status in a terminal phase. */
    public void author(ScriptAttempt attempt, AnimationIdea idea, PipelineSettings settings) {
        ScriptAttemptStatus status = attempt.getStatus();
        SceneExpectations expectations = SceneExpectations.frame(settings.preview().getDurationSeconds());
        ScriptAttemptRecord record = Objects.requireNonNullElseGet(
                repository.find(UUID.fromString(attempt.getMetadata().getUid())), ScriptAttemptRecord::new);
        record.uid = UUID.fromString(attempt.getMetadata().getUid());
        record.ideaUid = UUID.fromString(idea.getMetadata().getUid());
        record.namespace = attempt.getMetadata().getNamespace();
        record.name = attempt.getMetadata().getName();
        record.ideaName = idea.getMetadata().getName();
        record.attempt = attempt.getSpec().getAttempt();

        AuthoringProvider.ScriptDraft draft;
        try {
            draft = providerFor(settings.llm()).write(idea, attempt, expectations, settings.llm());
        } catch (AuthoringProvider.AuthoringException e) {
            status.setPhase(AttemptPhase.Failed);
            status.setAuthoring(failedAuthoring(settings.llm()));
            Conditions.set(status, clock, "Succeeded", Conditions.FALSE, e.reason(), e.getMessage());
            record.phase = AttemptPhase.Failed.name();
            record.provider = status.getAuthoring().getProvider();
            record.model = status.getAuthoring().getModel();
            record.errors = JsonColumn.write(List.of(new ScriptError(ScriptError.Stage.author, e.reason(), null, null,
                    e.getMessage())));
            repository.save(record);
            return;
        }
        // an answer without a script has nothing to validate: its authoring error is the finding
        List<ScriptError> errors = draft.authorErrors().isEmpty()
                ? validator.validate(draft.source(), expectations) : draft.authorErrors();

        status.setAuthoring(draft.authoring());
        status.setScriptSha256(sha256(draft.source()));
        status.setScriptLines((int) draft.source().lines().count());
        status.setContractVersion(validator.contractVersion());
        status.setErrors(errors);
        status.setErrorCount(errors.size());
        status.setPhase(errors.isEmpty() ? AttemptPhase.Valid : AttemptPhase.Invalid);
        String by = Boolean.TRUE.equals(draft.authoring().getOffline())
                ? "offline scene " + draft.authoring().getOrigin() : draft.authoring().getProvider();
        if (errors.isEmpty()) {
            Conditions.set(status, clock, "Succeeded", Conditions.TRUE, "Valid",
                    "script from " + by + " passed " + validator.contractVersion());
        } else {
            ScriptError first = errors.get(0);
            Conditions.set(status, clock, "Succeeded", Conditions.FALSE, "ValidationFailed", errors.size()
                    + " error(s); first: " + first.getStage() + " " + first.getRule() + " at " + first.getLine() + ":"
                    + first.getColumn() + ": " + first.getMessage());
        }

        record.provider = draft.authoring().getProvider();
        record.model = draft.authoring().getModel();
        record.offline = draft.authoring().getOffline();
        record.promptVersion = draft.authoring().getPromptVersion();
        record.origin = draft.authoring().getOrigin();
        record.script = draft.source();
        record.scriptSha256 = status.getScriptSha256();
        record.contractVersion = validator.contractVersion();
        record.phase = status.getPhase().name();
        record.errors = JsonColumn.write(errors);
        record.promptTokens = draft.authoring().getPromptTokens();
        record.completionTokens = draft.authoring().getCompletionTokens();
        repository.save(record);
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
        authoring.setProvider(offline ? OfflineSceneLibrary.PROVIDER_ID : llm.getProvider().name().toLowerCase(java.util.Locale.ROOT));
        authoring.setOffline(offline);
        authoring.setModel(offline ? null : llm.getModel());
        authoring.setPromptTokens(0L);
        authoring.setCompletionTokens(0L);
        return authoring;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
