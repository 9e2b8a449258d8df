package io.animops.operator.script.gdscript;

import io.animops.operator.script.gdscript.Member.Accessors;
import io.animops.operator.script.gdscript.Member.ClassDecl;
import io.animops.operator.script.gdscript.Member.EnumDecl;
import io.animops.operator.script.gdscript.Member.EnumValue;
import io.animops.operator.script.gdscript.Member.ExtendsRef;
import io.animops.operator.script.gdscript.Member.FunctionDecl;
import io.animops.operator.script.gdscript.Member.Parameter;
import io.animops.operator.script.gdscript.Member.SignalDecl;
import io.animops.operator.script.gdscript.Member.VarDecl;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Recursive-descent parser for GDScript 2.0 (Godot 4.6), with Pratt-style expression parsing that uses the
 * operator precedence of Godot's own parser. The first syntax error stops parsing with a {@link SyntaxError};
 * its wording follows Godot's messages, e.g. {@code Expected ":" after "if" condition.}
 */
public final class Parser {

    // Godot's precedence levels, lowest first (modules/gdscript/gdscript_parser.h)
    private static final int PREC_NONE = 0;
    private static final int PREC_ASSIGNMENT = 1;
    private static final int PREC_CAST = 2;
    private static final int PREC_TERNARY = 3;
    private static final int PREC_LOGIC_OR = 4;
    private static final int PREC_LOGIC_AND = 5;
    private static final int PREC_LOGIC_NOT = 6;
    private static final int PREC_CONTENT_TEST = 7;
    private static final int PREC_COMPARISON = 8;
    private static final int PREC_BIT_OR = 9;
    private static final int PREC_BIT_XOR = 10;
    private static final int PREC_BIT_AND = 11;
    private static final int PREC_BIT_SHIFT = 12;
    private static final int PREC_ADDITION_SUBTRACTION = 13;
    private static final int PREC_FACTOR = 14;
    private static final int PREC_SIGN = 15;
    private static final int PREC_BIT_NOT = 16;
    private static final int PREC_POWER = 17;
    private static final int PREC_TYPE_TEST = 18;
    private static final int PREC_AWAIT = 19;
    private static final int PREC_CALL = 20;
    private static final int PREC_ATTRIBUTE = 21;
    private static final int PREC_SUBSCRIPT = 22;

    /** Annotations that describe the whole script rather than the member after them. */
    private static final Set<String> CLASS_ANNOTATIONS = Set.of("tool", "icon", "static_unload", "abstract");
    /** Godot 3 keywords that Godot 4.6 names in its "class body" error (gdscript_parser.cpp, parse_class_body). */
    private static final Map<String, String> REMOVED_KEYWORDS = Map.of(
            "export",
                    "The \"export\" keyword was removed in Godot 4. Use an export annotation (\"@export\", "
                            + "\"@export_range\", etc.) instead.",
            "tool", "The \"tool\" keyword was removed in Godot 4. Use the \"@tool\" annotation instead.",
            "onready", "The \"onready\" keyword was removed in Godot 4. Use the \"@onready\" annotation instead.",
            "remote",
                    "The \"remote\" keyword was removed in Godot 4. Use the \"@rpc\" annotation with "
                            + "\"any_peer\" instead.",
            "remotesync",
                    "The \"remotesync\" keyword was removed in Godot 4. Use the \"@rpc\" annotation with "
                            + "\"any_peer\" and \"call_local\" instead.",
            "puppet",
                    "The \"puppet\" keyword was removed in Godot 4. Use the \"@rpc\" annotation with "
                            + "\"authority\" instead.",
            "puppetsync",
                    "The \"puppetsync\" keyword was removed in Godot 4. Use the \"@rpc\" annotation with "
                            + "\"authority\" and \"call_local\" instead.",
            "master",
                    "The \"master\" keyword was removed in Godot 4. Use the \"@rpc\" annotation with \"any_peer\" "
                            + "and perform a check inside the function instead.",
            "mastersync",
                    "The \"mastersync\" keyword was removed in Godot 4. Use the \"@rpc\" annotation with "
                            + "\"any_peer\" and \"call_local\", and perform a check inside the function instead.");

    private static final Set<String> STANDALONE_ANNOTATIONS = Set.of(
            "warning_ignore_start", "warning_ignore_restore", "export_category", "export_group", "export_subgroup");

    /**
     * Limits that keep recursion (here and in every tree walk) far from the thread's stack size on
     * hostile input; real scene scripts stay well below them.
     */
    private static final int MAX_NESTING = 200;

    private static final int MAX_CHAIN = 1000;

    private final Tokenizer tokenizer;
    private int nesting;
    private Token previous;
    private Token current;
    /** Inside a one-line lambda body, a closing bracket, comma or newline ends the statement without being consumed. */
    private int inlineLambdaDepth;
    /**
     * Inside the indented body of a lambda that is itself inside brackets, a comma or closing bracket right
     * after a statement ends the statement and the body: {@code {"a": func():\n\t\tprint("a"),}}.
     */
    private int bracketedLambdaBlockDepth;
    /** Inside a loop body (and not in a lambda of it): where "break" and "continue" are allowed. */
    private boolean canBreak;
    /**
     * The first body-less function that is not "@abstract": Godot's analyzer reports it, which only runs
     * when parsing found nothing, so it is thrown after the whole script parsed.
     */
    private SyntaxError bodylessFunction;

    private Parser(String source) {
        this.tokenizer = new Tokenizer(source);
        this.current = tokenizer.next();
    }

    /** Parses a whole script file. */
    public static ClassDecl parse(String source) {
        Parser parser = new Parser(source);
        ClassDecl script = parser.parseScript();
        if (parser.bodylessFunction != null) {
            throw parser.bodylessFunction;
        }
        return script;
    }

    /** Parses a single expression (for tests and tools); the whole source must be the expression. */
    public static Expr parseExpression(String source) {
        Parser parser = new Parser(source);
        Expr expr = parser.requireExpression("Expected expression.");
        if (parser.current.is(TokenType.NEWLINE)) {
            parser.advance();
        }
        if (!parser.current.is(TokenType.EOF)) {
            throw parser.errorAtLastToken(
                    "Expected end of expression, found \"" + parser.current.godotName() + "\" instead.",
                    "end of expression");
        }
        return expr;
    }

    // ---------------------------------------------------------------- token plumbing

    private Token advance() {
        previous = current;
        current = nextToken();
        return previous;
    }

    /** The next token; a tokenizer error is placed where Godot's parser places it, like any parse error. */
    private Token nextToken() {
        try {
            return tokenizer.next();
        } catch (SyntaxError error) {
            if (previous == null) {
                throw error;
            }
            throw new SyntaxError(error.getMessage(), previous.line(), previous.column(), error.expected());
        }
    }

    private boolean check(TokenType type) {
        return current.type() == type;
    }

    private boolean match(TokenType type) {
        if (current.type() == type) {
            advance();
            return true;
        }
        return false;
    }

    /** Consumes a token of the given type or fails with {@code message}; {@code expected} names what was wanted. */
    private Token consume(TokenType type, String message, String expected) {
        if (current.type() == type) {
            return advance();
        }
        throw errorAtLastToken(message, expected);
    }

    /**
     * An error at the start of the last token read, which is where Godot's parser reports errors that
     * have no syntax node of their own (GDScriptParser::push_error uses its {@code previous} token):
     * a missing ':' is reported at the end of the condition, an unclosed call at its last argument.
     */
    private SyntaxError errorAtLastToken(String message, String expected) {
        Token at = previous != null ? previous : current;
        return new SyntaxError(message, at.line(), at.column(), expected);
    }

    private static SyntaxError errorAt(Node node, String message, String expected) {
        return new SyntaxError(message, node.line(), node.column(), expected);
    }

