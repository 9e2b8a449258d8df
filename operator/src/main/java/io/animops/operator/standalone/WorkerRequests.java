package io.animops.operator.standalone;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import org.jboss.logging.Logger;

import java.util.Locale;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The requests of a durable API, answered only once what they wrote or read is committed. Writes (create, replace,
 * patch, delete) are answered from a worker thread instead of the event loop: each commits to PostgreSQL before it
 * is answered, and while it waits for that commit the event loop goes on serving reads and watches. Reads run on the
 * event loop, and their answer waits, without blocking it, for the commit of every change they could have seen. The
 * request is read and the answer written on the event loop, as the mock web server's handler does; writes keep their
 * order through the dispatcher's write lock, which also orders their resourceVersions.
 */
final class WorkerRequests {
    private static final Logger LOG = Logger.getLogger(WorkerRequests.class);

    private WorkerRequests() {}

    /** Whether the request writes: answered by {@link #answer}; reads, watches and upgrades stay on the event loop. */
    static boolean writes(HttpServerRequest request) {
        return request.getHeader("Upgrade") == null && writes(request.method().name());
    }

    /** Whether a request of this method writes. */
    static boolean writes(String method) {
        return switch (method) {
            case "POST", "PUT", "PATCH", "DELETE" -> true;
            default -> false;
        };
    }

    /** Whether the request reads: answered by {@link #answerOnceCommitted}. */
    static boolean reads(HttpServerRequest request) {
        return request.getHeader("Upgrade") == null && request.method().name().equals("GET");
    }

    /** Reads the request, answers it with {@code dispatch} on a worker thread, and writes the answer. */
    static void answer(Vertx vertx, HttpServerRequest request, Function<RecordedRequest, MockResponse> dispatch) {
        request.body()
                .compose(body -> vertx.executeBlocking(() -> dispatch.apply(recorded(request, body)), false))
                .onSuccess(answer -> write(request.response(), answer))
                .onFailure(e -> failed(request, e));
    }

    /**
     * Reads the request, answers it with {@code dispatch} here, and writes the answer once {@code committedSoFar}
     * (asked after the dispatch) completes. Should that commit fail, the request is dispatched again: the API then
     * answers every request 503.
     */
    static void answerOnceCommitted(
            HttpServerRequest request,
            Function<RecordedRequest, MockResponse> dispatch,
            Supplier<CompletionStage<Void>> committedSoFar) {
        Context eventLoop = Vertx.currentContext();
        request.body()
                .compose(body -> {
                    RecordedRequest recorded = recorded(request, body);
                    MockResponse answer = dispatch.apply(recorded);
                    return Future.fromCompletionStage(committedSoFar.get(), eventLoop)
                            .map(answer)
                            .recover(e -> Future.succeededFuture(dispatch.apply(recorded)));
                })
                .onSuccess(answer -> write(request.response(), answer))
                .onFailure(e -> failed(request, e));
    }

    private static RecordedRequest recorded(HttpServerRequest request, io.vertx.core.buffer.Buffer body) {
        boolean hasBody = request.getHeader("Transfer-Encoding") != null || contentLength(request) > 0;
        return new RecordedRequest(
                request.version().alpnName().toUpperCase(Locale.ROOT),
                HttpMethod.fromVertx(request.method()),
                request.uri(),
                Headers.builder().addAll(request.headers()).build(),
                new Buffer(hasBody ? body.getBytes() : null));
    }

    private static void failed(HttpServerRequest request, Throwable e) {
        LOG.errorf(e, "embedded API failed on %s %s", request.method(), request.uri());
        if (!request.response().headWritten()) {
            request.response().setStatusCode(500).end();
        }
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
