package io.animops.agent.job;

import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.crds.v1alpha1.RenderProgress;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class RenderProgressReporterTest {
    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong clock = new AtomicLong(100 * SECOND);
    private final List<RenderProgress> reports = new ArrayList<>();
    private final ExecutionListener listener = new ExecutionListener() {
        @Override
        public void phase(RenderPhase phase) {}

        @Override
        public void progress(RenderProgress progress) {
            reports.add(progress);
        }
    };

    @Test
    void reportsAtOnceThenAtMostEveryIntervalWithAnEstimate() {
        RenderProgressReporter reporter = new RenderProgressReporter(listener, 600, Duration.ofSeconds(2), clock::get);
        clock.addAndGet(SECOND);
        reporter.frames(30);
        clock.addAndGet(SECOND);
        reporter.frames(60);
        clock.addAndGet(SECOND);
        reporter.frames(90);
        assertThat(reporter.lastFrames()).isEqualTo(90);
        clock.addAndGet(SECOND);
        reporter.finished();
        assertThat(reports)
                .extracting(
                        RenderProgress::getFrames,
                        RenderProgress::getTotalFrames,
                        RenderProgress::getPercent,
                        RenderProgress::getEtaSeconds)
                .containsExactly(
                        tuple(30, 600, 5, 19), // 1 s for 30 frames: 570 more take 19 s
                        tuple(90, 600, 15, 17), // 3 s for 90 frames: 510 more take 17 s
                        tuple(600, 600, 100, 0));
    }

    @Test
    void framesBeyondTheTotalAreCapped() {
        RenderProgressReporter reporter = new RenderProgressReporter(listener, 60, Duration.ofSeconds(2), clock::get);
        reporter.frames(90);
        assertThat(reports)
                .extracting(RenderProgress::getFrames, RenderProgress::getPercent)
                .containsExactly(tuple(60, 100));
    }

    @Test
    void aFailingListenerDoesNotStopTheReader() {
        ExecutionListener failing = new ExecutionListener() {
            @Override
            public void phase(RenderPhase phase) {}

            @Override
            public void progress(RenderProgress progress) {
                throw new IllegalStateException("status write refused");
            }
        };
        RenderProgressReporter reporter = new RenderProgressReporter(failing, 60, Duration.ZERO, clock::get);
        reporter.frames(30);
        reporter.frames(60);
        assertThat(reporter.lastFrames()).isEqualTo(60);
    }
}