    private boolean atIdentifierNamed(String word) {
        return current.is(TokenType.IDENTIFIER) && current.lexeme().equals(word);
    }

    /** Identifiers, and keywords used as names where Godot allows it: {@code Vector2.INF}, {@code x.class}... */
    private boolean atName() {
        if (current.is(TokenType.IDENTIFIER)) {
            return true;
        }
        // keywords are words; of the other tokens only raw strings (r"...") start with a letter
        String lexeme = current.lexeme();
        return !lexeme.isEmpty() && Character.isLetter(lexeme.charAt(0)) && current.type() != TokenType.STRING;
    }

    // ---------------------------------------------------------------- classes

    private ClassDecl parseScript() {
        List<Annotation> classAnnotations = new ArrayList<>();
        ClassHeader header = new ClassHeader();
        List<Member> members = parseClassBody(true, classAnnotations, header);
        return new ClassDecl(1, 1, header.name, header.extendsRef, classAnnotations, members);
    }

    /** Mutable holder for what class_name and extends lines declare while the body is read. */
    private static final class ClassHeader {
        String name;
        ExtendsRef extendsRef;
    }

    private List<Member> parseClassBody(boolean root, List<Annotation> classAnnotations, ClassHeader header) {
        List<Member> members = new ArrayList<>();
        List<Annotation> pending = new ArrayList<>();
        // Godot reads "class_name" and "extends" only before the first member (parse_program); an inner class
        // may start with "extends" (parse_class). Later they are unexpected tokens of the class body.
        boolean headerOpen = true;
        while (!check(TokenType.EOF) && !(!root && check(TokenType.DEDENT))) {
            boolean keepsHeaderOpen = false;
            switch (current.type()) {
                case ANNOTATION -> {
                    Annotation annotation = parseAnnotation();
                    match(TokenType.NEWLINE);
                    if (annotation.name().equals("abstract") && check(TokenType.FUNC)) {
                        pending.add(annotation);
                    } else if (CLASS_ANNOTATIONS.contains(annotation.name())) {
                        classAnnotations.add(annotation);
                        keepsHeaderOpen = headerOpen;
                    } else if (STANDALONE_ANNOTATIONS.contains(annotation.name())) {
                        members.add(
                                new Member.StandaloneAnnotation(annotation.line(), annotation.column(), annotation));
                    } else {
                        pending.add(annotation);
                    }
                    headerOpen = keepsHeaderOpen;
                    continue;
                }
                case CLASS_NAME -> {
                    if (!root || !headerOpen) {
                        throw unexpectedInClassBody();
                    }
                    Token keyword = advance();
                    if (header.name != null) {
                        throw new SyntaxError(
                                "\"class_name\" can only be used once.", keyword.line(), keyword.column(), null);
                    }
                    Token name = consume(
                            TokenType.IDENTIFIER,
                            "Expected identifier for the global class name after \"class_name\".",
                            "class name after 'class_name'");
                    header.name = name.lexeme();
                    if (check(TokenType.EXTENDS)) {
                        header.extendsRef = parseExtends(header.extendsRef);
                        endStatement("superclass");
                    } else {
                        endStatement("class_name statement");
                    }
                    keepsHeaderOpen = true;
                }
                case EXTENDS -> {
                    if (!headerOpen) {
                        throw unexpectedInClassBody();
                    }
                    header.extendsRef = parseExtends(header.extendsRef);
                    endStatement("superclass");
                    keepsHeaderOpen = root;
                }
                case VAR, CONST -> members.add(parseVariable(takeAll(pending), false, true));
                case FUNC -> members.add(parseFunction(takeAll(pending), false));
                case STATIC -> {
                    advance();
                    if (check(TokenType.VAR)) {
                        members.add(parseVariable(takeAll(pending), true, true));
                    } else if (check(TokenType.FUNC)) {
                        members.add(parseFunction(takeAll(pending), true));
                    } else {
                        throw errorAtLastToken(
                                "Expected \"func\" or \"var\" after \"static\".", "'func' or 'var' after 'static'");
                    }
                }
                case SIGNAL -> members.add(parseSignal());
                case ENUM -> members.add(parseEnum());
                case CLASS -> members.add(parseInnerClass());
                case PASS -> {
                    advance();
                    endStatement("\"pass\"");
                }
                case STRING -> {
                    // a string alone on a line is a comment in a class body (parse_class_body)
                    advance();
                    if (!match(TokenType.NEWLINE)) {
                        throw errorAtLastToken("Expected newline after comment string.", "a newline after the string");
                    }
                    keepsHeaderOpen = headerOpen;
                }
                case NEWLINE -> {
                    advance();
                    keepsHeaderOpen = headerOpen;
                }
                default -> throw unexpectedInClassBody();
            }
            headerOpen = keepsHeaderOpen;
            // Annotations before other members (@warning_ignore before a signal...) matter to Godot's
            // analyzer, not to the syntax; they are not kept.
            pending.clear();
        }
        if (!pending.isEmpty()) {
            Annotation dangling = pending.get(0);
            throw errorAt(
                    dangling,
                    "Annotation \"@" + dangling.name()
                            + "\" does not precede a valid target, so it will have no effect.",
                    "a declaration after the annotation");
        }
        return members;
    }

    /** Godot's default case of parse_class_body: the token is consumed and named, keywords of Godot 3 explained. */
    private SyntaxError unexpectedInClassBody() {
        Token unexpected = advance();
        String removed = unexpected.is(TokenType.IDENTIFIER) ? REMOVED_KEYWORDS.get(unexpected.lexeme()) : null;
        String message = removed != null ? removed : "Unexpected " + unexpected.godotDebugName() + " in class body.";
        return errorAtLastToken(message, "a class member (var, const, func, signal, enum, class)");
    }

    private static List<Annotation> takeAll(List<Annotation> pending) {
        if (pending.isEmpty()) {
            return List.of();
        }
        List<Annotation> taken = List.copyOf(pending);
        pending.clear();
        return taken;
    }

    private Annotation parseAnnotation() {
        Token at = advance();
        List<Expr> arguments = List.of();
        if (check(TokenType.PAREN_OPEN) && current.line() == at.line()) {
            advance();
            arguments = parseArguments(
                    "Expected expression as the annotation argument.", "Expected \")\" after annotation arguments.");
        }
        return new Annotation(at.line(), at.column(), (String) at.value(), arguments);
    }

    private ExtendsRef parseExtends(ExtendsRef already) {
        Token keyword = advance();
        if (already != null) {
            throw new SyntaxError("\"extends\" can only be used once.", keyword.line(), keyword.column(), null);
        }
        if (check(TokenType.STRING)) {
            Token path = advance();
            StringBuilder sub = new StringBuilder();
            while (match(TokenType.PERIOD)) {
                sub.append('.')
                        .append(consume(
                                        TokenType.IDENTIFIER,
                                        "Expected superclass name after \".\".",
                                        "class name after '.'")
                                .lexeme());
            }
            return new ExtendsRef(
                    path.line(), path.column(), sub.length() == 0 ? null : sub.substring(1), (String) path.value());
        }
        Token first = consume(
                TokenType.IDENTIFIER, "Expected superclass name after \"extends\".", "superclass name after 'extends'");
        StringBuilder name = new StringBuilder(first.lexeme());
        while (match(TokenType.PERIOD)) {
            name.append('.')
                    .append(consume(
                                    TokenType.IDENTIFIER,
                                    "Expected superclass name after \".\".",
                                    "class name after '.'")
                            .lexeme());
        }
        return new ExtendsRef(first.line(), first.column(), name.toString(), null);
    }

