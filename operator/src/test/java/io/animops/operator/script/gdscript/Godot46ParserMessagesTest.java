package io.animops.operator.script.gdscript;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The first error of a broken script, as Godot 4.6 words it and on the line it reports (Godot prints the
 * first error of the parser's list, at the line of the token before the one that failed, or of the node).
 * Each case names the function of modules/gdscript/gdscript_parser.cpp or gdscript_tokenizer.cpp that
 * pushes the message. In the sources below, {@code |} stands for a newline and {@code >} for a tab.
 */
class Godot46ParserMessagesTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', quoteCharacter = '`', textBlock = """
            # parse_function: no ':' makes a body-less declaration; parse_class_body: the body is an unexpected indent
            func f()|>pass|;                  2; Unexpected "Indent" in class body.
            # parse_function + end_statement("bodyless function declaration")
            func f() pass|;                   1; Expected end of statement after bodyless function declaration, found "pass" instead.
            # gdscript_analyzer.cpp resolve_function_body, after a parse without errors
            func f()|func g():|>pass|;        1; A function must either have a ":" followed by a body, or be marked as "@abstract".
            # parse_statement default case: an indent cannot start a statement
            func f():|>var a = 1|>>var b = 2|; 3; Expected statement, found "Indent" instead.
            func f():|>if x:|>>pass|>else:|>>pass|>elif y:|>>pass|; 6; Expected statement, found "elif" instead.
            # parse_binary_operator, parse_unary_operator
            func f():|>var a = 1 +|;          2; Expected expression after "+" operator.
            func f():|>var a = x and|;        2; Expected expression after "and" operator.
            func f():|>var a = -|;            2; Expected expression after "-" operator.
            func f():|>var a = not|;          2; Expected expression after "not" operator.
            func f():|>if x not in:|>>pass|;  2; Expected expression after "in" operator.
            # parse_variable, parse_constant
            func f():|>var a =|;              2; Expected expression for variable initial value after "=".
            const A|;                         1; Expected initializer after constant name.
            const A =|;                       1; Expected initializer expression for constant.
            func f():|>var a:|;               2; Expected type after ":"
            # parse_match_branch, parse_suite("match pattern block"), parse_match_pattern
            func f():|>match x:|>>1 2:|>>>pass|;  3; Expected ":" or "when" after "match" patterns.
            func f():|>match x:|>>1 when y 2:|>>>pass|; 3; Expected ":" after "match" pattern guard.
            func f():|>match x:|>>1:|>>pass|; 3; Expected indented block after match pattern block.
            func f():|>match x:|>>1, :|>>>pass|; 3; Expected expression for match pattern.
            func f():|>match x:|>>[var a], 2:|>>>pass|; 3; Cannot use a variable bind with multiple patterns.
            # parse_call: a missing argument before a missing ')'
            func f():|>print(1,|;             2; Expected expression as the function argument.
            func f():|>print(1 2)|;           2; Expected closing ")" after call arguments.
            # gdscript_tokenizer.cpp string(): a string runs over lines up to the next quote
            func f():|>print("a)|>print("b")|; 2; Expected closing ")" after call arguments.
            func f():|>print("a)|;            2; Unterminated string.
            # parse_array, parse_dictionary, parse_subscript, parse_grouping
            func f():|>var a = [1,|;          2; Expected expression as array element.
            func f():|>var a = {"k" 1}|;      2; Expected ":" or "=" after dictionary key.
            func f():|>var a = {"k": 1, "j" = 2}|; 2; Expected ":" after dictionary key. Mixing dictionary styles is not allowed.
            func f():|>var a = {1 = 2}|;      2; Expected identifier or string as Lua-style dictionary key (e.g "{ key = value }").
            func f():|>var a = b[]|;          2; Expected expression after "[".
            func f():|>var a = ()|;           2; Expected grouping expression.
            # parse_for, parse_if, parse_while, parse_match
            func f():|>for i range(3):|>>pass|; 2; Expected "in" or ":" after "for" variable name.
            func f():|>for i in:|>>pass|;     2; Expected iterable after "in".
            func f():|>if:|>>pass|;           2; Expected conditional expression after "if".
            func f():|>while:|>>pass|;        2; Expected conditional expression after "while".
            func f():|>match:|>>_:|>>>pass|;  2; Expected expression to test after "match".
            # parse_statement in a lambda: an indent ends the lambda, then the call misses its ')'
            func f():|>g(func():|>>var a = 1|>>>a = 2|>)|; 3; Expected closing ")" after call arguments.
            # parse_break, parse_continue, parse_lambda (a lambda resets it)
            func f():|>break|;                2; Cannot use "break" outside of a loop.
            func f():|>for i in x:|>>var g = func(): continue|; 3; Cannot use "continue" outside of a loop.
            # parse_assignment
            func f():|>1 = 2|;                2; Only identifier, attribute access, and subscription access can be used as assignment target.
            func f():|>a =|;                  2; Expected an expression after "=".
            # parse_invalid_token, parse_yield, parse_await, parse_lambda
            func f():|>var a = 1 ? 2|;        2; Unexpected "?" in source. If you want a ternary operator, use "truthy_value if true_condition else falsy_value".
            func f():|>yield(x, "y")|;        2; "yield" was removed in Godot 4. Use "await" instead.
            func f():|>await|;                2; Expected signal or coroutine after "await".
            func f():|>var g = func x:|>>pass|; 2; Expected opening "(" after lambda name.
            # parse_class_body default case, parse_program
            var a = 1|extends Node|;          2; Unexpected "extends" in class body.
            extends Node|extends Node|;       2; "extends" can only be used once.
            export var a = 1|;                1; The "export" keyword was removed in Godot 4. Use an export annotation ("@export", "@export_range", etc.) instead.
            `func f():|>pass|;|`;             3; `Unexpected ";" in class body.`
            # end_statement names the token as Godot's token_names table does
            extends Node2D foo|;              1; Expected end of statement after superclass, found "Identifier" instead.
            func f():|>print(1) print(2)|;    2; Expected end of statement after expression, found "Identifier" instead.
            func f():|>return )|;             2; Closing ")" doesn't have an opening counterpart.
            # make_paren_error runs after pop_paren removed the opener: it names the one below
            func f():|>var a = [(1]|;         2; Closing "]" doesn't match the opening "[".
            func f():|>var a = (1]|;          2; Closing "]" doesn't have an opening counterpart.
            # gdscript_tokenizer.cpp check_indent(): reported at the newline before the line
            func g():|>pass|func f():|    pass|; 3; Used space character for indentation instead of tab as used before in the file.
            """)
    void firstErrorMatchesGodot(String source, int line, String message) {
        String script = source.replace("|", "\n").replace(">", "\t");
        assertThatThrownBy(() -> Parser.parse(script)).isInstanceOfSatisfying(SyntaxError.class, e -> {
            assertThat(e.getMessage()).isEqualTo(message);
            assertThat(e.line()).isEqualTo(line);
        });
    }
}
