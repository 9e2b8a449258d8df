package io.animops.operator.testing;

import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The wall clock moved forward by what a test asks: session expiry without waiting. Enabled only by the test
 * profiles that list it in {@code getEnabledAlternatives()}.
 */
@Alternative
@Singleton
public class ShiftedClock extends Clock {
    private volatile Duration shift = Duration.ZERO;

    public void advance(Duration by) {
        shift = shift.plus(by);
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(shift);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