    private ClassDecl parseInnerClass() {
        Token keyword = advance();
        Token name = consume(
                TokenType.IDENTIFIER,
                "Expected identifier for the class name after \"class\".",
                "class name after 'class'");
        ClassHeader header = new ClassHeader();
        header.name = name.lexeme();
        if (check(TokenType.EXTENDS)) {
            header.extendsRef = parseExtends(null);
        }
        consume(TokenType.COLON, "Expected \":\" after class declaration.", "':' after class declaration");
        List<Annotation> classAnnotations = new ArrayList<>();
        List<Member> members;
        if (match(TokenType.NEWLINE)) {
            consume(TokenType.INDENT, "Expected indented block after class declaration.", "an indented block");
            members = parseClassBody(false, classAnnotations, header);
            match(TokenType.DEDENT);
        } else {
            // "class A: pass" on one line
            members = new ArrayList<>();
            consume(TokenType.PASS, "Expected indented block after class declaration.", "an indented block");
            endStatement("\"pass\"");
        }
        return new ClassDecl(
                keyword.line(), keyword.column(), header.name, header.extendsRef, classAnnotations, members);
    }

    private SignalDecl parseSignal() {
        Token keyword = advance();
        Token name =
                consume(TokenType.IDENTIFIER, "Expected signal name after \"signal\".", "signal name after 'signal'");
        List<Parameter> parameters = List.of();
        if (match(TokenType.PAREN_OPEN)) {
            parameters = parseParameters("signal");
        }
        endStatement("signal declaration");
        return new SignalDecl(keyword.line(), keyword.column(), name.lexeme(), parameters);
    }

    private EnumDecl parseEnum() {
        Token keyword = advance();
        String name = null;
        if (check(TokenType.IDENTIFIER)) {
            name = advance().lexeme();
        }
        consume(
                TokenType.BRACE_OPEN,
                name != null ? "Expected \"{\" after enum name." : "Expected \"{\" after \"enum\".",
                "'{' after 'enum'");
        List<EnumValue> values = new ArrayList<>();
        while (!check(TokenType.BRACE_CLOSE)) {
            Token valueName = consume(TokenType.IDENTIFIER, "Expected identifier for enum key.", "enum key name");
            Expr value = null;
            if (match(TokenType.EQUAL)) {
                value = requireExpression("Expected expression value after \"=\".");
            }
            values.add(new EnumValue(valueName.line(), valueName.column(), valueName.lexeme(), value));
            if (!match(TokenType.COMMA)) {
                break;
            }
        }
        consume(TokenType.BRACE_CLOSE, "Expected closing \"}\" for enum.", "'}' closing the enum");
        endStatement("enum");
        return new EnumDecl(keyword.line(), keyword.column(), name, values);
    }

    // ---------------------------------------------------------------- variables, functions

    /**
     * A "var" or "const" declaration (parse_variable, parse_constant); {@code allowProperty} is false in
     * function bodies, where Godot reads no get/set block.
     */
    private VarDecl parseVariable(List<Annotation> annotations, boolean isStatic, boolean allowProperty) {
        Token keyword = advance();
        boolean isConst = keyword.is(TokenType.CONST);
        String kind = isConst ? "constant" : "variable";
        if (!check(TokenType.IDENTIFIER)) {
            throw errorAtLastToken(
                    "Expected " + kind + " name after \"" + keyword.lexeme() + "\".",
                    kind + " name after '" + keyword.lexeme() + "'");
        }
        Token name = advance();
        TypeRef type = null;
        boolean inferred = false;
        Expr initializer = null;
        Accessors accessors = null;
        if (match(TokenType.COLON)) {
            if (!isConst && check(TokenType.NEWLINE)) {
                if (!allowProperty) {
                    throw errorAtLastToken("Expected type after \":\"", "a type after ':'"); // sic, no period
                }
                accessors = parseAccessors(name.lexeme());
            } else if (check(TokenType.EQUAL)) {
                inferred = true;
            } else if (!isConst && allowProperty && (atIdentifierNamed("get") || atIdentifierNamed("set"))) {
                accessors = parseAccessors(name.lexeme());
            } else {
                type = parseType(false); // a missing type surfaces as the next token being unexpected
            }
        }
        if (accessors == null) {
            if (isConst) {
                consume(
                        TokenType.EQUAL,
                        "Expected initializer after constant name.",
                        "'=' and a value for the constant");
                initializer = requireExpression("Expected initializer expression for constant.");
            } else if (match(TokenType.EQUAL)) {
                initializer = requireExpression("Expected expression for variable initial value after \"=\".");
            }
            if (!isConst && allowProperty && match(TokenType.COLON)) {
                accessors = parseAccessors(name.lexeme());
            }
        }
        if (accessors == null) {
            endStatement(kind + " declaration");
        } else if (!previous.is(TokenType.DEDENT)) {
            endStatement("property declaration");
        }
        return new VarDecl(
                keyword.line(),
                keyword.column(),
                annotations,
                isConst,
                isStatic,
                name.lexeme(),
                name.line(),
                name.column(),
                type,
                inferred,
                initializer,
                accessors);
    }

    /** After {@code var x ...:}: either an indented block of get/set, or the same on one line. */
    private Accessors parseAccessors(String property) {
        AccessorsBuilder builder = new AccessorsBuilder();
        if (match(TokenType.NEWLINE)) {
            consume(TokenType.INDENT, "Expected indented block for property after \":\".", "an indented get/set block");
            while (!check(TokenType.DEDENT) && !check(TokenType.EOF)) {
                parseAccessor(builder, property);
                match(TokenType.COMMA);
                match(TokenType.NEWLINE);
            }
            match(TokenType.DEDENT);
        } else {
            do {
                parseAccessor(builder, property);
            } while (match(TokenType.COMMA));
        }
        return new Accessors(
                builder.getterFunction,
                builder.getterBody,
                builder.setterFunction,
                builder.setterParameter,
                builder.setterBody);
    }

    private static final class AccessorsBuilder {
        String getterFunction;
        List<Stmt> getterBody;
        String setterFunction;
        String setterParameter;
        List<Stmt> setterBody;
    }

    private void parseAccessor(AccessorsBuilder builder, String property) {
        if (atIdentifierNamed("get")) {
            advance();
            if (match(TokenType.EQUAL)) {
                builder.getterFunction = consume(
                                TokenType.IDENTIFIER,
                                "Expected getter function name after \"=\".",
                                "getter function name")
                        .lexeme();
            } else {
                if (match(TokenType.PAREN_OPEN)) {
                    consume(TokenType.PAREN_CLOSE, "Expected \")\" after \"get(\".", "')' after 'get('");
                    consume(TokenType.COLON, "Expected \":\" after \"get()\".", "':' after 'get()'");
                } else {
                    consume(TokenType.COLON, "Expected \":\" or \"(\" after \"get\".", "':' after 'get'");
                }
                builder.getterBody = parseSuite("getter declaration", false);
            }
        } else if (atIdentifierNamed("set")) {
            advance();
            if (match(TokenType.EQUAL)) {
                builder.setterFunction = consume(
                                TokenType.IDENTIFIER,
                                "Expected setter function name after \"=\".",
                                "setter function name")
                        .lexeme();
            } else {
                consume(TokenType.PAREN_OPEN, "Expected \"(\" after \"set\".", "'(' after 'set'");
                builder.setterParameter = consume(
                                TokenType.IDENTIFIER, "Expected parameter name after \"(\".", "setter parameter name")
                        .lexeme();
                consume(TokenType.PAREN_CLOSE, "Expected \")\" after parameter name.", "')' after setter parameter");
                consume(TokenType.COLON, "Expected \":\" after \")\".", "':' after setter");
                builder.setterBody = parseSuite("setter declaration", false);
            }
        } else {
            throw errorAtLastToken(
                    "Expected \"get\" or \"set\" for property declaration.",
                    "'get' or 'set' for the property \"" + property + "\"");
        }
    }

