package io.animops.operator.script.gdscript;

import java.util.List;

/**
 * Depth-first traversal of a syntax tree in source order. Subclasses override the {@code enter}
 * hooks they care about; returning false from a hook skips that node's children.
 */
public abstract class AstWalker {

    protected boolean enter(Member member) {
        return true;
    }

    protected boolean enter(Stmt stmt) {
        return true;
    }

    protected boolean enter(Expr expr) {
        return true;
    }

    protected void enter(TypeRef type) {}

    public void walkClass(Member.ClassDecl decl) {
        for (Annotation annotation : decl.annotations()) {
            walkExpressions(annotation.arguments());
        }
        for (Member member : decl.members()) {
            walkMember(member);
        }
    }

    public void walkMember(Member member) {
        if (!enter(member)) {
            return;
        }
        if (member instanceof Member.ClassDecl inner) {
            walkClass(inner);
        } else if (member instanceof Member.VarDecl var) {
            walkVarBody(var);
        } else if (member instanceof Member.FunctionDecl function) {
            walkFunctionBody(function);
        } else if (member instanceof Member.SignalDecl signal) {
            walkParameters(signal.parameters());
        } else if (member instanceof Member.EnumDecl enumDecl) {
            for (Member.EnumValue value : enumDecl.values()) {
                if (value.value() != null) {
                    walkExpr(value.value());
                }
            }
        } else if (member instanceof Member.StandaloneAnnotation standalone) {
            walkExpressions(standalone.annotation().arguments());
        }
    }

    private void walkVarBody(Member.VarDecl var) {
        for (Annotation annotation : var.annotations()) {
            walkExpressions(annotation.arguments());
        }
        if (var.type() != null) {
            walkType(var.type());
        }
        if (var.initializer() != null) {
            walkExpr(var.initializer());
        }
        if (var.accessors() != null) {
            if (var.accessors().getterBody() != null) {
                walkBlock(var.accessors().getterBody());
            }
            if (var.accessors().setterBody() != null) {
                walkBlock(var.accessors().setterBody());
            }
        }
    }

    public void walkFunctionBody(Member.FunctionDecl function) {
        for (Annotation annotation : function.annotations()) {
            walkExpressions(annotation.arguments());
        }
        walkParameters(function.parameters());
        if (function.returnType() != null) {
            walkType(function.returnType());
        }
        walkBlock(function.body());
    }

    private void walkParameters(List<Member.Parameter> parameters) {
        for (Member.Parameter parameter : parameters) {
            if (parameter.type() != null) {
                walkType(parameter.type());
            }
            if (parameter.defaultValue() != null) {
                walkExpr(parameter.defaultValue());
            }
        }
    }

    public void walkBlock(List<Stmt> block) {
        for (Stmt stmt : block) {
            walkStmt(stmt);
        }
    }

    public void walkStmt(Stmt stmt) {
        if (stmt instanceof Member.VarDecl var) {
            walkMember(var);
            return;
        }
        if (!enter(stmt)) {
            return;
        }
        if (stmt instanceof Stmt.ExpressionStmt e) {
            walkExpr(e.expression());
        } else if (stmt instanceof Stmt.If i) {
            for (Stmt.Branch branch : i.branches()) {
                walkExpr(branch.condition());
                walkBlock(branch.body());
            }
            if (i.elseBody() != null) {
                walkBlock(i.elseBody());
            }
        } else if (stmt instanceof Stmt.For f) {
            if (f.variableType() != null) {
                walkType(f.variableType());
            }
            walkExpr(f.iterable());
            walkBlock(f.body());
        } else if (stmt instanceof Stmt.While w) {
            walkExpr(w.condition());
            walkBlock(w.body());
        } else if (stmt instanceof Stmt.Match m) {
            walkExpr(m.subject());
            for (Stmt.MatchBranch branch : m.branches()) {
                for (Pattern pattern : branch.patterns()) {
                    walkPattern(pattern);
                }
                if (branch.guard() != null) {
                    walkExpr(branch.guard());
                }
                walkBlock(branch.body());
            }
        } else if (stmt instanceof Stmt.Return r && r.value() != null) {
            walkExpr(r.value());
        }
    }

    private void walkPattern(Pattern pattern) {
        if (pattern instanceof Pattern.Value value) {
            walkExpr(value.expression());
        } else if (pattern instanceof Pattern.ArrayPattern array) {
            for (Pattern element : array.elements()) {
                walkPattern(element);
            }
        } else if (pattern instanceof Pattern.DictionaryPattern dict) {
            for (Pattern.DictPatternEntry entry : dict.entries()) {
                walkExpr(entry.key());
                if (entry.value() != null) {
                    walkPattern(entry.value());
                }
            }
        }
    }

    public void walkType(TypeRef type) {
        enter(type);
        for (TypeRef argument : type.arguments()) {
            walkType(argument);
        }
    }

    private void walkExpressions(List<Expr> expressions) {
        for (Expr expr : expressions) {
            walkExpr(expr);
        }
    }

    public void walkExpr(Expr expr) {
        if (!enter(expr)) {
            return;
        }
        if (expr instanceof Expr.Unary u) {
            walkExpr(u.operand());
        } else if (expr instanceof Expr.Binary b) {
            walkExpr(b.left());
            walkExpr(b.right());
        } else if (expr instanceof Expr.TypeTest t) {
            walkExpr(t.value());
            walkType(t.type());
        } else if (expr instanceof Expr.Cast c) {
            walkExpr(c.value());
            walkType(c.type());
        } else if (expr instanceof Expr.Ternary t) {
            walkExpr(t.whenTrue());
            walkExpr(t.condition());
            walkExpr(t.whenFalse());
        } else if (expr instanceof Expr.Call c) {
            walkExpr(c.callee());
            walkExpressions(c.arguments());
        } else if (expr instanceof Expr.SuperCall s) {
            walkExpressions(s.arguments());
        } else if (expr instanceof Expr.Attribute a) {
            walkExpr(a.base());
        } else if (expr instanceof Expr.Subscript s) {
            walkExpr(s.base());
            walkExpr(s.index());
        } else if (expr instanceof Expr.ArrayLiteral a) {
            walkExpressions(a.elements());
        } else if (expr instanceof Expr.DictionaryLiteral d) {
            for (Expr.DictEntry entry : d.entries()) {
                walkExpr(entry.key());
                walkExpr(entry.value());
            }
        } else if (expr instanceof Expr.Lambda l) {
            walkFunctionBody(l.function());
        } else if (expr instanceof Expr.Await a) {
            walkExpr(a.value());
        } else if (expr instanceof Expr.Assignment a) {
            walkExpr(a.target());
            walkExpr(a.value());
        }
    }
}
