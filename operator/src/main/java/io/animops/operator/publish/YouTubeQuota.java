package io.animops.operator.publish;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The YouTube Data API's daily quota, kept per Google Cloud project: videos.insert has its own bucket (calls per
 * day), every other method costs units from the common bucket. Both reset at midnight Pacific time. A call
 * that does not fit is not made. Counts are kept in a {@link QuotaLedger} (PostgreSQL in the operator), so a restart
 * goes on from the day's usage; the platform's own quotaExceeded answer ({@link #exhausted}) closes the day too.
 */
public class YouTubeQuota {
    public static final ZoneId PACIFIC = ZoneId.of("America/Los_Angeles");

    /** Default limits and unit costs from the Data API's quota documentation. */
    public record Costs(long dailyUnits, long dailyInserts, int videosInsert, int videosList, int thumbnailsSet) {
        public int cost(Call call) {
            return switch (call) {
                case VIDEOS_INSERT -> videosInsert;
                case VIDEOS_LIST -> videosList;
                case THUMBNAILS_SET -> thumbnailsSet;
            };
        }
    }

    public enum Call {
        VIDEOS_INSERT("videos.insert"),
        VIDEOS_LIST("videos.list"),
        THUMBNAILS_SET("thumbnails.set");

        private final String method;

        Call(String method) {
            this.method = method;
        }

        @Override
        public String toString() {
            return method;
        }
    }

    /** No quota left until {@code resetAt}. */
    public static class ExhaustedException extends RuntimeException {
        private final Instant resetAt;

        ExhaustedException(String project, Instant resetAt, String what) {
            super("YouTube quota of project " + project + " used up (" + what + "); it resets at " + resetAt
                    + " (midnight Pacific time)");
            this.resetAt = resetAt;
        }

        public Instant resetAt() {
            return resetAt;
        }
    }

    private final Costs costs;
    private final Clock clock;
    private final QuotaLedger ledger;

    public YouTubeQuota(Costs costs, Clock clock, QuotaLedger ledger) {
        this.costs = costs;
        this.clock = clock;
        this.ledger = ledger;
    }

    /** Takes the call's cost from the project's day, or throws when it does not fit. */
    public synchronized void charge(String project, Call call) {
        LocalDate today = today();
        QuotaLedger.Usage day = ledger.read(project, today);
        int cost = costs.cost(call);
        if (day.closed()) {
            throw new ExhaustedException(project, resetAt(), "the API answered quotaExceeded");
        }
        if (call == Call.VIDEOS_INSERT && day.inserts() + 1 > costs.dailyInserts()) {
            throw new ExhaustedException(
                    project, resetAt(), day.inserts() + " of " + costs.dailyInserts() + " videos.insert calls");
        }
        if (call != Call.VIDEOS_INSERT && day.units() + cost > costs.dailyUnits()) {
            throw new ExhaustedException(
                    project,
                    resetAt(),
                    day.units() + " of " + costs.dailyUnits() + " units, " + call + " costs " + cost);
        }
        ledger.write(
                project,
                today,
                call == Call.VIDEOS_INSERT
                        ? new QuotaLedger.Usage(day.units(), day.inserts() + 1, false)
                        : new QuotaLedger.Usage(day.units() + cost, day.inserts(), false));
    }

    /** The platform said the quota is used up: no more calls for the project until the reset. */
    public synchronized ExhaustedException exhausted(String project) {
        LocalDate today = today();
        QuotaLedger.Usage day = ledger.read(project, today);
        ledger.write(project, today, new QuotaLedger.Usage(day.units(), day.inserts(), true));
        return new ExhaustedException(project, resetAt(), "the API answered quotaExceeded");
    }

    public Instant resetAt() {
        return LocalDate.now(clock.withZone(PACIFIC))
                .plusDays(1)
                .atStartOfDay(PACIFIC)
                .toInstant();
    }

    /** The Pacific day, as YouTube counts its quota. */
    private LocalDate today() {
        return LocalDate.now(clock.withZone(PACIFIC));
    }
}
