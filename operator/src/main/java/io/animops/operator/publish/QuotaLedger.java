package io.animops.operator.publish;

import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Where {@link YouTubeQuota} keeps each Cloud project's usage of a Pacific day. */
public interface QuotaLedger {
    /** A project's usage of one day; {@code closed}: YouTube answered quotaExceeded, no more calls that day. */
    record Usage(long units, long inserts, boolean closed) {
        static final Usage NONE = new Usage(0, 0, false);
    }

    /** The day's usage, {@link Usage#NONE} when nothing was counted yet. */
    Usage read(String project, LocalDate day);

    void write(String project, LocalDate day, Usage usage);

    /** Usage in memory only: for tests and tools that run without a database. */
    static QuotaLedger inMemory() {
        Map<String, Usage> days = new ConcurrentHashMap<>();
        return new QuotaLedger() {
            @Override
            public Usage read(String project, LocalDate day) {
                return days.getOrDefault(project + "\u0000" + day, Usage.NONE);
            }

            @Override
            public void write(String project, LocalDate day, Usage usage) {
                days.put(project + "\u0000" + day, usage);
            }
        };
    }
}
