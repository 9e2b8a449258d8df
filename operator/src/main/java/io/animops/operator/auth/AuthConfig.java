package io.animops.operator.auth;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Sign-in settings (prefix {@code animops.auth}); docs/security.md explains each. */
@ConfigMapping(prefix = "animops.auth")
public interface AuthConfig {
    /** The operator token's identity: audited as {@code token:<name>}, allowed what {@link #tokenRole} allows. */
    @WithDefault("operator")
    String tokenName();

    @WithDefault("operator")
    Role tokenRole();

    Session session();

    Argon2 argon2();

    RateLimit rateLimit();

    /** Shown by authenticator apps above the account name. */
    @WithDefault("AnimOps")
    String totpIssuer();

    /** Creates user {@code admin} with a one-time password at start when there is no user (the standalone mode). */
    @WithDefault("false")
    boolean firstAdmin();

    interface Session {
        /** A session unused this long ends. */
        @WithDefault("30m")
        Duration idleTimeout();

        /** A session ends this long after sign-in, used or not. */
        @WithDefault("12h")
        Duration absoluteTimeout();

        /** Time to complete the TOTP step after the password. */
        @WithDefault("5m")
        Duration totpTimeout();

        /**
         * Mark the session cookie {@code Secure} on every answer, not only those of requests that came over TLS: for a
         * panel served over HTTPS by a proxy that does not forward the scheme (the chart sets it behind TLS).
         */
        @WithDefault("false")
        boolean secureCookie();
    }

    /** Parameters of new password hashes; hashes made with others are replaced at the next sign-in. */
    interface Argon2 {
        @WithDefault("19456")
        int memoryKib();

        @WithDefault("2")
        int iterations();

        @WithDefault("1")
        int parallelism();
    }

    /** Per replica, in memory: attempts of sign-in and TOTP steps per client IP and per user name. */
    interface RateLimit {
        @WithDefault("10")
        int ipAttempts();

        @WithDefault("1m")
        Duration ipPeriod();

        @WithDefault("5")
        int nameAttempts();

        @WithDefault("5m")
        Duration namePeriod();
    }
}
