package io.animops.operator.auth;

import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The caller of the current request, as {@link ApiAuthFilter} authenticated it. Kept on the Vert.x routing context,
 * which follows the request across the threads it runs on.
 */
@RequestScoped
public class CallerContext {
    private static final String KEY = Caller.class.getName();

    @Inject
    RoutingContext routing;

    public static void set(RoutingContext routing, Caller caller) {
        routing.put(KEY, caller);
    }

    /** The caller; an API request that reached its resource always has one unless its route is public. */
    public Caller caller() {
        Caller caller = routing.get(KEY);
        if (caller == null) {
            throw new IllegalStateException("no authenticated caller for this request");
        }
        return caller;
    }
}
