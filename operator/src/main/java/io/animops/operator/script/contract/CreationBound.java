package io.animops.operator.script.contract;

import io.animops.crds.v1alpha1.ScriptError;
import io.animops.operator.script.gdscript.AstWalker;
import io.animops.operator.script.gdscript.Expr;
import io.animops.operator.script.gdscript.Member;
import io.animops.operator.script.gdscript.Node;
import io.animops.operator.script.gdscript.Stmt;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A static upper bound on the objects a scene creates. Every {@code X.new()} and
 * {@code ClassDB.instantiate()} counts once, times the iteration counts of the constant {@code for} loops
 * around it, and calls count what the called function creates. Creation whose count cannot be bounded
 * before the scene runs (inside {@code while}, a {@code for} over a non-constant bound, per-frame
 * callbacks, signal callbacks or recursion) is reported as unbounded instead of being counted.
 */
final class CreationBound {
    /** Engine callbacks that run every frame or every input event. */
    private static final List<String> REPEATED_CALLBACKS = List.of("_process", "_physics_process", "_input",
            "_unhandled_input", "_unhandled_key_input", "_shortcut_input", "_draw", "_integrate_forces",
            "_notification");
    /** Engine callbacks that run once per node. */
    private static final List<String> ONCE_CALLBACKS = List.of("_init", "_enter_tree", "_ready");
    /** Counts are capped here: anything this large is far over the limit anyway, and the cap avoids overflow. */
    private static final long CAP = 1_000_000_000L;
    private static final String SIGNAL_CALLBACK = "a signal callback, which runs each time the signal is emitted";

    private final Member.ClassDecl script;
    private final Constants constants;
    private final List<ScriptError> findings;
    private final Map<String, Scope> innerClasses = new HashMap<>();
    private final Set<Node> reportedSites = Collections.newSetFromMap(new IdentityHashMap<>());

    CreationBound(Member.ClassDecl script, Constants constants, List<ScriptError> findings) {
        this.script = script;
        this.constants = constants;
        this.findings = findings;
        collectInnerClasses(script);
    }

    /** Functions of one class, with the memoised count of what each creates. */
    private static final class Scope {
        final Member.ClassDecl decl;
        final Map<String, Member.FunctionDecl> functions = new HashMap<>();
        final Map<String, Long> costs = new HashMap<>();
        final Deque<String> callStack = new ArrayDeque<>();
        Long constructionCost;

        Scope(Member.ClassDecl decl) {
            this.decl = decl;
            for (Member member : decl.members()) {
                if (member instanceof Member.FunctionDecl function) {
                    functions.put(function.name(), function);
                }
            }
        }
    }

    private void collectInnerClasses(Member.ClassDecl decl) {
        for (Member member : decl.members()) {
            if (member instanceof Member.ClassDecl inner) {
                innerClasses.put(inner.name(), new Scope(inner));
                collectInnerClasses(inner);
            }
        }
    }

    void check() {
        Scope root = new Scope(script);
        long total = 0;
        Node heaviestSite = null;
        long heaviestCount = 0;
        List<Node> onceSites = new ArrayList<>();
        List<Long> onceCounts = new ArrayList<>();
        for (Member member : script.members()) {
            if (member instanceof Member.VarDecl var && var.initializer() != null) {
                Counter counter = new Counter(root, null);
                counter.walkExpr(var.initializer());
                onceSites.add(var);
                onceCounts.add(counter.count);
            }
        }
        for (String name : ONCE_CALLBACKS) {
            Member.FunctionDecl function = root.functions.get(name);
            if (function == null) {
                continue;
            }
            root.callStack.push(name);
            for (Stmt stmt : function.body()) {
                Counter counter = new Counter(root, null);
                counter.walkStmt(stmt);
                onceSites.add(stmt);
                onceCounts.add(counter.count);
            }
            root.callStack.pop();
        }
        for (int i = 0; i < onceSites.size(); i++) {
            total = Math.min(CAP, total + onceCounts.get(i));
            if (onceCounts.get(i) > heaviestCount) {
                heaviestCount = onceCounts.get(i);
                heaviestSite = onceSites.get(i);
            }
        }
        checkRepeatedCallbacks(root);
        for (Scope inner : innerClasses.values()) {
            checkRepeatedCallbacks(inner);
        }
        // Creation in a while loop or a non-constant for loop is unbounded wherever it is, even in a
        // function nothing visibly calls (it may still run through a dynamic call).
        reportUnboundedInAllFunctions(root);
        for (Scope inner : innerClasses.values()) {
            reportUnboundedInAllFunctions(inner);
        }
        if (total > ContractV1.MAX_OBJECTS && heaviestSite != null) {
            findings.add(ContractRule.OBJECT_LIMIT.finding(heaviestSite.line(), heaviestSite.column(),
                    "The scene creates up to " + (total >= CAP ? "over " + CAP : Long.toString(total))
                            + " objects (this statement: " + heaviestCount + "); the limit is "
                            + ContractV1.MAX_OBJECTS + "."));
        }
    }

