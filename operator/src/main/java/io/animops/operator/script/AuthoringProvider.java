package io.animops.operator.script;

import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.Authoring;
import io.animops.crds.v1alpha1.ScriptAttempt;

/** Writes the scene script of one attempt. */
public interface AuthoringProvider {
    ScriptDraft write(AnimationIdea idea, ScriptAttempt attempt, SceneExpectations expectations);

    /** A script and who wrote it with what. */
    record ScriptDraft(String source, Authoring authoring) {
    }

    /** The provider could not produce a script; the attempt fails with this reason. */
    class AuthoringException extends RuntimeException {
        private final String reason;

        public AuthoringException(String reason, String message) {
            super(message);
            this.reason = reason;
        }

        public String reason() {
            return reason;
        }
    }
}
