package io.animops.operator.standalone;

import io.fabric8.mockwebserver.http.MockResponse;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;

import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A watch over plain HTTP, as kubectl and client-go's HTTP watches stream it: one chunked 200 response carrying
 * one JSON event per line, ended when the watch ends or the client goes. The mock web server can only answer a
 * request with one finished body, so the embedded API's HTTP server hands these requests here.
 */
final class HttpWatchStream extends WatchLog.EventStream {
    private final HttpServerResponse response;

    private HttpWatchStream(HttpServerResponse response, StandaloneApiDispatcher dispatcher) {
        super(dispatcher);
        this.response = response;
    }

    /** Streams the watch the request asks for, or answers the refusal of it. */
    static void serve(HttpServerRequest request, StandaloneApiDispatcher dispatcher) {
        HttpServerResponse response = request.response();
        HttpWatchStream stream = new HttpWatchStream(response, dispatcher);
        AtomicReference<WatchLog.Watch> open = new AtomicReference<>();
        response.setChunked(true).setStatusCode(200).putHeader("Content-Type", "application/json");
        response.closeHandler(v -> Optional.ofNullable(open.get()).ifPresent(WatchLog.Watch::stop));
        Optional<MockResponse> refused =
                dispatcher.watch(request.uri(), request.getHeader("Accept"), stream, open::set);
        refused.ifPresent(r -> {
            response.setStatusCode(r.code());
            response.end(Buffer.buffer(r.getBody().getBytes()));
        });
    }

    @Override
    public boolean sendWritten(WatchLog.WrittenEvent event) {
        if (response.closed() || response.ended()) {
            return false;
        }
        response.write(event.line());
        return true;
    }

    @Override
    public void close() {
        if (!response.closed() && !response.ended()) {
            response.end();
        }
    }
}
