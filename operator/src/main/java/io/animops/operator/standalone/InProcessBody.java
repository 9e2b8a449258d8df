package io.animops.operator.standalone;

import io.fabric8.kubernetes.client.http.AsyncBody;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * A response body handed over in this JVM, read as Fabric8 reads an HTTP body: the client asks for more with
 * {@link #consume()}, and gets everything offered since its last ask in one call of its consumer. Deliveries run one
 * at a time and in order on {@code deliveries}; {@link #done()} completes once the body is ended and all of it
 * delivered, or when the client cancels (then {@code onCancel} runs, e.g. to stop a watch).
 */
final class InProcessBody implements AsyncBody {
    private final AsyncBody.Consumer<List<ByteBuffer>> consumer;
    private final Executor deliveries;
    private final Runnable onCancel;
    private final CompletableFuture<Void> done = new CompletableFuture<>();

    private List<ByteBuffer> pending = new ArrayList<>();
    private boolean demanded;
    private boolean ended;
    private boolean draining;

    InProcessBody(AsyncBody.Consumer<List<ByteBuffer>> consumer, Executor deliveries, Runnable onCancel) {
        this.consumer = consumer;
        this.deliveries = deliveries;
        this.onCancel = onCancel;
        done.whenComplete((v, e) -> {
            if (done.isCancelled()) {
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
        synchronized (this) {
            if (done.isDone() || ended) {
                return !done.isDone();
            }
            pending.add(bytes);
        }
        drain();
        return true;
    }

    /** Ends the body: done once what was offered is delivered. */
    void end() {
        synchronized (this) {
            ended = true;
        }
        drain();
    }

    @Override
    public void consume() {
        synchronized (this) {
            demanded = true;
        }
        drain();
    }

    @Override
    public CompletableFuture<Void> done() {
        return done;
    }

    @Override
    public void cancel() {
        done.cancel(false);
    }

    private void drain() {
        synchronized (this) {
            if (draining) {
                return;
            }
            draining = true;
        }
        deliveries.execute(this::deliver);
    }

    /** Delivers while the client asks; a consumer asking again from within its call is served by this loop. */
    private void deliver() {
        while (true) {
            List<ByteBuffer> chunk;
            synchronized (this) {
                boolean finished = pending.isEmpty() && ended;
                if (done.isDone() || finished || !demanded || pending.isEmpty()) {
                    draining = false;
                    if (finished) {
                        done.complete(null);
                    }
                    return;
                }
                demanded = false;
                chunk = pending;
                pending = new ArrayList<>();
            }
            try {
                consumer.consume(chunk, this);
            } catch (Exception e) {
                synchronized (this) {
                    draining = false;
                }
                done.completeExceptionally(e);
                return;
            }
        }
    }
}
