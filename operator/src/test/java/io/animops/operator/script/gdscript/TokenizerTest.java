package io.animops.operator.script.gdscript;

import org.junit.jupiter.api.Test;

import java.util.List;

import static io.animops.operator.script.gdscript.TokenType.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TokenizerTest {

    private static List<TokenType> types(String source) {
        return Tokenizer.tokenize(source).stream().map(Token::type).toList();
    }

    private static Token first(String source) {
        return Tokenizer.tokenize(source).get(0);
    }

    @Test
    void indentationProducesIndentAndDedentIncludingAtEndOfFile() {
        assertThat(types("func f():\n\tif x:\n\t\tpass\n"))
                .containsExactly(
                        FUNC,
                        IDENTIFIER,
                        PAREN_OPEN,
                        PAREN_CLOSE,
                        COLON,
                        NEWLINE,
                        INDENT,
                        IF,
                        IDENTIFIER,
                        COLON,
                        NEWLINE,
                        INDENT,
                        PASS,
                        NEWLINE,
                        DEDENT,
                        DEDENT,
                        EOF);
    }

    @Test
    void fileWithoutTrailingNewlineStillEndsItsLineAndBlocks() {
        assertThat(types("func f():\n    return 1")).endsWith(RETURN, INT, NEWLINE, DEDENT, EOF);
    }

    @Test
    void blankAndCommentLinesDoNotChangeIndentation() {
        assertThat(types("func f():\n\tpass\n\n# comment at column one\n\t\t# deep comment\n\tpass\n"))
                .containsExactly(
                        FUNC,
                        IDENTIFIER,
                        PAREN_OPEN,
                        PAREN_CLOSE,
                        COLON,
                        NEWLINE,
                        INDENT,
                        PASS,
                        NEWLINE,
                        PASS,
                        NEWLINE,
                        DEDENT,
                        EOF);
    }

    @Test
    void newlinesInsideBracketsAndAfterBackslashAreWhitespace() {
        assertThat(types("var a = [\n\t1,\n\t\t2,\n]\nvar b = 1 + \\\n\t2\n"))
                .containsExactly(
                        VAR,
                        IDENTIFIER,
                        EQUAL,
                        BRACKET_OPEN,
                        INT,
                        COMMA,
                        INT,
                        COMMA,
                        BRACKET_CLOSE,
                        NEWLINE,
                        VAR,
                        IDENTIFIER,
                        EQUAL,
                        INT,
                        PLUS,
                        INT,
                        NEWLINE,
                        EOF);
    }

    @Test
    void tabsCountAsFourColumnsLikeGodot() {
        List<Token> tokens = Tokenizer.tokenize("func f():\n\tvar x\n");
        Token var = tokens.stream().filter(t -> t.is(VAR)).findFirst().orElseThrow();
        assertThat(var.line()).isEqualTo(2);
        assertThat(var.column()).isEqualTo(5);
    }

    @Test
    void stringForms() {
        assertThat(first("\"a\\tb\\n\\\"q\\\" \\u00e9\"").value()).isEqualTo("a\tb\n\"q\" \u00e9");
        assertThat(first("'single \"inner\"'").value()).isEqualTo("single \"inner\"");
        assertThat(first("r\"C:\\path\\n\"").value()).isEqualTo("C:\\path\\n");
        assertThat(first("&\"name\"").type()).isEqualTo(STRING_NAME);
        assertThat(first("^\"Path/To:prop\"").type()).isEqualTo(NODE_PATH);
        assertThat(first("^\"Path/To:prop\"").value()).isEqualTo("Path/To:prop");
    }

    @Test
    void charactersOutsideTheBasicPlaneCountAsOneColumn() {
        List<Token> tokens = Tokenizer.tokenize("x = \"\uD83C\uDF89!\" + y\n");
        Token y =
                tokens.stream().filter(t -> t.lexeme().equals("y")).findFirst().orElseThrow();
        assertThat(y.column()).isEqualTo(12); // "🎉!" with its quotes spans columns 5-8, then " + " and y
    }

    @Test
    void emptyAndCommentOnlySourcesHaveNoStatements() {
        assertThat(types("")).containsExactly(EOF);
        assertThat(types("\uFEFF# only a comment\n\n   \n")).containsExactly(EOF);
        assertThat(Parser.parse("# nothing\n").members()).isEmpty();
    }

    @Test
    void tripleQuotedStringsSpanLinesAndKeepLineNumbersRight() {
        List<Token> tokens = Tokenizer.tokenize("var s = \"\"\"one\n\"two\"\nthree\"\"\"\nvar t\n");
        assertThat(tokens.get(3).value()).isEqualTo("one\n\"two\"\nthree");
        Token secondVar =
                tokens.stream().filter(t -> t.is(VAR)).skip(1).findFirst().orElseThrow();
        assertThat(secondVar.line()).isEqualTo(4);
    }

    @Test
    void numbers() {
        assertThat(first("1_000_000").value()).isEqualTo(1_000_000L);
        assertThat(first("0xFF").value()).isEqualTo(255L);
        assertThat(first("0b101").value()).isEqualTo(5L);
        assertThat(first("1.5e3").value()).isEqualTo(1500.0);
        assertThat(first("2e-2").type()).isEqualTo(FLOAT);
        assertThat(first(".5").value()).isEqualTo(0.5);
        assertThat(first("3.").type()).isEqualTo(FLOAT);
        assertThat(types("1.abs()")).startsWith(INT, PERIOD, IDENTIFIER);
    }

    @Test
    void operatorsTakeTheLongestMatch() {
        assertThat(types("a **= b ** c <<= d >> e -> f := g != h && i || !j ~k .. l"))
                .containsExactly(
                        IDENTIFIER,
                        STAR_STAR_EQUAL,
                        IDENTIFIER,
                        STAR_STAR,
                        IDENTIFIER,
                        LESS_LESS_EQUAL,
                        IDENTIFIER,
                        GREATER_GREATER,
                        IDENTIFIER,
                        ARROW,
                        IDENTIFIER,
                        COLON,
                        EQUAL,
                        IDENTIFIER,
                        BANG_EQUAL,
                        IDENTIFIER,
                        AMPERSAND_AMPERSAND,
                        IDENTIFIER,
                        PIPE_PIPE,
                        BANG,
                        IDENTIFIER,
                        TILDE,
                        IDENTIFIER,
                        PERIOD_PERIOD,
                        IDENTIFIER,
                        NEWLINE,
                        EOF);
    }

    @Test
    void annotationsAndKeywords() {
        List<Token> tokens = Tokenizer.tokenize("@export_range(0, 1) var x\n");
        assertThat(tokens.get(0).type()).isEqualTo(ANNOTATION);
        assertThat(tokens.get(0).value()).isEqualTo("export_range");
        assertThat(types("and or not in is as await self super"))
                .startsWith(AND, OR, NOT, IN, IS, AS, AWAIT, SELF, SUPER);
        assertThat(types("PI TAU INF NAN")).startsWith(CONST_PI, CONST_TAU, CONST_INF, CONST_NAN);
    }

    @Test
    void errorsCarryPositions() {
        assertThatThrownBy(() -> Tokenizer.tokenize("var s = \"open\n"))
                .isInstanceOfSatisfying(SyntaxError.class, e -> {
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.column()).isEqualTo(9);
                    assertThat(e.getMessage()).isEqualTo("Unterminated string.");
                });
        assertThatThrownBy(() -> Tokenizer.tokenize("func f():\n\t  pass\n"))
                .isInstanceOfSatisfying(
                        SyntaxError.class, e -> assertThat(e.getMessage()).contains("Mixed use of tabs"));
        assertThatThrownBy(() -> Tokenizer.tokenize("func f():\n\t\tpass\n\tpass\n  pass\n"))
                .isInstanceOf(SyntaxError.class);
        assertThatThrownBy(() -> Tokenizer.tokenize("var x = 12abc\n"))
                .isInstanceOfSatisfying(
                        SyntaxError.class, e -> assertThat(e.getMessage()).isEqualTo("Invalid numeric notation."));
    }
}
