package io.animops.operator.standalone;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * What an in-process answer or watch hands its client: items offered from any thread, received in order, one
 * delivery at a time on {@code executor}, each delivery everything offered since the last, once the receiver asked
 * for it (as Fabric8 reads an HTTP body). Once ended and all delivered, {@code onEnd} runs; a receiver that throws
 * ends it with {@code onFailure}.
 */
final class OrderedDelivery<T> {
    /** Takes one delivery. */
    interface Receiver<T> {
        void receive(List<T> items) throws Exception;
    }

    private final Executor executor;
    private final Receiver<T> receiver;
    private final Runnable onEnd;
    private final Consumer<Throwable> onFailure;

    private List<T> pending = new ArrayList<>();
    private boolean demanded;
    private boolean ended;
    private boolean finished;
    private boolean delivering;

    OrderedDelivery(Executor executor, Receiver<T> receiver, Runnable onEnd, Consumer<Throwable> onFailure) {
        this.executor = executor;
        this.receiver = receiver;
        this.onEnd = onEnd;
        this.onFailure = onFailure;
    }

    /** Adds an item; false once the delivery is stopped or finished. */
    boolean offer(T item) {
        synchronized (this) {
            if (finished || ended) {
                return !finished;
            }
            pending.add(item);
        }
        schedule();
        return true;
    }

    /** No more items: {@code onEnd} once what was offered is delivered. */
    void end() {
        synchronized (this) {
            ended = true;
        }
        schedule();
    }

    /** The receiver asks for the next delivery. */
    void demand() {
        synchronized (this) {
            demanded = true;
        }
        schedule();
    }

    /** Drops what is pending and delivers nothing more, without {@code onEnd}. */
    synchronized void stop() {
        finished = true;
        pending = new ArrayList<>();
    }

    private void schedule() {
        synchronized (this) {
            if (delivering || finished) {
                return;
            }
            delivering = true;
        }
        executor.execute(this::deliver);
    }

    /** Delivers while there is something wanted; a receiver asking again from within its call is served here. */
    private void deliver() {
        while (true) {
            List<T> items;
            synchronized (this) {
                boolean drained = pending.isEmpty() && ended && !finished;
                if (finished || drained || pending.isEmpty() || !demanded) {
                    delivering = false;
                    finished |= drained;
                    if (!drained) {
                        return;
                    }
                    items = null;
                } else {
                    demanded = false;
                    items = pending;
                    pending = new ArrayList<>();
                }
            }
            if (items == null) {
                onEnd.run();
                return;
            }
            try {
                receiver.receive(items);
            } catch (Exception e) {
                synchronized (this) {
                    finished = true;
                    delivering = false;
                }
                onFailure.accept(e);
                return;
            }
        }
    }
}
