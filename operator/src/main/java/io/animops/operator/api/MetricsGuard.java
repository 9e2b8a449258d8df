package io.animops.operator.api;

import io.animops.operator.common.ApiProblem;
import io.animops.operator.config.AnimOpsConfig;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

/**
 * {@code /q/metrics} behind the API token when {@code animops.metrics.require-token} is true: the standalone mode
 * runs on a workstation, where anyone who can reach the port would otherwise read the pipeline's figures. In a
 * cluster Prometheus scrapes without a token, inside the cluster network, so the default is false there.
 */
@ApplicationScoped
public class MetricsGuard {
    static final String PATH = "/q/metrics";

    @Inject
    AnimOpsConfig animops;

    @Inject
    ApiAuthFilter tokens;

    void install(@Observes Router router) {
        if (animops.metrics().requireToken()) {
            router.route(PATH + "*")
                    .order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT - 1)
                    .handler(this::check);
        }
    }

    private void check(RoutingContext context) {
        String reason = tokens.rejection(context.request().getHeader(HttpHeaders.AUTHORIZATION));
        if (reason == null) {
            context.next();
            return;
        }
        RequestBodyLimit.answer(
                context,
                ApiProblem.unauthorized(
                        reason + " (/q/metrics needs the API token here: " + "animops.metrics.require-token)"),
                false);
    }
}
