package io.animops.operator.script.names;

import io.animops.operator.script.gdscript.AstWalker;
import io.animops.operator.script.gdscript.Expr;
import io.animops.operator.script.gdscript.Member;
import io.animops.operator.script.gdscript.Pattern;
import io.animops.operator.script.gdscript.Stmt;
import io.animops.operator.script.gdscript.TypeRef;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The part of Godot 4.6's analyzer that needs no type inference: names checked against the engine's own API
 * ({@link GodotApi}), reported in Godot's words at Godot's lines. It flags unknown functions called on the script
 * itself ({@code rand_range()}), unknown classes in expressions and types ({@code KinematicBody2D},
 * {@code PoolVector2Array()}), unknown members of an engine class ({@code RigidBody2D.MODE_STATIC}), unknown static
 * calls on engine classes and singletons ({@code OS.get_ticks_msec()}), the Godot 3 {@code connect(signal, self,
 * "method")} form, and wrong argument counts on engine methods and utility functions, where the receiver's class is
 * known without inference: the script's base, an engine class or singleton, or a variable typed with an engine
 * class. Whatever needs inference stays with the engine (see docs/godot-names.md). Anything the check cannot place
 * (a name the script declares anywhere, a base that is not an engine class) is left alone: it never flags a
 * script Godot accepts.
 */
public final class NameCheck {
    /** A finding: Godot's message at its line (and the column of the offending node). */
    public record Finding(int line, int column, String message) {}

    /** Calls the parser of Godot treats as keywords, not functions. */
    private static final Set<String> LANGUAGE_CALLS = Set.of("preload", "assert");
    /** Type names that are not built-in types nor classes. */
    private static final Set<String> OTHER_TYPES = Set.of("void", "Variant");
    /**
     * The global enums of @GlobalScope (core/core_constants.cpp), usable as names and types; ClassDB does not list
     * them.
     */
    private static final Set<String> GLOBAL_ENUMS = Set.of(
            "Side",
            "Corner",
            "Orientation",
            "ClockDirection",
            "HorizontalAlignment",
            "VerticalAlignment",
            "InlineAlignment",
            "EulerOrder",
            "Key",
            "KeyModifierMask",
            "KeyLocation",
            "MouseButton",
            "MouseButtonMask",
            "JoyButton",
            "JoyAxis",
            "MIDIMessage",
            "Error",
            "PropertyHint",
            "PropertyUsageFlags",
            "MethodFlags",
            "Variant");

    private static final java.util.regex.Pattern CLASS_LIKE = java.util.regex.Pattern.compile("[A-Z]\\w*[a-z]\\w*");

    private final GodotApi api;
    private final String scriptPath;
    private final Set<String> autoloads;

    /**
     * @param scriptPath the script's path in the project, as Godot names it in messages (e.g. res://scene.gd)
     * @param autoloads  the project's autoload names, which scripts may use like classes
     */
    public NameCheck(GodotApi api, String scriptPath, Set<String> autoloads) {
        this.api = api;
        this.scriptPath = scriptPath;
        this.autoloads = Set.copyOf(autoloads);
    }

    /** Every finding, in source order. */
    public List<Finding> check(Member.ClassDecl script) {
        Set<String> declared = new DeclaredNames().of(script);
        declared.addAll(autoloads);
        String base = script.extendsRef() != null
                        && script.extendsRef().name() != null
                        && api.isClass(script.extendsRef().name())
                        && !declared.contains(script.extendsRef().name())
                ? script.extendsRef().name()
                : null;
        Map<String, String> memberTypes = new HashMap<>();
        for (Member member : script.members()) {
            if (member instanceof Member.VarDecl var) {
                memberTypes.put(var.name(), engineTypeOf(var, declared));
            }
        }
        List<Finding> findings = new ArrayList<>();
        Checker checker = new Checker(declared, base, findings);
        for (Member member : script.members()) {
            if (member instanceof Member.FunctionDecl function) {
                checker.typed = new HashMap<>(memberTypes);
                checker.typed.putAll(new LocalTypes(declared).of(function));
                checker.typed.values().removeIf(Objects::isNull);
            } else {
                checker.typed = new HashMap<>();
            }
            checker.insideInnerClass = member instanceof Member.ClassDecl;
            checker.walkMember(member);
        }
        findings.sort(Comparator.comparingInt(Finding::line).thenComparingInt(Finding::column));
        return findings;
    }

