package io.animops.operator.script.gdscript;

/**
 * A GDScript syntax error at a 1-based line and column.
 *
 * @see #expected() what the parser was looking for, as a short phrase such as {@code "':' after 'if' condition"}
 */
public final class SyntaxError extends RuntimeException {
    private final int line;
    private final int column;
    private final String expected;

    public SyntaxError(String message, int line, int column, String expected) {
        super(message, null, false, false); // no stack trace: syntax errors are an expected result, and frequent
        this.line = line;
        this.column = column;
        this.expected = expected;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    /** What would have been valid here; null when the error is not about a missing token. */
    public String expected() {
        return expected;
    }
}
