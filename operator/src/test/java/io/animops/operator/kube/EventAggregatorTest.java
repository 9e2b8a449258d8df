package io.animops.operator.kube;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class EventAggregatorTest {
    private static final Instant T0 = Instant.parse("2026-12-01T10:00:00Z");

    @Test
    void aRepeatedEventIsCountedOnTheSameEventWithinTheWindow() {
        EventAggregator aggregator = new EventAggregator();
        EventAggregator.Decision first = aggregator.offer("uid-1", "idea", "Normal", "Rendering", "m", T0);
        EventAggregator.Decision second =
                aggregator.offer("uid-1", "idea", "Normal", "Rendering", "m", T0.plusSeconds(30));

        assertThat(first.action()).isEqualTo(EventAggregator.Action.CREATE);
        assertThat(first.count()).isEqualTo(1);
        assertThat(first.name()).startsWith("idea.");
        assertThat(second.action()).isEqualTo(EventAggregator.Action.UPDATE);
        assertThat(second.name()).isEqualTo(first.name());
        assertThat(second.count()).isEqualTo(2);
        assertThat(second.first()).isEqualTo(T0);
        assertThat(second.last()).isEqualTo(T0.plusSeconds(30));
    }

    @Test
    void anotherReasonMessageOrObjectIsAnotherEvent() {
        EventAggregator aggregator = new EventAggregator();
        String name = aggregator
                .offer("uid-1", "idea", "Normal", "Rendering", "m", T0)
                .name();

        assertThat(aggregator
                        .offer("uid-1", "idea", "Normal", "AwaitingQc", "m", T0)
                        .action())
                .isEqualTo(EventAggregator.Action.CREATE);
        assertThat(aggregator
                        .offer("uid-1", "idea", "Normal", "Rendering", "other", T0)
                        .action())
                .isEqualTo(EventAggregator.Action.CREATE);
        EventAggregator.Decision other = aggregator.offer("uid-2", "idea-2", "Normal", "Rendering", "m", T0);
        assertThat(other.action()).isEqualTo(EventAggregator.Action.CREATE);
        assertThat(other.name()).isNotEqualTo(name);
    }

    @Test
    void anOccurrenceAfterTheWindowStartsANewSeries() {
        EventAggregator aggregator = new EventAggregator();
        String name = aggregator
                .offer("uid-1", "idea", "Warning", "RenderFailed", "m", T0)
                .name();
        EventAggregator.Decision later = aggregator.offer(
                "uid-1",
                "idea",
                "Warning",
                "RenderFailed",
                "m",
                T0.plus(EventAggregator.AGGREGATION_WINDOW).plusSeconds(1));

        assertThat(later.action()).isEqualTo(EventAggregator.Action.CREATE);
        assertThat(later.count()).isEqualTo(1);
        assertThat(later.name()).isNotEqualTo(name);
    }

    @Test
    void aFloodIsRateLimitedPerObjectAndTheCountCarriedToTheNextWrite() {
        EventAggregator aggregator = new EventAggregator();
        for (int i = 0; i < EventAggregator.BURST; i++) {
            assertThat(aggregator
                            .offer("uid-1", "job", "Normal", "Requeued", "m", T0)
                            .action())
                    .isNotEqualTo(EventAggregator.Action.SUPPRESS);
        }
        EventAggregator.Decision suppressed = aggregator.offer("uid-1", "job", "Normal", "Requeued", "m", T0);
        assertThat(suppressed.action()).isEqualTo(EventAggregator.Action.SUPPRESS);
        assertThat(suppressed.count()).isEqualTo(EventAggregator.BURST + 1);
        // another object has its own budget
        assertThat(aggregator
                        .offer("uid-2", "job-2", "Normal", "Requeued", "m", T0)
                        .action())
                .isEqualTo(EventAggregator.Action.CREATE);

        EventAggregator.Decision refilled =
                aggregator.offer("uid-1", "job", "Normal", "Requeued", "m", T0.plus(EventAggregator.REFILL));
        assertThat(refilled.action()).isEqualTo(EventAggregator.Action.UPDATE);
        assertThat(refilled.count()).isEqualTo(EventAggregator.BURST + 2);
    }

    @Test
    void aReconcileErrorMessageNamesTheExceptionAndItsCauses() {
        String message =
                ReconcileErrors.message(new IllegalStateException("outer", new java.io.IOException("disk full")));
        assertThat(message).isEqualTo("IllegalStateException: outer; caused by IOException: disk full");
    }
}
