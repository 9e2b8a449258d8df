package io.animops.operator.script.contract;

import io.animops.operator.script.gdscript.AstWalker;
import io.animops.operator.script.gdscript.Expr;
import io.animops.operator.script.gdscript.Member;

import java.util.HashSet;
import java.util.Set;

/** The plain names a function assigns to ({@code n = ...}, {@code n += ...}), so their entry values are not trusted. */
final class AssignedNames extends AstWalker {
    private final Set<String> names = new HashSet<>();

    private AssignedNames() {}

    static Set<String> in(Member.FunctionDecl function) {
        AssignedNames search = new AssignedNames();
        search.walkFunctionBody(function);
        return search.names;
    }

    @Override
    protected boolean enter(Expr expr) {
        if (expr instanceof Expr.Assignment assignment && assignment.target() instanceof Expr.Identifier id) {
            names.add(id.name());
        }
        return true;
    }
}
