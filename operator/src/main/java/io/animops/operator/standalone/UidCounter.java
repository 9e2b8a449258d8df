package io.animops.operator.standalone;

import io.fabric8.kubernetes.client.utils.Utils;

import java.lang.reflect.Field;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The mock server gives objects the uids of {@link Utils#generateId()}: a counter that starts at 1 in every
 * process. A restarted standalone mode would hand out the previous run's uids again, and the history in
 * PostgreSQL, keyed by uid as uids are unique in a real cluster, would be overwritten. Starting the counter at
 * the current time in microseconds keeps every run's uids above the last one's.
 */
final class UidCounter {
    private UidCounter() {}

    static synchronized void startAfterEveryEarlierRun() {
        AtomicLong counter = counter();
        long floor = System.currentTimeMillis() * 1000;
        counter.accumulateAndGet(floor, Math::max);
    }

    private static AtomicLong counter() {
        try {
            Field field = Utils.class.getDeclaredField("leastSigBits");
            field.setAccessible(true);
            return (AtomicLong) field.get(null);
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException(
                    "cannot reach the mock server's uid counter (Fabric8 Utils.leastSigBits); "
                            + "uids would repeat across restarts of the standalone mode",
                    e);
        }
    }
}
