package io.animops.operator.script.contract;

import io.animops.crds.v1alpha1.ScriptError;
import io.animops.operator.script.gdscript.AstWalker;
import io.animops.operator.script.gdscript.Expr;
import io.animops.operator.script.gdscript.Member;
import io.animops.operator.script.gdscript.Node;
import io.animops.operator.script.gdscript.Stmt;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Deny by default: every engine class, singleton, global function and self method the script names must be in
 * the {@link ScriptAllowlist}; classes are used only by name (never stored or passed); dynamic dispatch, reflection
 * and deserialization are refused unless the target is the script itself and the name a literal of the script.
 * Without types, a receiver's class is unknown: member names that reach files, processes, networks, other scripts
 * or arbitrary objects are refused on every receiver.
 */
final class Capabilities extends AstWalker {
    private final ScriptAllowlist allow;
    private final DeclaredNames declared;
    private final Constants constants;
    private final List<ScriptError> findings;
    /** Nodes already judged in the context of their parent (a class name before '.', a called name). */
    private final Set<Node> handled = Collections.newSetFromMap(new IdentityHashMap<>());

    Capabilities(ScriptAllowlist allow, DeclaredNames declared, Constants constants, List<ScriptError> findings) {
        this.allow = allow;
        this.declared = declared;
        this.constants = constants;
        this.findings = findings;
    }

    private void add(ContractRule rule, Node at, String problem) {
        findings.add(rule.finding(at.line(), at.column(), problem));
    }

    @Override
    protected boolean enter(Member member) {
        if (member instanceof Member.VarDecl var && isEngineName(var.name())) {
            findings.add(ContractRule.ALIAS.finding(
                    var.nameLine(), var.nameColumn(), "'" + var.name() + "' shadows an engine class or singleton."));
        } else if (member instanceof Member.ClassDecl inner && inner.extendsRef() != null) {
            Member.ExtendsRef base = inner.extendsRef();
            if (base.path() != null) {
                add(
                        ContractRule.LOAD_PATH,
                        base,
                        "An inner class extends the script \"" + base.path() + "\"; other scripts are not allowed.");
            } else if (!declared.types().contains(base.name())
                    && !allow.creatable().contains(base.name())) {
                add(
                        ruleForUnlisted(base.name(), ContractRule.NODE_TYPE),
                        base,
                        "An inner class extends " + base.name()
                                + ", which the allowlist does not let a script create.");
            }
        }
        return true;
    }

    @Override
    protected boolean enter(Stmt stmt) {
        if (stmt instanceof Stmt.For loop) {
            Long count = iterations(loop.iterable());
            if (count != null && count > allow.limit("iterations")) {
                add(
                        ContractRule.WORK_LIMIT,
                        loop.iterable(),
                        "This loop runs " + count + " times; the limit is " + allow.limit("iterations") + ".");
            }
        }
        return true;
    }

    @Override
    protected boolean enter(Expr expr) {
        if (handled.contains(expr)) {
            return true;
        }
        if (expr instanceof Expr.Call call) {
            checkCall(call);
        } else if (expr instanceof Expr.Attribute attribute) {
            checkAttribute(attribute, false);
        } else if (expr instanceof Expr.Identifier id) {
            checkBareIdentifier(id);
        } else if (expr instanceof Expr.Subscript subscript
                && subscript.index() instanceof Expr.Literal literal
                && isText(literal)
                && !isOwnProperty(literal)) {
            // node["script"] reads or writes a property by name, like get()/set()
            add(ContractRule.DYNAMIC_DISPATCH, subscript, "[\"" + literal.value() + "\"] names a refused property.");
        }
        return true;
    }

    // ---------------------------------------------------------------- calls

