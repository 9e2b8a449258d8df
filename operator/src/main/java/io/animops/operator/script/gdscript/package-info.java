/**
 * A GDScript 2.0 (Godot 4.6) front end in pure Java: {@link io.animops.operator.script.gdscript.Tokenizer},
 * {@link io.animops.operator.script.gdscript.Parser} and the syntax tree
 * ({@link io.animops.operator.script.gdscript.Member}, {@link io.animops.operator.script.gdscript.Stmt},
 * {@link io.animops.operator.script.gdscript.Expr}, {@link io.animops.operator.script.gdscript.Pattern}).
 * It lets the operator reject broken scene scripts before a render agent with real Godot spends time
 * on them. Positions are 1-based and count a tab as four columns, as Godot's own messages do.
 */
package io.animops.operator.script.gdscript;