    private FunctionDecl parseFunction(List<Annotation> annotations, boolean isStatic) {
        Token keyword = advance();
        Token name =
                consume(TokenType.IDENTIFIER, "Expected function name after \"func\".", "function name after 'func'");
        consume(TokenType.PAREN_OPEN, "Expected opening \"(\" after function name.", "'(' after function name");
        List<Parameter> parameters = parseParameters("function");
        TypeRef returnType = null;
        if (match(TokenType.ARROW)) {
            returnType = requireType(true, "Expected return type or \"void\" after \"->\".");
        }
        List<Stmt> body;
        if (match(TokenType.COLON)) {
            body = parseSuite("function declaration", false);
        } else {
            // Godot 4.5+ reads "func f()" without ':' as a body-less (abstract) declaration, so an indented
            // body on the next line is an unexpected indent in the class body (parse_function)
            endStatement("bodyless function declaration");
            body = List.of();
            boolean isAbstract = annotations.stream().anyMatch(a -> a.name().equals("abstract"));
            if (!isAbstract && bodylessFunction == null) {
                // gdscript_analyzer.cpp, resolve_function_body
                bodylessFunction = new SyntaxError(
                        "A function must either have a \":\" followed by a body, or be marked as \"@abstract\".",
                        keyword.line(),
                        keyword.column(),
                        "':' and a body after the function declaration");
            }
        }
        return new FunctionDecl(
                keyword.line(), keyword.column(), annotations, isStatic, name.lexeme(), parameters, returnType, body);
    }

    /** Parameters after the opening parenthesis, through the closing one (parse_function_signature). */
    private List<Parameter> parseParameters(String owner) {
        List<Parameter> parameters = new ArrayList<>();
        while (!check(TokenType.PAREN_CLOSE) && !check(TokenType.EOF)) {
            Token name = consume(TokenType.IDENTIFIER, "Expected parameter name.", "parameter name");
            TypeRef type = null;
            boolean inferred = false;
            Expr defaultValue = null;
            if (match(TokenType.COLON)) {
                if (check(TokenType.EQUAL)) {
                    inferred = true;
                } else {
                    type = parseType(false);
                }
            }
            if (match(TokenType.EQUAL)) {
                defaultValue = tryExpression(false);
                if (owner.equals("signal") && defaultValue != null) {
                    throw errorAtLastToken("Signal parameters cannot have a default value.", "no default value");
                }
            }
            parameters.add(new Parameter(name.line(), name.column(), name.lexeme(), type, inferred, defaultValue));
            if (!match(TokenType.COMMA)) {
                break;
            }
        }
        consume(
                TokenType.PAREN_CLOSE,
                "Expected closing \")\" after " + owner + " parameters.",
                "')' after " + owner + " parameters");
        return parameters;
    }

    /** A type, or null when none starts here (parse_type: the caller words the error). */
    private TypeRef parseType(boolean allowVoid) {
        if (check(TokenType.VOID)) {
            Token v = advance();
            if (!allowVoid) {
                throw errorAtLastToken(
                        "\"void\" is only allowed for a function return type.", "a type other than void");
            }
            return new TypeRef(v.line(), v.column(), "void", List.of());
        }
        if (!check(TokenType.IDENTIFIER)) {
            return null;
        }
        Token first = advance();
        if (match(TokenType.BRACKET_OPEN)) {
            List<TypeRef> arguments = new ArrayList<>();
            do {
                TypeRef element = parseType(false);
                if (element == null) {
                    throw errorAtLastToken(
                            "Expected type for collection after \"" + previous.lexeme() + "\".", "an element type");
                }
                if (!element.arguments().isEmpty()) {
                    throw errorAtLastToken("Nested typed collections are not supported.", "a plain element type");
                }
                arguments.add(element);
            } while (match(TokenType.COMMA));
            consume(TokenType.BRACKET_CLOSE, "Expected closing \"]\" after collection type.", "']' after element type");
            return new TypeRef(first.line(), first.column(), first.lexeme(), arguments);
        }
        StringBuilder name = new StringBuilder(first.lexeme());
        while (match(TokenType.PERIOD)) {
            name.append('.')
                    .append(consume(
                                    TokenType.IDENTIFIER,
                                    "Expected inner type name after \".\".",
                                    "type name after '.'")
                            .lexeme());
        }
        return new TypeRef(first.line(), first.column(), name.toString(), List.of());
    }

    private TypeRef requireType(boolean allowVoid, String message) {
        TypeRef type = parseType(allowVoid);
        if (type == null) {
            throw errorAtLastToken(message, "a type name");
        }
        return type;
    }

    // ---------------------------------------------------------------- statements

    /**
     * The body after a ':' — an indented block, or statements on the same line. For a one-line lambda the
     * terminator (newline, comma, closing bracket) belongs to the enclosing expression and is left unconsumed.
     */
    private List<Stmt> parseSuite(String context, boolean lambda) {
        if (++nesting > MAX_NESTING) {
            throw errorAtLastToken("Expression or block is nested too deeply (over " + MAX_NESTING + " levels).", null);
        }
        try {
            return parseSuiteBody(context, lambda);
        } finally {
            nesting--;
        }
    }

    private List<Stmt> parseSuiteBody(String context, boolean lambda) {
        List<Stmt> body = new ArrayList<>();
        if (match(TokenType.NEWLINE)) {
            if (!check(TokenType.INDENT)) {
                throw errorAtLastToken("Expected indented block after " + context + ".", "an indented block");
            }
            advance();
            while (!check(TokenType.DEDENT)
                    && !check(TokenType.EOF)
                    && !atBracketedLambdaEnd()
                    && !(bracketedLambdaBlockDepth > 0 && !canStartStatement())) {
                // parse_statement: in a lambda, a token that starts no statement ends the lambda instead of
                // being an error; the enclosing brackets then report what they miss
                body.add(parseStatement());
            }
            match(TokenType.DEDENT);
            return body;
        }
        if (check(TokenType.EOF)) {
            throw errorAtLastToken("Expected indented block after " + context + ".", "an indented block");
        }
        if (lambda) {
            inlineLambdaDepth++;
            try {
                do {
                    body.add(parseStatement());
                } while (previous.is(TokenType.SEMICOLON) && !atInlineLambdaEnd());
            } finally {
                inlineLambdaDepth--;
            }
            return body;
        }
        do {
            body.add(parseStatement());
        } while (previous.is(TokenType.SEMICOLON)
                && !check(TokenType.NEWLINE)
                && !check(TokenType.EOF)
                && !check(TokenType.DEDENT));
        return body;
    }

    private boolean atInlineLambdaEnd() {
        return switch (current.type()) {
            case NEWLINE, EOF, DEDENT, PAREN_CLOSE, BRACKET_CLOSE, BRACE_CLOSE, COMMA -> true;
            default -> false;
        };
    }

    private boolean atBracketedLambdaEnd() {
        return bracketedLambdaBlockDepth > 0
                && switch (current.type()) {
                    case PAREN_CLOSE, BRACKET_CLOSE, BRACE_CLOSE, COMMA -> true;
                    default -> false;
                };
    }

    private void endStatement(String what) {
        if ((inlineLambdaDepth > 0 && atInlineLambdaEnd()) || atBracketedLambdaEnd()) {
            return;
        }
        if (match(TokenType.NEWLINE)) {
            return;
        }
        if (match(TokenType.SEMICOLON)) {
            if (inlineLambdaDepth == 0) {
                match(TokenType.NEWLINE);
            }
            return;
        }
        // a multi-line lambda ends its line with the dedent of its body
        if (previous.is(TokenType.DEDENT) || check(TokenType.EOF)) {
            return;
        }
        throw errorAtLastToken(
                "Expected end of statement after " + what + ", found \"" + current.godotName() + "\" instead.",
                "end of statement after " + what);
    }

