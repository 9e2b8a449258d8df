package io.animops.operator.script.contract;

import io.animops.operator.script.gdscript.Expr;
import io.animops.operator.script.gdscript.Member;

import java.util.HashMap;
import java.util.Map;

/** Compile-time values of expressions built from literals and the script's top-level constants. */
final class Constants {
    private static final int MAX_DEPTH = 16; // const A = B, const B = A must not recurse forever

    private final Map<String, Expr> topLevel = new HashMap<>();

    Constants(Member.ClassDecl script) {
        for (Member member : script.members()) {
            if (member instanceof Member.VarDecl var && var.isConst()) {
                topLevel.put(var.name(), var.initializer());
            }
        }
    }

    Expr declaration(String name) {
        return topLevel.get(name);
    }

    /** The numeric value, or null when the expression is not a numeric constant. */
    Double number(Expr expr) {
        return number(expr, 0);
    }

    /** The integer value, or null when not an integral constant. */
    Long integer(Expr expr) {
        Double value = number(expr);
        if (value == null || value.isNaN() || value.isInfinite() || value != Math.rint(value)) {
            return null;
        }
        return value.longValue();
    }

    private Double number(Expr expr, int depth) {
        if (depth > MAX_DEPTH || expr == null) {
            return null;
        }
        if (expr instanceof Expr.Literal literal) {
            if (literal.value() instanceof Long l) {
                return l.doubleValue();
            }
            if (literal.value() instanceof Double d) {
                return d;
            }
            if (literal.value() instanceof Boolean b) {
                return b ? 1.0 : 0.0;
            }
            return null;
        }
        if (expr instanceof Expr.Identifier id) {
            return number(topLevel.get(id.name()), depth + 1);
        }
        if (expr instanceof Expr.Unary unary) {
            Double operand = number(unary.operand(), depth + 1);
            if (operand == null) {
                return null;
            }
            return switch (unary.operator()) {
                case "-" -> -operand;
                case "+" -> operand;
                case "not" -> operand == 0 ? 1.0 : 0.0;
                default -> null;
            };
        }
        if (expr instanceof Expr.Binary binary) {
            Double left = number(binary.left(), depth + 1);
            Double right = number(binary.right(), depth + 1);
            if (left == null || right == null) {
                return null;
            }
            boolean integral = isIntegral(binary.left(), depth) && isIntegral(binary.right(), depth);
            return switch (binary.operator()) {
                case "+" -> left + right;
                case "-" -> left - right;
                case "*" -> left * right;
                case "/" -> right == 0 ? null : integral ? Math.floor(left / right) : left / right;
                case "%" -> right == 0 ? null : left % right;
                case "**" -> Math.pow(left, right);
                default -> null;
            };
        }
        if (expr instanceof Expr.Call call
                && call.callee() instanceof Expr.Identifier fn
                && call.arguments().size() == 1
                && (fn.name().equals("int") || fn.name().equals("float"))) {
            Double value = number(call.arguments().get(0), depth + 1);
            return value == null ? null : fn.name().equals("int") ? Math.floor(value) : value;
        }
        return null;
    }

    private boolean isIntegral(Expr expr, int depth) {
        if (depth > MAX_DEPTH) {
            return false;
        }
        if (expr instanceof Expr.Literal literal) {
            return literal.value() instanceof Long;
        }
        if (expr instanceof Expr.Identifier id) {
            Expr declared = topLevel.get(id.name());
            return declared != null && isIntegral(declared, depth + 1);
        }
        if (expr instanceof Expr.Unary unary) {
            return isIntegral(unary.operand(), depth + 1);
        }
        if (expr instanceof Expr.Binary binary) {
            return !binary.operator().equals("/")
                    && isIntegral(binary.left(), depth + 1)
                    && isIntegral(binary.right(), depth + 1);
        }
        return false;
    }

    /**
     * The largest value a {@code for} variable takes over {@code iterable}, when that is a constant:
     * a literal array of integers (directly or through a constant) or {@code range()} of constants.
     */
    Long largestElement(Expr iterable) {
        Expr array = iterable instanceof Expr.Identifier id ? topLevel.get(id.name()) : iterable;
        if (array instanceof Expr.ArrayLiteral literal && !literal.elements().isEmpty()) {
            long max = Long.MIN_VALUE;
            for (Expr element : literal.elements()) {
                Long value = integer(element);
                if (value == null) {
                    return null;
                }
                max = Math.max(max, value);
            }
            return max;
        }
        if (iterable instanceof Expr.Call call
                && call.callee() instanceof Expr.Identifier fn
                && fn.name().equals("range")
                && (call.arguments().size() == 1 || call.arguments().size() == 2)) {
            Long end = integer(call.arguments().get(call.arguments().size() - 1));
            return end == null ? null : end - 1;
        }
        return null;
    }

    /**
     * How many times a {@code for} loop over {@code iterable} runs, when that is fixed before the script
     * runs: {@code range()} of constants, an integer constant, or a literal array or dictionary (directly
     * or through a top-level constant). Null otherwise.
     */
    Long iterations(Expr iterable) {
        return iterations(iterable, 0);
    }

    private Long iterations(Expr iterable, int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        if (iterable instanceof Expr.ArrayLiteral array) {
            return (long) array.elements().size();
        }
        if (iterable instanceof Expr.DictionaryLiteral dict) {
            return (long) dict.entries().size();
        }
        if (iterable instanceof Expr.Identifier id && topLevel.containsKey(id.name())) {
            Expr declared = topLevel.get(id.name());
            if (declared instanceof Expr.ArrayLiteral || declared instanceof Expr.DictionaryLiteral) {
                return iterations(declared, depth + 1);
            }
        }
        if (iterable instanceof Expr.Call call
                && call.callee() instanceof Expr.Identifier fn
                && fn.name().equals("range")) {
            int n = call.arguments().size();
            Long[] args = new Long[n];
            for (int i = 0; i < n; i++) {
                args[i] = integer(call.arguments().get(i));
                if (args[i] == null) {
                    return null;
                }
            }
            long start = n >= 2 ? args[0] : 0;
            long end = n == 1 ? args[0] : n >= 2 ? args[1] : 0;
            long step = n == 3 ? args[2] : 1;
            if (n == 0 || n > 3 || step == 0) {
                return null;
            }
            long count = step > 0
                    ? Math.floorDiv(end - start + step - 1, step)
                    : Math.floorDiv(start - end - step - 1, -step);
            return Math.max(0, count);
        }
        Long count = integer(iterable);
        return count == null ? null : Math.max(0, count);
    }
}
