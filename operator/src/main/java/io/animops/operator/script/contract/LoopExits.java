package io.animops.operator.script.contract;

import io.animops.operator.script.gdscript.AstWalker;
import io.animops.operator.script.gdscript.Expr;
import io.animops.operator.script.gdscript.Member;
import io.animops.operator.script.gdscript.Stmt;

import java.util.List;

/**
 * Whether a loop body can give control back: a break of this loop, a return, or an await (which yields to
 * the engine each time round, so the frame goes on). Lambdas defined in the body do not count: their
 * statements do not run as part of the loop.
 */
final class LoopExits extends AstWalker {
    private boolean exits;
    private int nestedLoops;

    private LoopExits() {}

    static boolean canLeave(List<Stmt> body) {
        LoopExits search = new LoopExits();
        search.walkBlock(body);
        return search.exits;
    }

    @Override
    protected boolean enter(Stmt stmt) {
        if (stmt instanceof Stmt.Return) {
            exits = true;
        } else if (stmt instanceof Stmt.Break && nestedLoops == 0) {
            exits = true;
        } else if (stmt instanceof Stmt.For || stmt instanceof Stmt.While) {
            // a break inside an inner loop only leaves the inner loop
            nestedLoops++;
            if (stmt instanceof Stmt.For f) {
                walkExpr(f.iterable());
                walkBlock(f.body());
            } else {
                Stmt.While w = (Stmt.While) stmt;
                walkExpr(w.condition());
                walkBlock(w.body());
            }
            nestedLoops--;
            return false;
        }
        return !exits;
    }

    @Override
    protected boolean enter(Expr expr) {
        if (expr instanceof Expr.Await) {
            exits = true;
        }
        return !exits && !(expr instanceof Expr.Lambda);
    }

    @Override
    protected boolean enter(Member member) {
        return !exits;
    }
}