    private Stmt parseStatement() {
        Token start = current;
        switch (current.type()) {
            case PASS -> {
                advance();
                endStatement("\"pass\"");
                return new Stmt.Pass(start.line(), start.column());
            }
            case BREAK, CONTINUE -> {
                advance();
                if (!canBreak) {
                    throw errorAtLastToken(
                            "Cannot use \"" + start.lexeme() + "\" outside of a loop.", "a loop around it");
                }
                endStatement("\"" + start.lexeme() + "\"");
                return start.is(TokenType.BREAK)
                        ? new Stmt.Break(start.line(), start.column())
                        : new Stmt.Continue(start.line(), start.column());
            }
            case BREAKPOINT -> {
                advance();
                endStatement("\"breakpoint\"");
                return new Stmt.Breakpoint(start.line(), start.column());
            }
            case RETURN -> {
                advance();
                Expr value = null;
                if (!atStatementEnd()) {
                    value = tryExpression(false); // nothing valid here: the end-of-statement error names it
                }
                endStatement("return statement");
                return new Stmt.Return(start.line(), start.column(), value);
            }
            case VAR, CONST -> {
                return parseVariable(List.of(), false, false);
            }
            case ANNOTATION -> {
                List<Annotation> annotations = new ArrayList<>();
                while (check(TokenType.ANNOTATION)) {
                    annotations.add(parseAnnotation());
                    match(TokenType.NEWLINE);
                }
                if (check(TokenType.VAR) || check(TokenType.CONST)) {
                    return parseVariable(annotations, false, false);
                }
                return parseStatement(); // @warning_ignore before an ordinary statement
            }
            case IF -> {
                return parseIf();
            }
            case FOR -> {
                return parseFor();
            }
            case WHILE -> {
                advance();
                Expr condition = requireExpression("Expected conditional expression after \"while\".");
                consume(TokenType.COLON, "Expected \":\" after \"while\" condition.", "':' after 'while' condition");
                List<Stmt> body = parseLoopBody("\"while\" block");
                return new Stmt.While(start.line(), start.column(), condition, body);
            }
            case MATCH -> {
                return parseMatch();
            }
            default -> {
                if (!canStartExpression()) {
                    // parse_statement: no expression starts here (an indent, "elif", "class", ")"...)
                    Token unexpected = advance();
                    throw errorAtLastToken(
                            "Expected statement, found \"" + unexpected.godotName() + "\" instead.", "a statement");
                }
            }
        }
        Expr expr = expression(true);
        endStatement("expression");
        if (expr instanceof Expr.Lambda) {
            throw errorAt(
                    expr,
                    "Standalone lambdas cannot be accessed. Consider assigning it to a variable.",
                    "a lambda assigned or passed on");
        }
        return new Stmt.ExpressionStmt(start.line(), start.column(), expr);
    }

    /** A loop's body, where "break" and "continue" are allowed. */
    private List<Stmt> parseLoopBody(String context) {
        boolean couldBreak = canBreak;
        canBreak = true;
        try {
            return parseSuite(context, false);
        } finally {
            canBreak = couldBreak;
        }
    }

    private boolean atStatementEnd() {
        return switch (current.type()) {
            case NEWLINE, SEMICOLON, EOF, DEDENT -> true;
            case PAREN_CLOSE, BRACKET_CLOSE, BRACE_CLOSE, COMMA ->
                inlineLambdaDepth > 0 || bracketedLambdaBlockDepth > 0;
            default -> false;
        };
    }

    private Stmt parseIf() {
        Token keyword = advance();
        List<Stmt.Branch> branches = new ArrayList<>();
        Expr condition = requireExpression("Expected conditional expression after \"if\".");
        consume(TokenType.COLON, "Expected \":\" after \"if\" condition.", "':' after 'if' condition");
        branches.add(new Stmt.Branch(keyword.line(), keyword.column(), condition, parseSuite("\"if\" block", false)));
        List<Stmt> elseBody = null;
        while (check(TokenType.ELIF)) {
            Token elif = advance();
            Expr elifCondition = requireExpression("Expected conditional expression after \"elif\".");
            consume(TokenType.COLON, "Expected \":\" after \"elif\" condition.", "':' after 'elif' condition");
            branches.add(
                    new Stmt.Branch(elif.line(), elif.column(), elifCondition, parseSuite("\"elif\" block", false)));
        }
        if (match(TokenType.ELSE)) {
            consume(TokenType.COLON, "Expected \":\" after \"else\".", "':' after 'else'");
            elseBody = parseSuite("\"else\" block", false);
        }
        return new Stmt.If(keyword.line(), keyword.column(), branches, elseBody);
    }

    private Stmt parseFor() {
        Token keyword = advance();
        Token variable = consume(
                TokenType.IDENTIFIER, "Expected loop variable name after \"for\".", "loop variable name after 'for'");
        TypeRef type = null;
        if (match(TokenType.COLON)) {
            type = requireType(false, "Expected type specifier after \":\".");
            consume(TokenType.IN, "Expected \"in\" after \"for\" variable type specifier.", "'in' after the type");
        } else {
            consume(
                    TokenType.IN,
                    "Expected \"in\" or \":\" after \"for\" variable name.",
                    "'in' after 'for' variable name");
        }
        Expr iterable = requireExpression("Expected iterable after \"in\".");
        consume(TokenType.COLON, "Expected \":\" after \"for\" condition.", "':' after 'for' condition");
        List<Stmt> body = parseLoopBody("\"for\" block");
        return new Stmt.For(keyword.line(), keyword.column(), variable.lexeme(), type, iterable, body);
    }

    private Stmt parseMatch() {
        Token keyword = advance();
        Expr subject = requireExpression("Expected expression to test after \"match\".");
        consume(TokenType.COLON, "Expected \":\" after \"match\" expression.", "':' after 'match' expression");
        consume(TokenType.NEWLINE, "Expected a newline after \"match\" statement.", "a newline after 'match'");
        consume(
                TokenType.INDENT,
                "Expected an indented block after \"match\" statement.",
                "an indented block of branches");
        List<Stmt.MatchBranch> branches = new ArrayList<>();
        while (!check(TokenType.DEDENT) && !check(TokenType.EOF)) {
            if (match(TokenType.PASS)) {
                consume(TokenType.NEWLINE, "Expected newline after \"pass\".", "a newline after 'pass'");
                continue;
            }
            if (check(TokenType.ANNOTATION)) {
                parseAnnotation(); // only @warning_ignore is meaningful before a branch
                continue;
            }
            branches.add(parseMatchBranch());
        }
        consume(TokenType.DEDENT, "Expected an indented block after \"match\" statement.", "the end of the branches");
        return new Stmt.Match(keyword.line(), keyword.column(), subject, branches);
    }

    /** parse_match_branch: patterns, an optional "when" guard, ':' and the branch's block. */
    private Stmt.MatchBranch parseMatchBranch() {
        Token branchStart = current;
        List<Pattern> patterns = new ArrayList<>();
        boolean hasBind = false;
        do {
            Pattern pattern = parsePattern();
            hasBind |= bindsAVariable(pattern);
            if (!patterns.isEmpty() && hasBind) {
                throw errorAtLastToken("Cannot use a variable bind with multiple patterns.", "one pattern with a bind");
            }
            if (pattern instanceof Pattern.Rest) {
                throw errorAtLastToken(
                        "Rest pattern can only be used inside array and dictionary patterns.", "a pattern");
            }
            patterns.add(pattern);
        } while (match(TokenType.COMMA));
        Expr guard = null;
        if (atIdentifierNamed("when")) {
            advance();
            guard = requireExpression("Expected expression for pattern guard after \"when\".");
        }
        consume(
                TokenType.COLON,
                guard == null
                        ? "Expected \":\" or \"when\" after \"match\" patterns."
                        : "Expected \":\" after \"match\" pattern guard.",
                "':' after 'match' patterns");
        return new Stmt.MatchBranch(
                branchStart.line(), branchStart.column(), patterns, guard, parseSuite("match pattern block", false));
    }

