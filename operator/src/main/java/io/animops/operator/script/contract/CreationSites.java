package io.animops.operator.script.contract;

import io.animops.operator.script.gdscript.AstWalker;
import io.animops.operator.script.gdscript.Expr;
import io.animops.operator.script.gdscript.Member;

/** Whether a function's text contains an object creation at all, whatever its count. */
final class CreationSites extends AstWalker {
    private boolean found;

    private CreationSites() {
    }

    static boolean any(Member.FunctionDecl function) {
        if (function == null) {
            return false;
        }
        CreationSites search = new CreationSites();
        search.walkFunctionBody(function);
        return search.found;
    }

    @Override
    protected boolean enter(Expr expr) {
        if (expr instanceof Expr.Call call && call.callee() instanceof Expr.Attribute attribute
                && (attribute.name().equals("new") || attribute.name().equals("instantiate"))) {
            found = true;
        }
        return !found;
    }
}