    private void checkCall(Expr.Call call) {
        handled.add(call.callee());
        if (call.callee() instanceof Expr.Identifier function) {
            checkFunctionCall(call, function);
        } else if (call.callee() instanceof Expr.Attribute attribute) {
            checkAttribute(attribute, true);
            String member = attribute.name();
            if (attribute.base() instanceof Expr.Identifier base && isClassName(base.name())) {
                return; // judged as a class member
            }
            if (allow.section("dispatch-members").contains(member)) {
                checkDispatch(attribute.base(), member, call);
            } else if (member.equals("new") && !(attribute.base() instanceof Expr.Identifier)) {
                add(
                        ContractRule.REFLECTION,
                        attribute,
                        "new() of a computed class; create X.new() of an allowed class.");
            } else if (allow.section("sized-members").contains(member)) {
                checkSize(call, member);
            }
        }
    }

    private void checkFunctionCall(Expr.Call call, Expr.Identifier function) {
        String name = function.name();
        if (declared.functions().contains(name) || declared.names().contains(name) && !isEngineName(name)) {
            return; // the script's own function (or a call of its own class, checked as a type)
        }
        if (name.equals("range")) {
            Long count = iterations(call);
            if (count != null && count > allow.limit("iterations")) {
                add(
                        ContractRule.WORK_LIMIT,
                        call,
                        "range() of " + count + " values; the limit is " + allow.limit("iterations") + ".");
            }
        }
        if (Character.isUpperCase(name.charAt(0))) {
            checkConstructor(call, function);
        } else if (allow.section("dispatch-members").contains(name)) {
            checkDispatch(null, name, call);
        } else if (allow.section("functions").contains(name)
                || allow.section("self-methods").contains(name)) {
            return;
        } else {
            ContractRule rule = ruleForMember(name);
            add(
                    rule == null ? ContractRule.FORBIDDEN_API : rule,
                    function,
                    name + "() is not in the contract's allowlist.");
        }
    }

    /** {@code Vector2(...)}, {@code Callable(self, "m")}: value constructors; anything else by name is refused. */
    private void checkConstructor(Expr.Call call, Expr.Identifier type) {
        String name = type.name();
        if (allow.section("callables").contains(name)) {
            checkOwnCallable(call, name);
        } else if (!allow.section("values").contains(name)) {
            add(
                    ruleForUnlisted(name, ContractRule.FORBIDDEN_API),
                    type,
                    name + "(...) is not a constructor the contract allows.");
        }
    }

    /** Callable() or Callable(self, "own_method"); the same for Signal. */
    private void checkOwnCallable(Expr.Call call, String kind) {
        List<Expr> args = call.arguments();
        if (args.isEmpty()) {
            return;
        }
        if (args.size() == 2 && args.get(0) instanceof Expr.Self && isOwnName(args.get(1), kind.equals("Signal"))) {
            return;
        }
        add(
                ContractRule.DYNAMIC_DISPATCH,
                call,
                kind + "(...) must name self and a literal of the script's own "
                        + (kind.equals("Signal") ? "signals" : "methods") + ".");
    }

    private void checkDispatch(Expr receiver, String member, Expr.Call call) {
        boolean self = receiver == null || receiver instanceof Expr.Self;
        List<Expr> args = call.arguments();
        Expr first = args.isEmpty() ? null : args.get(0);
        boolean ok = switch (member) {
            case "call", "call_deferred", "callp" ->
                self
                        ? isOwnName(first, false)
                        : first == null
                                || isKnown(receiver, declared.callables())
                                || receiver instanceof Expr.Lambda
                                || first instanceof Expr.Literal literal && !isText(literal);
            case "callv" -> self ? isOwnName(first, false) : args.size() == 1;
            case "get", "set" -> isKnown(receiver, declared.dictionaries()) || self && isOwnProperty(first);
            case "get_indexed", "set_indexed" -> self && isOwnProperty(first);
            case "set_deferred" -> isOwnProperty(first);
            default -> false;
        };
        if (!ok) {
            add(
                    ContractRule.DYNAMIC_DISPATCH,
                    call.callee() instanceof Expr.Attribute a ? a : call,
                    member + "(...) by name is allowed only on self with a literal of the script's own names.");
        }
    }

