package io.animops.operator.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.vertx.core.buffer.Buffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The watch cache of the embedded API: the latest changes of every object, in resourceVersion order, and the
 * watches open on them. A watch starting at a resourceVersion first gets the changes after it that are still kept,
 * then every new change as it is committed; one starting before the oldest kept change gets a 410 Gone
 * ({@code Expired}) as its only event, as from a compacted etcd, and its client lists again. Watches that allow
 * bookmarks get one at each bookmark interval, carrying the resourceVersion they have seen everything up to.
 */
final class WatchLog implements AutoCloseable {
    /** One committed change of one object. */
    record Change(
            long resourceVersion,
            String type,
            String apiVersion,
            String plural,
            String namespace,
            String name,
            String json) {
        JsonNode object() {
            try {
                return Serialization.jsonMapper().readTree(json);
            } catch (IOException e) {
                throw new UncheckedIOException("watched object is not JSON", e);
            }
        }
    }

    /** Where a watch's events go: an HTTP stream or a WebSocket. */
    interface Sink {
        /** Sends one event; false when the client is gone. */
        boolean send(String type, JsonNode object);

        /**
         * Sends one event already written (see {@link #event}), shared by every watch the change goes to; false when
         * the client is gone.
         */
        boolean sendWritten(WrittenEvent event);

        void close();
    }

    /** A sink that writes each event of its own (an initial object, a presented one) as the API writes it. */
    abstract static class EventStream implements Sink {
        private final StandaloneApiDispatcher dispatcher;

        EventStream(StandaloneApiDispatcher dispatcher) {
            this.dispatcher = dispatcher;
        }

        @Override
        public final boolean send(String type, JsonNode object) {
            return sendWritten(new WrittenEvent(dispatcher.watchEvent(type, object)));
        }
    }

    /**
     * One event as written once for every watch it goes to: its JSON, which a WebSocket sends as a text frame, and
     * the line an HTTP watch streams, encoded when first asked for. Encoding the line for each watch (seven watch
     * render jobs in the 1,000-idea bench) was a sixth of the bytes the operator's JVM allocated (by JFR's
     * allocation samples). Vert.x writes a buffer through a slice of it, so one line serves every stream. Read
     * under the log's lock, as deliveries are.
     */
    static final class WrittenEvent {
        private final String json;
        private Buffer line;

        WrittenEvent(String json) {
            this.json = json;
        }

        String json() {
            return json;
        }

        Buffer line() {
            if (line == null) {
                byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
                line = Buffer.buffer(bytes.length + 1).appendBytes(bytes).appendByte((byte) '\n');
            }
            return line;
        }
    }

    /** An open watch: what it selects and where its events go. */
    final class Watch {
        private final WatchRequest request;
        private final Sink sink;
        /** The resourceVersion the watch starts after: its client has seen everything up to it. */
        private final long from;

        private boolean open = true;

        private Watch(WatchRequest request, Sink sink, long from) {
            this.request = request;
            this.sink = sink;
            this.from = from;
        }

        /** Ends the watch, as when its client goes or its timeout passes. */
        void stop() {
            synchronized (WatchLog.this) {
                if (open) {
                    open = false;
                    watches.remove(this);
                    sink.close();
                }
            }
        }

        /**
         * Sends the change if this watch selects it; {@code object} reads the change's JSON, and {@code event}
         * writes its event, once for all watches.
         */
        private void deliver(Change change, Supplier<JsonNode> object, Supplier<WrittenEvent> event) {
            if (!open
                    || change.resourceVersion() <= from
                    || !request.watchesResourceOf(change)
                    || !request.selects(object.get())) {
                return;
            }
            boolean sent = request.presentsAsStored()
                    ? sink.sendWritten(event.get())
                    : sink.send(change.type(), request.present(object.get()));
            if (!sent) {
                stop();
            }
        }
    }

