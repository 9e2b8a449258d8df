package io.animops.operator.script.gdscript;

import java.util.List;

/** Class-level declarations. A script file is a {@link ClassDecl} without a {@code class} keyword. */
public sealed interface Member extends Node {

    /**
     * A class: the script itself or an inner {@code class}.
     *
     * @param name        the {@code class_name} (or inner class name); null for an unnamed script
     * @param extendsRef  what it extends; null when the {@code extends} line is absent
     * @param annotations class annotations such as {@code @tool} and {@code @icon("...")}
     */
    record ClassDecl(
            int line,
            int column,
            String name,
            ExtendsRef extendsRef,
            List<Annotation> annotations,
            List<Member> members)
            implements Member {}

    /** {@code extends Node2D}, {@code extends Outer.Inner} ({@code name}) or {@code extends "res://x.gd"} ({@code path}). */
    record ExtendsRef(int line, int column, String name, String path) implements Node {}

    /** The {@code get:} / {@code set(value):} blocks of a property, or the named accessor functions. */
    record Accessors(
            String getterFunction,
            List<Stmt> getterBody,
            String setterFunction,
            String setterParameter,
            List<Stmt> setterBody) {}

    /**
     * {@code var} or {@code const}, at class level or local.
     *
     * @param type        the declared type, null when untyped or inferred
     * @param inferred    declared with {@code :=}
     * @param initializer null when absent
     * @param accessors   null without a property {@code get}/{@code set}
     */
    record VarDecl(
            int line,
            int column,
            List<Annotation> annotations,
            boolean isConst,
            boolean isStatic,
            String name,
            int nameLine,
            int nameColumn,
            TypeRef type,
            boolean inferred,
            Expr initializer,
            Accessors accessors)
            implements Member, Stmt {}

    /** {@code defaultValue} null when required; {@code type} null when untyped. */
    record Parameter(int line, int column, String name, TypeRef type, boolean inferred, Expr defaultValue)
            implements Node {}

    /**
     * A function or a lambda ({@code name} may be null for a lambda).
     *
     * @param returnType null when not declared; {@code void} is a TypeRef named "void"
     */
    record FunctionDecl(
            int line,
            int column,
            List<Annotation> annotations,
            boolean isStatic,
            String name,
            List<Parameter> parameters,
            TypeRef returnType,
            List<Stmt> body)
            implements Member {}

    record SignalDecl(int line, int column, String name, List<Parameter> parameters) implements Member {}

    /** {@code value} null when implicit. */
    record EnumValue(int line, int column, String name, Expr value) implements Node {}

    /** {@code name} null for an unnamed enum, whose values become class constants. */
    record EnumDecl(int line, int column, String name, List<EnumValue> values) implements Member {}

    /** A standalone annotation line that applies to the whole script, e.g. {@code @warning_ignore_start}. */
    record StandaloneAnnotation(int line, int column, Annotation annotation) implements Member {}
}
