package io.animops.operator.script.gdscript;

/**
 * One token with its 1-based position as Godot reports it (a tab in leading or inter-token
 * whitespace counts as four columns, like Godot's default tab size).
 *
 * @param lexeme the exact source text
 * @param value  decoded literal value: {@link Long} for INT, {@link Double} for FLOAT, the unescaped
 *               {@link String} for STRING, STRING_NAME and NODE_PATH, the name for ANNOTATION; otherwise null
 */
public record Token(TokenType type, String lexeme, Object value, int line, int column) {

    public boolean is(TokenType other) {
        return type == other;
    }

    /**
     * The token's name in Godot's messages ({@code token_names} in gdscript_tokenizer.cpp): {@code Identifier},
     * {@code Literal}, {@code Newline}, {@code Indent}, a keyword or the operator itself.
     */
    public String godotName() {
        return switch (type) {
            case IDENTIFIER -> "Identifier";
            case ANNOTATION -> "Annotation";
            case INT, FLOAT, STRING, STRING_NAME, NODE_PATH, TRUE, FALSE, NULL -> "Literal";
            case NEWLINE -> "Newline";
            case INDENT -> "Indent";
            case DEDENT -> "Dedent";
            case EOF -> "End of file";
            case CONST_NAN -> "NaN";
            default -> lexeme;
        };
    }

    /** Godot's {@code get_debug_name()}: {@code identifier "foo"} for an identifier, else the quoted name. */
    public String godotDebugName() {
        return type == TokenType.IDENTIFIER ? "identifier \"" + lexeme + "\"" : "\"" + godotName() + "\"";
    }
}
