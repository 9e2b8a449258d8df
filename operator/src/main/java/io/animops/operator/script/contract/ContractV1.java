package io.animops.operator.script.contract;

import io.animops.crds.v1alpha1.ScriptError;
import io.animops.operator.script.SceneExpectations;
import io.animops.operator.script.gdscript.AstWalker;
import io.animops.operator.script.gdscript.Expr;
import io.animops.operator.script.gdscript.Member;
import io.animops.operator.script.gdscript.Node;
import io.animops.operator.script.gdscript.Stmt;
import io.animops.operator.script.gdscript.TypeRef;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The checks of the Script Contract (v2: deny by default, see {@link Capabilities}) over a parsed script. */
final class ContractV1 {
    static final int MAX_BYTES = 64 * 1024;
    static final int MAX_LINES = 1500;
    static final int MAX_OBJECTS = 500;
    static final String DURATION_CONSTANT = "DURATION_SECONDS";

    private final ScriptAllowlist allowlist = ScriptAllowlist.current();
    private final Member.ClassDecl script;
    private final SceneExpectations expectations;
    private final Constants constants;
    private final List<ScriptError> findings;
    /** Class and enum names the script declares itself; X.new() of these is not an engine class. */
    private final Set<String> scriptTypes = new HashSet<>();

    private final Map<String, Member.FunctionDecl> functions = new HashMap<>();

    ContractV1(Member.ClassDecl script, SceneExpectations expectations, List<ScriptError> findings) {
        this.script = script;
        this.expectations = expectations;
        this.constants = new Constants(script);
        this.findings = findings;
        collectScriptTypes(script);
        for (Member member : script.members()) {
            if (member instanceof Member.FunctionDecl function) {
                functions.put(function.name(), function);
            }
        }
    }

