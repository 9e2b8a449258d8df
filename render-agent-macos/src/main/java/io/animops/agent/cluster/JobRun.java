package io.animops.agent.cluster;

import io.animops.agent.job.Cancellation;
import io.animops.agent.job.ExecutionListener;
import io.animops.agent.job.ExecutionResult;
import io.animops.agent.job.JobExecutor;
import io.animops.agent.job.JobRequest;
import io.animops.agent.upload.ArtifactUploader;
import io.animops.agent.upload.UploadGrantCheck;
import io.animops.crds.ConditionTypes;
import io.animops.crds.v1alpha1.Artifact;
import io.animops.crds.v1alpha1.Provenance;
import io.animops.crds.v1alpha1.RenderArtifacts;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderJobStatus;
import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.crds.v1alpha1.RenderProgress;
import io.animops.crds.v1alpha1.UploadGrant;
import io.animops.crds.v1alpha1.UploadGrants;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One job an agent claimed, from the claim to its outcome: heartbeats, phases and progress while the executor
 * works, then the upload and the outcome write. Every write goes through the job's {@link JobStatusWriter}; once
 * it reports the job lost or deleted, the execution is cancelled and nothing more is written or uploaded.
 */
final class JobRun implements Runnable {
    private static final Logger LOG = Logger.getLogger(JobRun.class.getName());
    /**
     * The longest a wait for grants relies on the informer alone: a read of the job after this long without a
     * version known to be the newest, so that an event the informer missed (a watch reconnect) costs seconds, not
     * the whole grantWait.
     */
    static final Duration GRANT_READ_FALLBACK = Duration.ofSeconds(5);

    /** Why a run stops before its outcome. */
    enum StopCause {
        DELETED("the RenderJob was deleted"),
        LOST("another writer took the job (lease lapsed or claim lost)"),
        SHUTDOWN("the agent is shutting down");

        final String message;

        StopCause(String message) {
            this.message = message;
        }
    }

    /** What a run needs besides its job. */
    record Settings(String agent, int maxClaimsPerJob, Duration grantWait) {}