    /** The engine class a variable is typed with ({@code : Timer} or {@code := Timer.new()}), or null. */
    private String engineTypeOf(Member.VarDecl var, Set<String> declared) {
        String type = null;
        if (var.type() != null && var.type().arguments().isEmpty()) {
            type = var.type().name();
        } else if (var.inferred()
                && var.initializer() instanceof Expr.Call call
                && call.callee() instanceof Expr.Attribute a
                && a.name().equals("new")
                && a.base() instanceof Expr.Identifier id) {
            type = id.name();
        }
        return type != null && api.isClass(type) && !declared.contains(type) ? type : null;
    }

    private final class Checker extends AstWalker {
        private final Set<String> declared;
        private final String base;
        private final List<Finding> findings;
        Map<String, String> typed = new HashMap<>();
        boolean insideInnerClass;

        Checker(Set<String> declared, String base, List<Finding> findings) {
            this.declared = declared;
            this.base = base;
            this.findings = findings;
        }

        @Override
        protected boolean enter(Expr expr) {
            if (expr instanceof Expr.Call call) {
                checkCall(call);
                if (call.callee() instanceof Expr.Attribute attribute) {
                    walkExpr(attribute.base());
                } else if (!(call.callee() instanceof Expr.Identifier)) {
                    walkExpr(call.callee());
                }
                call.arguments().forEach(this::walkExpr);
                return false;
            }
            if (expr instanceof Expr.Identifier id && isUnknownClassLike(id.name())) {
                report(id.line(), id.column(), "Identifier \"" + id.name() + "\" not declared in the current scope.");
            } else if (expr instanceof Expr.Attribute attribute
                    && attribute.base() instanceof Expr.Identifier id
                    && isEngineClass(id.name())
                    && !api.isSingleton(id.name())
                    && !api.hasMember(id.name(), attribute.name())) {
                report(
                        attribute.line(),
                        attribute.column(),
                        "Cannot find member \"" + attribute.name() + "\" in base \"" + id.name() + "\".");
            }
            return true;
        }

        @Override
        protected void enter(TypeRef type) {
            String root = type.rootName();
            if (CLASS_LIKE.matcher(root).matches()
                    && !declared.contains(root)
                    && !api.isClass(root)
                    && !api.isBuiltinType(root)
                    && !OTHER_TYPES.contains(root)
                    && !GLOBAL_ENUMS.contains(root)) {
                report(type.line(), type.column(), "Could not find type \"" + root + "\" in the current scope.");
            }
        }

        private void checkCall(Expr.Call call) {
            int count = call.arguments().size();
            if (call.callee() instanceof Expr.Identifier id) {
                String name = id.name();
                if (LANGUAGE_CALLS.contains(name)
                        || declared.contains(name)
                        || api.isBuiltinType(name)
                        || insideInnerClass) {
                    return;
                }
                if (api.utility(name).isPresent()) {
                    checkCount(call, name, api.utility(name).get());
                } else if (base != null) {
                    if (!checkConnect(call)) {
                        api.method(base, name)
                                .ifPresentOrElse(
                                        m -> checkCount(call, name, m),
                                        () -> report(
                                                call.line(),
                                                call.column(),
                                                "Function \"" + name + "()\" not found in base self."));
                    }
                }
                return;
            }
            if (!(call.callee() instanceof Expr.Attribute attribute)
                    || !(attribute.base() instanceof Expr.Identifier receiver)) {
                return;
            }
            String name = attribute.name();
            if (isEngineClass(receiver.name()) && !name.equals("new")) {
                api.method(receiver.name(), name)
                        .ifPresentOrElse(
                                m -> checkCount(call, name, m),
                                () -> report(
                                        call.line(),
                                        call.column(),
                                        "Static function \"" + name
                                                + "()\" not found in base \"GDScriptNativeClass\"."));
            } else if (typed.containsKey(receiver.name()) && !insideInnerClass && !checkConnect(call)) {
                api.method(typed.get(receiver.name()), name).ifPresent(m -> checkCount(call, name, m));
            }
            // a method missing on a typed variable is not an analyzer error in Godot 4.6: the engine decides
        }

        /** Godot 3's {@code connect(signal, self, "method")}: reported as Godot 4.6 does; true when it was. */
        private boolean checkConnect(Expr.Call call) {
            if (!"connect".equals(call.methodName())
                    || call.arguments().size() != 3
                    || !(call.arguments().get(1) instanceof Expr.Self)) {
                return false;
            }
            report(
                    call.line(),
                    call.column(),
                    "Invalid argument for \"connect()\" function: argument 2 should be " + "\"Callable\" but is \""
                            + scriptPath + "\".");
            return true;
        }

