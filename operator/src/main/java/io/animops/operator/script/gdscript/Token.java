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

    /** How the token reads in an error message: {@code "if"}, {@code "foo"}, or a layout token's name. */
    public String describe() {
        return switch (type) {
            case NEWLINE -> "end of line";
            case INDENT -> "indent";
            case DEDENT -> "dedent";
            case EOF -> "end of file";
            default -> "\"" + lexeme + "\"";
        };
    }
}
