package io.animops.operator.script;

import io.animops.crds.v1alpha1.ScriptError;

import java.util.List;

/** Static validation of a scene script in the operator, before any agent sees it. */
public interface ScriptValidator {
    /** Version id of the script contract this validator enforces, recorded with every attempt and render. */
    String contractVersion();

    /** Every finding, in source order; an empty list means the script may go to an agent. */
    List<ScriptError> validate(String source, SceneExpectations expectations);
}
