package io.animops.operator.standalone;

import io.animops.operator.auth.FirstAdmin;
import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;

import java.sql.SQLException;
import java.util.Optional;

/** Prints the standalone banner when the operator's HTTP server listens; does nothing outside standalone mode. */
@ApplicationScoped
class StandaloneBanner {
    @Inject
    FirstAdmin firstAdmin;

    // Quarkus fires HttpServerStart asynchronously, so a synchronous observer would never be called
    void onHttpServerStart(@ObservesAsync HttpServerStart start) {
        String banner = StandaloneLauncher.takeBanner(start.options().getPort(), this::oneTimePassword);
        if (banner != null) {
            System.out.println(banner);
        }
    }

    private Optional<String> oneTimePassword() {
        try {
            return firstAdmin.takeOneTimePassword();
        } catch (SQLException e) {
            throw new IllegalStateException("making the first admin failed: " + e.getMessage(), e);
        }
    }
}
