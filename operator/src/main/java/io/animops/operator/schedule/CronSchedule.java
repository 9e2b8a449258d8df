package io.animops.operator.schedule;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.Optional;

/** A five-field cron expression read in a time zone. */
public final class CronSchedule {
    private static final CronParser PARSER = new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));
    private static final Map<String, String> MACROS = Map.of(
            "@yearly", "0 0 1 1 *",
            "@annually", "0 0 1 1 *",
            "@monthly", "0 0 1 * *",
            "@weekly", "0 0 * * 0",
            "@daily", "0 0 * * *",
            "@hourly", "0 * * * *");

    private final ExecutionTime executionTime;
    private final ZoneId zone;

    private CronSchedule(ExecutionTime executionTime, ZoneId zone) {
        this.executionTime = executionTime;
        this.zone = zone;
    }

    /** @throws InvalidScheduleException naming {@code spec.cron} or {@code spec.timeZone} */
    public static CronSchedule parse(String expression, String timeZone) {
        ZoneId zone;
        try {
            zone = ZoneId.of(timeZone == null ? "UTC" : timeZone);
        } catch (DateTimeException e) {
            throw new InvalidScheduleException("spec.timeZone", "unknown time zone \"" + timeZone + "\"");
        }
        if (expression == null || expression.isBlank()) {
            throw new InvalidScheduleException("spec.cron", "Required value");
        }
        String trimmed = expression.trim();
        try {
            return new CronSchedule(ExecutionTime.forCron(PARSER.parse(MACROS.getOrDefault(trimmed, trimmed))), zone);
        } catch (IllegalArgumentException e) {
            throw new InvalidScheduleException(
                    "spec.cron", "invalid cron expression \"" + expression + "\": " + e.getMessage());
        }
    }

    /** The latest fire time at or before {@code now}. */
    public Optional<Instant> lastFireAtOrBefore(Instant now) {
        ZonedDateTime at = now.atZone(zone);
        if (executionTime.isMatch(at.withSecond(0).withNano(0))) {
            return Optional.of(at.withSecond(0).withNano(0).toInstant());
        }
        return executionTime.lastExecution(at).map(ZonedDateTime::toInstant);
    }

    public Optional<Instant> nextFireAfter(Instant now) {
        return executionTime.nextExecution(now.atZone(zone)).map(ZonedDateTime::toInstant);
    }

    /** A schedule the user wrote that cannot be read; names the field. */
    public static class InvalidScheduleException extends RuntimeException {
        private final String field;
        private final String reason;

        public InvalidScheduleException(String field, String reason) {
            super(field + ": " + reason);
            this.field = field;
            this.reason = reason;
        }

        public String field() {
            return field;
        }

        /** What is wrong with the field, without its name. */
        public String reason() {
            return reason;
        }
    }
}
