package io.animops.operator.script.contract;

import io.animops.operator.script.gdscript.AstWalker;
import io.animops.operator.script.gdscript.Expr;
import io.animops.operator.script.gdscript.Member;
import io.animops.operator.script.gdscript.Pattern;
import io.animops.operator.script.gdscript.Stmt;
import io.animops.operator.script.gdscript.TypeRef;

import java.util.HashSet;
import java.util.Set;

/**
 * Every name a script declares, in any scope (members, locals, parameters, loop and match bindings), and which
 * of them are known to hold a Callable or a Dictionary: a name the script declares is not an engine name.
 */
final class DeclaredNames extends AstWalker {
    private final Set<String> names = new HashSet<>();
    private final Set<String> types = new HashSet<>();
    private final Set<String> functions = new HashSet<>();
    private final Set<String> signals = new HashSet<>();
    private final Set<String> callables = new HashSet<>();
    private final Set<String> dictionaries = new HashSet<>();
    private final Set<String> untypedCallables = new HashSet<>();
    private final Set<String> untypedDictionaries = new HashSet<>();
    private final Set<String> assigned = new HashSet<>();

    private DeclaredNames() {}

    static DeclaredNames of(Member.ClassDecl script) {
        DeclaredNames found = new DeclaredNames();
        found.walkClass(script);
        // an untyped variable holds its first value's kind only while nothing else is assigned to it
        found.untypedCallables.removeAll(found.assigned);
        found.callables.addAll(found.untypedCallables);
        found.untypedDictionaries.removeAll(found.assigned);
        found.dictionaries.addAll(found.untypedDictionaries);
        return found;
    }

    Set<String> names() {
        return names;
    }

    /** The script's own classes and enums. */
    Set<String> types() {
        return types;
    }

    Set<String> functions() {
        return functions;
    }

    Set<String> signals() {
        return signals;
    }

    /** Names declared as Callable, or initialised with a lambda or Callable(...) and never reassigned. */
    Set<String> callables() {
        return callables;
    }

    /** Names declared as Dictionary, or initialised with a dictionary literal and never reassigned. */
    Set<String> dictionaries() {
        return dictionaries;
    }

    @Override
    public void walkClass(Member.ClassDecl decl) {
        if (decl.name() != null) {
            types.add(decl.name());
            names.add(decl.name());
        }
        super.walkClass(decl);
    }

    @Override
    protected boolean enter(Member member) {
        if (member instanceof Member.VarDecl var) {
            names.add(var.name());
            noteValueKind(var.name(), var.type(), var.initializer());
        } else if (member instanceof Member.FunctionDecl function) {
            noteFunction(function);
        } else if (member instanceof Member.SignalDecl signal) {
            signals.add(signal.name());
            names.add(signal.name());
        } else if (member instanceof Member.EnumDecl enumDecl) {
            if (enumDecl.name() != null) {
                types.add(enumDecl.name());
                names.add(enumDecl.name());
            }
            enumDecl.values().forEach(value -> names.add(value.name()));
        }
        return true;
    }

    private void noteFunction(Member.FunctionDecl function) {
        if (function.name() != null) {
            functions.add(function.name());
            names.add(function.name());
        }
        for (Member.Parameter parameter : function.parameters()) {
            names.add(parameter.name());
            noteValueKind(parameter.name(), parameter.type(), null);
        }
    }

    private void noteValueKind(String name, TypeRef type, Expr initializer) {
        String typeName = type == null ? null : type.rootName();
        if ("Callable".equals(typeName)) {
            callables.add(name);
        } else if ("Dictionary".equals(typeName)) {
            dictionaries.add(name);
        } else if (type == null && initializer instanceof Expr.DictionaryLiteral) {
            untypedDictionaries.add(name);
        } else if (type == null
                && (initializer instanceof Expr.Lambda
                        || initializer instanceof Expr.Call call
                                && call.callee() instanceof Expr.Identifier id
                                && id.name().equals("Callable"))) {
            untypedCallables.add(name);
        }
    }

    @Override
    protected boolean enter(Stmt stmt) {
        if (stmt instanceof Stmt.For loop) {
            names.add(loop.variable());
        } else if (stmt instanceof Stmt.Match match) {
            for (Stmt.MatchBranch branch : match.branches()) {
                branch.patterns().forEach(this::noteBindings);
            }
        }
        return true;
    }

    private void noteBindings(Pattern pattern) {
        if (pattern instanceof Pattern.Binding binding) {
            names.add(binding.name());
        } else if (pattern instanceof Pattern.ArrayPattern array) {
            array.elements().forEach(this::noteBindings);
        } else if (pattern instanceof Pattern.DictionaryPattern dict) {
            dict.entries().stream().filter(e -> e.value() != null).forEach(e -> noteBindings(e.value()));
        }
    }

    @Override
    protected boolean enter(Expr expr) {
        if (expr instanceof Expr.Lambda lambda) {
            noteFunction(lambda.function());
        } else if (expr instanceof Expr.Assignment assignment && assignment.target() instanceof Expr.Identifier id) {
            assigned.add(id.name());
        }
        return true;
    }
}
