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
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A static upper bound on the objects a scene creates. Every {@code X.new()} and
 * {@code ClassDB.instantiate()} counts once, times the iteration counts of the constant {@code for} loops
 * around it, and calls count what the called function creates. Creation whose count cannot be bounded
 * before the scene runs (inside {@code while}, a {@code for} over a non-constant bound, per-frame
 * callbacks, signal callbacks or recursion) is reported as unbounded instead of being counted.
 */
final class CreationBound {
    /** Engine callbacks that run every frame or every input event. */
    private static final List<String> REPEATED_CALLBACKS = List.of(
            "_process",
            "_physics_process",
            "_input",
            "_unhandled_input",
            "_unhandled_key_input",
            "_shortcut_input",
            "_draw",
            "_integrate_forces",
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
        /** Cost per function and known argument bounds, e.g. {@code spawn{count=20}}. */
        final Map<String, Long> costs = new HashMap<>();
        /** Functions evaluated for at least one call. */
        final Set<String> evaluated = new HashSet<>();

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
            findings.add(ContractRule.OBJECT_LIMIT.finding(
                    heaviestSite.line(),
                    heaviestSite.column(),
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
            if (!scope.evaluated.contains(function.name())) {
                functionCost(scope, function.name(), function);
            }
        }
    }

    private void reportUnbounded(Node site, String where) {
        if (reportedSites.add(site)) {
            findings.add(ContractRule.UNBOUNDED_CREATION.finding(
                    site.line(),
                    site.column(),
                    "Objects are created inside " + where + ", so their number has no static bound."));
        }
    }

    private long functionCost(Scope scope, String name, Node site) {
        return functionCost(scope, name, site, List.of());
    }

    /**
     * What one call of a function creates. {@code argumentMax} holds, per argument, the largest integer the
     * call can pass (null when unknown), so {@code spawn(20)} bounds {@code for i in count} inside
     * {@code func spawn(count)}; results are memoised per function and known argument bounds.
     */
    private long functionCost(Scope scope, String name, Node site, List<Long> argumentMax) {
        Member.FunctionDecl function = scope.functions.get(name);
        if (function == null) {
            return 0;
        }
        Map<String, Long> parameterMax = parameterBounds(function, argumentMax);
        String key = name + parameterMax;
        Long known = scope.costs.get(key);
        if (known != null) {
            return known;
        }
        if (scope.callStack.contains(name)) {
            if (cycleCreates(scope, name)) {
                reportUnbounded(site, "a recursive call to " + name + "()");
            }
            return 0;
        }
        scope.evaluated.add(name);
        scope.callStack.push(name);
        Counter counter = new Counter(scope, null, parameterMax);
        counter.walkFunctionBody(function);
        scope.callStack.pop();
        scope.costs.put(key, counter.count);
        return counter.count;
    }

    /** Upper bounds of the parameters a function never reassigns: from the call, else a constant default. */
    private Map<String, Long> parameterBounds(Member.FunctionDecl function, List<Long> argumentMax) {
        Map<String, Long> bounds = new TreeMap<>();
        List<Member.Parameter> parameters = function.parameters();
        Set<String> reassigned = null;
        for (int i = 0; i < parameters.size(); i++) {
            Member.Parameter parameter = parameters.get(i);
            Long max = i < argumentMax.size()
                    ? argumentMax.get(i)
                    : parameter.defaultValue() == null ? null : constants.integer(parameter.defaultValue());
            if (max == null) {
                continue;
            }
            if (reassigned == null) {
                reassigned = AssignedNames.in(function);
            }
            if (!reassigned.contains(parameter.name())) {
                bounds.put(parameter.name(), max);
            }
        }
        return bounds;
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
        /** Largest value of each enclosing constant loop's variable and bounded parameter. */
        private final Map<String, Long> loopVariableMax = new HashMap<>();

        long count;

        Counter(Scope scope, String unboundedContext) {
            this(scope, unboundedContext, Map.of());
        }

        Counter(Scope scope, String unboundedContext, Map<String, Long> parameterMax) {
            this.scope = scope;
            this.unboundedContext = unboundedContext;
            loopVariableMax.putAll(parameterMax);
        }

        @Override
        protected boolean enter(Stmt stmt) {
            if (stmt instanceof Stmt.For loop) {
                walkExpr(loop.iterable());
                Long iterations = constants.iterations(loop.iterable());
                Long variableMax = constants.largestElement(loop.iterable());
                Long integerEnd = integerLoopEnd(loop.iterable());
                if (integerEnd != null) {
                    if (iterations == null) {
                        iterations = Math.max(0, integerEnd - integerLoopStart(loop.iterable()));
                    }
                    if (variableMax == null) {
                        variableMax = integerEnd - 1;
                    }
                }
                Long shadowed = variableMax == null
                        ? loopVariableMax.remove(loop.variable())
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
                called(call, method, call.arguments());
                if ((method.equals("call_deferred") || method.equals("call"))
                        && !call.arguments().isEmpty()
                        && call.arguments().get(0) instanceof Expr.Literal literal
                        && literal.value() instanceof String target) {
                    called(
                            call,
                            target,
                            call.arguments().subList(1, call.arguments().size()));
                } else if (method.equals("callv")
                        && !call.arguments().isEmpty()
                        && call.arguments().get(0) instanceof Expr.Literal literal
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
         * The exclusive upper end of a loop over integers, {@code range(..., end)} or a plain integer
         * {@code end}, when {@code end} has an upper bound; null otherwise.
         */
        private Long integerLoopEnd(Expr iterable) {
            if (iterable instanceof Expr.Call call && isRange(call)) {
                int n = call.arguments().size();
                if (n == 3) {
                    Long step = constants.integer(call.arguments().get(2));
                    if (step == null || step <= 0) {
                        return null; // a descending or unknown step: only the constant evaluation applies
                    }
                }
                return n >= 1 && n <= 3 ? upperBound(call.arguments().get(n == 1 ? 0 : 1)) : null;
            }
            return upperBound(iterable);
        }

        private long integerLoopStart(Expr iterable) {
            if (iterable instanceof Expr.Call call
                    && isRange(call)
                    && call.arguments().size() >= 2) {
                Long start = constants.integer(call.arguments().get(0));
                return start == null ? 0 : start; // 0 over-approximates the iterations of any start >= 0
            }
            return 0;
        }

        private boolean isRange(Expr.Call call) {
            return call.callee() instanceof Expr.Identifier fn && fn.name().equals("range");
        }

        /**
         * An upper bound of an integer expression: constants, bounded loop variables and parameters, and
         * sums, differences and products with constants of those; null when there is none.
         */
        private Long upperBound(Expr expr) {
            Long constant = constants.integer(expr);
            if (constant != null) {
                return constant;
            }
            if (expr instanceof Expr.Identifier id) {
                return loopVariableMax.get(id.name());
            }
            if (!(expr instanceof Expr.Binary binary)) {
                return null;
            }
            Long right = constants.integer(binary.right());
            Long left = constants.integer(binary.left());
            switch (binary.operator()) {
                case "+" -> {
                    Long a = upperBound(binary.left());
                    Long b = upperBound(binary.right());
                    return a == null || b == null ? null : a + b;
                }
                case "-" -> {
                    Long a = upperBound(binary.left());
                    return a == null || right == null ? null : a - right;
                }
                case "*" -> {
                    // only scaling by a non-negative constant keeps an upper bound an upper bound
                    if (right != null && right >= 0) {
                        Long a = upperBound(binary.left());
                        return a == null ? null : times(Math.max(0, a), right);
                    }
                    if (left != null && left >= 0) {
                        Long b = upperBound(binary.right());
                        return b == null ? null : times(left, Math.max(0, b));
                    }
                    return null;
                }
                default -> {
                    return null;
                }
            }
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
            } else if (argument instanceof Expr.Call call
                    && "Callable".equals(call.methodName())
                    && call.arguments().size() == 2
                    && call.arguments().get(1) instanceof Expr.Literal literal
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
                    && connectOn.base() instanceof Expr.Attribute signal
                    && signal.name().equals("timeout")
                    && signal.base() instanceof Expr.Call timer
                    && "create_timer".equals(timer.methodName())) {
                return true;
            }
            for (Expr argument : connect.arguments()) {
                if ((argument instanceof Expr.Identifier id && id.name().equals("CONNECT_ONE_SHOT"))
                        || (argument instanceof Expr.Attribute flag
                                && flag.name().equals("CONNECT_ONE_SHOT"))) {
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
            if (argument instanceof Expr.Call bind
                    && "bind".equals(bind.methodName())
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
            called(site, name, List.of());
        }

        private void called(Node site, String name, List<Expr> arguments) {
            if (!scope.functions.containsKey(name)) {
                return;
            }
            List<Long> argumentMax = new ArrayList<>(arguments.size());
            for (Expr argument : arguments) {
                argumentMax.add(upperBound(argument));
            }
            long cost = functionCost(scope, name, site, argumentMax);
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