    /** Size limits, checked on the text so that even an unparsable giant script is reported. */
    static void checkSize(String source, List<ScriptError> findings) {
        int bytes = source.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            findings.add(ContractRule.SCRIPT_SIZE.finding(
                    1, 1, "The script is " + bytes + " bytes; the limit is " + MAX_BYTES + " bytes (64 KiB)."));
        }
        int lines = 1;
        for (int i = 0; i < source.length() - 1; i++) {
            if (source.charAt(i) == '\n') {
                lines++; // a final newline ends the last line rather than starting another
            }
        }
        if (lines > MAX_LINES) {
            findings.add(ContractRule.SCRIPT_SIZE.finding(
                    MAX_LINES + 1, 1, "The script has " + lines + " lines; the limit is " + MAX_LINES + " lines."));
        }
    }

    void check() {
        checkRootExtends();
        checkDuration();
        checkRandomSeed();
        new ApiUse().walkClass(script);
        new Capabilities(allowlist, DeclaredNames.of(script), constants, findings).walkClass(script);
        new CreationBound(script, constants, findings).check();
    }

    private void collectScriptTypes(Member.ClassDecl decl) {
        if (decl.name() != null) {
            scriptTypes.add(decl.name());
        }
        for (Member member : decl.members()) {
            if (member instanceof Member.ClassDecl inner) {
                collectScriptTypes(inner);
            } else if (member instanceof Member.EnumDecl enumDecl && enumDecl.name() != null) {
                scriptTypes.add(enumDecl.name());
            }
        }
    }

    private void add(ContractRule rule, Node at, String problem) {
        findings.add(rule.finding(at.line(), at.column(), problem));
    }

    // ---------------------------------------------------------------- scene shape

    private void checkRootExtends() {
        Member.ExtendsRef ref = script.extendsRef();
        if (ref == null) {
            findings.add(ContractRule.ROOT_EXTENDS.finding(1, 1, "The script has no 'extends' line."));
        } else if (ref.path() != null || !"Node2D".equals(ref.name())) {
            add(
                    ContractRule.ROOT_EXTENDS,
                    ref,
                    "The root script extends " + (ref.path() != null ? "\"" + ref.path() + "\"" : ref.name())
                            + " instead of Node2D.");
        }
    }

    private void checkDuration() {
        Member.VarDecl declaration = null;
        for (Member member : script.members()) {
            if (member instanceof Member.VarDecl var && var.name().equals(DURATION_CONSTANT)) {
                declaration = var;
                break;
            }
        }
        if (declaration == null) {
            findings.add(ContractRule.DURATION.finding(
                    1, 1, "The top-level constant " + DURATION_CONSTANT + " is missing."));
            return;
        }
        if (!declaration.isConst()) {
            add(ContractRule.DURATION, declaration, DURATION_CONSTANT + " must be a 'const', not a 'var'.");
            return;
        }
        Expr value = declaration.initializer();
        Double seconds = value instanceof Expr.Literal ? constants.number(value) : null;
        if (seconds == null) {
            add(ContractRule.DURATION, value, DURATION_CONSTANT + " must be a number literal.");
        } else if (seconds != expectations.durationSeconds()) {
            add(
                    ContractRule.DURATION,
                    value,
                    DURATION_CONSTANT + " is " + formatNumber(seconds) + " but the scene must last "
                            + expectations.durationSeconds() + " seconds.");
        }
    }

    private static String formatNumber(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    // ---------------------------------------------------------------- random seed

    private void checkRandomSeed() {
        Member.FunctionDecl ready = functions.get("_ready");
        if (ready == null) {
            findings.add(ContractRule.RANDOM_SEED.finding(1, 1, "No _ready function sets a fixed random seed."));
            return;
        }
        SeedSearch search = new SeedSearch();
        Set<String> visited = new HashSet<>();
        List<Member.FunctionDecl> queue = new ArrayList<>(List.of(ready));
        visited.add("_ready");
        for (int i = 0; i < queue.size(); i++) {
            search.calledFunctions.clear();
            search.walkFunctionBody(queue.get(i));
            for (String called : search.calledFunctions) {
                Member.FunctionDecl function = functions.get(called);
                if (function != null && visited.add(called)) {
                    queue.add(function);
                }
            }
        }
        if (!search.seeded && search.nonConstantSeed == null) {
            add(ContractRule.RANDOM_SEED, ready, "_ready does not set a fixed random seed.");
        } else if (!search.seeded) {
            add(ContractRule.RANDOM_SEED, search.nonConstantSeed, "The random seed is not a constant.");
        }
    }

    private boolean isConstantSeed(Expr value) {
        if (constants.integer(value) != null) {
            return true;
        }
        // hash("text") of a literal is as deterministic as a number
        return value instanceof Expr.Call call
                && "hash".equals(call.methodName())
                && call.callee() instanceof Expr.Identifier
                && call.arguments().size() == 1
                && call.arguments().get(0) instanceof Expr.Literal;
    }

    /** Looks for seed(c), rng.seed = c or rng.set_seed(c) along what _ready calls. */
    private final class SeedSearch extends AstWalker {
        boolean seeded;
        Expr nonConstantSeed;
        final Set<String> calledFunctions = new HashSet<>();

        @Override
        protected boolean enter(Expr expr) {
            if (expr instanceof Expr.Call call) {
                String name = call.methodName();
                boolean direct = call.callee() instanceof Expr.Identifier
                        || (call.callee() instanceof Expr.Attribute a && a.base() instanceof Expr.Self);
                if (direct && name != null) {
                    calledFunctions.add(name);
                }
                boolean seedCall = ("seed".equals(name) && call.callee() instanceof Expr.Identifier)
                        || ("set_seed".equals(name) && call.callee() instanceof Expr.Attribute);
                if (seedCall && call.arguments().size() == 1) {
                    noteSeed(call.arguments().get(0));
                }
            } else if (expr instanceof Expr.Assignment assignment
                    && assignment.operator().equals("=")
                    && assignment.target() instanceof Expr.Attribute target
                    && target.name().equals("seed")) {
                noteSeed(assignment.value());
            }
            return true;
        }

        private void noteSeed(Expr value) {
            if (isConstantSeed(value)) {
                seeded = true;
            } else if (nonConstantSeed == null) {
                nonConstantSeed = value;
            }
        }
    }

    // ---------------------------------------------------------------- APIs, types, paths, loops

    private final class ApiUse extends AstWalker {
        @Override
        protected boolean enter(Member member) {
            if (member instanceof Member.VarDecl var && var.type() != null) {
                checkDeclaredType(var.type());
            }
            return true;
        }

        @Override
        protected boolean enter(Stmt stmt) {
            if (stmt instanceof Stmt.While loop) {
                checkInfiniteLoop(loop);
            }
            return true;
        }

        @Override
        protected boolean enter(Expr expr) {
            if (expr instanceof Expr.Call call) {
                checkCall(call);
            }
            return true;
        }
    }

    private void checkCall(Expr.Call call) {
        String method = call.methodName();
        if (method == null) {
            return;
        }
        if (method.equals("randomize") && call.arguments().isEmpty()) {
            // the global randomize() and RandomNumberGenerator.randomize() both seed from the clock
            add(ContractRule.RANDOM_SEED, call, "randomize() makes every render different.");
            return;
        }
        if (call.callee() instanceof Expr.Attribute attribute
                && attribute.base() instanceof Expr.Identifier base
                && !scriptTypes.contains(base.name())) {
            if (method.equals("new")) {
                checkInstantiated(base, base.name());
            }
            return;
        }
        if (!(call.callee() instanceof Expr.Identifier)) {
            return;
        }
        if (method.equals("load") || method.equals("preload")) {
            checkLoadPath(call, method);
        }
    }

    private void checkInstantiated(Node at, String className) {
        if (allowlist.creatable().contains(className)
                || allowlist.section("values").contains(className)
                || Capabilities.refusedClassRule(allowlist, className) != null
                || className.equals("Object")) {
            return; // refused classes and Object.new() are reported by Capabilities
        }
        if (className.equals("Tween")) {
            add(ContractRule.NODE_TYPE, at, "Tween.new() does not work; create tweens with create_tween().");
            return;
        }
        if (EngineClasses.isShapeName(className)) {
            add(ContractRule.SHAPE_TYPE, at, className + " is not an allowed collision shape.");
        } else {
            add(ContractRule.NODE_TYPE, at, className + " is not an allowed type.");
        }
    }

    private void checkDeclaredType(TypeRef type) {
        String name = type.rootName();
        if (!scriptTypes.contains(name)) {
            if (EngineClasses.OTHER_NODE_CLASSES.contains(name)) {
                add(ContractRule.NODE_TYPE, type, name + " is not an allowed node type.");
            } else if (EngineClasses.isShapeName(name)
                    && !allowlist.section("shapes").contains(name)
                    && !name.equals("Shape2D")) {
                add(ContractRule.SHAPE_TYPE, type, name + " is not an allowed collision shape.");
            }
        }
        for (TypeRef argument : type.arguments()) {
            checkDeclaredType(argument);
        }
    }

    private void checkLoadPath(Expr.Call call, String method) {
        if (call.arguments().isEmpty()) {
            add(ContractRule.LOAD_PATH, call, method + "() needs a literal \"res://\" path.");
            return;
        }
        Expr argument = call.arguments().get(0);
        if (!(argument instanceof Expr.Literal literal) || literal.kind() != Expr.LiteralKind.STRING) {
            add(ContractRule.LOAD_PATH, argument, method + "() must be given a literal string path.");
            return;
        }
        String path = (String) literal.value();
        if (!path.startsWith("res://")
                || path.contains("/../")
                || path.endsWith("/..")
                || path.startsWith("res://..")) {
            add(
                    ContractRule.LOAD_PATH,
                    argument,
                    method + "(\"" + path + "\") is outside the project; only \"res://\" paths are allowed.");
            return;
        }
        String extension = path.substring(path.lastIndexOf('.') + 1).toLowerCase(java.util.Locale.ROOT);
        if (path.lastIndexOf('.') < path.lastIndexOf('/')
                || !allowlist.section("load-extensions").contains(extension)
                || path.contains("/.godot/")
                || path.contains("\\")) {
            add(ContractRule.LOAD_PATH, argument, method + "(\"" + path + "\") is not an image or font file.");
        }
    }

    private void checkInfiniteLoop(Stmt.While loop) {
        Double condition = constants.number(loop.condition());
        if (condition == null || condition == 0) {
            return;
        }
        if (!LoopExits.canLeave(loop.body())) {
            add(
                    ContractRule.INFINITE_LOOP,
                    loop,
                    "This 'while' loop never ends: it has no reachable break, return or await.");
        }
    }
}
