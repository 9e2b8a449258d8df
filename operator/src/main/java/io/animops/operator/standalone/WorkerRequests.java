package io.animops.operator.standalone;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import org.jboss.logging.Logger;

import java.util.Locale;
import java.util.function.Function;

/**
 * Writes (create, replace, patch, delete) answered from a worker thread instead of the event loop: each commits to
 * PostgreSQL before it is answered, and while it waits for that commit the event loop goes on serving reads and
 * watches. The request is read and the answer written on the event loop, as the mock web server's handler does;
 * writes keep their order through the dispatcher's write lock, which also orders their resourceVersions.
 */
final class WorkerRequests {
    private static final Logger LOG = Logger.getLogger(WorkerRequests.class);

    private WorkerRequests() {}

    /** Whether the request writes: answered by {@link #answer}; reads, watches and upgrades stay on the event loop. */
    static boolean writes(HttpServerRequest request) {
        return request.getHeader("Upgrade") == null
                && switch (request.method().name()) {
                    case "POST", "PUT", "PATCH", "DELETE" -> true;
                    default -> false;
                };
    }

    /** Reads the request, answers it with {@code dispatch} on a worker thread, and writes the answer. */
    static void answer(Vertx vertx, HttpServerRequest request, Function<RecordedRequest, MockResponse> dispatch) {
        boolean hasBody = request.getHeader("Transfer-Encoding") != null || contentLength(request) > 0;
        request.body()
                .compose(body -> {
                    RecordedRequest recorded = new RecordedRequest(
                            request.version().alpnName().toUpperCase(Locale.ROOT),
                            HttpMethod.fromVertx(request.method()),
                            request.uri(),
                            Headers.builder().addAll(request.headers()).build(),
                            new Buffer(hasBody ? body.getBytes() : null));
                    return vertx.executeBlocking(() -> dispatch.apply(recorded), false);
                })
                .onSuccess(answer -> write(request.response(), answer))
                .onFailure(e -> {
                    LOG.errorf(e, "embedded API failed on %s %s", request.method(), request.uri());
                    if (!request.response().headWritten()) {
                        request.response().setStatusCode(500).end();
                    }
                });
    }

    /** The answer as the mock web server writes it: code, headers, and the body with its length. */
    private static void write(HttpServerResponse response, MockResponse answer) {
        response.setStatusCode(answer.code());
        answer.getHeaders()
                .toMultimap()
                .forEach((name, values) -> response.headers().add(name, values));
        if (answer.getBody() != null && answer.getBody().size() > 0) {
            response.headers()
                    .add("Content-Length", String.valueOf(answer.getBody().size()));
            response.send(io.vertx.core.buffer.Buffer.buffer(answer.getBody().getBytes()));
        } else {
            response.end();
        }
    }

    private static int contentLength(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        try {
            return length == null || length.isBlank() ? 0 : Integer.parseInt(length.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
