package io.animops.operator.script;

import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.Authoring;
import io.animops.crds.v1alpha1.LlmSettings;
import io.animops.crds.v1alpha1.ScriptAttempt;
import io.animops.crds.v1alpha1.ScriptError;

import java.util.List;

/** Writes the scene script of one attempt. */
public interface AuthoringProvider {
    /** @param llm the schedule's model settings (spec.llm), Offline when the idea has no schedule */
    ScriptDraft write(AnimationIdea idea, ScriptAttempt attempt, SceneExpectations expectations, LlmSettings llm);

    /**
     * A script and who wrote it with what. {@code authorErrors} are findings of the authoring stage itself
     * (e.g. an answer without any script); the source is then the raw answer, kept for the repair prompt.
     */
    record ScriptDraft(String source, Authoring authoring, List<ScriptError> authorErrors) {
        public ScriptDraft(String source, Authoring authoring) {
            this(source, authoring, List.of());
        }
    }

    /**
     * The provider could not produce a script: the attempt fails with this reason, or, when {@link #isTransient()},
     * waits and tries again.
     */
    class AuthoringException extends RuntimeException {
        private final String reason;
        private final boolean transientFailure;

        public AuthoringException(String reason, String message) {
            this(reason, message, false);
        }

        public AuthoringException(String reason, String message, boolean transientFailure) {
            super(message);
            this.reason = reason;
            this.transientFailure = transientFailure;
        }

        public String reason() {
            return reason;
        }

        /** The model provider was unavailable (or the rate limiter full): a later try may succeed. */
        public boolean isTransient() {
            return transientFailure;
        }
    }
}