    private final JobStatusWriter writer;
    private final JobUpdates updates;
    private final JobExecutor executor;
    private final ArtifactUploader uploader;
    private final StatusChanges changes;
    private final Settings settings;
    private final Clock clock;
    private final Runnable onEnd;
    private final String name;
    private final Cancellation cancellation = new Cancellation();
    private final AtomicReference<StopCause> stopCause = new AtomicReference<>();
    private final Object interruptLock = new Object();
    private final ExecutorService reports = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "animops-status");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicReference<RenderProgress> latestProgress = new AtomicReference<>();
    private volatile Thread worker;
    private volatile boolean uploading;
    private volatile boolean finished;

    JobRun(
            JobStatusWriter writer,
            JobUpdates updates,
            JobExecutor executor,
            ArtifactUploader uploader,
            StatusChanges changes,
            Settings settings,
            Clock clock,
            Runnable onEnd) {
        this.writer = writer;
        this.updates = updates;
        this.executor = executor;
        this.uploader = uploader;
        this.changes = changes;
        this.settings = settings;
        this.clock = clock;
        this.onEnd = onEnd;
        RenderJob job = writer.current();
        this.name = job.getMetadata().getNamespace() + "/" + job.getMetadata().getName();
    }

    String name() {
        return name;
    }

    /** Stops the run: the executor kills its process tree; on shutdown the job is handed back, else left alone. */
    void stop(StopCause cause) {
        synchronized (interruptLock) {
            if (!stopCause.compareAndSet(null, cause)) {
                return;
            }
            LOG.info("render job " + name + ": stopping, " + cause.message);
            cancellation.cancel(cause.message);
            Thread running = worker;
            if (running != null && uploading) {
                // wakes an upload or a wait for grants; the executor watches the cancellation instead, so that its
                // own clean-up (process tree, workspace) is never cut short by an interrupt
                running.interrupt();
            }
        }
    }

    /** Writes lastHeartbeat; called every heartbeat interval by the agent. */
    void heartbeat() {
        write(changes::heartbeat);
    }

    @Override
    public void run() {
        worker = Thread.currentThread();
        Instant started = clock.instant();
        try {
            JobRequest request = JobRequests.of(writer.current());
            ExecutionResult result;
            try {
                result = executor.execute(request, listener(), cancellation);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "render job " + name + ": executor failed", e);
                giveBack("the executor failed: " + e);
                return;
            }
            try (result) {
                drainReports();
                conclude(result, started);
            }
        } catch (InterruptedException e) {
            if (stopCause.get() == null) {
                giveBack("the agent's worker thread was interrupted");
            } else {
                afterStop();
            }
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "render job " + name + ": failed", e);
            giveBack("agent error: " + e);
        } finally {
            reports.shutdownNow();
            Thread.interrupted();
            worker = null;
            onEnd.run();
        }
    }

    private void conclude(ExecutionResult result, Instant started) throws InterruptedException {
        if (stopCause.get() != null) {
            afterStop();
            return;
        }
        if (result instanceof ExecutionResult.Rendered rendered) {
            if (rendered.validatedOnly()) {
                finish(s ->
                        changes.succeeded(s, null, null, provenance(s, rendered, started), rendered.validationNote()));
            } else {
                synchronized (interruptLock) {
                    // from here on a stop interrupts this thread (it may wait for grants or be uploading)
                    uploading = true;
                }
                uploadThenSucceed(rendered, started);
            }
        } else if (result instanceof ExecutionResult.ScriptInvalid invalid) {
            finish(s -> changes.scriptInvalid(s, invalid.errors()));
        } else if (result instanceof ExecutionResult.TimedOut timedOut) {
            finish(s -> changes.timedOut(s, timedOut.message()));
        } else if (result instanceof ExecutionResult.AgentFailure failure) {
            giveBack(failure.message());
        } else {
            // Cancelled: only a stop cancels
            afterStop();
        }
    }

    private void uploadThenSucceed(ExecutionResult.Rendered rendered, Instant started) throws InterruptedException {
        if (!write(s -> changes.phase(s, RenderPhase.Uploading))) {
            return;
        }
        try {
            RenderArtifacts artifacts = new RenderArtifacts();
            Optional<Artifact> video = upload("video", rendered.video(), UploadGrants::getVideo);
            if (video.isEmpty()) {
                return;
            }
            artifacts.setVideo(video.get());
            Optional<Artifact> thumbnail = upload("thumbnail", rendered.thumbnail(), UploadGrants::getThumbnail);
            if (thumbnail.isEmpty()) {
                return;
            }
            artifacts.setThumbnail(thumbnail.get());
            finish(s -> changes.succeeded(
                    s, artifacts, rendered.media(), provenance(s, rendered, started), rendered.validationNote()));
        } catch (ArtifactUploader.UploadFailedException e) {
            giveBack(e.getMessage());
        }
    }

    /**
     * One file with the current grant. A grant the store refuses (403: expired, or signed differently) is replaced
     * by the one the operator holds now, once; the same grant refused twice fails the upload. Empty when the run
     * ended meanwhile (stopped, or given back for want of grants).
     */
    private Optional<Artifact> upload(String what, Path file, Function<UploadGrants, UploadGrant> which)
            throws ArtifactUploader.UploadFailedException, InterruptedException {
        String refusedUrl = null;
        while (true) {
            // after a refusal the job is read at once: the informer may not have brought the renewal yet
            Optional<UploadGrants> grants = awaitGrants(refusedUrl != null);
            if (grants.isEmpty()) {
                return Optional.empty();
            }
            UploadGrant grant = which.apply(grants.get());
            try {
                Artifact artifact = uploader.upload(what, file, grant);
                if (stopCause.get() != null) {
                    afterStop();
                    return Optional.empty();
                }
                return Optional.of(artifact);
            } catch (ArtifactUploader.UploadFailedException e) {
                if (!e.grantRefused() || grant.getUrl().equals(refusedUrl)) {
                    throw e;
                }
                LOG.warning("render job " + name + ": " + e.getMessage() + "; reading the job for a fresh grant");
                refusedUrl = grant.getUrl();
            }
        }
    }
    /**
     * Grants valid for at least a minute more, waited for up to grantWait; empty when the run must end. The job's
     * versions come from the informer ({@link JobUpdates}); the job is read from the API only when {@code readFirst},
     * or after {@link #GRANT_READ_FALLBACK} without a version known to be the newest.
     */
    private Optional<UploadGrants> awaitGrants(boolean readFirst) throws InterruptedException {
        Instant deadline = clock.instant().plus(settings.grantWait());
        RenderJob known = writer.current();
        Instant readAt = readFirst ? clock.instant() : clock.instant().plus(GRANT_READ_FALLBACK);
        String problem;
        while (true) {
            if (stopCause.get() != null) {
                afterStop();
                return Optional.empty();
            }
            // taken before looking, so that an event arriving meanwhile ends the wait below at once
            long events = updates.events();
            boolean read = !clock.instant().isBefore(readAt);
            if ((read ? writer.refresh() : writer.adopt(updates)) != JobStatusWriter.Outcome.UNCHANGED) {
                stop(writer.ended() == JobStatusWriter.Outcome.GONE ? StopCause.DELETED : StopCause.LOST);
                return Optional.empty();
            }
            if (read || writer.current() != known) {
                // a version read, adopted or written (a heartbeat: a write succeeds only on the newest version) was
                // the newest when it came: the fallback read counts from there
                known = writer.current();
                readAt = clock.instant().plus(GRANT_READ_FALLBACK);
            }
            UploadGrants grants = known.getStatus().getUploads();
            Optional<String> unusable = UploadGrantCheck.problem(grants, clock.instant());
            if (unusable.isEmpty()) {
                return Optional.of(grants);
            }
            problem = unusable.get();
            Instant now = clock.instant();
            if (!now.isBefore(deadline)) {
                break;
            }
            updates.awaitEventAfter(events, Duration.between(now, readAt.isBefore(deadline) ? readAt : deadline));
        }
        giveBack("no usable upload grant within " + settings.grantWait().toSeconds() + " s: " + problem);
        return Optional.empty();
    }

    private Provenance provenance(RenderJobStatus status, ExecutionResult.Rendered rendered, Instant started) {
        Provenance provenance = new Provenance();
        if (status.getScript() != null) {
            provenance.setScriptSha256(status.getScript().getSha256());
            provenance.setContractVersion(status.getScript().getContractVersion());
        }
        if (status.getDesignSystem() != null) {
            provenance.setDesignSystemVersion(status.getDesignSystem().getVersion());
        }
        provenance.setGodotVersion(rendered.godotVersion());
        provenance.setFfmpegVersion(rendered.ffmpegVersion());
        provenance.setAgent(settings.agent());
        // the whole job on the agent, upload included: what the studio waits for
        provenance.setWallSeconds(
                Math.round(Duration.between(started, clock.instant()).toMillis() / 10.0) / 100.0);
        provenance.setRenderFps(rendered.renderFps());
        return provenance;
    }

    /** After a stop: only a shutdown writes (it hands the job back); a lost or deleted job is left alone. */
    private void afterStop() {
        synchronized (interruptLock) {
            // stop() has delivered its interrupt by now: clear it so that the hand-back write is not cut short
            uploading = false;
            Thread.interrupted();
        }
        finished = true;
        if (stopCause.get() == StopCause.SHUTDOWN) {
            writer.finish(changes::handBackOnShutdown);
            LOG.info("render job " + name + ": handed back on shutdown");
        }
    }

    private void giveBack(String cause) {
        if (stopCause.get() != null) {
            afterStop();
            return;
        }
        finished = true;
        LOG.warning("render job " + name + ": giving it back: " + cause);
        writer.finish(s -> changes.giveBack(s, cause, settings.maxClaimsPerJob()));
    }

    private void finish(Consumer<RenderJobStatus> outcome) {
        finished = true;
        JobStatusWriter.Outcome written = writer.finish(outcome);
        RenderJobStatus status = writer.current().getStatus();
        LOG.info("render job " + name + ": "
                + (written == JobStatusWriter.Outcome.WRITTEN
                        ? status.getPhase() + " "
                                + status.getConditions().stream()
                                        .filter(c -> ConditionTypes.SUCCEEDED.equals(c.getType()))
                                        .map(c -> c.getReason() + ": " + c.getMessage())
                                        .findFirst()
                                        .orElse("")
                        : "outcome not written (" + written + ")"));
    }

    /** A write while the run holds the job; false (and the run stopped) once the job is lost or deleted. */
    private boolean write(Consumer<RenderJobStatus> change) {
        if (finished) {
            return false;
        }
        JobStatusWriter.Outcome outcome;
        try {
            outcome = writer.write(change);
        } catch (RuntimeException e) {
            // the API server is unreachable or refuses: the next heartbeat tries again, the lease TTL decides
            LOG.log(Level.WARNING, "render job " + name + ": status write failed", e);
            return true;
        }
        if (outcome == JobStatusWriter.Outcome.LOST || outcome == JobStatusWriter.Outcome.GONE) {
            if (!finished) {
                stop(outcome == JobStatusWriter.Outcome.GONE ? StopCause.DELETED : StopCause.LOST);
            }
            return false;
        }
        return true;
    }

    /**
     * Phases and progress are written off the executor's thread, in order, so that an API round trip (or a 409 and
     * a re-read) never holds up Godot's output; of several progress reports waiting, only the latest is written.
     */
    private ExecutionListener listener() {
        return new ExecutionListener() {
            @Override
            public void phase(RenderPhase phase) {
                reports.execute(() -> write(s -> changes.phase(s, phase)));
            }

            @Override
            public void progress(RenderProgress progress) {
                if (latestProgress.getAndSet(progress) == null) {
                    reports.execute(() -> {
                        RenderProgress latest = latestProgress.getAndSet(null);
                        write(s -> changes.progress(s, latest));
                    });
                }
            }
        };
    }

    /** Waits until the phases and progress reported so far are written, so that the outcome comes after them. */
    private void drainReports() throws InterruptedException {
        reports.shutdown();
        if (!reports.awaitTermination(1, TimeUnit.MINUTES)) {
            LOG.warning("render job " + name + ": progress writes still pending after a minute; writing the outcome");
            reports.shutdownNow();
        }
    }
}
