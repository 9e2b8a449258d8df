package io.animops.operator.kube;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Decides, without Kubernetes, what one more occurrence of an event becomes, the way client-go's event correlator
 * does so that {@code kubectl describe} shows "(x3 over 2m)" rather than three lines:
 * <ul>
 *     <li>the same type, reason and message about the same object within {@link #AGGREGATION_WINDOW} updates the
 *     existing Event (count + 1, lastTimestamp) instead of creating another;</li>
 *     <li>each object has a token bucket of {@link #BURST} writes refilled one per {@link #REFILL}: a reconciler
 *     in a tight loop cannot flood the API server. A suppressed occurrence is still counted, and the next write
 *     carries the full count.</li>
 * </ul>
 * Thread-safe; remembers at most {@link #MAX_SERIES} series, the least recently used forgotten first.
 */
public final class EventAggregator {
    static final Duration AGGREGATION_WINDOW = Duration.ofMinutes(10);
    static final int BURST = 25;
    static final Duration REFILL = Duration.ofMinutes(5);
    static final int MAX_SERIES = 4096;

    /** What to write: a new Event, or the existing one with a higher count; nothing when rate-limited. */
    public enum Action {
        CREATE,
        UPDATE,
        SUPPRESS
    }

    /** One occurrence's outcome; {@code name} is the Event's name, {@code count} how often it happened. */
    public record Decision(Action action, String name, int count, Instant first, Instant last) {}

    private static final class Series {
        String name;
        int count;
        Instant first;
        Instant last;
        boolean written;
    }

    private static final class Bucket {
        double tokens = BURST;
        Instant refilled;
    }

    private final Map<String, Series> series = lru();
    private final Map<String, Bucket> buckets = lru();

    private static <V> Map<String, V> lru() {
        return new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > MAX_SERIES;
            }
        };
    }

    /**
     * @param objectUid  the involved object's uid (its name when it has none yet)
     * @param objectName the involved object's name, the prefix of a new Event's name
     */
    public synchronized Decision offer(
            String objectUid, String objectName, String type, String reason, String message, Instant now) {
        String key = objectUid + '\n' + type + '\n' + reason + '\n' + message;
        Series s = series.get(key);
        boolean fresh = s == null || Duration.between(s.last, now).compareTo(AGGREGATION_WINDOW) > 0;
        if (fresh) {
            s = new Series();
            s.name = objectName + "." + Long.toHexString(now.getEpochSecond() * 1_000_000_000L + now.getNano())
                    + Integer.toHexString(key.hashCode() & 0xfff);
            s.first = now;
            series.put(key, s);
        }
        s.count++;
        s.last = now;
        if (!take(objectUid, now)) {
            return new Decision(Action.SUPPRESS, s.name, s.count, s.first, s.last);
        }
        Action action = s.written ? Action.UPDATE : Action.CREATE;
        s.written = true;
        return new Decision(action, s.name, s.count, s.first, s.last);
    }

    private boolean take(String objectUid, Instant now) {
        Bucket bucket = buckets.computeIfAbsent(objectUid, k -> new Bucket());
        if (bucket.refilled != null) {
            double refills = (double) Duration.between(bucket.refilled, now).toMillis() / REFILL.toMillis();
            bucket.tokens = Math.min(BURST, bucket.tokens + Math.max(0, refills));
        }
        bucket.refilled = now;
        if (bucket.tokens < 1) {
            return false;
        }
        bucket.tokens--;
        return true;
    }
}
