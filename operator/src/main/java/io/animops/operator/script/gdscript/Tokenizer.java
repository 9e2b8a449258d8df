package io.animops.operator.script.gdscript;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * GDScript 2.0 tokenizer, pulled one token at a time by the {@link Parser}.
 *
 * <p>Layout follows Godot 4.6: a NEWLINE ends every non-blank logical line, INDENT and DEDENT tokens
 * mark indentation changes, and newlines inside brackets or after a backslash are plain whitespace.
 * A multi-line lambda inside brackets needs indentation again, so the parser brackets its body with
 * {@link #pushIndentedBlock()} and {@link #popIndentedBlock()}, exactly the way Godot's parser drives
 * its own tokenizer; that is why this tokenizer is lazy rather than producing a list up front.
 */
public final class Tokenizer {
    /** Godot counts a tab as this many columns in indentation and in reported column numbers. */
    public static final int TAB_SIZE = 4;

    private static final Map<String, TokenType> KEYWORDS = new HashMap<>();

    static {
        Object[][] words = {
            {"if", TokenType.IF},
            {"elif", TokenType.ELIF},
            {"else", TokenType.ELSE},
            {"for", TokenType.FOR},
            {"while", TokenType.WHILE},
            {"break", TokenType.BREAK},
            {"continue", TokenType.CONTINUE},
            {"pass", TokenType.PASS},
            {"return", TokenType.RETURN},
            {"match", TokenType.MATCH},
            {"and", TokenType.AND},
            {"or", TokenType.OR},
            {"not", TokenType.NOT},
            {"in", TokenType.IN},
            {"is", TokenType.IS},
            {"as", TokenType.AS},
            {"func", TokenType.FUNC},
            {"class", TokenType.CLASS},
            {"class_name", TokenType.CLASS_NAME},
            {"extends", TokenType.EXTENDS},
            {"signal", TokenType.SIGNAL},
            {"static", TokenType.STATIC},
            {"const", TokenType.CONST},
            {"enum", TokenType.ENUM},
            {"var", TokenType.VAR},
            {"self", TokenType.SELF},
            {"super", TokenType.SUPER},
            {"await", TokenType.AWAIT},
            {"breakpoint", TokenType.BREAKPOINT},
            {"true", TokenType.TRUE},
            {"false", TokenType.FALSE},
            {"null", TokenType.NULL},
            {"void", TokenType.VOID},
            {"PI", TokenType.CONST_PI},
            {"TAU", TokenType.CONST_TAU},
            {"INF", TokenType.CONST_INF},
            {"NAN", TokenType.CONST_NAN},
        };
        for (Object[] w : words) {
            KEYWORDS.put((String) w[0], (TokenType) w[1]);
        }
    }

    private final String src;
    private final int length;
    private int pos;
    private int line = 1;
    private int column = 1;

    private final ArrayDeque<Token> pending = new ArrayDeque<>();
    private int[] indents = new int[16];
    private int indentDepth = 1; // indents[0] == 0 is the file level
    private char indentChar; // '\t' or ' ' once the first indented line fixed it
    private boolean atLineStart = true;
    private boolean lineHasContent;
    private boolean finished;

    private int bracketDepth;
    private final ArrayDeque<Character> openers = new ArrayDeque<>();
    private int lambdaBase;
    private final ArrayDeque<SavedLayout> savedLayouts = new ArrayDeque<>();

    private record SavedLayout(int lambdaBase, int[] indents, int indentDepth) {}

    public Tokenizer(String source) {
        this.src = source;
        this.length = source.length();
        if (length > 0 && source.charAt(0) == '\uFEFF') {
            pos = 1; // byte order mark
        }
    }

    /** Every token of a source, for tests and tools; multi-line lambdas inside brackets are not re-indented here. */
    public static List<Token> tokenize(String source) {
        Tokenizer tokenizer = new Tokenizer(source);
        List<Token> tokens = new ArrayList<>();
        Token t;
        do {
            t = tokenizer.next();
            tokens.add(t);
        } while (t.type() != TokenType.EOF);
        return tokens;
    }

    /**
     * Makes newlines and indentation significant again inside brackets, for the body of a lambda; the
     * current indentation levels are kept so the body's lines indent relative to the enclosing statement.
     */
    public void pushIndentedBlock() {
        savedLayouts.push(new SavedLayout(lambdaBase, indents.clone(), indentDepth));
        lambdaBase = bracketDepth;
    }

    /** Returns to the bracket context that was active before {@link #pushIndentedBlock()}. */
    public void popIndentedBlock() {
        SavedLayout saved = savedLayouts.pop();
        lambdaBase = saved.lambdaBase;
        indents = saved.indents;
        indentDepth = saved.indentDepth;
        pending.removeIf(
                t -> t.type() == TokenType.NEWLINE || t.type() == TokenType.INDENT || t.type() == TokenType.DEDENT);
        atLineStart = false;
        lineHasContent = true;
    }

    /** True while newlines are whitespace because an opened bracket has not been closed. */
    public boolean insideBrackets() {
        return multiline();
    }

    private boolean multiline() {
        return bracketDepth > lambdaBase;
    }

    public Token next() {
        if (!pending.isEmpty()) {
            return pending.poll();
        }
        while (true) {
            if (atLineStart && !multiline()) {
                measureIndentation();
                if (!pending.isEmpty()) {
                    return pending.poll();
                }
            }
            skipWhitespaceAndComments();
            if (pos >= length) {
                return endOfFile();
            }
            char c = src.charAt(pos);
            if (c == '\n') {
                int nlLine = line;
                int nlColumn = column;
                advanceNewline();
                if (multiline()) {
                    continue;
                }
                atLineStart = true;
                if (lineHasContent) {
                    lineHasContent = false;
                    return new Token(TokenType.NEWLINE, "\n", null, nlLine, nlColumn);
                }
                continue;
            }
            lineHasContent = true;
            return scanToken(c);
        }
    }

    private Token endOfFile() {
        if (!finished) {
            finished = true;
            if (lineHasContent && !multiline()) {
                pending.add(new Token(TokenType.NEWLINE, "", null, line, column));
            }
            lineHasContent = false;
            // Godot's _advance() unwinds the indentation at the end even inside an unclosed bracket, so the
            // parser meets dedents there before the end of the file; a lambda's saved levels are restored
            // by the parser, the file-level stack unwinds here
            while (indentDepth > 1) {
                indentDepth--;
                pending.add(new Token(TokenType.DEDENT, "", null, line, column));
            }
        }
        if (!pending.isEmpty()) {
            return pending.poll();
        }
        return new Token(TokenType.EOF, "", null, line, column);
    }

    private void measureIndentation() {
        atLineStart = false;
        int width = 0;
        int startColumn = column;
        boolean mixed = false;
        int p = pos;
        char first = 0;
        while (p < length) {
            char c = src.charAt(p);
            if (c == '\t') {
                width += TAB_SIZE;
            } else if (c == ' ') {
                width += 1;
            } else {
                break;
            }
            if (first == 0) {
                first = c;
            }
            mixed |= c != first;
            p++;
        }
        column = startColumn + width;
        pos = p;
        if (p >= length) {
            return;
        }
        char next = src.charAt(p);
        if (next == '\n' || next == '\r' || next == '#') {
            return; // blank or comment-only line: indentation does not count
        }
        if (next == '\\' && continuationAt(p)) {
            return;
        }
        // Godot's check_indent() pushes these errors in this order and its scan() pops the last one first,
        // so an unindent mismatch wins over a foreign indent character, which wins over a mixed line.
        String error = null;
        if (mixed) {
            error = "Mixed use of tabs and spaces for indentation.";
        }
        if (first != 0 && indentChar == 0) {
            indentChar = first;
        } else if (first != 0 && first != indentChar) {
            error = "Used " + indentCharName(first) + " character for indentation instead of "
                    + indentCharName(indentChar) + " as used before in the file.";
        }
        int top = indents[indentDepth - 1];
        if (width > top) {
            if (indentDepth == indents.length) {
                indents = java.util.Arrays.copyOf(indents, indentDepth * 2);
            }
            indents[indentDepth++] = width;
            pending.add(new Token(TokenType.INDENT, "", null, line, column));
        } else if (width < top) {
            while (indentDepth > 1 && indents[indentDepth - 1] > width) {
                indentDepth--;
                pending.add(new Token(TokenType.DEDENT, "", null, line, column));
            }
            if (indents[indentDepth - 1] != width && savedLayouts.isEmpty()) {
                error = "Unindent doesn't match the previous indentation level.";
            }
        }
        if (error != null) {
            throw new SyntaxError(error, line, 1, "an indentation matching an enclosing block");
        }
    }

    private static String indentCharName(char c) {
        return c == ' ' ? "space" : "tab";
    }

    private boolean continuationAt(int p) {
        int q = p + 1;
        if (q < length && src.charAt(q) == '\r') {
            q++;
        }
        return q < length && src.charAt(q) == '\n';
    }

    private void advanceNewline() {
        pos++;
        line++;
        column = 1;
    }

    private void skipWhitespaceAndComments() {
        while (pos < length) {
            char c = src.charAt(pos);
            switch (c) {
                case ' ' -> {
                    pos++;
                    column++;
                }
                case '\t' -> {
                    pos++;
                    column += TAB_SIZE;
                }
                case '\r' -> {
                    pos++;
                }
                case '#' -> {
                    while (pos < length && src.charAt(pos) != '\n') {
                        pos++;
                        column++;
                    }
                }
                case '\\' -> {
                    if (!continuationAt(pos)) {
                        return;
                    }
                    pos++;
                    if (src.charAt(pos) == '\r') {
                        pos++;
                    }
                    advanceNewline();
                }
                default -> {
                    return;
                }
            }
        }
    }

    private Token make(TokenType type, int startPos, int startLine, int startColumn, Object value) {
        return new Token(type, src.substring(startPos, pos), value, startLine, startColumn);
    }

    private Token scanToken(char c) {
        int startPos = pos;
        int startLine = line;
        int startColumn = column;
        if (isIdentifierStart(c)) {
            if ((c == 'r') && pos + 1 < length && isQuote(src.charAt(pos + 1))) {
                advance(1);
                return scanString(TokenType.STRING, true, startPos, startLine, startColumn);
            }
            while (pos < length && isIdentifierPart(src.charAt(pos))) {
                pos++;
            }
            column += pos - startPos;
            String word = src.substring(startPos, pos);
            TokenType keyword = KEYWORDS.get(word);
            return new Token(keyword != null ? keyword : TokenType.IDENTIFIER, word, null, startLine, startColumn);
        }
        if (isDigit(c) || (c == '.' && pos + 1 < length && isDigit(src.charAt(pos + 1)))) {
            return scanNumber(startPos, startLine, startColumn);
        }
        if (isQuote(c)) {
            return scanString(TokenType.STRING, false, startPos, startLine, startColumn);
        }
        char n1 = pos + 1 < length ? src.charAt(pos + 1) : '\0';
        char n2 = pos + 2 < length ? src.charAt(pos + 2) : '\0';
        switch (c) {
            case '&':
                if (isQuote(n1) || (n1 == 'r' && isQuote(n2))) {
                    return prefixedString(TokenType.STRING_NAME, startPos, startLine, startColumn);
                }
                if (n1 == '&') {
                    return op(TokenType.AMPERSAND_AMPERSAND, 2, startPos, startLine, startColumn);
                }
                return n1 == '='
                        ? op(TokenType.AMPERSAND_EQUAL, 2, startPos, startLine, startColumn)
                        : op(TokenType.AMPERSAND, 1, startPos, startLine, startColumn);
            case '^':
                if (isQuote(n1) || (n1 == 'r' && isQuote(n2))) {
                    return prefixedString(TokenType.NODE_PATH, startPos, startLine, startColumn);
                }
                return n1 == '='
                        ? op(TokenType.CARET_EQUAL, 2, startPos, startLine, startColumn)
                        : op(TokenType.CARET, 1, startPos, startLine, startColumn);
            case '@': {
                advance(1);
                int nameStart = pos;
                while (pos < length && isIdentifierPart(src.charAt(pos))) {
                    pos++;
                }
                if (pos == nameStart) {
                    throw new SyntaxError(
                            "Expected annotation identifier after \"@\".",
                            startLine,
                            startColumn,
                            "annotation name after '@'");
                }
                column += pos - nameStart;
                return make(TokenType.ANNOTATION, startPos, startLine, startColumn, src.substring(nameStart, pos));
            }
            case '(':
                openBracket(c);
                return op(TokenType.PAREN_OPEN, 1, startPos, startLine, startColumn);
            case '[':
                openBracket(c);
                return op(TokenType.BRACKET_OPEN, 1, startPos, startLine, startColumn);
            case '{':
                openBracket(c);
                return op(TokenType.BRACE_OPEN, 1, startPos, startLine, startColumn);
            case ')':
                closeBracket('(', c, startLine, startColumn);
                return op(TokenType.PAREN_CLOSE, 1, startPos, startLine, startColumn);
            case ']':
                closeBracket('[', c, startLine, startColumn);
                return op(TokenType.BRACKET_CLOSE, 1, startPos, startLine, startColumn);
            case '}':
                closeBracket('{', c, startLine, startColumn);
                return op(TokenType.BRACE_CLOSE, 1, startPos, startLine, startColumn);
            case '+':
                return n1 == '='
                        ? op(TokenType.PLUS_EQUAL, 2, startPos, startLine, startColumn)
                        : op(TokenType.PLUS, 1, startPos, startLine, startColumn);
            case '-':
                if (n1 == '>') {
                    return op(TokenType.ARROW, 2, startPos, startLine, startColumn);
                }
                return n1 == '='
                        ? op(TokenType.MINUS_EQUAL, 2, startPos, startLine, startColumn)
                        : op(TokenType.MINUS, 1, startPos, startLine, startColumn);
            case '*':
                if (n1 == '*') {
                    return n2 == '='
                            ? op(TokenType.STAR_STAR_EQUAL, 3, startPos, startLine, startColumn)
                            : op(TokenType.STAR_STAR, 2, startPos, startLine, startColumn);
                }
                return n1 == '='
                        ? op(TokenType.STAR_EQUAL, 2, startPos, startLine, startColumn)
                        : op(TokenType.STAR, 1, startPos, startLine, startColumn);
            case '/':
                return n1 == '='
                        ? op(TokenType.SLASH_EQUAL, 2, startPos, startLine, startColumn)
                        : op(TokenType.SLASH, 1, startPos, startLine, startColumn);
            case '%':
                return n1 == '='
                        ? op(TokenType.PERCENT_EQUAL, 2, startPos, startLine, startColumn)
                        : op(TokenType.PERCENT, 1, startPos, startLine, startColumn);
            case '~':
                return op(TokenType.TILDE, 1, startPos, startLine, startColumn);
            case '|':
                if (n1 == '|') {
                    return op(TokenType.PIPE_PIPE, 2, startPos, startLine, startColumn);
                }
                return n1 == '='
                        ? op(TokenType.PIPE_EQUAL, 2, startPos, startLine, startColumn)
                        : op(TokenType.PIPE, 1, startPos, startLine, startColumn);
            case '!':
                return n1 == '='
                        ? op(TokenType.BANG_EQUAL, 2, startPos, startLine, startColumn)
                        : op(TokenType.BANG, 1, startPos, startLine, startColumn);
            case '=':
                return n1 == '='
                        ? op(TokenType.EQUAL_EQUAL, 2, startPos, startLine, startColumn)
                        : op(TokenType.EQUAL, 1, startPos, startLine, startColumn);
            case '<':
                if (n1 == '<') {
                    return n2 == '='
                            ? op(TokenType.LESS_LESS_EQUAL, 3, startPos, startLine, startColumn)
                            : op(TokenType.LESS_LESS, 2, startPos, startLine, startColumn);
                }
                return n1 == '='
                        ? op(TokenType.LESS_EQUAL, 2, startPos, startLine, startColumn)
                        : op(TokenType.LESS, 1, startPos, startLine, startColumn);
            case '>':
                if (n1 == '>') {
                    return n2 == '='
                            ? op(TokenType.GREATER_GREATER_EQUAL, 3, startPos, startLine, startColumn)
                            : op(TokenType.GREATER_GREATER, 2, startPos, startLine, startColumn);
                }
                return n1 == '='
                        ? op(TokenType.GREATER_EQUAL, 2, startPos, startLine, startColumn)
                        : op(TokenType.GREATER, 1, startPos, startLine, startColumn);
            case ':':
                // Godot has no ":=" token: "var x := 1" is ":" then "=" (gdscript_tokenizer.cpp, scan())
                return op(TokenType.COLON, 1, startPos, startLine, startColumn);
            case '.':
                return n1 == '.'
                        ? op(TokenType.PERIOD_PERIOD, 2, startPos, startLine, startColumn)
                        : op(TokenType.PERIOD, 1, startPos, startLine, startColumn);
            case ',':
                return op(TokenType.COMMA, 1, startPos, startLine, startColumn);
            case ';':
                return op(TokenType.SEMICOLON, 1, startPos, startLine, startColumn);
            case '$':
                return op(TokenType.DOLLAR, 1, startPos, startLine, startColumn);
            case '?':
                return op(TokenType.QUESTION_MARK, 1, startPos, startLine, startColumn);
            case '`':
                return op(TokenType.BACKTICK, 1, startPos, startLine, startColumn);
            default:
                throw new SyntaxError(
                        "Invalid character \"" + c + "\" (U+" + String.format("%04X", (int) c) + ").",
                        startLine,
                        startColumn,
                        null);
        }
    }

    private void openBracket(char opener) {
        bracketDepth++;
        openers.push(opener);
    }

    /**
     * A closer that does not match its opener is a tokenizer error in Godot. Its make_paren_error() runs after
     * pop_paren() already removed the opener, so the opener it names is the one below (or none is left).
     */
    private void closeBracket(char expectedOpener, char closer, int startLine, int startColumn) {
        if (openers.isEmpty() || openers.pop() != expectedOpener) {
            String message = openers.isEmpty()
                    ? "Closing \"" + closer + "\" doesn't have an opening counterpart."
                    : "Closing \"" + closer + "\" doesn't match the opening \"" + openers.peek() + "\".";
            throw new SyntaxError(message, startLine, startColumn, null);
        }
        bracketDepth--;
    }

    private Token op(TokenType type, int width, int startPos, int startLine, int startColumn) {
        advance(width);
        return make(type, startPos, startLine, startColumn, null);
    }

    private void advance(int chars) {
        pos += chars;
        column += chars;
    }

    private Token prefixedString(TokenType type, int startPos, int startLine, int startColumn) {
        advance(1);
        boolean raw = src.charAt(pos) == 'r';
        if (raw) {
            advance(1);
        }
        return scanString(type, raw, startPos, startLine, startColumn);
    }

    private Token scanString(TokenType type, boolean raw, int startPos, int startLine, int startColumn) {
        char quote = src.charAt(pos);
        boolean triple = pos + 2 < length && src.charAt(pos + 1) == quote && src.charAt(pos + 2) == quote;
        advance(triple ? 3 : 1);
        StringBuilder value = new StringBuilder();
        while (true) {
            if (pos >= length) {
                throw new SyntaxError("Unterminated string.", startLine, startColumn, "closing " + quote);
            }
            char c = src.charAt(pos);
            if (c == quote) {
                if (!triple) {
                    advance(1);
                    break;
                }
                if (pos + 2 < length && src.charAt(pos + 1) == quote && src.charAt(pos + 2) == quote) {
                    advance(3);
                    break;
                }
                value.append(c);
                advance(1);
            } else if (c == '\r' && pos + 1 < length && src.charAt(pos + 1) == '\n') {
                pos++; // Windows line ending: keep only the newline
            } else if (c == '\n') {
                // Godot 4.6 lets every string, not only a triple-quoted one, run over lines: an unclosed
                // quote ends at the next matching quote of the file, or is "Unterminated string." at its end
                value.append(c);
                advanceNewline();
            } else if (c == '\\') {
                if (pos + 1 >= length) {
                    throw new SyntaxError("Unterminated string.", startLine, startColumn, "closing " + quote);
                }
                char e = src.charAt(pos + 1);
                if (raw) {
                    // raw strings keep the backslash; it only stops a quote from closing the string
                    value.append(c);
                    if (e == quote || e == '\\') {
                        value.append(e);
                        advance(2);
                    } else {
                        advance(1);
                    }
                    continue;
                }
                if (e == '\n' || (e == '\r' && pos + 2 < length && src.charAt(pos + 2) == '\n')) {
                    // backslash at the end of a line inside a string: the string goes on without a newline
                    pos += e == '\r' ? 2 : 1;
                    advanceNewline();
                    continue;
                }
                advance(2);
                switch (e) {
                    case 'n' -> value.append('\n');
                    case 't' -> value.append('\t');
                    case 'r' -> value.append('\r');
                    case 'a' -> value.append('\u0007');
                    case 'b' -> value.append('\b');
                    case 'f' -> value.append('\f');
                    case 'v' -> value.append('\u000B');
                    case '"', '\'', '\\' -> value.append(e);
                    case 'u' -> value.appendCodePoint(hexEscape(4, startLine, startColumn));
                    case 'U' -> value.appendCodePoint(hexEscape(6, startLine, startColumn));
                    default -> throw new SyntaxError("Invalid escape in string.", line, column - 2, null);
                }
            } else {
                value.append(c);
                pos++;
                if (!Character.isHighSurrogate(c)) {
                    column++; // Godot counts code points: an emoji outside the BMP is one column
                }
            }
        }
        return make(type, startPos, startLine, startColumn, value.toString());
    }

    private int hexEscape(int digits, int startLine, int startColumn) {
        if (pos + digits > length) {
            throw new SyntaxError("Invalid hexadecimal escape in string.", line, column, digits + " hex digits");
        }
        int cp = 0;
        for (int i = 0; i < digits; i++) {
            int d = Character.digit(src.charAt(pos + i), 16);
            if (d < 0) {
                throw new SyntaxError("Invalid hexadecimal escape in string.", line, column + i, "a hex digit");
            }
            cp = cp * 16 + d;
        }
        advance(digits);
        return cp;
    }

    private Token scanNumber(int startPos, int startLine, int startColumn) {
        char c = src.charAt(pos);
        if (c == '0'
                && pos + 1 < length
                && (src.charAt(pos + 1) == 'x'
                        || src.charAt(pos + 1) == 'X'
                        || src.charAt(pos + 1) == 'b'
                        || src.charAt(pos + 1) == 'B')) {
            int radix = Character.toLowerCase(src.charAt(pos + 1)) == 'x' ? 16 : 2;
            advance(2);
            int digitsStart = pos;
            while (pos < length && (Character.digit(src.charAt(pos), radix) >= 0 || src.charAt(pos) == '_')) {
                advance(1);
            }
            String digits = src.substring(digitsStart, pos).replace("_", "");
            if (digits.isEmpty()) {
                throw new SyntaxError(
                        "Expected " + (radix == 16 ? "hexadecimal" : "binary") + " digit after \"0"
                                + (radix == 16 ? 'x' : 'b') + "\".",
                        line,
                        column,
                        "digits after number prefix");
            }
            return make(TokenType.INT, startPos, startLine, startColumn, Long.parseUnsignedLong(digits, radix));
        }
        boolean isFloat = false;
        scanDigits();
        if (pos < length && src.charAt(pos) == '.') {
            char after = pos + 1 < length ? src.charAt(pos + 1) : '\0';
            // "1.5" and "1." are floats; "1..2" and "1.abs()" are not
            if (after != '.' && !isIdentifierStart(after)) {
                isFloat = true;
                advance(1);
                scanDigits();
            }
        }
        if (pos < length && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int p = pos + 1;
            if (p < length && (src.charAt(p) == '+' || src.charAt(p) == '-')) {
                p++;
            }
            if (p < length && isDigit(src.charAt(p))) {
                isFloat = true;
                advance(p - pos);
                scanDigits();
            }
        }
        if (pos < length && isIdentifierPart(src.charAt(pos))) {
            throw new SyntaxError("Invalid numeric notation.", line, column, null);
        }
        String text = src.substring(startPos, pos).replace("_", "");
        if (isFloat) {
            return make(TokenType.FLOAT, startPos, startLine, startColumn, Double.parseDouble(text));
        }
        try {
            return make(TokenType.INT, startPos, startLine, startColumn, Long.parseLong(text));
        } catch (NumberFormatException tooLarge) {
            throw new SyntaxError("Integer literal is too large.", startLine, startColumn, null);
        }
    }

    private void scanDigits() {
        while (pos < length && (isDigit(src.charAt(pos)) || src.charAt(pos) == '_')) {
            advance(1);
        }
    }

    private static boolean isQuote(char c) {
        return c == '"' || c == '\'';
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isIdentifierStart(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || (c > 127 && Character.isLetter(c));
    }

    private static boolean isIdentifierPart(char c) {
        return isIdentifierStart(c) || isDigit(c) || (c > 127 && Character.isLetterOrDigit(c));
    }
}
