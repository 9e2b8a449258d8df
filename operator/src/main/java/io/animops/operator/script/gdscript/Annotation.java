package io.animops.operator.script.gdscript;

import java.util.List;

/** {@code @name} or {@code @name(args)}, e.g. {@code @export_range(0, 10)}; the name excludes the {@code @}. */
public record Annotation(int line, int column, String name, List<Expr> arguments) implements Node {}
