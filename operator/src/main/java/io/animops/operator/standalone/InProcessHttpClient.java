package io.animops.operator.standalone;

import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.http.AsyncBody;
import io.fabric8.kubernetes.client.http.HttpClient;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.HttpResponse;
import io.fabric8.kubernetes.client.http.StandardHttpClient;
import io.fabric8.kubernetes.client.http.StandardHttpClientBuilder;
import io.fabric8.kubernetes.client.http.StandardHttpRequest;
import io.fabric8.kubernetes.client.http.StandardWebSocketBuilder;
import io.fabric8.kubernetes.client.http.WebSocket;
import io.fabric8.kubernetes.client.http.WebSocketResponse;
import io.fabric8.kubernetes.client.http.WebSocketUpgradeResponse;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * A Fabric8 HTTP client whose requests go to the embedded API of the same JVM without a socket: the standalone
 * operator's own client. Each request is answered as the API's HTTP server answers it ({@link EmbeddedKubernetesApi}):
 * a write on a worker once committed, a read once every change it could have seen is committed, a watch as the lines
 * an HTTP watch streams or, opened as a WebSocket, one message per event ({@link InProcessWebSocket}). Over loopback
 * HTTP, both ends encoded and parsed every request: in the 1,000-idea bench the operator used about 120 s of CPU that
 * way and about 106 s this way with HTTP watches (bench/pipeline/README.md). kubectl, the render agents and every other
 * process still reach the API over HTTP. The only WebSockets it opens are watches.
 */
