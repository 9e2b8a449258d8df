package io.animops.operator.standalone;

import io.fabric8.kubernetes.client.http.WebSocket;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A watch's WebSocket handed over in this JVM: each event a text message, as the API's WebSocket watches send them,
 * received by Fabric8's listener in order on {@code deliveries} from {@link #open()} on, as they come (Fabric8 asks
 * for the next message after each, which an unpaused Vert.x socket ignores too). Fabric8 reads a message whole, where
 * it reads an HTTP watch a character at a time. The listener hears {@code onClose} once: when the watch ends (code
 * 1000) or after the client closes it (then {@code onClientClose} runs, e.g. to stop the watch).
 */
final class InProcessWebSocket implements WebSocket {
    private static final int NORMAL_CLOSURE = 1000;

    private final WebSocket.Listener listener;
    private final Runnable onClientClose;
    private final Executor deliveries;
    private final OrderedDelivery<String> delivery;
    private final AtomicBoolean closed = new AtomicBoolean();

    InProcessWebSocket(WebSocket.Listener listener, Executor deliveries, Runnable onClientClose) {
        this.listener = listener;
        this.onClientClose = onClientClose;
        this.deliveries = deliveries;
        this.delivery = new OrderedDelivery<>(
                deliveries, this::receive, () -> closed(NORMAL_CLOSURE, ""), e -> listener.onError(this, e));
    }

    /** Tells the listener the socket is open, then delivers what the watch sent so far and from now on. */
    void open() {
        listener.onOpen(this);
        delivery.demand();
    }

    private void receive(List<String> messages) {
        messages.forEach(message -> listener.onMessage(this, message));
        // as they come, not as asked for
        delivery.demand();
    }

    /** Sends a message; false once the socket is closed. */
    boolean offer(String message) {
        return delivery.offer(message);
    }

    /** The server ends the watch: closed once every message sent is delivered. */
    void end() {
        delivery.end();
    }

    @Override
    public boolean send(ByteBuffer buffer) {
        // a watch reads nothing from its client
        return !closed.get();
    }

    @Override
    public boolean sendClose(int code, String reason) {
        if (closed.get()) {
            return false;
        }
        delivery.stop();
        onClientClose.run();
        deliveries.execute(() -> closed(code, reason));
        return true;
    }

    @Override
    public long queueSize() {
        return 0;
    }

    @Override
    public void request() {
        // messages are delivered as they come (receive)
    }

    private void closed(int code, String reason) {
        if (closed.compareAndSet(false, true)) {
            listener.onClose(this, code, reason);
        }
    }
}
