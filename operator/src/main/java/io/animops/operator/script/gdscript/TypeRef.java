package io.animops.operator.script.gdscript;

import java.util.List;

/**
 * A static type as written: {@code int}, {@code Node2D}, {@code MyClass.Inner}, {@code Array[int]},
 * {@code Dictionary[String, Vector2]}.
 *
 * @param name      the dotted name, e.g. {@code "MyClass.Inner"}
 * @param arguments element types of a typed collection, empty otherwise
 */
public record TypeRef(int line, int column, String name, List<TypeRef> arguments) implements Node {
    /** The first segment of the dotted name: the class that must exist for the type to resolve. */
    public String rootName() {
        int dot = name.indexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }
}
