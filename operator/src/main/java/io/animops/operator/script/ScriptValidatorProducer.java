package io.animops.operator.script;

import io.animops.operator.script.contract.GdscriptContractValidator;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The operator's static validator: the GDScript parser and Script Contract v1, no Godot needed. */
@ApplicationScoped
public class ScriptValidatorProducer {
    @Produces
    @ApplicationScoped
    ScriptValidator validator() {
        return new GdscriptContractValidator();
    }
}
