package io.animops.operator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.animops.operator.common.ApiProblem;
import io.animops.operator.config.AnimOpsConfig;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * The body limit of every route ({@code animops.api.max-body-size}, 1 MiB by default), artifact uploads excepted:
 * they stream to disk under their own limit. A body announced larger in Content-Length is refused with a 413
 * problem before a byte of it is read, and the connection closed after it. A chunked body is cut as soon as it
 * passes the limit: Quarkus REST reads it through a stream that honours the request's {@link #MAX_REQUEST_SIZE}
 * (answering a bare 413 and closing the connection). Quarkus' own {@code quarkus.http.limits.max-body-size} is one
 * limit for every route; it stays above the upload limit, and this route, which runs after it, lowers it.
 */
@ApplicationScoped
public class RequestBodyLimit {
    /** The per-request limit Quarkus' HTTP layer sets and its request streams honour (VertxInputStream). */
    static final String MAX_REQUEST_SIZE = "io.quarkus.max-request-size";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final long maxBytes;

    RequestBodyLimit(AnimOpsConfig animops) {
        this.maxBytes = animops.api().maxBodySize().asLongValue();
    }

    void install(@Observes Router router) {
        // after Quarkus' own limit (which sets MAX_REQUEST_SIZE to quarkus.http.limits.max-body-size), before the
        // REST endpoints, which read the body
        router.route().order(RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT + 1).handler(this::check);
    }

    private void check(RoutingContext context) {
        if (SignedLinkResource.upload(context.request().method().name(), context.normalizedPath())) {
            context.next();
            return;
        }
        String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && parseLength(length) > maxBytes) {
            // closing after the answer leaves the body unread
            String detail = "the request body is limited to " + maxBytes + " bytes (animops.api.max-body-size); "
                    + "Content-Length announces " + length.trim();
            answer(context, new ApiProblem(413, "Content Too Large", "body", detail), true);
            return;
        }
        context.put(MAX_REQUEST_SIZE, maxBytes);
        context.next();
    }

    /** Content-Length as a number; one that is not a number is longer than any limit. */
    private static long parseLength(String header) {
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Answers the problem from a route handler, outside JAX-RS; closes the connection after it when told to. */
    static void answer(RoutingContext context, ApiProblem problem, boolean close) {
        Buffer body;
        try {
            body = Buffer.buffer(JSON.writeValueAsBytes(ApiProblemMapper.body(problem, context.normalizedPath())));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a problem answer is plain JSON", e);
        }
        HttpServerResponse response = context.response()
                .setStatusCode(problem.status)
                .putHeader(HttpHeaders.CONTENT_TYPE, ApiProblemMapper.PROBLEM_JSON);
        if (problem.status == 401) {
            response.putHeader("WWW-Authenticate", ApiProblemMapper.BEARER_CHALLENGE);
        }
        if (close) {
            response.putHeader(HttpHeaders.CONNECTION, HttpHeaders.CLOSE);
            response.end(body).onComplete(done -> context.request().connection().close());
        } else {
            response.end(body);
        }
    }
}
