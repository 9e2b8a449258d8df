package io.animops.operator.auth;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a person or the operator token may do; each role includes the ones before it. */
public enum Role {
    /** reads everything */
    VIEWER,
    /** also acts on ideas, renders, QC and publications */
    OPERATOR,
    /** everything, including users and accounts */
    ADMIN;

    public boolean includes(Role required) {
        return ordinal() >= required.ordinal();
    }

    /** The name as stored and shown: lower case. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Role> parse(String text) {
        return Arrays.stream(values())
                .filter(r -> r.id().equalsIgnoreCase(text == null ? "" : text.trim()))
                .findFirst();
    }

    public static String ids() {
        return Arrays.stream(values()).map(Role::id).collect(Collectors.joining(", "));
    }
}
