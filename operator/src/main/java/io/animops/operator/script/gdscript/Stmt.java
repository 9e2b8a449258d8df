package io.animops.operator.script.gdscript;

import java.util.List;

/** Statements inside function bodies. Local {@code var} and {@code const} are {@link Member.VarDecl}. */
public sealed interface Stmt extends Node
        permits Stmt.ExpressionStmt,
                Stmt.If,
                Stmt.For,
                Stmt.While,
                Stmt.Match,
                Stmt.Return,
                Stmt.Break,
                Stmt.Continue,
                Stmt.Pass,
                Stmt.Breakpoint,
                Member.VarDecl {

    record ExpressionStmt(int line, int column, Expr expression) implements Stmt {}

    record Branch(int line, int column, Expr condition, List<Stmt> body) {}

    /** {@code if} and its {@code elif}s as branches in order; {@code elseBody} is null without {@code else}. */
    record If(int line, int column, List<Branch> branches, List<Stmt> elseBody) implements Stmt {}

    /** {@code for variable[: type] in iterable:}; {@code variableType} is null when untyped. */
    record For(int line, int column, String variable, TypeRef variableType, Expr iterable, List<Stmt> body)
            implements Stmt {}

    record While(int line, int column, Expr condition, List<Stmt> body) implements Stmt {}

    /** One match branch: alternatives separated by commas, an optional {@code when} guard (null if absent). */
    record MatchBranch(int line, int column, List<Pattern> patterns, Expr guard, List<Stmt> body) {}

    record Match(int line, int column, Expr subject, List<MatchBranch> branches) implements Stmt {}

    /** {@code value} is null for a bare {@code return}. */
    record Return(int line, int column, Expr value) implements Stmt {}

    record Break(int line, int column) implements Stmt {}

    record Continue(int line, int column) implements Stmt {}

    record Pass(int line, int column) implements Stmt {}

    record Breakpoint(int line, int column) implements Stmt {}
}