    private static boolean bindsAVariable(Pattern pattern) {
        if (pattern instanceof Pattern.Binding) {
            return true;
        }
        if (pattern instanceof Pattern.ArrayPattern array) {
            return array.elements().stream().anyMatch(Parser::bindsAVariable);
        }
        if (pattern instanceof Pattern.DictionaryPattern dictionary) {
            return dictionary.entries().stream().anyMatch(e -> e.value() != null && bindsAVariable(e.value()));
        }
        return false;
    }

    private Pattern parsePattern() {
        Token start = current;
        switch (current.type()) {
            case VAR -> {
                advance();
                Token name =
                        consume(TokenType.IDENTIFIER, "Expected bind name after \"var\".", "binding name after 'var'");
                return new Pattern.Binding(start.line(), start.column(), name.lexeme());
            }
            case PERIOD_PERIOD -> {
                advance();
                return new Pattern.Rest(start.line(), start.column());
            }
            case BRACKET_OPEN -> {
                advance();
                List<Pattern> elements = new ArrayList<>();
                do {
                    if (check(TokenType.EOF) || check(TokenType.BRACKET_CLOSE)) {
                        break;
                    }
                    elements.add(parsePattern());
                } while (match(TokenType.COMMA));
                consume(
                        TokenType.BRACKET_CLOSE,
                        "Expected \"]\" to close the array pattern.",
                        "']' ending the array pattern");
                return new Pattern.ArrayPattern(start.line(), start.column(), elements);
            }
            case BRACE_OPEN -> {
                advance();
                List<Pattern.DictPatternEntry> entries = new ArrayList<>();
                boolean open = false;
                do {
                    if (check(TokenType.BRACE_CLOSE) || check(TokenType.EOF)) {
                        break;
                    }
                    if (match(TokenType.PERIOD_PERIOD)) {
                        open = true;
                    } else {
                        Expr key = requireExpression("Expected expression as key for dictionary pattern.");
                        Pattern value = null;
                        if (match(TokenType.COLON)) {
                            value = parsePattern();
                        }
                        entries.add(new Pattern.DictPatternEntry(key, value));
                    }
                } while (match(TokenType.COMMA));
                consume(
                        TokenType.BRACE_CLOSE,
                        "Expected \"}\" to close the dictionary pattern.",
                        "'}' ending the dictionary pattern");
                return new Pattern.DictionaryPattern(start.line(), start.column(), entries, open);
            }
            default -> {
                if (atIdentifierNamed("_")) {
                    advance();
                    return new Pattern.Wildcard(start.line(), start.column());
                }
                Expr value = requireExpression("Expected expression for match pattern.");
                return new Pattern.Value(start.line(), start.column(), value);
            }
        }
    }

    // ---------------------------------------------------------------- expressions

    private Expr expression(boolean allowAssignment) {
        return precedence(PREC_ASSIGNMENT, allowAssignment);
    }

    /** An expression, or null when none starts at the current token (Godot's parse_expression returning null). */
    private Expr tryExpression(boolean allowAssignment) {
        return canStartExpression() ? expression(allowAssignment) : null;
    }

    /** An expression where one must be; {@code message} is the error Godot pushes at that place when there is none. */
    private Expr requireExpression(String message) {
        Expr expr = tryExpression(false);
        if (expr == null) {
            throw errorAtLastToken(message, "an expression");
        }
        return expr;
    }

    /** An operand of a prefix or infix operator, or the operator's "Expected expression after" error. */
    private Expr requireOperand(int minPrecedence, Token operator) {
        if (!canStartExpression()) {
            throw errorAtLastToken(
                    "Expected expression after \"" + operator.godotName() + "\" operator.", "an operand");
        }
        return precedence(minPrecedence, false);
    }

    private boolean canStartStatement() {
        return switch (current.type()) {
            case PASS, BREAK, CONTINUE, BREAKPOINT, RETURN, VAR, CONST, ANNOTATION, IF, FOR, WHILE, MATCH -> true;
            default -> canStartExpression();
        };
    }

    /** Tokens with a prefix rule in Godot's table (get_rule): only they can start an expression. */
    private boolean canStartExpression() {
        return switch (current.type()) {
            case IDENTIFIER,
                    INT,
                    FLOAT,
                    STRING,
                    STRING_NAME,
                    NODE_PATH,
                    TRUE,
                    FALSE,
                    NULL,
                    CONST_PI,
                    CONST_TAU,
                    CONST_INF,
                    CONST_NAN,
                    SELF,
                    SUPER,
                    MATCH,
                    PAREN_OPEN,
                    BRACKET_OPEN,
                    BRACE_OPEN,
                    MINUS,
                    PLUS,
                    TILDE,
                    NOT,
                    BANG,
                    AWAIT,
                    DOLLAR,
                    PERCENT,
                    FUNC -> true;
            default -> false;
        };
    }

    private Expr precedence(int minPrecedence, boolean allowAssignment) {
        if (++nesting > MAX_NESTING) {
            throw errorAtLastToken("Expression or block is nested too deeply (over " + MAX_NESTING + " levels).", null);
        }
        try {
            return precedenceChain(minPrecedence, allowAssignment);
        } finally {
            nesting--;
        }
    }

    private Expr precedenceChain(int minPrecedence, boolean allowAssignment) {
        Expr left = prefix();
        int operators = 0;
        while (true) {
            TokenType type = current.type();
            if (type.isAssignment()) {
                if (minPrecedence > PREC_ASSIGNMENT) {
                    return left;
                }
                Token operator = advance();
                // parse_assignment: Godot words these at the assignment operator
                if (!allowAssignment) {
                    throw errorAtLastToken("Assignment is not allowed inside an expression.", "an expression");
                }
                if (!(left instanceof Expr.Identifier
                        || left instanceof Expr.Attribute
                        || left instanceof Expr.Subscript)) {
                    throw errorAtLastToken(
                            "Only identifier, attribute access, and subscription access can be used as "
                                    + "assignment target.",
                            "a variable, property or subscript");
                }
                Expr value = requireExpression("Expected an expression after \"=\".");
                return new Expr.Assignment(operator.line(), operator.column(), left, operator.lexeme(), value);
            }
            int infix = infixPrecedence(type);
            if (infix == PREC_NONE || infix < minPrecedence) {
                return left;
            }
            if (++operators > MAX_CHAIN) {
                // every operator deepens the tree that later passes walk recursively
                throw errorAtLastToken("Expression is too long (over " + MAX_CHAIN + " operators in a row).", null);
            }
            left = infix(left, infix);
        }
    }

