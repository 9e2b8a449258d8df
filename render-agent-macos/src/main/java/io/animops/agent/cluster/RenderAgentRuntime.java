package io.animops.agent.cluster;

import io.animops.agent.AgentConfig;
import io.animops.agent.job.JobExecutor;
import io.animops.agent.upload.ArtifactUploader;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderJobStatus;
import io.animops.crds.v1alpha1.RenderPhase;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.Cache;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URL;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The agent's Kubernetes side: registers its RenderAgent and heartbeats into it, watches RenderJobs, claims the
 * ones it may take while it has a free slot, and runs each claimed job ({@link JobRun}) until its outcome.
 * Claims are decided one at a time on a single thread, so the count of running jobs never overshoots.
 * <p>
 * Shutdown ({@link #close()}): the agent stops claiming, cancels its running jobs (their process trees are
 * killed) and hands them back as Pending without counting a failure against itself. Renders take minutes and
 * launchd gives a stopping service seconds, so letting them finish is not an option.
 */
public final class RenderAgentRuntime implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(RenderAgentRuntime.class.getName());
    /** How long a shutdown waits for running jobs to hand themselves back. */
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(15);
    /** The same while the API is unreachable: the hand-backs cannot be written, the operator requeues on lapse. */
    private static final Duration UNREACHABLE_GRACE = Duration.ofSeconds(2);
    /** How long a stop waits for the answer to its sign-off, one write that takes milliseconds when the API is up. */
    private static final Duration SIGN_OFF_WAIT = Duration.ofSeconds(5);
    /** The informers' full resync: a safety net for claims, besides the event-driven look at each change. */
    private static final Duration RESYNC = Duration.ofSeconds(30);

    private final KubernetesClient client;
    private final AgentConfig config;
    private final JobExecutor executor;
    private final ArtifactUploader uploader;
    private final Clock clock;
    private final AgentRegistration registration;
    private final JobApi jobs;
    private final StatusChanges changes;
    private final Map<String, JobRun> running = new ConcurrentHashMap<>();
    /** uid -> what the informer delivers about a job claimed (or being claimed) here, for its run to wait on. */
    private final Map<String, JobUpdates> updates = new ConcurrentHashMap<>();
    /** uid -> resourceVersion whose claim was refused: not tried again until the job changes. */
    private final Map<String, String> refusedClaims = new ConcurrentHashMap<>();

    /** Read by the claimer while start() may still be adding (an informer delivers before inform() returns). */
    private final List<SharedIndexInformer<RenderJob>> informers = new CopyOnWriteArrayList<>();

    private final ExecutorService claimer = Executors.newSingleThreadExecutor(named("animops-claimer"));
    private final ExecutorService runs = Executors.newCachedThreadPool(named("animops-job"));
    private final ScheduledExecutorService ticker =
            Executors.newSingleThreadScheduledExecutor(named("animops-heartbeat"));
    private volatile boolean stopping;
    private volatile boolean started;
    /** The last heartbeat of the RenderAgent failed to reach the API. */
    private volatile boolean apiUnreachable;

    public RenderAgentRuntime(
            KubernetesClient client,
            AgentConfig config,
            AgentIdentity identity,
            JobExecutor executor,
            ArtifactUploader uploader,
            Clock clock) {
        this.client = client;
        this.config = config;
        this.executor = executor;
        this.uploader = uploader;
        this.clock = clock;
        this.registration = new AgentRegistration(client, config, identity, clock);
        this.jobs = new KubernetesJobApi(client);
        this.changes = new StatusChanges(config.name(), clock);
    }

    /** Registers, starts heartbeating and watching; returns once the informers have synced. */
    public RenderAgentRuntime start() {
        registration.register();
        registration.heartbeat(List.of());
        started = true;
        long every = config.cluster().heartbeatInterval().toMillis();
        ticker.scheduleAtFixedRate(this::heartbeat, every, every, TimeUnit.MILLISECONDS);
        ResourceEventHandler<RenderJob> handler = new ResourceEventHandler<>() {
            @Override
            public void onAdd(RenderJob job) {
                deliver(job);
                consider(job);
            }

            @Override
            public void onUpdate(RenderJob before, RenderJob job) {
                deliver(job);
                consider(job);
            }

            @Override
            public void onDelete(RenderJob job, boolean finalStateUnknown) {
                JobUpdates deleted = updates.get(job.getMetadata().getUid());
                if (deleted != null) {
                    deleted.deleted();
                }
                JobRun run = running.get(job.getMetadata().getUid());
                if (run != null) {
                    run.stop(JobRun.StopCause.DELETED);
                }
                refusedClaims.remove(job.getMetadata().getUid());
            }
        };
        if (config.cluster().namespaces().isEmpty()) {
            informers.add(client.resources(RenderJob.class).inAnyNamespace().inform(handler, RESYNC.toMillis()));
        } else {
            for (String namespace : config.cluster().namespaces()) {
                informers.add(
                        client.resources(RenderJob.class).inNamespace(namespace).inform(handler, RESYNC.toMillis()));
            }
        }
        LOG.info("agent " + config.name() + " watches render jobs in "
                + (config.cluster().namespaces().isEmpty()
                        ? "all namespaces"
                        : config.cluster().namespaces()) + "; up to " + config.maxConcurrent() + " at once");
        return this;
    }

    /** namespace/name of the jobs running now. */
    public List<String> runningJobs() {
        return running.values().stream().map(JobRun::name).sorted().toList();
    }

    private void deliver(RenderJob job) {
        JobUpdates delivered = updates.get(job.getMetadata().getUid());
        if (delivered != null) {
            delivered.delivered(job);
        }
    }

    private void consider(RenderJob job) {
        onClaimer(() -> claimIfEligible(job));
    }

    /** Queues work for the claimer thread, unless the agent is stopping (the claimer may be shut down by then). */
    private void onClaimer(Runnable task) {
        if (stopping) {
            return;
        }
        try {
            claimer.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // stopping meanwhile: no more claims
        }
    }

    /**
     * On the claimer thread only. Decides on the job as the informer holds it now, not as it was when the change
     * was queued: a job another agent claimed meanwhile costs no request.
     */
    private void claimIfEligible(RenderJob seen) {
        RenderJob job = newest(seen);
        String uid = job.getMetadata().getUid();
        if (stopping || running.containsKey(uid)) {
            return;
        }
        if (ClaimPolicy.heldBy(job, config.name())) {
            giveBackOrphan(job);
            return;
        }
        if (verdict(job) != ClaimPolicy.Verdict.CLAIM
                || job.getMetadata().getResourceVersion().equals(refusedClaims.get(uid))) {
            return;
        }
        String name = job.getMetadata().getNamespace() + "/" + job.getMetadata().getName();
        // registered before the claim, so that the event of the claim's own write is not missed
        JobUpdates jobUpdates = new JobUpdates();
        updates.put(uid, jobUpdates);
        try {
            var writer = JobStatusWriter.claim(
                    jobs, job, config.name(), changes::claim, now -> verdict(now) == ClaimPolicy.Verdict.CLAIM);
            if (writer.isEmpty()) {
                updates.remove(uid);
                refusedClaims.put(uid, job.getMetadata().getResourceVersion());
                LOG.fine("render job " + name + ": claim lost (409), another writer came first");
                return;
            }
            refusedClaims.remove(uid);
            JobRun run = new JobRun(
                    writer.get(),
                    jobUpdates,
                    executor,
                    uploader,
                    changes,
                    new JobRun.Settings(
                            config.name(),
                            config.cluster().maxClaimsPerJob(),
                            config.cluster().grantWait()),
                    clock,
                    () -> ended(uid));
            running.put(uid, run);
            LOG.info("render job " + name + ": claimed (" + running.size() + " of " + config.maxConcurrent()
                    + " slots)");
            runs.execute(run);
        } catch (RuntimeException e) {
            updates.remove(uid);
            LOG.log(Level.WARNING, "render job " + name + ": claim failed", e);
        }
    }

    private ClaimPolicy.Verdict verdict(RenderJob job) {
        return ClaimPolicy.decide(
                job, config.name(), config.labels(), config.executor(), running.size(), config.maxConcurrent());
    }

    /**
     * A job the API says this agent holds, though it runs nothing of the kind: held before the agent restarted.
     * Given back at once (counted as a failure, as a lapsed lease would be) rather than after the lease TTL. Written
     * against the version seen: a stale event of a job that just ended here gets 409 and changes nothing.
     */
    private void giveBackOrphan(RenderJob job) {
        String name = job.getMetadata().getNamespace() + "/" + job.getMetadata().getName();
        RenderJobStatus after = JobStatusWriter.copy(job.getStatus());
        changes.giveBack(
                after,
                "the agent restarted while holding the job",
                config.cluster().maxClaimsPerJob());
        try {
            jobs.patchStatus(
                    job.getMetadata().getNamespace(),
                    job.getMetadata().getName(),
                    StatusMergePatch.body(job.getMetadata().getResourceVersion(), job.getStatus(), after)
                            .orElseThrow());
            LOG.warning("render job " + name + ": held by this agent before it restarted; given back");
        } catch (JobApi.Refused refused) {
            // changed meanwhile (it ended here, or the operator requeued it): the next event shows what is true now
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "render job " + name + ": could not give back a job held before a restart", e);
        }
    }

    private void ended(String uid) {
        // in this order: once the job is no longer running, the claimer may claim it again with new updates
        updates.remove(uid);
        running.remove(uid);
        // a slot is free: look at the jobs already known, not only at the next change
        onClaimer(this::rescan);
    }

    /**
     * The pending jobs known, in this agent's own order ({@link ClaimPolicy#claimOrder}), and those the API says it
     * holds (to give back, when it does not run them).
     */
    private void rescan() {
        informers.stream()
                .flatMap(informer -> informer.getStore().list().stream())
                .filter(job -> (job.getStatus() != null && job.getStatus().getPhase() == RenderPhase.Pending)
                        || ClaimPolicy.heldBy(job, config.name()))
                .sorted(ClaimPolicy.claimOrder(config.name()))
                .forEach(this::claimIfEligible);
    }

    /**
     * The job as the informer holds it now (never older than a change it delivered), or as seen when no informer
     * holds it (deleted meanwhile: the API answers a claim 404, as it would have).
     */
    private RenderJob newest(RenderJob seen) {
        String key = Cache.metaNamespaceKeyFunc(seen);
        for (SharedIndexInformer<RenderJob> informer : informers) {
            RenderJob held = informer.getStore().getByKey(key);
            if (held != null) {
                return held;
            }
        }
        return seen;
    }

    private void heartbeat() {
        try {
            registration.heartbeat(runningJobs());
            apiUnreachable = false;
        } catch (RuntimeException e) {
            apiUnreachable = e instanceof KubernetesClientException;
            LOG.log(Level.WARNING, "heartbeat of RenderAgent " + config.name() + " failed", e);
        }
        for (JobRun run : running.values()) {
            try {
                run.heartbeat();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "heartbeat of render job " + run.name() + " failed", e);
            }
        }
    }

    /** Stops claiming, cancels the running jobs and hands them back, then stops heartbeating. */
    @Override
    public void close() {
        if (stopping) {
            return;
        }
        stopping = true;
        informers.forEach(SharedIndexInformer::close);
        // a claim in flight is let finish (interrupting it could leave a claim the agent does not know it made);
        // claims queued behind it see stopping and do nothing
        claimer.shutdown();
        // an API that is down makes every write retry for about 19 s: no point waiting for hand-backs then
        boolean unreachable = apiUnreachable || !reachable();
        Duration grace = unreachable ? UNREACHABLE_GRACE : SHUTDOWN_GRACE;
        try {
            if (!claimer.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warning("a claim was still in flight after " + grace.toSeconds() + " s");
            }
            running.values().forEach(run -> run.stop(JobRun.StopCause.SHUTDOWN));
            runs.shutdown();
            if (!runs.awaitTermination(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warning("jobs still running after " + grace.toSeconds() + " s: " + runningJobs()
                        + "; the operator requeues them when their lease lapses");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ticker.shutdownNow();
        if (!started) {
            return;
        }
        if (unreachable) {
            LOG.info("agent " + config.name() + " stopped without signing off: the Kubernetes API is unreachable; "
                    + "the operator marks it NotReady when its lease runs out");
            return;
        }
        signOffWithin(SIGN_OFF_WAIT);
    }

    /**
     * Signs off, waiting for it at most {@code wait}: an API that goes away after {@link #reachable()} found it (the
     * operator stopping at the same moment) would hold the stop for the client's retries, about 19 s.
     */
    private void signOffWithin(Duration wait) {
        Thread signOff = new Thread(
                () -> {
                    try {
                        registration.signOff();
                        LOG.info("agent " + config.name() + " stopped");
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "the sign-off of RenderAgent " + config.name() + " failed", e);
                    }
                },
                "animops-sign-off");
        signOff.setDaemon(true);
        signOff.start();
        try {
            signOff.join(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (signOff.isAlive()) {
            LOG.info("agent " + config.name() + " stopped without an answer to its sign-off within " + wait.toSeconds()
                    + " s; the operator marks it NotReady when its lease runs out");
        }
    }

    /** Whether the API server accepts a connection within a second (the operator's, in the standalone mode). */
    private boolean reachable() {
        URL master = client.getMasterUrl();
        int port = master.getPort() > 0 ? master.getPort() : master.getDefaultPort();
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(master.getHost(), port), (int)
                    Duration.ofSeconds(1).toMillis());
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static ThreadFactory named(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
