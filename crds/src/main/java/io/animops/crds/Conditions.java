package io.animops.crds;

import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Condition bookkeeping following Kubernetes API conventions: one condition per type,
 * {@code lastTransitionTime} moves only when the status value changes.
 */
public final class Conditions {
    public static final String TRUE = "True";
    public static final String FALSE = "False";
    public static final String UNKNOWN = "Unknown";

    private Conditions() {}

    public static Optional<Condition> find(List<Condition> conditions, String type) {
        if (conditions == null) {
            return Optional.empty();
        }
        return conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    public static boolean isTrue(List<Condition> conditions, String type) {
        return find(conditions, type).map(c -> TRUE.equals(c.getStatus())).orElse(false);
    }

    /**
     * Sets a condition in place and reports whether anything observable changed.
     *
     * @param status one of {@link #TRUE}, {@link #FALSE}, {@link #UNKNOWN}
     * @param reason CamelCase, machine readable
     */
    public static boolean set(
            AnimOpsStatus owner, Clock clock, String type, String status, String reason, String message) {
        if (!TRUE.equals(status) && !FALSE.equals(status) && !UNKNOWN.equals(status)) {
            throw new IllegalArgumentException("condition status must be True, False or Unknown, got " + status);
        }
        List<Condition> conditions = owner.getConditions();
        if (conditions == null) {
            conditions = new ArrayList<>();
            owner.setConditions(conditions);
        }
        Optional<Condition> existing = find(conditions, type);
        Long generation = owner.getObservedGeneration();
        if (existing.isPresent()) {
            Condition c = existing.get();
            boolean statusChanged = !status.equals(c.getStatus());
            boolean changed = statusChanged
                    || !reason.equals(c.getReason())
                    || !message.equals(c.getMessage())
                    || !java.util.Objects.equals(generation, c.getObservedGeneration());
            if (statusChanged) {
                c.setLastTransitionTime(now(clock));
            }
            c.setStatus(status);
            c.setReason(reason);
            c.setMessage(message);
            c.setObservedGeneration(generation);
            return changed;
        }
        conditions.add(new ConditionBuilder()
                .withType(type)
                .withStatus(status)
                .withReason(reason)
                .withMessage(message)
                .withObservedGeneration(generation)
                .withLastTransitionTime(now(clock))
                .build());
        return true;
    }

    /** RFC 3339 with second precision, as the API server writes it. */
    public static String now(Clock clock) {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
