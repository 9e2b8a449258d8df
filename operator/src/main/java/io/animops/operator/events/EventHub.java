package io.animops.operator.events;

import io.animops.operator.config.AnimOpsConfig;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The live stream's source: numbers every event, keeps the last {@code animops.events.buffer} of them for clients
 * that reconnect with Last-Event-ID, and hands each to the subscribers whose filter it passes. A subscriber that does
 * not take its events (a client that stopped reading) has {@code animops.events.client-buffer} of them held for it,
 * then its stream fails and the connection closes: one slow client never holds memory without bound.
 */
@ApplicationScoped
public class EventHub {
    private static final Logger LOG = Logger.getLogger(EventHub.class);

    private final String epoch = Long.toString(System.currentTimeMillis(), 36);
    private final Deque<StreamEvent> recent = new ArrayDeque<>();
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();
    private long sequence;

    private final int bufferSize;
    private final int clientBuffer;

    @Inject
    public EventHub(AnimOpsConfig animops) {
        this(animops.events().buffer(), animops.events().clientBuffer());
    }

    EventHub(int bufferSize, int clientBuffer) {
        this.bufferSize = bufferSize;
        this.clientBuffer = clientBuffer;
    }

    private record Subscriber(Predicate<StreamEvent> filter, MultiEmitter<? super StreamEvent> emitter) {}

    /** Numbers the event, keeps it for reconnecting clients and sends it to every subscriber it concerns. */
    public synchronized void publish(
            String type, String kind, String namespace, String name, Map<String, Object> data) {
        StreamEvent event = new StreamEvent(epoch + "-" + (++sequence), type, kind, namespace, name, data);
        recent.addLast(event);
        while (recent.size() > bufferSize) {
            recent.removeFirst();
        }
        for (Subscriber s : subscribers) {
            if (s.filter().test(event)) {
                send(s, event);
            }
        }
    }

    /**
     * One subscriber's failure stays its own: the publisher is a reconciler's or an informer's thread. Mutiny fails a
     * full client buffer by throwing from {@code emit} (and, racing the client's drain, may throw from its own cancel
     * path); that client is dropped and the others get the event.
     */
    private void send(Subscriber subscriber, StreamEvent event) {
        try {
            subscriber.emitter().emit(event);
        } catch (RuntimeException e) {
            subscribers.remove(subscriber);
            LOG.debugf("event stream client dropped: %s", e.toString());
            try {
                subscriber.emitter().fail(e);
            } catch (RuntimeException alreadyTerminated) {
                // the stream is over either way
            }
        }
    }

    /**
     * The events from now on that pass the filter; with {@code lastEventId}, first the kept events after it, or a
     * {@code resync} event when they no longer reach back to it (or it is from before a restart).
     */
    public Multi<StreamEvent> subscribe(String lastEventId, Predicate<StreamEvent> filter) {
        Multi<StreamEvent> stream = Multi.createFrom()
                .<StreamEvent>emitter(
                        emitter -> {
                            synchronized (this) {
                                for (StreamEvent missed : missed(lastEventId)) {
                                    if (missed.type().equals(StreamEvent.RESYNC) || filter.test(missed)) {
                                        emitter.emit(missed);
                                    }
                                }
                                register(filter, emitter);
                            }
                        },
                        BackPressureStrategy.ERROR);
        return stream.onOverflow().buffer(clientBuffer);
    }

    /** Adds a subscriber until its stream ends (called holding the hub's lock, after its missed events). */
    void register(Predicate<StreamEvent> filter, MultiEmitter<? super StreamEvent> emitter) {
        Subscriber subscriber = new Subscriber(filter, emitter);
        subscribers.add(subscriber);
        emitter.onTermination(() -> subscribers.remove(subscriber));
    }

    /** How many clients are subscribed now. */
    public int subscribers() {
        return subscribers.size();
    }

    private List<StreamEvent> missed(String lastEventId) {
        if (lastEventId == null || lastEventId.isBlank()) {
            return List.of();
        }
        long last = sequenceOf(lastEventId);
        long oldest =
                recent.isEmpty() ? sequence + 1 : sequenceOf(recent.peekFirst().id());
        if (last < 0 || last > sequence || last < oldest - 1) {
            return List.of(new StreamEvent(
                    epoch + "-" + sequence,
                    StreamEvent.RESYNC,
                    null,
                    null,
                    null,
                    Map.of(
                            "reason",
                            last < 0 || last > sequence
                                    ? "the event id is not from this run of the operator: reload the state"
                                    : "events after the given id are no longer kept: reload the state")));
        }
        List<StreamEvent> missed = new ArrayList<>();
        for (StreamEvent e : recent) {
            if (sequenceOf(e.id()) > last) {
                missed.add(e);
            }
        }
        return missed;
    }

    /** The sequence number of an id of this run, or -1. */
    private long sequenceOf(String id) {
        int dash = id.lastIndexOf('-');
        if (dash < 0 || !id.substring(0, dash).equals(epoch)) {
            return -1;
        }
        try {
            return Long.parseLong(id.substring(dash + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
