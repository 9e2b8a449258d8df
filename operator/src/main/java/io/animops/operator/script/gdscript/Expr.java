package io.animops.operator.script.gdscript;

import java.util.List;

/**
 * Expressions. Calls, attributes and subscripts keep the position where the whole expression starts
 * ({@code a} in {@code a.b.c()}); unary operators, await and literals their first token; binary, ternary,
 * type-test, cast and assignment operators the operator's token.
 */
public sealed interface Expr extends Node {

    enum LiteralKind {
        INT,
        FLOAT,
        STRING,
        STRING_NAME,
        NODE_PATH,
        BOOL,
        NULL
    }

    /** A literal; {@code value} is a Long, Double, String, Boolean or null. Built-in constants (PI, TAU, INF, NAN) are FLOAT. */
    record Literal(int line, int column, LiteralKind kind, Object value) implements Expr {}

    record Identifier(int line, int column, String name) implements Expr {}

    record Self(int line, int column) implements Expr {}

    /** {@code $Path/To/Node}, {@code $"../x"}, {@code %Unique}; {@code unique} for the {@code %} form. */
    record GetNode(int line, int column, String path, boolean unique) implements Expr {}

    /** Prefix operators: {@code -}, {@code +}, {@code ~}, {@code not} (also written {@code !}). */
    record Unary(int line, int column, String operator, Expr operand) implements Expr {}

    /** Binary operators, normalised: {@code &&} is {@code and}, {@code ||} is {@code or}, {@code not in} is kept. */
    record Binary(int line, int column, String operator, Expr left, Expr right) implements Expr {}

    /** {@code value is Type} or {@code value is not Type}. */
    record TypeTest(int line, int column, Expr value, TypeRef type, boolean negated) implements Expr {}

    record Cast(int line, int column, Expr value, TypeRef type) implements Expr {}

    /** {@code whenTrue if condition else whenFalse}. */
    record Ternary(int line, int column, Expr whenTrue, Expr condition, Expr whenFalse) implements Expr {}

    /** A call; {@code callee} is an Identifier for {@code f(x)} or an Attribute for {@code a.f(x)}. */
    record Call(int line, int column, Expr callee, List<Expr> arguments) implements Expr {
        /** The called name: {@code f} for {@code f(x)} and {@code a.f(x)}; null for calls of other expressions. */
        public String methodName() {
            if (callee instanceof Identifier id) {
                return id.name();
            }
            if (callee instanceof Attribute attribute) {
                return attribute.name();
            }
            return null;
        }
    }

    /** {@code super(args)} (method null: the overridden method) or {@code super.method(args)}. */
    record SuperCall(int line, int column, String method, List<Expr> arguments) implements Expr {}

    record Attribute(int line, int column, Expr base, String name) implements Expr {}

    record Subscript(int line, int column, Expr base, Expr index) implements Expr {}

    record ArrayLiteral(int line, int column, List<Expr> elements) implements Expr {}

    /** A dictionary entry; for the Lua form {@code {a = 1}} the key is a STRING literal of the name. */
    record DictEntry(Expr key, Expr value) {}

    record DictionaryLiteral(int line, int column, List<DictEntry> entries) implements Expr {}

    record Lambda(int line, int column, Member.FunctionDecl function) implements Expr {}

    record Await(int line, int column, Expr value) implements Expr {}

    /** Assignment, only accepted where GDScript accepts it: as a statement. {@code operator} is "=", "+=", ... */
    record Assignment(int line, int column, Expr target, String operator, Expr value) implements Expr {}
}
