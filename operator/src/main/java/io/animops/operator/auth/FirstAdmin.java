package io.animops.operator.auth;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import javax.sql.DataSource;
import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;

/**
 * With {@code animops.auth.first-admin} (the standalone mode sets it), a database without users gets user
 * {@code admin} at start, with a one-time password printed once on the console (not logged) and to be changed at
 * the first sign-in.
 */
@ApplicationScoped
public class FirstAdmin {
    public static final String NAME = "admin";

    @Inject
    AuthConfig config;
    @Inject
    DataSource dataSource;
    @Inject
    AuthService auth;
    @Inject
    Clock clock;

    void onStart(@Observes StartupEvent start) throws SQLException {
        if (config.firstAdmin()) {
            createIfNoUsers(System.out);
        }
    }

    /** Creates the admin when there is no user; true when it did. */
    boolean createIfNoUsers(PrintStream console) throws SQLException {
        String password = UserStore.oneTimePassword();
        try (Connection c = dataSource.getConnection()) {
            if (UserStore.any(c)
                    || !UserStore.add(c, NAME, Role.ADMIN, auth.argon2().hash(password), true, Instant.now(clock))) {
                return false;
            }
        }
        console.printf("""

                ================================================================================
                 First sign-in: user '%s', one-time password  %s
                 (shown only now; to be changed at the first sign-in: POST /api/v1/session)
                ================================================================================
                """, NAME, password);
        console.flush();
        return true;
    }
}
