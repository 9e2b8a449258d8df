package io.animops.operator.api;

import io.animops.operator.auth.*;

import java.util.List;
import java.util.Set;

/**
 * Which caller each API route needs, by rule rather than by a list of routes, so that a new route is covered the
 * moment it exists: reading needs a viewer; acting on ideas, attempts, renders, QC, publications and cleanup an
 * operator; users, accounts and the sign-in policy an admin, for reading too; any other write an admin (deny by
 * default). The OpenAPI document states the outcome on every operation ({@code x-animops-role}).
 */
public final class AccessPolicy {
    /** What a route needs, from nothing to an admin. */
    public enum Access {
        /** no caller: the OpenAPI document, signed artifact links, the sign-in steps */
        PUBLIC,
        /** any signed-in caller, even one that must change a one-time password or enrol TOTP first */
        SIGNED_IN,
        VIEWER,
        OPERATOR,
        ADMIN;

        /** The role this access needs, or null for PUBLIC and SIGNED_IN. */
        public Role role() {
            return switch (this) {
                case VIEWER -> Role.VIEWER;
                case OPERATOR -> Role.OPERATOR;
                case ADMIN -> Role.ADMIN;
                default -> null;
            };
        }
    }

    public static final String SESSION = "/api/v1/session";
    public static final String SESSION_TOTP = SESSION + "/totp";
    public static final String AUTH_POLICY = "/api/v1/auth-policy";
    static final List<String> OPERATOR_WRITES = List.of(
            "/api/v1/ideas",
            "/api/v1/attempts",
            "/api/v1/renders",
            "/api/v1/qc",
            "/api/v1/publications",
            "/api/v1/cleanup",
            "/api/v1/schedules");
    static final List<String> ADMIN_ONLY = List.of("/api/v1/users", "/api/v1/accounts", AUTH_POLICY);
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

    private AccessPolicy() {}

    /** Whether a request with this method must carry the session's CSRF token. */
    public static boolean changesState(String method) {
        return !READS.contains(method);
    }

    /** What a request needs; null for paths outside the API (health, metrics), which this policy does not guard. */
    public static Access required(String method, String path) {
        if (!path.startsWith("/api/") && !path.equals("/api")) {
            return null;
        }
        if (path.equals(OpenApiResource.PATH) || SignedLinkResource.signedLink(method, path)) {
            return Access.PUBLIC;
        }
        if ("POST".equals(method) && (path.equals(SESSION) || path.equals(SESSION_TOTP))) {
            return Access.PUBLIC;
        }
        if (under(path, SESSION)) {
            return Access.SIGNED_IN;
        }
        if (ADMIN_ONLY.stream().anyMatch(p -> under(path, p))) {
            return Access.ADMIN;
        }
        if (!changesState(method)) {
            return Access.VIEWER;
        }
        return OPERATOR_WRITES.stream().anyMatch(p -> under(path, p)) ? Access.OPERATOR : Access.ADMIN;
    }

    private static boolean under(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }
}