final class InProcessHttpClient
        extends StandardHttpClient<InProcessHttpClient, InProcessHttpClient.Factory, InProcessHttpClient.Builder> {

    /** What the client needs of the API it is handed to; {@code workers} may block (a write waiting for its commit). */
    record Api(
            StandaloneApiDispatcher dispatcher,
            Supplier<CompletionStage<Void>> committedSoFar,
            Executor workers,
            Supplier<Executor> watchDeliveries,
            ApiRequestCounts requests) {}

    /** The methods the API's dispatcher takes (the mock web server's). */
    private static final Set<String> SENT_METHODS =
            Arrays.stream(HttpMethod.values()).map(Enum::name).collect(Collectors.toUnmodifiableSet());

    private final Api api;

    private InProcessHttpClient(Builder builder, AtomicBoolean closed) {
        super(builder, closed);
        this.api = builder.getClientFactory().api;
    }

    /** Only watches: the operator opens no other WebSocket (no exec, attach or port-forward in standalone mode). */
    @Override
    public CompletableFuture<WebSocketResponse> buildWebSocketDirect(
            StandardWebSocketBuilder webSocketBuilder, WebSocket.Listener listener) {
        StandardHttpRequest request = webSocketBuilder.asHttpRequest();
        Optional<Throwable> unsendable = unsendable(request);
        if (unsendable.isPresent()) {
            return CompletableFuture.failedFuture(unsendable.get());
        }
        RecordedRequest recorded = recorded(request);
        Optional<ResourcePath> watched = WatchRequest.watchTarget(recorded.getMethod(), recorded.getPath());
        if (watched.isEmpty()) {
            return CompletableFuture.failedFuture(new UnsupportedOperationException(
                    "the in-process client opens WebSockets for watches only, not " + recorded.getPath()));
        }
        AtomicReference<WatchLog.Watch> open = new AtomicReference<>();
        InProcessWebSocket socket =
                new InProcessWebSocket(listener, api.watchDeliveries().get(), () -> stop(open));
        Optional<MockResponse> refused = openWatch(
                recorded,
                watched.get(),
                new InProcessStream(api, event -> socket.offer(event.json()), socket::end),
                open);
        if (refused.isPresent()) {
            Map<String, List<String>> headers = refused.get().getHeaders().toMultimap();
            return CompletableFuture.completedFuture(new WebSocketResponse(
                    new WebSocketUpgradeResponse(request, refused.get().code(), headers),
                    new KubernetesClientException(
                            refused.get().getBody().readUtf8(), refused.get().code(), null)));
        }
        socket.open();
        return CompletableFuture.completedFuture(new WebSocketResponse(new WebSocketUpgradeResponse(request), socket));
    }

    @Override
    public CompletableFuture<HttpResponse<AsyncBody>> consumeBytesDirect(
            StandardHttpRequest request, AsyncBody.Consumer<List<ByteBuffer>> consumer) {
        Optional<Throwable> unsendable = unsendable(request);
        if (unsendable.isPresent()) {
            return CompletableFuture.failedFuture(unsendable.get());
        }
        RecordedRequest recorded;
        try {
            recorded = recorded(request);
        } catch (UncheckedIOException e) {
            return CompletableFuture.failedFuture(e.getCause());
        }
        Optional<ResourcePath> watched = WatchRequest.watchTarget(recorded.getMethod(), recorded.getPath());
        if (watched.isPresent()) {
            return CompletableFuture.completedFuture(watch(request, recorded, watched.get(), consumer));
        }
        if (WorkerRequests.writes(recorded.getMethod())) {
            // a durable write waits for its commit: on a worker, as over HTTP
            return CompletableFuture.supplyAsync(() -> api.dispatcher().dispatch(recorded), api.workers())
                    .thenApply(answer -> response(request, answer, consumer));
        }
        MockResponse answer = api.dispatcher().dispatch(recorded);
        CompletableFuture<Void> committed = api.committedSoFar().get().toCompletableFuture();
        if (committed.isDone() && !committed.isCompletedExceptionally()) {
            return CompletableFuture.completedFuture(response(request, answer, consumer));
        }
        // not on the committing thread: the client goes on from where the answer completes
        return committed.handleAsync(
                (v, failed) -> response(
                        request, failed == null ? answer : api.dispatcher().dispatch(recorded), consumer),
                api.workers());
    }

    /** Why the request cannot be sent: the client is closed, or the API has no such method (the mock's methods). */
    private Optional<Throwable> unsendable(StandardHttpRequest request) {
        if (closed.get()) {
            return Optional.of(new IllegalStateException("the in-process client is closed"));
        }
        if (!SENT_METHODS.contains(request.method())) {
            return Optional.of(new UnsupportedOperationException(
                    "the in-process client does not send " + request.method() + " requests"));
        }
        return Optional.empty();
    }

    private HttpResponse<AsyncBody> watch(
            StandardHttpRequest request,
            RecordedRequest recorded,
            ResourcePath target,
            AsyncBody.Consumer<List<ByteBuffer>> consumer) {
        AtomicReference<WatchLog.Watch> open = new AtomicReference<>();
        InProcessBody body = new InProcessBody(consumer, api.watchDeliveries().get(), () -> stop(open));
        Optional<MockResponse> refused = openWatch(
                recorded, target, new InProcessStream(api, event -> body.offer(lineOf(event)), body::end), open);
        if (refused.isPresent()) {
            return response(request, refused.get(), consumer);
        }
        return new Response(request, 200, Map.of("Content-Type", List.of("application/json")), body);
    }

    /** The event's line as an HTTP watch streams it, in a view of its own: every watch it goes to shares the line. */
    private static ByteBuffer lineOf(WatchLog.WrittenEvent event) {
        return event.line().getByteBuf().nioBuffer();
    }

    /** Opens the watch the request asks for, streaming into {@code sink}; the API's answer when it refuses it. */
    private Optional<MockResponse> openWatch(
            RecordedRequest recorded, ResourcePath target, WatchLog.Sink sink, AtomicReference<WatchLog.Watch> open) {
        api.requests().count("WATCH", target);
        return api.dispatcher().watch(recorded.getPath(), recorded.getHeader("Accept"), sink, open::set);
    }

    private static void stop(AtomicReference<WatchLog.Watch> open) {
        Optional.ofNullable(open.get()).ifPresent(WatchLog.Watch::stop);
    }

    private static HttpResponse<AsyncBody> response(
            StandardHttpRequest request, MockResponse answer, AsyncBody.Consumer<List<ByteBuffer>> consumer) {
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(answer.getHeaders().toMultimap());
        byte[] bytes = answer.getBody() == null ? new byte[0] : answer.getBody().getBytes();
        return new Response(request, answer.code(), headers, InProcessBody.of(bytes, consumer));
    }

    /** The request as the API's HTTP server records it: method, path with query, headers and body. */
    static RecordedRequest recorded(StandardHttpRequest request) {
        URI uri = request.uri();
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        Headers.Builder headers = Headers.builder();
        request.headers().forEach((name, values) -> values.forEach(value -> headers.add(name, value)));
        if (request.getContentType() != null && request.header("Content-Type") == null) {
            headers.add("Content-Type", request.getContentType());
        }
        byte[] body = bodyOf(request.body());
        return new RecordedRequest(
                "HTTP/1.1", HttpMethod.valueOf(request.method()), path, headers.build(), new Buffer(body));
    }

    private static byte[] bodyOf(StandardHttpRequest.BodyContent content) {
        if (content instanceof StandardHttpRequest.StringBodyContent text) {
            return text.getContent().getBytes(StandardCharsets.UTF_8);
        }
        if (content instanceof StandardHttpRequest.ByteArrayBodyContent bytes) {
            return bytes.getContent();
        }
        if (content instanceof StandardHttpRequest.InputStreamBodyContent stream) {
            try (InputStream in = stream.getContent()) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return null;
    }

    @Override
    protected void doClose() {
        // nothing to release: the API's threads are the API's
    }

    /** A watch's events handed to the client: {@code send} delivers one, {@code end} ends the watch's stream. */
    private static final class InProcessStream extends WatchLog.EventStream {
        private final Predicate<WatchLog.WrittenEvent> send;
        private final Runnable end;

        InProcessStream(Api api, Predicate<WatchLog.WrittenEvent> send, Runnable end) {
            super(api.dispatcher());
            this.send = send;
            this.end = end;
        }

        @Override
        public boolean sendWritten(WatchLog.WrittenEvent event) {
            return send.test(event);
        }

        @Override
        public void close() {
            end.run();
        }
    }

    private record Response(HttpRequest request, int code, Map<String, List<String>> headers, AsyncBody body)
            implements HttpResponse<AsyncBody> {
        @Override
        public List<String> headers(String name) {
            return headers.getOrDefault(name, List.of());
        }

        @Override
        public Optional<HttpResponse<?>> previousResponse() {
            return Optional.empty();
        }
    }

    /** Makes clients of one embedded API; found by no service loader, only handed over. */
    static final class Factory implements HttpClient.Factory {
        private final Api api;

        Factory(Api api) {
            this.api = api;
        }

        @Override
        public Builder newBuilder() {
            return new Builder(this);
        }
    }

    static final class Builder extends StandardHttpClientBuilder<InProcessHttpClient, Factory, Builder> {
        private Builder(Factory factory) {
            super(factory);
        }

        @Override
        protected Builder newInstance(Factory factory) {
            return new Builder(factory);
        }

        @Override
        public InProcessHttpClient build() {
            // a derived client shares its parent's closing
            return new InProcessHttpClient(this, client == null ? new AtomicBoolean() : client.getClosed());
        }
    }
}