    private void checkSize(Expr.Call call, String member) {
        Expr size = call.arguments().isEmpty() ? null : call.arguments().get(0);
        Double value = constants.number(size);
        if (value == null || value > allow.limit("size")) {
            add(
                    ContractRule.WORK_LIMIT,
                    size == null ? call : size,
                    member + "() needs a constant size of at most " + allow.limit("size") + ".");
        }
    }

    // ---------------------------------------------------------------- names

    /** {@code X.m} and {@code recv.m}: the member name, and for an engine class X, whether X allows m. */
    private void checkAttribute(Expr.Attribute attribute, boolean called) {
        handled.add(attribute);
        String member = attribute.name();
        if (attribute.base() instanceof Expr.Identifier base && isClassName(base.name())) {
            handled.add(base);
            checkClassMember(base, member);
            return;
        }
        ContractRule rule = ruleForMember(member);
        if (rule != null) {
            add(rule, attribute, "'" + member + "' is not allowed on any object.");
        } else if (!called && allow.section("dispatch-members").contains(member)) {
            add(ContractRule.DYNAMIC_DISPATCH, attribute, "'" + member + "' taken as a value dispatches by name.");
        }
    }

    private void checkClassMember(Expr.Identifier base, String member) {
        String name = base.name();
        boolean constant = member.equals(member.toUpperCase(java.util.Locale.ROOT));
        if (allow.isSingleton(name)) {
            if (!allow.allowsSingletonMethod(name, member)) {
                add(ContractRule.FORBIDDEN_API, base, name + "." + member + " is not in the contract's allowlist.");
            }
        } else if (!allow.isAllowedClass(name)) {
            ContractRule rule = refusedClassRule(allow, name);
            if (rule != null || !member.equals("new")) { // X.new() of another class: contract.node-type
                add(
                        rule == null ? ContractRule.FORBIDDEN_API : rule,
                        base,
                        name + " is not in the contract's allowlist.");
            }
        } else if (member.equals("new")) {
            if (name.equals("Object")) {
                add(ContractRule.REFLECTION, base, "Object.new() makes an object a script could be attached to.");
            } // other classes: ContractV1 checks the pool
        } else if (!constant && !allow.section("values").contains(name)) {
            add(
                    allow.section("callables").contains(name)
                            ? ContractRule.DYNAMIC_DISPATCH
                            : ContractRule.FORBIDDEN_API,
                    base,
                    name + "." + member + " is not in the contract's allowlist.");
        }
    }

    /** A name in value position: a class or singleton stored or passed is an alias; other names by rule. */
    private void checkBareIdentifier(Expr.Identifier id) {
        String name = id.name();
        if (declared.names().contains(name) && !isEngineName(name)) {
            return;
        }
        if (isEngineName(name) || Character.isUpperCase(name.charAt(0)) && !isConstantName(name)) {
            add(ContractRule.ALIAS, id, name + " is used as a value; use engine classes only as Name.member.");
            return;
        }
        ContractRule rule = ruleForMember(name);
        if (rule != null) {
            add(rule, id, "'" + name + "' is not allowed.");
        } else if (allow.section("dispatch-members").contains(name)) {
            add(ContractRule.DYNAMIC_DISPATCH, id, "'" + name + "' taken as a value dispatches by name.");
        }
    }

    // ---------------------------------------------------------------- helpers

    /** The rule for a member name refused on every receiver, or null when the name is not refused. */
    private ContractRule ruleForMember(String name) {
        if (allow.section("reflection-members").contains(name)
                || allow.section("reflection-functions").contains(name)) {
            return ContractRule.REFLECTION;
        }
        if (allow.section("deserialization-members").contains(name)
                || allow.section("deserialization-functions").contains(name)
                || name.endsWith("_to_variant")) {
            return ContractRule.DESERIALIZATION;
        }
        return allow.section("never-members").contains(name) ? ContractRule.FORBIDDEN_API : null;
    }

