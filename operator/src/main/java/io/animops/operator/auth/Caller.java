package io.animops.operator.auth;

/**
 * Who makes a request: a signed-in person (by session) or the operator token.
 *
 * @param sessionIdHash null for the token
 * @param restriction   null, or why a session may only reach its own /api/v1/session routes (a one-time password
 *                      to change, TOTP to enrol)
 */
public record Caller(String name, Role role, long userId, String sessionIdHash, String csrfToken, String restriction) {
    public static final String TOKEN_ACTOR_PREFIX = "token:";

    public static Caller token(String tokenName, Role role) {
        return new Caller(TOKEN_ACTOR_PREFIX + tokenName, role, -1, null, null, null);
    }

    public boolean isToken() {
        return sessionIdHash == null;
    }

    /** The audit log's actor: the user's name, or {@code token:<name>}. */
    public String actor() {
        return name;
    }
}
