package io.animops.operator.auth;

import java.time.Instant;

/** A person who signs in; the row of {@code users}. Secrets stay inside the auth package. */
public record User(
        long id,
        String name,
        Role role,
        String passwordHash,
        boolean mustChangePassword,
        boolean disabled,
        String totpSecret,
        String totpPendingSecret,
        Long totpLastStep,
        Instant createdAt,
        Instant lastSignInAt) {
    public boolean totpEnrolled() {
        return totpSecret != null;
    }

    /** What an admin sees of a user: no hash, no secret. */
    public record Summary(
            String name,
            String role,
            boolean disabled,
            boolean totpEnrolled,
            boolean mustChangePassword,
            Instant createdAt,
            Instant lastSignInAt) {}

    public Summary summary() {
        return new Summary(name, role.id(), disabled, totpEnrolled(), mustChangePassword, createdAt, lastSignInAt);
    }
}
