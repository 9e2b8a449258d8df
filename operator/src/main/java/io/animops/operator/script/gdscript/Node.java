package io.animops.operator.script.gdscript;

/** Any syntax-tree node: it knows the 1-based line and column of its first token. */
public interface Node {
    int line();

    int column();
}