    private void checkRepeatedCallbacks(Scope scope) {
        for (String name : REPEATED_CALLBACKS) {
            Member.FunctionDecl function = scope.functions.get(name);
            if (function != null) {
                new Counter(scope, name + "(), which runs every frame").walkFunctionBody(function);
            }
        }
    }

    private void reportUnboundedInAllFunctions(Scope scope) {
        for (Member.FunctionDecl function : scope.functions.values()) {
            functionCost(scope, function.name(), function);
        }
    }

    private void reportUnbounded(Node site, String where) {
        if (reportedSites.add(site)) {
            findings.add(ContractRule.UNBOUNDED_CREATION.finding(site.line(), site.column(),
                    "Objects are created inside " + where + ", so their number has no static bound."));
        }
    }

    private long functionCost(Scope scope, String name, Node site) {
        Long known = scope.costs.get(name);
        if (known != null) {
            return known;
        }
        Member.FunctionDecl function = scope.functions.get(name);
        if (function == null) {
            return 0;
        }
        if (scope.callStack.contains(name)) {
            if (cycleCreates(scope, name)) {
                reportUnbounded(site, "a recursive call to " + name + "()");
            }
            return 0;
        }
        scope.callStack.push(name);
        Counter counter = new Counter(scope, null);
        counter.walkFunctionBody(function);
        scope.callStack.pop();
        scope.costs.put(name, counter.count);
        return counter.count;
    }

    /** Whether any function on the call cycle back to {@code name} contains a creation site. */
    private boolean cycleCreates(Scope scope, String name) {
        for (String onStack : scope.callStack) {
            if (CreationSites.any(scope.functions.get(onStack))) {
                return true;
            }
            if (onStack.equals(name)) {
                break;
            }
        }
        return false;
    }

    private long constructionCost(Scope scope) {
        if (scope.constructionCost == null) {
            scope.constructionCost = 0L; // an inner class that creates itself is cut off here
            long cost = 0;
            for (Member member : scope.decl.members()) {
                if (member instanceof Member.VarDecl var && var.initializer() != null && !var.isStatic()) {
                    Counter counter = new Counter(scope, null);
                    counter.walkExpr(var.initializer());
                    cost += counter.count;
                }
            }
            for (String callback : ONCE_CALLBACKS) {
                // each instance runs these once: when constructed and when added to the tree
                cost += functionCost(scope, callback, scope.decl);
            }
            scope.constructionCost = Math.min(CAP, cost);
        }
        return scope.constructionCost;
    }

    private static long times(long a, long b) {
        if (a == 0 || b == 0) {
            return 0;
        }
        return a > CAP / b ? CAP : Math.min(CAP, a * b);
    }

    /**
     * Counts the creation in one function body (or statement) of one scope. {@code unboundedContext} is
     * null while every enclosing loop is constant; otherwise it says why creation here is unbounded.
     */
    private final class Counter extends AstWalker {
        private final Scope scope;
        private String unboundedContext;
        private long multiplier = 1;
        /** Largest value of each enclosing constant loop's variable, for loops nested over it. */
        private final Map<String, Long> loopVariableMax = new HashMap<>();
        long count;

        Counter(Scope scope, String unboundedContext) {
            this.scope = scope;
            this.unboundedContext = unboundedContext;
        }

        @Override
        protected boolean enter(Stmt stmt) {
            if (stmt instanceof Stmt.For loop) {
                walkExpr(loop.iterable());
                Long iterations = constants.iterations(loop.iterable());
                if (iterations == null) {
                    iterations = boundByOuterLoopVariable(loop.iterable());
                }
                Long variableMax = constants.largestElement(loop.iterable());
                Long shadowed = variableMax == null ? loopVariableMax.remove(loop.variable())
                        : loopVariableMax.put(loop.variable(), variableMax);
                String savedContext = unboundedContext;
                long savedMultiplier = multiplier;
                if (iterations == null) {
                    if (unboundedContext == null) {
                        unboundedContext = "a 'for' loop over a non-constant bound (line " + loop.line() + ")";
                    }
                } else {
                    multiplier = times(multiplier, iterations);
                }
                walkBlock(loop.body());
                unboundedContext = savedContext;
                multiplier = savedMultiplier;
                if (shadowed == null) {
                    loopVariableMax.remove(loop.variable());
                } else {
                    loopVariableMax.put(loop.variable(), shadowed);
                }
                return false;
            }
            if (stmt instanceof Stmt.While loop) {
                walkExpr(loop.condition());
                String savedContext = unboundedContext;
                if (unboundedContext == null) {
                    unboundedContext = "a 'while' loop (line " + loop.line() + ")";
                }
                walkBlock(loop.body());
                unboundedContext = savedContext;
                return false;
            }
            return true;
        }

