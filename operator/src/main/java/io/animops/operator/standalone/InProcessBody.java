package io.animops.operator.standalone;

import io.fabric8.kubernetes.client.http.AsyncBody;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A response body handed over in this JVM, read as Fabric8 reads an HTTP body: the client asks for more with
 * {@link #consume()}, and gets everything offered since its last ask in one call of its consumer, in order, on
 * {@code deliveries}. {@link #done()} completes once the body is ended and all of it delivered, or when the client
 * cancels (then {@code onCancel} runs, e.g. to stop a watch).
 */
final class InProcessBody implements AsyncBody {
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final OrderedDelivery<ByteBuffer> delivery;

    InProcessBody(AsyncBody.Consumer<List<ByteBuffer>> consumer, Executor deliveries, Runnable onCancel) {
        delivery = new OrderedDelivery<>(
                deliveries,
                buffers -> consumer.consume(buffers, this),
                () -> done.complete(null),
                done::completeExceptionally);
        done.whenComplete((v, e) -> {
            if (done.isCancelled()) {
                delivery.stop();
                onCancel.run();
            }
        });
    }

    /** A whole body, delivered on the thread that asks for it. */
    static InProcessBody of(byte[] bytes, AsyncBody.Consumer<List<ByteBuffer>> consumer) {
        InProcessBody body = new InProcessBody(consumer, Runnable::run, () -> {});
        if (bytes.length > 0) {
            body.offer(ByteBuffer.wrap(bytes));
        }
        body.end();
        return body;
    }

    /** Adds to the body; false once the client cancelled it or it failed. */
    boolean offer(ByteBuffer bytes) {
        return delivery.offer(bytes);
    }

    /** Ends the body: done once what was offered is delivered. */
    void end() {
        delivery.end();
    }

    @Override
    public void consume() {
        delivery.demand();
    }

    @Override
    public CompletableFuture<Void> done() {
        return done;
    }

    @Override
    public void cancel() {
        done.cancel(false);
    }
}