    private ContractRule ruleForUnlisted(String name, ContractRule otherwise) {
        ContractRule rule = refusedClassRule(allow, name);
        return rule == null ? otherwise : rule;
    }

    /** The rule of a class refused for what it reaches (threads, reflection, bytes, the outside), else null. */
    static ContractRule refusedClassRule(ScriptAllowlist allow, String name) {
        if (EngineClasses.THREAD_CLASSES.contains(name)) {
            return ContractRule.THREAD;
        }
        if (allow.section("reflection-classes").contains(name)) {
            return ContractRule.REFLECTION;
        }
        if (allow.section("deserialization-classes").contains(name)) {
            return ContractRule.DESERIALIZATION;
        }
        return EngineClasses.FORBIDDEN_CLASSES.contains(name)
                        || EngineClasses.SINGLETONS.contains(name) && !allow.isSingleton(name)
                ? ContractRule.FORBIDDEN_API
                : null;
    }

    /** A class-like name the script did not declare: an engine class or singleton, listed or not. */
    private boolean isClassName(String name) {
        return !declared.types().contains(name)
                && !declared.names().contains(name)
                && (isEngineName(name) || Character.isUpperCase(name.charAt(0)) && !isConstantName(name));
    }

    /** Known engine classes and singletons (listed or refused); ALL_CAPS engine names such as OS included. */
    private boolean isEngineName(String name) {
        return allow.isAllowedClass(name)
                || allow.isSingleton(name)
                || EngineClasses.isKnownEngineName(name)
                || allow.section("reflection-classes").contains(name)
                || allow.section("deserialization-classes").contains(name);
    }

    /** PI, TAU, KEY_A, HORIZONTAL_ALIGNMENT_CENTER: global constants (engine ALL_CAPS classes are caught first). */
    private static boolean isConstantName(String name) {
        return name.matches("[A-Z][A-Z0-9_]*");
    }

    private static boolean isText(Expr.Literal literal) {
        return literal.kind() == Expr.LiteralKind.STRING
                || literal.kind() == Expr.LiteralKind.STRING_NAME
                || literal.kind() == Expr.LiteralKind.NODE_PATH;
    }

    private static boolean isKnown(Expr receiver, Set<String> names) {
        return receiver instanceof Expr.Identifier id && names.contains(id.name());
    }

    /** A literal naming one of the script's functions (or signals), or a self method of the allowlist. */
    private boolean isOwnName(Expr name, boolean signal) {
        if (!(name instanceof Expr.Literal literal) || !isText(literal)) {
            return false;
        }
        String text = literal.value().toString();
        return signal
                ? declared.signals().contains(text)
                : declared.functions().contains(text)
                        || allow.section("self-methods").contains(text);
    }

    /** A literal property name that is not one of the refused members. */
    private boolean isOwnProperty(Expr name) {
        if (!(name instanceof Expr.Literal literal) || !isText(literal)) {
            return false;
        }
        String text = literal.value().toString();
        String root = text.contains(":") ? text.substring(0, text.indexOf(':')) : text;
        return ruleForMember(root) == null && !allow.section("dispatch-members").contains(root);
    }

    /** The constant iteration count of range(...) or of a for-loop's iterable, or null when not constant. */
    private Long iterations(Expr iterable) {
        if (iterable instanceof Expr.Call call
                && "range".equals(call.methodName())
                && call.callee() instanceof Expr.Identifier) {
            List<Expr> args = call.arguments();
            if (args.isEmpty() || args.size() > 3) {
                return null;
            }
            Long[] values = new Long[args.size()];
            for (int i = 0; i < args.size(); i++) {
                values[i] = constants.integer(args.get(i));
                if (values[i] == null) {
                    return null;
                }
            }
            long start = args.size() == 1 ? 0 : values[0];
            long end = args.size() == 1 ? values[0] : values[1];
            long step = args.size() == 3 ? values[2] : 1;
            return step == 0 ? null : Math.max(0, (end - start) / step);
        }
        return iterable instanceof Expr.Literal ? constants.integer(iterable) : null;
    }
}