    private int infixPrecedence(TokenType type) {
        return switch (type) {
            case AS, QUESTION_MARK -> PREC_CAST;
            case IF -> PREC_TERNARY;
            case OR, PIPE_PIPE -> PREC_LOGIC_OR;
            case AND, AMPERSAND_AMPERSAND -> PREC_LOGIC_AND;
            case IN, NOT -> PREC_CONTENT_TEST;
            case EQUAL_EQUAL, BANG_EQUAL, LESS, LESS_EQUAL, GREATER, GREATER_EQUAL -> PREC_COMPARISON;
            case PIPE -> PREC_BIT_OR;
            case CARET -> PREC_BIT_XOR;
            case AMPERSAND -> PREC_BIT_AND;
            case LESS_LESS, GREATER_GREATER -> PREC_BIT_SHIFT;
            case PLUS, MINUS -> PREC_ADDITION_SUBTRACTION;
            case STAR, SLASH, PERCENT -> PREC_FACTOR;
            case STAR_STAR -> PREC_POWER;
            case IS -> PREC_TYPE_TEST;
            case PAREN_OPEN -> PREC_CALL;
            case PERIOD -> PREC_ATTRIBUTE;
            case BRACKET_OPEN -> PREC_SUBSCRIPT;
            default -> PREC_NONE;
        };
    }

    private Expr infix(Expr left, int precedence) {
        Token operator = advance();
        switch (operator.type()) {
            case QUESTION_MARK ->
                throw errorAtLastToken(
                        "Unexpected \"?\" in source. If you want a ternary operator, "
                                + "use "
                                + "\"truthy_value if true_condition else falsy_value\".",
                        "'if' ... 'else' for a ternary");
            case AS -> {
                return new Expr.Cast(
                        operator.line(),
                        operator.column(),
                        left,
                        requireType(false, "Expected type specifier after \"as\"."));
            }
            case IS -> {
                boolean negated = match(TokenType.NOT);
                return new Expr.TypeTest(
                        operator.line(),
                        operator.column(),
                        left,
                        requireType(false, "Expected type specifier after \"" + (negated ? "is not" : "is") + "\"."),
                        negated);
            }
            case IF -> {
                Expr condition = tryPrecedence(PREC_TERNARY, "Expected expression as ternary condition after \"if\".");
                consume(
                        TokenType.ELSE,
                        "Expected \"else\" after ternary operator condition.",
                        "'else' after ternary condition");
                Expr whenFalse = tryPrecedence(PREC_TERNARY, "Expected expression after \"else\".");
                return new Expr.Ternary(operator.line(), operator.column(), left, condition, whenFalse);
            }
            case NOT -> {
                Token in = consume(
                        TokenType.IN, "Expected \"in\" after \"not\" in content-test operator.", "'in' after 'not'");
                Expr right = requireOperand(PREC_CONTENT_TEST + 1, in);
                return new Expr.Binary(operator.line(), operator.column(), "not in", left, right);
            }
            case PAREN_OPEN -> {
                if (!(left instanceof Expr.Identifier || left instanceof Expr.Attribute)) {
                    throw errorAtLastToken(
                            "Cannot call on an expression. Use \".call()\" if it's a Callable.",
                            "a function name before '('");
                }
                List<Expr> arguments = parseArguments(
                        "Expected expression as the function argument.",
                        "Expected closing \")\" after call arguments.");
                return new Expr.Call(left.line(), left.column(), left, arguments);
            }
            case PERIOD -> {
                if (!atName()) {
                    throw errorAtLastToken("Expected identifier after \".\" for attribute access.", "a name after '.'");
                }
                Token name = advance();
                return new Expr.Attribute(left.line(), left.column(), left, name.lexeme());
            }
            case BRACKET_OPEN -> {
                Expr index = requireExpression("Expected expression after \"[\".");
                consume(TokenType.BRACKET_CLOSE, "Expected \"]\" after subscription index.", "']' after the index");
                return new Expr.Subscript(left.line(), left.column(), left, index);
            }
            default -> {
                Expr right = requireOperand(precedence + 1, operator);
                String op = switch (operator.type()) {
                    case AMPERSAND_AMPERSAND -> "and";
                    case PIPE_PIPE -> "or";
                    default -> operator.lexeme();
                };
                return new Expr.Binary(operator.line(), operator.column(), op, left, right);
            }
        }
    }

    private Expr tryPrecedence(int minPrecedence, String messageWhenMissing) {
        if (!canStartExpression()) {
            throw errorAtLastToken(messageWhenMissing, "an expression");
        }
        return precedence(minPrecedence, false);
    }

    /**
     * Arguments after an opening parenthesis, through the closing one; a trailing comma is allowed. Like
     * Godot's parse_call, a missing argument is reported before a missing ')'.
     */
    private List<Expr> parseArguments(String missingArgument, String missingClose) {
        List<Expr> arguments = new ArrayList<>();
        do {
            if (check(TokenType.PAREN_CLOSE)) {
                break;
            }
            arguments.add(requireExpression(missingArgument));
        } while (match(TokenType.COMMA));
        consume(TokenType.PAREN_CLOSE, missingClose, "')'");
        return arguments;
    }

    private Expr prefix() {
        Token t = current;
        switch (t.type()) {
            case INT -> {
                advance();
                return new Expr.Literal(t.line(), t.column(), Expr.LiteralKind.INT, t.value());
            }
            case FLOAT -> {
                advance();
                return new Expr.Literal(t.line(), t.column(), Expr.LiteralKind.FLOAT, t.value());
            }
            case STRING -> {
                advance();
                return new Expr.Literal(t.line(), t.column(), Expr.LiteralKind.STRING, t.value());
            }
            case STRING_NAME -> {
                advance();
                return new Expr.Literal(t.line(), t.column(), Expr.LiteralKind.STRING_NAME, t.value());
            }
            case NODE_PATH -> {
                advance();
                return new Expr.Literal(t.line(), t.column(), Expr.LiteralKind.NODE_PATH, t.value());
            }
            case TRUE, FALSE -> {
                advance();
                return new Expr.Literal(t.line(), t.column(), Expr.LiteralKind.BOOL, t.is(TokenType.TRUE));
            }
            case NULL -> {
                advance();
                return new Expr.Literal(t.line(), t.column(), Expr.LiteralKind.NULL, null);
            }
            case CONST_PI, CONST_TAU, CONST_INF, CONST_NAN -> {
                advance();
                double value = switch (t.type()) {
                    case CONST_PI -> Math.PI;
                    case CONST_TAU -> 2 * Math.PI;
                    case CONST_INF -> Double.POSITIVE_INFINITY;
                    default -> Double.NaN;
                };
                return new Expr.Literal(t.line(), t.column(), Expr.LiteralKind.FLOAT, value);
            }
            case IDENTIFIER, MATCH -> {
                advance();
                if (t.lexeme().equals("yield")) {
                    throw errorAtLastToken("\"yield\" was removed in Godot 4. Use \"await\" instead.", "'await'");
                }
                return new Expr.Identifier(t.line(), t.column(), t.lexeme());
            }
            case SELF -> {
                advance();
                return new Expr.Self(t.line(), t.column());
            }
            case SUPER -> {
                return parseSuper();
            }
            case PAREN_OPEN -> {
                advance();
                Expr inner = requireExpression("Expected grouping expression.");
                consume(
                        TokenType.PAREN_CLOSE,
                        "Expected closing \")\" after grouping expression.",
                        "')' after grouping expression");
                return inner;
            }
            case BRACKET_OPEN -> {
                return parseArray();
            }
            case BRACE_OPEN -> {
                return parseDictionary();
            }
            case MINUS, PLUS -> {
                advance();
                return new Expr.Unary(t.line(), t.column(), t.lexeme(), requireOperand(PREC_SIGN, t));
            }
            case TILDE -> {
                advance();
                return new Expr.Unary(t.line(), t.column(), "~", requireOperand(PREC_BIT_NOT, t));
            }
            case NOT, BANG -> {
                advance();
                return new Expr.Unary(t.line(), t.column(), "not", requireOperand(PREC_LOGIC_NOT, t));
            }
            case AWAIT -> {
                advance();
                return new Expr.Await(
                        t.line(),
                        t.column(),
                        tryPrecedence(PREC_AWAIT, "Expected signal or coroutine after \"await\"."));
            }
            case DOLLAR -> {
                advance();
                return parseNodePath(t, false);
            }
            case PERCENT -> {
                advance();
                return parseNodePath(t, true);
            }
            case FUNC -> {
                return parseLambda();
            }
            default ->
                throw errorAtLastToken(
                        "Expected expression, found \"" + t.godotName() + "\" instead.", "an expression");
        }
    }

