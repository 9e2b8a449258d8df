package io.animops.agent.job;

import io.animops.crds.v1alpha1.RenderProgress;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Turns the probe's frame counts into progress reports, at most one per interval (each becomes a status write),
 * the first at once. The estimate assumes the remaining frames render at the rate seen so far.
 */
public final class RenderProgressReporter {
    private static final System.Logger LOG = System.getLogger(RenderProgressReporter.class.getName());

    private final ExecutionListener listener;
    private final int totalFrames;
    private final long intervalNanos;
    private final LongSupplier nanoClock;
    private final long startedNanos;
    private long lastReportNanos;
    private boolean reported;
    private int lastFrames = -1;

    public RenderProgressReporter(
            ExecutionListener listener, int totalFrames, Duration interval, LongSupplier nanoClock) {
        this.listener = listener;
        this.totalFrames = totalFrames;
        this.intervalNanos = interval.toNanos();
        this.nanoClock = nanoClock;
        this.startedNanos = nanoClock.getAsLong();
    }

    /** Godot has rendered {@code frames} frames. */
    public synchronized void frames(int frames) {
        long now = nanoClock.getAsLong();
        if (reported && now - lastReportNanos < intervalNanos) {
            lastFrames = frames;
            return;
        }
        report(frames, now);
    }

    /** The render ended with every frame written: a last report at 100 %. */
    public synchronized void finished() {
        report(totalFrames, nanoClock.getAsLong());
    }

    private void report(int frames, long now) {
        int done = Math.min(frames, totalFrames);
        RenderProgress progress = new RenderProgress();
        progress.setFrames(done);
        progress.setTotalFrames(totalFrames);
        progress.setPercent(totalFrames == 0 ? 100 : (int) (100L * done / totalFrames));
        long elapsed = now - startedNanos;
        if (done > 0) {
            double secondsPerFrame = elapsed / 1e9 / done;
            progress.setEtaSeconds((int) Math.ceil(secondsPerFrame * (totalFrames - done)));
        }
        reported = true;
        lastReportNanos = now;
        lastFrames = frames;
        try {
            listener.progress(progress);
        } catch (RuntimeException e) {
            // called from the thread draining Godot's stdout: it must go on reading, or Godot blocks on a full pipe
            LOG.log(System.Logger.Level.WARNING, "progress listener failed: " + e, e);
        }
    }

    /** The last frame count seen, reported or not; -1 before any. */
    public synchronized int lastFrames() {
        return lastFrames;
    }
}
