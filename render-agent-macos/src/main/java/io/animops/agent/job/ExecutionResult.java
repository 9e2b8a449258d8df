package io.animops.agent.job;

import io.animops.crds.v1alpha1.MediaFacts;
import io.animops.crds.v1alpha1.ScriptError;

import java.nio.file.Path;
import java.util.List;

/**
 * How an execution ended. Closing it removes the job's workspace (the caller closes it after uploading).
 */
public sealed interface ExecutionResult extends AutoCloseable {

    /**
     * Validation passed and, unless the job is Validate, the video and thumbnail are encoded.
     *
     * @param validationNote what the validation could not check on this engine (shown with the success), or null
     */
    record Rendered(
            Path video,
            Path thumbnail,
            MediaFacts media,
            String godotVersion,
            String ffmpegVersion,
            double wallSeconds,
            double renderFps,
            Runnable cleanup,
            String validationNote)
            implements ExecutionResult {
        /** A render whose validation checked everything. */
        public Rendered(
                Path video,
                Path thumbnail,
                MediaFacts media,
                String godotVersion,
                String ffmpegVersion,
                double wallSeconds,
                double renderFps,
                Runnable cleanup) {
            this(video, thumbnail, media, godotVersion, ffmpegVersion, wallSeconds, renderFps, cleanup, null);
        }

        /** A Validate job: nothing encoded. */
        public boolean validatedOnly() {
            return video == null;
        }

        @Override
        public void close() {
            cleanup.run();
        }
    }

    /** Godot found errors in the script (stage parse, load or physics). */
    record ScriptInvalid(List<ScriptError> errors, Runnable cleanup) implements ExecutionResult {
        @Override
        public void close() {
            cleanup.run();
        }
    }

    /** The job's timeout passed; the process tree was killed. */
    record TimedOut(String message, Runnable cleanup) implements ExecutionResult {
        @Override
        public void close() {
            cleanup.run();
        }
    }

    /** Cancelled (job deleted, claim lost); the process tree was killed. */
    record Cancelled(String reason, Runnable cleanup) implements ExecutionResult {
        @Override
        public void close() {
            cleanup.run();
        }
    }

    /** The agent's or the machine's fault (FFmpeg failed, disk full, Godot missing): another agent may try. */
    record AgentFailure(String message, Runnable cleanup) implements ExecutionResult {
        @Override
        public void close() {
            cleanup.run();
        }
    }

    @Override
    void close();
}
