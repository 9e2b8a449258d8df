package io.animops.agent.job;

import java.util.ArrayList;
import java.util.List;

/** Set when the job was deleted or its claim lost: the executor kills its process tree and stops. */
public final class Cancellation {
    private final List<Runnable> onCancel = new ArrayList<>();
    private volatile String reason;

    public void cancel(String why) {
        List<Runnable> callbacks;
        synchronized (this) {
            if (reason != null) {
                return;
            }
            reason = why;
            callbacks = List.copyOf(onCancel);
        }
        callbacks.forEach(Runnable::run);
    }

    public boolean cancelled() {
        return reason != null;
    }

    /** Why it was cancelled, or null. */
    public String reason() {
        return reason;
    }

    /** Runs {@code callback} on cancellation, at once if already cancelled. */
    public void onCancel(Runnable callback) {
        synchronized (this) {
            if (reason == null) {
                onCancel.add(callback);
                return;
            }
        }
        callback.run();
    }
}
