package io.animops.operator.standalone;

import io.quarkus.vertx.http.HttpServerStart;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;

/** Prints the standalone banner when the operator's HTTP server listens; does nothing outside standalone mode. */
@ApplicationScoped
class StandaloneBanner {
    // Quarkus fires HttpServerStart asynchronously, so a synchronous observer would never be called
    void onHttpServerStart(@ObservesAsync HttpServerStart start) {
        String banner = StandaloneLauncher.takeBanner(start.options().getPort());
        if (banner != null) {
            System.out.println(banner);
        }
    }
}
