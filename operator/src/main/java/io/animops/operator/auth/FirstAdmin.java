package io.animops.operator.auth;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * With {@code animops.auth.first-admin} (the standalone mode sets it), a database without users gets user
 * {@code admin} at start, with a one-time password printed once on the console (not logged) and to be changed at
 * the first sign-in. In the standalone mode the password goes into the banner instead, with the panel's URL, so that
 * it is not lost above the startup log.
 */
@ApplicationScoped
public class FirstAdmin {
    public static final String NAME = "admin";
    private static final String STANDALONE_PROFILE = "standalone";

    @Inject
    AuthConfig config;

    @Inject
    DataSource dataSource;

    @Inject
    AuthService auth;

    @Inject
    Clock clock;

    private boolean checked;
    /** The one-time password made at this start, until the standalone banner takes it. */
    private String untold;

    void onStart(@Observes StartupEvent start) throws SQLException {
        if (config.firstAdmin()) {
            if (ConfigUtils.isProfileActive(STANDALONE_PROFILE)) {
                check();
            } else {
                createIfNoUsers(System.out);
            }
        }
    }

    /**
     * The one-time password when this start made the admin, once (the standalone banner shows it); whichever of the
     * banner and the start event comes first makes the user.
     */
    public synchronized Optional<String> takeOneTimePassword() throws SQLException {
        if (!config.firstAdmin()) {
            return Optional.empty();
        }
        check();
        Optional<String> password = Optional.ofNullable(untold);
        untold = null;
        return password;
    }

    private synchronized void check() throws SQLException {
        if (!checked) {
            untold = create().orElse(null);
            checked = true;
        }
    }

    /** Creates the admin when there is no user; true when it did. */
    boolean createIfNoUsers(PrintStream console) throws SQLException {
        Optional<String> created = create();
        if (created.isEmpty()) {
            return false;
        }
        String password = created.get();
        console.printf("""

                ================================================================================
                 First sign-in: user '%s', one-time password  %s
                 (shown only now; to be changed at the first sign-in: POST /api/v1/session)
                ================================================================================
                """, NAME, password);
        console.flush();
        return true;
    }

    private Optional<String> create() throws SQLException {
        String password = UserStore.oneTimePassword();
        try (Connection c = dataSource.getConnection()) {
            if (UserStore.any(c)
                    || !UserStore.add(c, NAME, Role.ADMIN, auth.argon2().hash(password), true, Instant.now(clock))) {
                return Optional.empty();
            }
        }
        return Optional.of(password);
    }
}