    private final int capacity;
    private final Deque<Change> changes = new ArrayDeque<>();
    private final List<Watch> watches = new ArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "embedded-api-watch-timer");
        t.setDaemon(true);
        return t;
    });
    private long lastResourceVersion;
    /** The highest resourceVersion whose change is no longer kept: watches from before it are told 410 Gone. */
    private long compactedThrough;

    /**
     * @param capacity         how many changes are kept for watches that resume from a resourceVersion
     * @param bookmarkInterval how often watches that allow bookmarks get one
     * @param kept             changes kept from an earlier run, oldest first
     * @param lastResourceVersion the highest resourceVersion handed out so far
     */
    WatchLog(int capacity, Duration bookmarkInterval, List<Change> kept, long lastResourceVersion) {
        this.capacity = capacity;
        this.lastResourceVersion = lastResourceVersion;
        // with nothing kept, every earlier resourceVersion is as good as compacted
        this.compactedThrough =
                kept.isEmpty() ? lastResourceVersion : kept.get(0).resourceVersion() - 1;
        kept.forEach(this::append);
        long every = bookmarkInterval.toMillis();
        timer.scheduleAtFixedRate(this::bookmarkAll, every, every, TimeUnit.MILLISECONDS);
    }

    /**
     * Records a committed change and hands it to the watches that select it.
     *
     * @param object the change's object, as its JSON reads
     */
    synchronized void publish(Change change, JsonNode object) {
        append(change);
        lastResourceVersion = Math.max(lastResourceVersion, change.resourceVersion());
        Supplier<WrittenEvent> event = writtenOnce(change);
        for (Watch watch : List.copyOf(watches)) {
            watch.deliver(change, () -> object, event);
        }
    }

    /**
     * One event of a watch stream, {@code {"type":…,"object":…}}, around the object's JSON as written: the object
     * is not read and written again for each watch. The types are fixed words, written without escaping.
     */
    static String event(String type, String objectJson) {
        return "{\"type\":\"" + type + "\",\"object\":" + objectJson + "}";
    }

    synchronized long lastResourceVersion() {
        return lastResourceVersion;
    }

    /**
     * Opens a watch from {@code resourceVersion}: the kept changes after it first, then new ones. Too old a
     * resourceVersion ends the watch at once with a 410 Gone event.
     */
    /** How many watches are open. */
    synchronized int openWatches() {
        return watches.size();
    }

    synchronized Watch open(WatchRequest request, long resourceVersion, Sink sink) {
        Watch watch = new Watch(request, sink, resourceVersion);
        if (resourceVersion < compactedThrough) {
            sink.send("ERROR", gone(resourceVersion));
            watch.open = false;
            sink.close();
            return watch;
        }
        for (Change change : changes) {
            watch.deliver(change, once(change::object), writtenOnce(change));
        }
        if (watch.open) {
            watches.add(watch);
            if (request.timeout() != null) {
                timer.schedule(watch::stop, request.timeout().toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        return watch;
    }

    /** Sends a bookmark now to one watch, as after its initial events ({@code sendInitialEvents}). */
    synchronized void bookmark(Watch watch, boolean initialEventsEnd) {
        if (watch.open && !watch.sink.send("BOOKMARK", watch.request.bookmark(lastResourceVersion, initialEventsEnd))) {
            watch.stop();
        }
    }

    private synchronized void bookmarkAll() {
        for (Watch watch : List.copyOf(watches)) {
            if (watch.request.allowBookmarks()) {
                bookmark(watch, false);
            }
        }
    }

    /** The change's event, written when a watch first asks for it, then shared by every watch it goes to. */
    private static Supplier<WrittenEvent> writtenOnce(Change change) {
        return once(() -> new WrittenEvent(event(change.type(), change.json())));
    }

    /** A value made when first asked for, then shared: watches only read the change's object and event. */
    private static <T> Supplier<T> once(Supplier<T> make) {
        List<T> made = new ArrayList<>(1);
        return () -> {
            if (made.isEmpty()) {
                made.add(make.get());
            }
            return made.get(0);
        };
    }

    private void append(Change change) {
        changes.addLast(change);
        while (changes.size() > capacity) {
            compactedThrough = changes.removeFirst().resourceVersion();
        }
    }

    private ObjectNode gone(long resourceVersion) {
        ObjectNode status = SchemaAdmission.status(
                410,
                "Expired",
                "too old resource version: " + resourceVersion + " (" + (compactedThrough + 1) + ")",
                null,
                null,
                null,
                List.of());
        status.remove("details");
        return status;
    }

    @Override
    public synchronized void close() {
        timer.shutdownNow();
        for (Watch watch : List.copyOf(watches)) {
            watch.stop();
        }
    }
}
