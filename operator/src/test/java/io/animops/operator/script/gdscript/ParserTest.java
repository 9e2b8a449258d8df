package io.animops.operator.script.gdscript;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParserTest {

    private static Member.FunctionDecl function(String source, String name) {
        return Parser.parse(source).members().stream()
                .filter(m -> m instanceof Member.FunctionDecl f && f.name().equals(name))
                .map(Member.FunctionDecl.class::cast)
                .findFirst()
                .orElseThrow();
    }

    /** Renders an expression with explicit parentheses, to check precedence and associativity. */
    private static String shape(Expr e) {
        if (e instanceof Expr.Binary b) {
            return "(" + shape(b.left()) + " " + b.operator() + " " + shape(b.right()) + ")";
        }
        if (e instanceof Expr.Unary u) {
            return "(" + u.operator() + " " + shape(u.operand()) + ")";
        }
        if (e instanceof Expr.Ternary t) {
            return "(" + shape(t.whenTrue()) + " if " + shape(t.condition()) + " else " + shape(t.whenFalse()) + ")";
        }
        if (e instanceof Expr.TypeTest t) {
            return "(" + shape(t.value()) + (t.negated() ? " is not " : " is ")
                    + t.type().name() + ")";
        }
        if (e instanceof Expr.Cast c) {
            return "(" + shape(c.value()) + " as " + c.type().name() + ")";
        }
        if (e instanceof Expr.Identifier id) {
            return id.name();
        }
        if (e instanceof Expr.Literal l) {
            return String.valueOf(l.value());
        }
        if (e instanceof Expr.Attribute a) {
            return shape(a.base()) + "." + a.name();
        }
        if (e instanceof Expr.Call c) {
            return shape(c.callee()) + "("
                    + String.join(
                            ", ", c.arguments().stream().map(ParserTest::shape).toList()) + ")";
        }
        if (e instanceof Expr.Await a) {
            return "(await " + shape(a.value()) + ")";
        }
        return e.getClass().getSimpleName();
    }

    private static String shape(String expression) {
        return shape(Parser.parseExpression(expression));
    }

    @Test
    void operatorPrecedenceFollowsGodot() {
        assertThat(shape("a + b * c")).isEqualTo("(a + (b * c))");
        assertThat(shape("-a ** 2")).isEqualTo("(- (a ** 2))");
        assertThat(shape("2 ** 3 ** 2")).isEqualTo("((2 ** 3) ** 2)");
        assertThat(shape("not a == b and c or d")).isEqualTo("(((not (a == b)) and c) or d)");
        assertThat(shape("a if b else c if d else e")).isEqualTo("(a if b else (c if d else e))");
        assertThat(shape("x in arr and y not in arr")).isEqualTo("((x in arr) and (y not in arr))");
        assertThat(shape("a | b ^ c & d << 1")).isEqualTo("(a | (b ^ (c & (d << 1))))");
        assertThat(shape("n is Node2D and n is not RigidBody2D"))
                .isEqualTo("((n is Node2D) and (n is not RigidBody2D))");
        assertThat(shape("a + b as int")).isEqualTo("((a + b) as int)");
        assertThat(shape("a && b || !c")).isEqualTo("((a and b) or (not c))");
        assertThat(shape("await get_tree().create_timer(1).timeout"))
                .isEqualTo("(await get_tree().create_timer(1).timeout)");
    }

    @Test
    void nestedMultiLineLambdasInsideArguments() {
        String source = """
                func f():
                \tarr.sort_custom(func(a, b):
                \t\tvar g = func(x):
                \t\t\treturn x * 2
                \t\treturn g.call(a) < b
                \t)
                \tcall_after(func(): print("x"), 3)
                \tdone()
                """;
        List<Stmt> body = function(source, "f").body();
        assertThat(body).hasSize(3);
        Expr.Call sort = (Expr.Call) ((Stmt.ExpressionStmt) body.get(0)).expression();
        Expr.Lambda outer = (Expr.Lambda) sort.arguments().get(0);
        assertThat(outer.function().body()).hasSize(2);
        Member.VarDecl inner = (Member.VarDecl) outer.function().body().get(0);
        assertThat(((Expr.Lambda) inner.initializer()).function().body()).hasSize(1);
        Expr.Call callAfter = (Expr.Call) ((Stmt.ExpressionStmt) body.get(1)).expression();
        assertThat(callAfter.arguments()).hasSize(2);
    }

    @Test
    void statementLevelLambdaEndsWithItsBody() {
        String source = "func f():\n\tvar g = func(x):\n\t\treturn x\n\tg.call(1)\n";
        assertThat(function(source, "f").body()).hasSize(2);
    }

    @Test
    void closingBracketLessIndentedThanStatementAfterLambda() {
        String source = "func f():\n\tfoo(func():\n\t\tpass\n)\n\tbar()\n";
        assertThat(function(source, "f").body()).hasSize(2);
    }

    @Test
    void lambdaBodyEndedByACommaOrClosingBracketOnItsLastLine() {
        String source = "var handlers := {\n\t\"a\": func():\n\t\tprint(\"a\"),\n\t\"b\": func(): print(\"b\"),\n}\n"
                + "func f():\n\tfoo(func():\n\t\tif x:\n\t\t\tbar()\n\t\tbaz())\n\tdone()\n";
        Member.ClassDecl script = Parser.parse(source);
        Member.VarDecl handlers = (Member.VarDecl) script.members().get(0);
        Expr.DictionaryLiteral dict = (Expr.DictionaryLiteral) handlers.initializer();
        assertThat(dict.entries()).hasSize(2);
        assertThat(((Expr.Lambda) dict.entries().get(0).value()).function().body())
                .hasSize(1);
        List<Stmt> body = function(source, "f").body();
        assertThat(body).hasSize(2);
        Expr.Lambda lambda = (Expr.Lambda) ((Expr.Call) ((Stmt.ExpressionStmt) body.get(0)).expression())
                .arguments()
                .get(0);
        assertThat(lambda.function().body()).hasSize(2);
    }

    @Test
    void methodChainsAcrossLinesInsideParenthesesAndAfterBackslash() {
        String source = "func f():\n\tvar v = (\n\t\tVector2(3, 4)\n\t\t.normalized()\n\t)\n"
                + "\tt.tween_property(self, \"x\", 1.0, 1.0) \\\n\t\t.set_ease(1)\n";
        assertThat(function(source, "f").body()).hasSize(2);
    }

    @Test
    void matchPatterns() {
        String source = """
                func f(v):
                \tmatch v:
                \t\t1, 2, "three":
                \t\t\tpass
                \t\t[var a, _, ..]:
                \t\t\tpass
                \t\t{"k": var b, "z", ..}:
                \t\t\tpass
                \t\tvar c when c > 10:
                \t\t\tpass
                \t\t_:
                \t\t\tpass
                """;
        Stmt.Match match = (Stmt.Match) function(source, "f").body().get(0);
        assertThat(match.branches()).hasSize(5);
        assertThat(match.branches().get(0).patterns()).hasSize(3);
        Pattern.ArrayPattern array =
                (Pattern.ArrayPattern) match.branches().get(1).patterns().get(0);
        assertThat(array.elements())
                .hasExactlyElementsOfTypes(Pattern.Binding.class, Pattern.Wildcard.class, Pattern.Rest.class);
        Pattern.DictionaryPattern dict =
                (Pattern.DictionaryPattern) match.branches().get(2).patterns().get(0);
        assertThat(dict.open()).isTrue();
        assertThat(dict.entries()).hasSize(2);
        assertThat(match.branches().get(3).guard()).isNotNull();
        assertThat(match.branches().get(4).patterns().get(0)).isInstanceOf(Pattern.Wildcard.class);
    }

    @Test
    void classLevelDeclarations() {
        String source = """
                @tool
                class_name Foo extends "res://base.gd"
                signal hit(body: Node2D, strength)
                enum State { IDLE, RUN = 3 }
                const A: Array[int] = [1]
                static var count := 0
                @export_range(0, 10) var speed: float = 1.0:
                \tset(value):
                \t\tspeed = value
                \tget:
                \t\treturn speed
                var size: int: get = _get_size, set = _set_size
                var typed: Dictionary[String, Vector2] = {}
                class Inner extends Node:
                \tfunc _init():
                \t\tsuper()
                static func make(x := 1, y: int = 2) -> Foo:
                \treturn null
                """;
        Member.ClassDecl script = Parser.parse(source);
        assertThat(script.name()).isEqualTo("Foo");
        assertThat(script.extendsRef().path()).isEqualTo("res://base.gd");
        assertThat(script.annotations()).extracting(Annotation::name).containsExactly("tool");
        assertThat(script.members())
                .hasExactlyElementsOfTypes(
                        Member.SignalDecl.class,
                        Member.EnumDecl.class,
                        Member.VarDecl.class,
                        Member.VarDecl.class,
                        Member.VarDecl.class,
                        Member.VarDecl.class,
                        Member.VarDecl.class,
                        Member.ClassDecl.class,
                        Member.FunctionDecl.class);
        Member.VarDecl speed = (Member.VarDecl) script.members().get(4);
        assertThat(speed.annotations().get(0).arguments()).hasSize(2);
        assertThat(speed.accessors().setterParameter()).isEqualTo("value");
        assertThat(speed.accessors().getterBody()).hasSize(1);
        Member.VarDecl size = (Member.VarDecl) script.members().get(5);
        assertThat(size.accessors().getterFunction()).isEqualTo("_get_size");
        assertThat(size.accessors().setterFunction()).isEqualTo("_set_size");
        Member.VarDecl typed = (Member.VarDecl) script.members().get(6);
        assertThat(typed.type().arguments()).extracting(TypeRef::name).containsExactly("String", "Vector2");
        Member.FunctionDecl make = (Member.FunctionDecl) script.members().get(8);
        assertThat(make.isStatic()).isTrue();
        assertThat(make.parameters().get(0).inferred()).isTrue();
    }

    @Test
    void nodePathsDictionariesAndSubscripts() {
        Expr path = Parser.parseExpression("$HUD/Score/%Label");
        assertThat(((Expr.GetNode) path).path()).isEqualTo("HUD/Score/%Label");
        assertThat(((Expr.GetNode) Parser.parseExpression("%Camera")).unique()).isTrue();
        assertThat(((Expr.GetNode) Parser.parseExpression("$\"../Sibling\"")).path())
                .isEqualTo("../Sibling");
        Expr.DictionaryLiteral lua = (Expr.DictionaryLiteral) Parser.parseExpression("{a = 1, b = 2,}");
        assertThat(lua.entries()).hasSize(2);
        assertThat(((Expr.Literal) lua.entries().get(0).key()).value()).isEqualTo("a");
        assertThat(Parser.parseExpression("m[\"k\"][0].x")).isInstanceOf(Expr.Attribute.class);
    }

    @Test
    void forWithTypedVariableAndWhileAndIfChains() {
        String source = "func f():\n\tfor i: int in range(3):\n\t\tcontinue\n\twhile false:\n\t\tbreak\n"
                + "\tif a:\n\t\tpass\n\telif b:\n\t\tpass\n\telse:\n\t\treturn\n";
        List<Stmt> body = function(source, "f").body();
        assertThat(((Stmt.For) body.get(0)).variableType().name()).isEqualTo("int");
        assertThat(((Stmt.If) body.get(2)).branches()).hasSize(2);
        assertThat(((Stmt.If) body.get(2)).elseBody()).hasSize(1);
    }

    @Test
    void syntaxErrorsSayWhatWasExpectedAndWhere() {
        assertThatThrownBy(() -> Parser.parse("func f():\n\tif x\n\t\tpass\n"))
                .isInstanceOfSatisfying(SyntaxError.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Expected \":\" after \"if\" condition.");
                    assertThat(e.expected()).isEqualTo("':' after 'if' condition");
                    // Godot reports where the last token read starts: "x", the end of the condition
                    assertThat(e.line()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(8);
                });
        assertThatThrownBy(() -> Parser.parse("func f():\npass\n")).isInstanceOfSatisfying(SyntaxError.class, e -> {
            assertThat(e.getMessage()).isEqualTo("Expected indented block after function declaration.");
            assertThat(e.line()).isEqualTo(1); // the header's line, as in Godot
        });
        assertThatThrownBy(() -> Parser.parse("var x = (1 + 2\nvar y\n"))
                .isInstanceOfSatisfying(SyntaxError.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Expected closing \")\" after grouping expression.");
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.column()).isEqualTo(14);
                });
        assertThatThrownBy(() -> Parser.parse("func f():\n\tvar a = 1 b\n"))
                .isInstanceOfSatisfying(SyntaxError.class, e -> {
                    assertThat(e.getMessage())
                            .isEqualTo(
                                    "Expected end of statement after variable declaration, found \"Identifier\" instead.");
                    assertThat(e.column()).isEqualTo(13);
                });
        assertThatThrownBy(() -> Parser.parse("var s = \"open\n")).isInstanceOfSatisfying(SyntaxError.class, e -> {
            assertThat(e.getMessage()).isEqualTo("Unterminated string.");
            assertThat(e.column()).isEqualTo(7); // a tokenizer error, placed like Godot's parser does
        });
    }
}
