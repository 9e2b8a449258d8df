package io.animops.agent.cluster;

import com.sun.net.httpserver.HttpServer;
import io.animops.agent.job.Cancellation;
import io.animops.agent.job.ExecutionListener;
import io.animops.agent.job.ExecutionResult;
import io.animops.agent.job.JobExecutor;
import io.animops.agent.job.JobRequest;
import io.animops.agent.upload.ArtifactUploader;
import io.animops.crds.ConditionTypes;
import io.animops.crds.v1alpha1.MediaFacts;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.crds.v1alpha1.UploadGrant;
import io.animops.crds.v1alpha1.UploadGrants;
import io.fabric8.kubernetes.api.model.Condition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A job rendered at once, then its wait for upload grants: the test plays the operator on an {@link InMemoryJobApi}
 * that delivers every change to the run's {@link JobUpdates} as the agent's informer does, and a store that takes
 * PUTs. Reads of the job from the API are counted ({@link InMemoryJobApi#gets}).
 */
class JobRunTest {
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static final Clock CLOCK = Clock.systemUTC();

    private final StatusChanges changes = new StatusChanges("mac-1", CLOCK);
    private final InMemoryJobApi api = new InMemoryJobApi(Jobs.pending("j", "10", Map.of()));
    private final JobUpdates informer = new JobUpdates();
    private final RenderedAtOnce executor = new RenderedAtOnce();
    private final List<String> puts = new CopyOnWriteArrayList<>();
    /** Paths containing this prefix are refused with 403, after {@link #onRefusal} ran. */
    private volatile String refusedPrefix = "/none/";

    private volatile Runnable onRefusal = () -> {};
    private final CountDownLatch ended = new CountDownLatch(1);
    private HttpServer store;

    @TempDir
    Path dir;

    @BeforeEach
    void startStore() throws IOException {
        store = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        store.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getPath();
            puts.add(path);
            int code = 200;
            if (path.startsWith(refusedPrefix)) {
                onRefusal.run();
                code = 403;
            }
            exchange.sendResponseHeaders(code, -1);
            exchange.close();
        });
        store.start();
        api.watchedBy(informer);
    }

    @AfterEach
    void stopStore() {
        store.stop(0);
    }

    @Test
    void grantsWrittenWhileTheRunWaitsArriveFromTheInformerWithoutReadingTheJob() throws Exception {
        startUploading(Duration.ofSeconds(30));
        // the former poll read the job three times in this while
        Thread.sleep(1500);
        long granted = System.nanoTime();
        api.meanwhile(grants("first"));
        awaitEnd();

        assertThat(Duration.ofNanos(System.nanoTime() - granted)).isLessThan(JobRun.GRANT_READ_FALLBACK);
        RenderJob job = api.stored();
        assertThat(job.getStatus().getPhase()).isEqualTo(RenderPhase.Succeeded);
        assertThat(job.getStatus().getArtifacts().getVideo().getKey()).isEqualTo("renders/j/video.mp4");
        assertThat(puts).containsExactly("/first/video.mp4", "/first/thumbnail.jpg");
        assertThat(api.gets).isZero();
    }

    @Test
    void aJobDeletedWhileTheRunWaitsStopsItAsDeletedWithoutAWrite() throws Exception {
        startUploading(Duration.ofSeconds(30));
        int patches = api.patches.size();
        api.delete();
        awaitEnd();

        assertThat(executor.cancellation.reason()).isEqualTo(JobRun.StopCause.DELETED.message);
        assertThat(api.patches).hasSize(patches);
        assertThat(puts).isEmpty();
        assertThat(api.gets).isZero();
    }

    @Test
    void aJobClaimedByAnotherAgentWhileTheRunWaitsStopsItAsLostWithoutAWrite() throws Exception {
        startUploading(Duration.ofSeconds(30));
        int patches = api.patches.size();
        // the lease lapsed meanwhile: the operator requeued the job and another agent claimed it, grants written
        api.meanwhile(job -> {
            job.getStatus().setPhase(RenderPhase.Claimed);
            job.getStatus().setAgent("mac-2");
            grants("other").accept(job);
        });
        awaitEnd();

        assertThat(executor.cancellation.reason()).isEqualTo(JobRun.StopCause.LOST.message);
        assertThat(api.patches).hasSize(patches);
        assertThat(api.stored().getStatus().getAgent()).isEqualTo("mac-2");
        assertThat(puts).isEmpty();
        assertThat(api.gets).isZero();
    }

    @Test
    void grantsWhoseEventTheInformerMissedAreReadOnceAfterTheFallbackInterval() throws Exception {
        startUploading(Duration.ofSeconds(30));
        api.meanwhileUnwatched(grants("missed"));
        awaitEnd();

        assertThat(api.stored().getStatus().getPhase()).isEqualTo(RenderPhase.Succeeded);
        assertThat(puts).containsExactly("/missed/video.mp4", "/missed/thumbnail.jpg");
        assertThat(api.gets).isEqualTo(1);
    }

    @Test
    void withoutGrantsWithinGrantWaitTheJobIsGivenBack() throws Exception {
        startUploading(Duration.ofSeconds(1));
        awaitEnd();

        RenderJob job = api.stored();
        assertThat(job.getStatus().getPhase()).isEqualTo(RenderPhase.Pending);
        assertThat(job.getStatus().getAgent()).isNull();
        assertThat(job.getStatus().getAgentFailures()).containsExactly(Map.entry("mac-1", 1));
        assertThat(succeeded(job).getMessage())
                .contains("no usable upload grant within 1 s: status.uploads: not written by the operator yet");
        assertThat(puts).isEmpty();
        assertThat(api.gets).isZero();
    }

    @Test
    void aGrantTheStoreRefusesIsReplacedByTheOneReadFromTheJobAtOnce() throws Exception {
        // the store tells the operator, which renews the grants before the informer could deliver them
        refusedPrefix = "/stale/";
        onRefusal = () -> api.meanwhileUnwatched(grants("renewed"));
        startUploading(Duration.ofSeconds(30));
        long granted = System.nanoTime();
        api.meanwhile(grants("stale"));
        awaitEnd();

        assertThat(Duration.ofNanos(System.nanoTime() - granted)).isLessThan(JobRun.GRANT_READ_FALLBACK);
        assertThat(api.stored().getStatus().getPhase()).isEqualTo(RenderPhase.Succeeded);
        assertThat(puts).containsExactly("/stale/video.mp4", "/renewed/video.mp4", "/renewed/thumbnail.jpg");
        assertThat(api.gets).isEqualTo(1);
    }

    @Test
    void aShutdownWhileTheRunWaitsHandsTheJobBackAtOnce() throws Exception {
        JobRun run = startUploading(Duration.ofMinutes(10));
        long stopped = System.nanoTime();
        run.stop(JobRun.StopCause.SHUTDOWN);
        awaitEnd();

        assertThat(Duration.ofNanos(System.nanoTime() - stopped)).isLessThan(Duration.ofSeconds(1));
        RenderJob job = api.stored();
        assertThat(job.getStatus().getPhase()).isEqualTo(RenderPhase.Pending);
        assertThat(job.getStatus().getAgentFailures()).isNullOrEmpty();
        assertThat(succeeded(job).getReason()).isEqualTo("AgentShutdown");
        assertThat(puts).isEmpty();
    }

    /** Claims the job, starts its run and returns once the run waits for grants in Uploading. */
    private JobRun startUploading(Duration grantWait) throws InterruptedException {
        informer.delivered(api.stored());
        JobStatusWriter writer = JobStatusWriter.claim(
                        api, api.stored(), "mac-1", changes::claim, JobStatusWriterTest.NEVER_AGAIN)
                .orElseThrow();
        JobRun run = new JobRun(
                writer,
                informer,
                executor,
                new ArtifactUploader(
                        HttpClient.newHttpClient(),
                        1,
                        Duration.ofMillis(10),
                        Duration.ofMillis(10),
                        Duration.ofSeconds(5)),
                changes,
                new JobRun.Settings("mac-1", 3, grantWait),
                CLOCK,
                ended::countDown);
        new Thread(run, "job-run-test").start();
        await(() -> api.stored().getStatus().getPhase() == RenderPhase.Uploading);
        return run;
    }

    private void awaitEnd() throws InterruptedException {
        assertThat(ended.await(PATIENCE.toMillis(), TimeUnit.MILLISECONDS))
                .as("the run ended")
                .isTrue();
    }

    /** Grants for PUTs to {@code /<prefix>/...} of the store, valid for 15 minutes. */
    private Consumer<RenderJob> grants(String prefix) {
        String base = "http://127.0.0.1:" + store.getAddress().getPort() + "/" + prefix + "/";
        return job -> {
            UploadGrants grants = new UploadGrants();
            grants.setExpiresAt(Instant.now()
                    .plus(15, ChronoUnit.MINUTES)
                    .truncatedTo(ChronoUnit.SECONDS)
                    .toString());
            grants.setVideo(new UploadGrant("renders/j/video.mp4", base + "video.mp4", "video/mp4"));
            grants.setThumbnail(new UploadGrant("renders/j/thumbnail.jpg", base + "thumbnail.jpg", "image/jpeg"));
            job.getStatus().setUploads(grants);
        };
    }

    private static Condition succeeded(RenderJob job) {
        return job.getStatus().getConditions().stream()
                .filter(c -> ConditionTypes.SUCCEEDED.equals(c.getType()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Succeeded condition"));
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited " + PATIENCE).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Renders a video and a thumbnail at once, keeping the run's cancellation. */
    private final class RenderedAtOnce implements JobExecutor {
        volatile Cancellation cancellation;

        @Override
        public ExecutionResult execute(JobRequest request, ExecutionListener listener, Cancellation cancellation) {
            this.cancellation = cancellation;
            try {
                Path video = Files.write(dir.resolve("video.mp4"), new byte[] {1, 2, 3});
                Path thumbnail = Files.write(dir.resolve("thumbnail.jpg"), new byte[] {4, 5});
                return new ExecutionResult.Rendered(
                        video, thumbnail, new MediaFacts(), "4.6.stable", "ffmpeg 7.1", 0.1, 10, () -> {});
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