    private Expr parseSuper() {
        Token keyword = advance();
        String method = null;
        if (!match(TokenType.PAREN_OPEN)) {
            consume(TokenType.PERIOD, "Expected \".\" or \"(\" after \"super\".", "'.' or '(' after 'super'");
            if (!atName()) {
                throw errorAtLastToken("Expected function name after \".\".", "a method name after 'super.'");
            }
            method = advance().lexeme();
            consume(TokenType.PAREN_OPEN, "Expected \"(\" after function name.", "'(' after the method name");
        }
        List<Expr> arguments = parseArguments(
                "Expected expression as the function argument.", "Expected closing \")\" after call arguments.");
        return new Expr.SuperCall(keyword.line(), keyword.column(), method, arguments);
    }

    private Expr parseNodePath(Token sigil, boolean unique) {
        if (check(TokenType.STRING)) {
            return new Expr.GetNode(
                    sigil.line(), sigil.column(), (String) advance().value(), unique);
        }
        StringBuilder path = new StringBuilder();
        do {
            if (path.length() > 0) {
                path.append('/');
            }
            if (match(TokenType.PERCENT)) {
                path.append('%');
            }
            if (check(TokenType.PERIOD_PERIOD) || check(TokenType.PERIOD)) {
                path.append(advance().lexeme());
            } else if (atName()) {
                path.append(advance().lexeme());
            } else {
                throw errorAtLastToken(
                        "Expected node path as string or identifier after \"" + sigil.lexeme() + "\".",
                        "a node path after '" + sigil.lexeme() + "'");
            }
        } while (match(TokenType.SLASH));
        return new Expr.GetNode(sigil.line(), sigil.column(), path.toString(), unique);
    }

    /** parse_array: Godot stops only at "]" or the end of the file, so a missing element is reported first. */
    private Expr parseArray() {
        Token open = advance();
        List<Expr> elements = new ArrayList<>();
        if (!check(TokenType.BRACKET_CLOSE)) {
            do {
                if (check(TokenType.BRACKET_CLOSE)) {
                    break; // trailing comma
                }
                elements.add(requireExpression("Expected expression as array element."));
            } while (match(TokenType.COMMA) && !check(TokenType.EOF));
        }
        consume(TokenType.BRACKET_CLOSE, "Expected closing \"]\" after array elements.", "']' after array elements");
        return new Expr.ArrayLiteral(open.line(), open.column(), elements);
    }

    /** parse_dictionary: the first key's separator decides between Python style (':') and Lua style ('='). */
    private Expr parseDictionary() {
        Token open = advance();
        List<Expr.DictEntry> entries = new ArrayList<>();
        Boolean luaStyle = null;
        if (!check(TokenType.BRACE_CLOSE)) {
            do {
                if (check(TokenType.BRACE_CLOSE)) {
                    break; // trailing comma
                }
                if (!canStartExpression()) {
                    throw errorAtLastToken("Expected expression as dictionary key.", "a key");
                }
                // above assignment level, so that "{a = 1}" stops before "="
                Expr key = precedence(PREC_CAST, false);
                if (luaStyle == null) {
                    if (!check(TokenType.COLON) && !check(TokenType.EQUAL)) {
                        throw errorAtLastToken("Expected \":\" or \"=\" after dictionary key.", "':' or '=' after key");
                    }
                    luaStyle = check(TokenType.EQUAL);
                }
                key = luaStyle ? luaKey(key) : key;
                TokenType separator = luaStyle ? TokenType.EQUAL : TokenType.COLON;
                if (!match(separator)) {
                    String wanted = luaStyle ? "=" : ":";
                    if (match(luaStyle ? TokenType.COLON : TokenType.EQUAL)) {
                        throw errorAtLastToken(
                                "Expected \"" + wanted + "\" after dictionary key. Mixing dictionary "
                                        + "styles is not allowed.",
                                "'" + wanted + "' after key");
                    }
                    throw errorAtLastToken(
                            "Expected \"" + wanted + "\" after dictionary key.", "'" + wanted + "' after key");
                }
                entries.add(new Expr.DictEntry(key, requireExpression("Expected expression as dictionary value.")));
            } while (match(TokenType.COMMA) && !check(TokenType.EOF));
        }
        consume(
                TokenType.BRACE_CLOSE,
                "Expected closing \"}\" after dictionary elements.",
                "'}' after dictionary elements");
        return new Expr.DictionaryLiteral(open.line(), open.column(), entries);
    }

    /** A Lua-style key names a string: {@code {a = 1}} is {@code {"a": 1}}. */
    private Expr luaKey(Expr key) {
        if (key instanceof Expr.Identifier id) {
            return new Expr.Literal(id.line(), id.column(), Expr.LiteralKind.STRING, id.name());
        }
        if (key instanceof Expr.Literal literal && literal.kind() == Expr.LiteralKind.STRING) {
            return key;
        }
        throw errorAtLastToken(
                "Expected identifier or string as Lua-style dictionary key (e.g \"{ key = value }\").",
                "an identifier or string key");
    }

    private Expr parseLambda() {
        Token keyword = advance();
        String name = null;
        if (check(TokenType.IDENTIFIER)) {
            name = advance().lexeme();
        }
        consume(
                TokenType.PAREN_OPEN,
                name != null ? "Expected opening \"(\" after lambda name." : "Expected opening \"(\" after \"func\".",
                "'(' after 'func'");
        List<Parameter> parameters = parseParameters("lambda");
        TypeRef returnType = null;
        if (match(TokenType.ARROW)) {
            returnType = requireType(true, "Expected return type or \"void\" after \"->\".");
        }
        if (!check(TokenType.COLON)) {
            throw errorAtLastToken("Expected \":\" after lambda declaration.", "':' after lambda declaration");
        }
        // Inside brackets newlines are whitespace; the body needs them back. The tokenizer is positioned
        // right after ':' here, so the switch takes effect for the first token of the body.
        boolean insideBrackets = tokenizer.insideBrackets();
        if (insideBrackets) {
            tokenizer.pushIndentedBlock();
        }
        advance();
        List<Stmt> body;
        int savedBracketedDepth = bracketedLambdaBlockDepth;
        int savedInlineDepth = inlineLambdaDepth;
        boolean couldBreak = canBreak;
        canBreak = false; // a loop around the lambda does not reach into its body
        // a block body starts a fresh statement context: an enclosing one-line lambda does not end it
        inlineLambdaDepth = 0;
        bracketedLambdaBlockDepth = insideBrackets ? 1 : 0;
        try {
            body = parseSuite("lambda declaration", true);
        } finally {
            bracketedLambdaBlockDepth = savedBracketedDepth;
            inlineLambdaDepth = savedInlineDepth;
            canBreak = couldBreak;
            if (insideBrackets) {
                tokenizer.popIndentedBlock();
            }
        }
        if (insideBrackets) {
            // the layout tokens that ended the body are meaningless inside the enclosing brackets
            while (check(TokenType.NEWLINE) || check(TokenType.INDENT) || check(TokenType.DEDENT)) {
                current = nextToken();
            }
        }
        FunctionDecl function = new FunctionDecl(
                keyword.line(), keyword.column(), List.of(), false, name, parameters, returnType, body);
        return new Expr.Lambda(keyword.line(), keyword.column(), function);
    }
}
