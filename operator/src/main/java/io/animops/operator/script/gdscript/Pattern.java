package io.animops.operator.script.gdscript;

import java.util.List;

/** Patterns of a {@code match} branch. */
public sealed interface Pattern extends Node {

    /** A literal or constant expression, compared by value: {@code 1}, {@code "a"}, {@code State.IDLE}. */
    record Value(int line, int column, Expr expression) implements Pattern {}

    /** {@code var name}: matches anything and binds it. */
    record Binding(int line, int column, String name) implements Pattern {}

    /** {@code _}. */
    record Wildcard(int line, int column) implements Pattern {}

    /** {@code ..} inside an array or dictionary pattern: the rest is open. */
    record Rest(int line, int column) implements Pattern {}

    record ArrayPattern(int line, int column, List<Pattern> elements) implements Pattern {}

    /** One key of a dictionary pattern; {@code value} is null for a key-only entry. */
    record DictPatternEntry(Expr key, Pattern value) {}

    /** A dictionary pattern; {@code open} when it ends with {@code ..}. */
    record DictionaryPattern(int line, int column, List<DictPatternEntry> entries, boolean open) implements Pattern {}
}
