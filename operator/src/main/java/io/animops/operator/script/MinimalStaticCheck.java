package io.animops.operator.script;

import io.animops.crds.v1alpha1.ScriptError;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.List;

// replaced by the GDScript contract validator when it lands
@ApplicationScoped
public class MinimalStaticCheck implements ScriptValidator {
    @Override
    public String contractVersion() {
        return "contract-v1";
    }

    @Override
    public List<ScriptError> validate(String source, SceneExpectations expectations) {
        List<ScriptError> errors = new ArrayList<>();
        if (!source.contains("extends Node2D")) {
            errors.add(new ScriptError(ScriptError.Stage.contract, "contract.root-extends", 1, 1, "root must extend Node2D"));
        }
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            for (String forbidden : List.of("FileAccess", "DirAccess", "OS.execute", "HTTPRequest")) {
                int col = lines[i].indexOf(forbidden);
                if (col >= 0) {
                    errors.add(new ScriptError(ScriptError.Stage.contract, "contract.forbidden-api", i + 1, col + 1,
                            forbidden + " is not allowed"));
                }
            }
        }
        return errors;
    }
}