        private void checkCount(Expr.Call call, String name, GodotApi.Signature signature) {
            int count = call.arguments().size();
            if (signature.most() >= 0 && count > signature.most()) {
                report(
                        call.line(),
                        call.column(),
                        "Too many arguments for \"" + name + "()\" call. Expected at most " + signature.most()
                                + " but received " + count + ".");
            } else if (count < signature.least()) {
                report(
                        call.line(),
                        call.column(),
                        "Too few arguments for \"" + name + "()\" call. Expected at least " + signature.least()
                                + " but received " + count + ".");
            }
        }

        private boolean isEngineClass(String name) {
            return api.isClass(name) && !declared.contains(name) && !typed.containsKey(name);
        }

        private boolean isUnknownClassLike(String name) {
            return CLASS_LIKE.matcher(name).matches()
                    && !declared.contains(name)
                    && !api.isClass(name)
                    && !api.isSingleton(name)
                    && !api.isBuiltinType(name)
                    && !GLOBAL_ENUMS.contains(name)
                    && !(base != null && api.hasMember(base, name));
        }

        private void report(int line, int column, String message) {
            findings.add(new Finding(line, column, message));
        }
    }

    /** Every name the script declares anywhere: members, inner classes, locals, parameters, loop and match names. */
    private static final class DeclaredNames extends AstWalker {
        private final Set<String> names = new HashSet<>();

        Set<String> of(Member.ClassDecl script) {
            if (script.name() != null) {
                names.add(script.name());
            }
            walkClass(script);
            return names;
        }

        @Override
        protected boolean enter(Member member) {
            if (member instanceof Member.ClassDecl c && c.name() != null) {
                names.add(c.name());
            } else if (member instanceof Member.VarDecl var) {
                names.add(var.name());
            } else if (member instanceof Member.FunctionDecl function) {
                addFunction(function);
            } else if (member instanceof Member.SignalDecl signal) {
                names.add(signal.name());
            } else if (member instanceof Member.EnumDecl enumDecl) {
                if (enumDecl.name() != null) {
                    names.add(enumDecl.name());
                }
                enumDecl.values().forEach(v -> names.add(v.name()));
            }
            return true;
        }

        @Override
        protected boolean enter(Stmt stmt) {
            if (stmt instanceof Stmt.For f) {
                names.add(f.variable());
            } else if (stmt instanceof Stmt.Match m) {
                m.branches().forEach(b -> b.patterns().forEach(this::addBindings));
            }
            return true;
        }

        @Override
        protected boolean enter(Expr expr) {
            if (expr instanceof Expr.Lambda lambda) {
                addFunction(lambda.function());
            }
            return true;
        }

        private void addFunction(Member.FunctionDecl function) {
            if (function.name() != null) {
                names.add(function.name());
            }
            function.parameters().forEach(p -> names.add(p.name()));
        }

        private void addBindings(Pattern pattern) {
            if (pattern instanceof Pattern.Binding binding) {
                names.add(binding.name());
            } else if (pattern instanceof Pattern.ArrayPattern array) {
                array.elements().forEach(this::addBindings);
            } else if (pattern instanceof Pattern.DictionaryPattern dict) {
                dict.entries().stream().filter(e -> e.value() != null).forEach(e -> addBindings(e.value()));
            }
        }
    }

    /**
     * The engine class of each local and parameter of one function; null for a name also declared without one
     * (the check then leaves calls on it to the engine).
     */
    private final class LocalTypes extends AstWalker {
        private final Set<String> declared;
        private final Map<String, String> types = new HashMap<>();

        LocalTypes(Set<String> declared) {
            this.declared = declared;
        }

        Map<String, String> of(Member.FunctionDecl function) {
            for (Member.Parameter parameter : function.parameters()) {
                String type = parameter.type() != null
                                && api.isClass(parameter.type().name())
                                && !declared.contains(parameter.type().name())
                        ? parameter.type().name()
                        : null;
                merge(parameter.name(), type);
            }
            walkBlock(function.body());
            return types;
        }

        @Override
        protected boolean enter(Member member) {
            if (member instanceof Member.VarDecl var) {
                merge(var.name(), engineTypeOf(var, declared));
            }
            return true;
        }

        @Override
        protected boolean enter(Stmt stmt) {
            if (stmt instanceof Stmt.For f) {
                merge(f.variable(), null);
            }
            return true;
        }

        @Override
        protected boolean enter(Expr expr) {
            if (expr instanceof Expr.Lambda lambda) {
                lambda.function().parameters().forEach(p -> merge(p.name(), null));
            }
            return true;
        }

        private void merge(String name, String type) {
            if (types.containsKey(name) && !Objects.equals(types.get(name), type)) {
                types.put(name, null);
            } else {
                types.put(name, type);
            }
        }
    }
}
