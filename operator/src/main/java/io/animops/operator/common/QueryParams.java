package io.animops.operator.common;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads request parameters and collects what is wrong with them, so that one 400 problem names every bad
 * parameter at once ({@link #check()}).
 */
public final class QueryParams {
    /** A namespace: an RFC 1123 label. */
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    /** A resource name: an RFC 1123 subdomain. */
    private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");

    private final List<ApiProblem.InvalidParam> invalid = new ArrayList<>();
    /** Bad parameters beyond those the problem lists: only counted. */
    private int omitted;

    public void invalid(String name, String reason) {
        if (invalid.size() < ApiProblem.MAX_INVALID_PARAMS) {
            invalid.add(new ApiProblem.InvalidParam(name, reason));
        } else {
            omitted++;
        }
    }

    /** Throws one 400 problem naming the bad parameters seen so far (at most 20, and how many more), if any. */
    public void check() {
        if (!invalid.isEmpty()) {
            throw ApiProblem.invalidParams(invalid, omitted);
        }
    }

    /** Null for an absent or empty parameter. */
    public static String optional(String text) {
        return text == null || text.isEmpty() ? null : text;
    }

    /** The {namespace}/{name} of a resource path: 400 problem naming the bad one. */
    public static void checkResourcePath(String namespace, String name) {
        QueryParams params = new QueryParams();
        params.requiredNamespace("namespace", namespace);
        params.requiredName("name", name);
        params.check();
    }

    public int integer(String name, String text, int fallback, int min, int max) {
        if (optional(text) == null) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below like an out-of-range value
        }
        invalid(name, "must be an integer between " + min + " and " + max + ", got '" + text + "'");
        return fallback;
    }

    public <E extends Enum<E>> E enumValue(String name, String text, Class<E> type) {
        if (optional(text) == null) {
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (constant.name().equals(text)) {
                return constant;
            }
        }
        invalid(name, "must be one of " + Arrays.toString(type.getEnumConstants()) + ", got '" + text + "'");
        return null;
    }

    /** One of the allowed words, or null when absent. */
    public String oneOf(String name, String text, String... allowed) {
        if (optional(text) == null) {
            return null;
        }
        if (Arrays.asList(allowed).contains(text)) {
            return text;
        }
        invalid(name, "must be one of " + Arrays.toString(allowed) + ", got '" + text + "'");
        return null;
    }

    /** An optional namespace filter. */
    public String namespace(String name, String text) {
        return matching(name, optional(text), LABEL, "a namespace (lower-case letters, digits and '-', at most 63)");
    }

    /** An optional resource-name filter. */
    public String resourceName(String name, String text) {
        return matching(
                name,
                optional(text),
                SUBDOMAIN,
                "a resource name (lower-case letters, digits, '-' and '.', at most 253)");
    }

    /** A namespace in the path: required. */
    public String requiredNamespace(String name, String text) {
        return required(name, text) ? namespace(name, text) : null;
    }

    /** A resource name in the path: required. */
    public String requiredName(String name, String text) {
        return required(name, text) ? resourceName(name, text) : null;
    }

    public Instant instant(String name, String text) {
        if (optional(text) == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            invalid(name, "must be an ISO-8601 instant such as 2026-01-31T09:00:00Z, got '" + text + "'");
            return null;
        }
    }

    private boolean required(String name, String text) {
        if (optional(text) == null) {
            invalid(name, "is required");
            return false;
        }
        return true;
    }

    private String matching(String name, String text, Pattern pattern, String what) {
        if (text == null) {
            return null;
        }
        if (!pattern.matcher(text).matches()) {
            invalid(name, "must be " + what + ", got '" + text + "'");
            return null;
        }
        return text;
    }
}