        @Override
        protected boolean enter(Expr expr) {
            if (!(expr instanceof Expr.Call call)) {
                return true;
            }
            String method = call.methodName();
            if (method == null) {
                return true;
            }
            Expr callee = call.callee();
            if (callee instanceof Expr.Attribute attribute && attribute.base() instanceof Expr.Identifier base) {
                if (CreationSites.isCreation(call)) {
                    Scope inner = method.equals("new") ? innerClasses.get(base.name()) : null;
                    created(call, 1 + (inner == null ? 0 : constructionCost(inner)));
                } else if ((method.equals("call") || method.equals("call_deferred") || method.equals("callv"))
                        && scope.functions.containsKey(base.name())) {
                    called(call, base.name());
                }
            }
            if (method.equals("connect") && !firesOnce(call)) {
                for (Expr argument : call.arguments()) {
                    if (!connectCallback(argument)) {
                        walkExpr(argument);
                    }
                }
                walkExpr(callee);
                return false;
            }
            if (isOwnCall(callee)) {
                called(call, method);
                if ((method.equals("call_deferred") || method.equals("call") || method.equals("callv"))
                        && !call.arguments().isEmpty() && call.arguments().get(0) instanceof Expr.Literal literal
                        && literal.value() instanceof String target) {
                    called(call, target);
                }
            }
            for (Expr argument : call.arguments()) {
                // a function passed as a callable (tween_callback(spawn), create_timer...) runs once per call
                String referenced = referencedFunction(argument);
                if (referenced != null) {
                    called(argument, referenced);
                }
            }
            return true;
        }

        /**
         * {@code for i in n} or {@code for i in range(n)} where {@code n} is the variable of an enclosing
         * loop over constants: at most the largest value {@code n} takes.
         */
        private Long boundByOuterLoopVariable(Expr iterable) {
            Expr bound = iterable;
            if (iterable instanceof Expr.Call call && call.callee() instanceof Expr.Identifier fn
                    && fn.name().equals("range") && call.arguments().size() == 1) {
                bound = call.arguments().get(0);
            }
            if (bound instanceof Expr.Identifier id && loopVariableMax.containsKey(id.name())) {
                return Math.max(0, loopVariableMax.get(id.name()));
            }
            return null;
        }

        private boolean isOwnCall(Expr callee) {
            return callee instanceof Expr.Identifier
                    || (callee instanceof Expr.Attribute attribute && attribute.base() instanceof Expr.Self);
        }

        /** The function of this class that a callable argument names, or null. */
        private String referencedFunction(Expr argument) {
            String name = null;
            if (argument instanceof Expr.Identifier id) {
                name = id.name();
            } else if (argument instanceof Expr.Attribute attribute && attribute.base() instanceof Expr.Self) {
                name = attribute.name();
            } else if (argument instanceof Expr.Call call && "Callable".equals(call.methodName())
                    && call.arguments().size() == 2 && call.arguments().get(1) instanceof Expr.Literal literal
                    && literal.value() instanceof String target) {
                name = target;
            } else if (argument instanceof Expr.Literal literal && literal.value() instanceof String target) {
                name = target;
            }
            return name != null && scope.functions.containsKey(name) ? name : null;
        }

        /**
         * A connection whose callback runs at most once: to the timeout of a one-shot
         * {@code get_tree().create_timer(...)}, or made with {@code CONNECT_ONE_SHOT}. Its callback is
         * counted like a plain call (lambdas inline, named functions through the argument scan).
         */
        private boolean firesOnce(Expr.Call connect) {
            if (connect.callee() instanceof Expr.Attribute connectOn
                    && connectOn.base() instanceof Expr.Attribute signal && signal.name().equals("timeout")
                    && signal.base() instanceof Expr.Call timer && "create_timer".equals(timer.methodName())) {
                return true;
            }
            for (Expr argument : connect.arguments()) {
                if ((argument instanceof Expr.Identifier id && id.name().equals("CONNECT_ONE_SHOT"))
                        || (argument instanceof Expr.Attribute flag && flag.name().equals("CONNECT_ONE_SHOT"))) {
                    return true;
                }
            }
            return false;
        }

        /** Handles a connect() argument that is a callback; returns false for other arguments. */
        private boolean connectCallback(Expr argument) {
            if (argument instanceof Expr.Lambda lambda) {
                new Counter(scope, SIGNAL_CALLBACK).walkFunctionBody(lambda.function());
                return true;
            }
            Expr target = argument;
            if (argument instanceof Expr.Call bind && "bind".equals(bind.methodName())
                    && bind.callee() instanceof Expr.Attribute attribute) {
                target = attribute.base();
            }
            String name = referencedFunction(target);
            if (name == null) {
                return false;
            }
            if (functionCost(scope, name, argument) > 0) {
                reportUnbounded(argument, SIGNAL_CALLBACK + " (" + name + "())");
            }
            return true;
        }

        private void created(Node site, long objects) {
            if (unboundedContext != null) {
                reportUnbounded(site, unboundedContext);
            } else {
                count = Math.min(CAP, count + times(multiplier, objects));
            }
        }

        private void called(Node site, String name) {
            if (!scope.functions.containsKey(name)) {
                return;
            }
            long cost = functionCost(scope, name, site);
            if (cost == 0) {
                return;
            }
            if (unboundedContext != null) {
                reportUnbounded(site, unboundedContext + " through a call to " + name + "()");
            } else {
                count = Math.min(CAP, count + times(multiplier, cost));
            }
        }
    }
}
