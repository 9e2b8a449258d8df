package io.animops.operator.script.contract;

import io.animops.operator.script.gdscript.AstWalker;
import io.animops.operator.script.gdscript.Expr;
import io.animops.operator.script.gdscript.Member;

/** Whether a function's text contains an object creation at all, whatever its count. */
final class CreationSites extends AstWalker {
    private boolean found;

    private CreationSites() {}

    static boolean any(Member.FunctionDecl function) {
        if (function == null) {
            return false;
        }
        CreationSites search = new CreationSites();
        search.walkFunctionBody(function);
        return search.found;
    }

    /** {@code X.new()} or {@code ClassDB.instantiate(...)}: the expressions that create an object. */
    static boolean isCreation(Expr.Call call) {
        if (!(call.callee() instanceof Expr.Attribute attribute)
                || !(attribute.base() instanceof Expr.Identifier base)) {
            return false;
        }
        return attribute.name().equals("new")
                || (base.name().equals("ClassDB") && attribute.name().equals("instantiate"));
    }

    @Override
    protected boolean enter(Expr expr) {
        if (expr instanceof Expr.Call call && isCreation(call)) {
            found = true;
        }
        return !found;
    }
}
