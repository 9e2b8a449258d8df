package io.animops.agent.cluster;

import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.crds.v1alpha1.UploadGrants;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JobStatusWriterTest {
    /** Claims made where a refused claim does not try a newer version. */
    static final java.util.function.Predicate<RenderJob> NEVER_AGAIN = job -> false;

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:05Z"), ZoneOffset.UTC);
    private final StatusChanges mine = new StatusChanges("mac-1", CLOCK);
    /** Heartbeats ten seconds after the claim, so that they change lastHeartbeat. */
    private final StatusChanges tenSecondsLater =
            new StatusChanges("mac-1", Clock.offset(CLOCK, java.time.Duration.ofSeconds(10)));

    @Test
    void aClaimOnTheVersionSeenWinsAndOnAStaleOneIsLost() {
        RenderJob seen = Jobs.pending("j", "10", Map.of());
        InMemoryJobApi api = new InMemoryJobApi(seen);
        Optional<JobStatusWriter> writer = JobStatusWriter.claim(api, seen, "mac-1", mine::claim, NEVER_AGAIN);
        assertThat(writer).isPresent();
        RenderJob stored = api.stored();
        assertThat(stored.getStatus().getPhase()).isEqualTo(RenderPhase.Claimed);
        assertThat(stored.getStatus().getAgent()).isEqualTo("mac-1");
        assertThat(stored.getStatus().getAttempts()).isEqualTo(1);
        assertThat(stored.getStatus().getClaimedAt()).isEqualTo("2026-11-24T10:00:05Z");

        // the second agent decides on the same version it saw: 409; the job as it is now is mac-1's, no retry
        Optional<JobStatusWriter> late = JobStatusWriter.claim(
                api, seen, "mac-2", new StatusChanges("mac-2", CLOCK)::claim, claimableBy("mac-2"));
        assertThat(late).isEmpty();
        assertThat(api.stored().getStatus().getAgent()).isEqualTo("mac-1");
        assertThat(api.gets).isEqualTo(1);
    }

    @Test
    void aClaimRefusedOnAStaleViewIsMadeOnTheNewerVersionThatIsStillClaimable() {
        RenderJob seen = Jobs.pending("j", "10", Map.of());
        InMemoryJobApi api = new InMemoryJobApi(seen);
        // a change the agent's informer never saw (one an embedded API lost in a crash, then wrote again)
        api.meanwhileUnwatched(job -> job.getStatus().setAttempts(0));

        Optional<JobStatusWriter> writer = JobStatusWriter.claim(api, seen, "mac-1", mine::claim, claimableBy("mac-1"));

        assertThat(writer).isPresent();
        assertThat(api.stored().getStatus().getAgent()).isEqualTo("mac-1");
        assertThat(api.stored().getStatus().getPhase()).isEqualTo(RenderPhase.Claimed);
        assertThat(api.gets).isEqualTo(1);
        // a version it cannot claim is left alone
        RenderJob stale = Jobs.pending("k", "10", Map.of());
        InMemoryJobApi taken = new InMemoryJobApi(stale);
        taken.meanwhileUnwatched(job -> new StatusChanges("mac-2", CLOCK).claim(job.getStatus()));
        assertThat(JobStatusWriter.claim(taken, stale, "mac-1", mine::claim, claimableBy("mac-1")))
                .isEmpty();
        assertThat(taken.stored().getStatus().getAgent()).isEqualTo("mac-2");
    }

    private static java.util.function.Predicate<RenderJob> claimableBy(String agent) {
        return job -> ClaimPolicy.decide(job, agent, Map.of(), 0, 1) == ClaimPolicy.Verdict.CLAIM;
    }

    @Test
    void onConflictWhileStillHoldingTheJobTheChangeIsAppliedAgainOnTheFreshObject() {
        InMemoryJobApi api = new InMemoryJobApi(Jobs.pending("j", "10", Map.of()));
        JobStatusWriter writer = JobStatusWriter.claim(api, api.stored(), "mac-1", mine::claim, NEVER_AGAIN)
                .orElseThrow();
        // the operator writes upload grants meanwhile
        api.meanwhile(job -> {
            UploadGrants grants = new UploadGrants();
            grants.setExpiresAt("2026-11-24T11:00:00Z");
            job.getStatus().setUploads(grants);
        });
        assertThat(writer.write(s -> mine.phase(s, RenderPhase.Rendering))).isEqualTo(JobStatusWriter.Outcome.WRITTEN);
        RenderJob stored = api.stored();
        assertThat(stored.getStatus().getPhase()).isEqualTo(RenderPhase.Rendering);
        assertThat(stored.getStatus().getUploads().getExpiresAt()).isEqualTo("2026-11-24T11:00:00Z");
        assertThat(api.gets).isEqualTo(1);
        assertThat(writer.current().getMetadata().getResourceVersion())
                .isEqualTo(stored.getMetadata().getResourceVersion());
    }

    @Test
    void onConflictAfterTheOperatorRequeuedTheJobNothingIsWrittenEverAgain() {
        InMemoryJobApi api = new InMemoryJobApi(Jobs.pending("j", "10", Map.of()));
        JobStatusWriter writer = JobStatusWriter.claim(api, api.stored(), "mac-1", mine::claim, NEVER_AGAIN)
                .orElseThrow();
        // the lease lapsed: Pending again, then another agent claimed it
        api.meanwhile(job -> {
            job.getStatus().setPhase(RenderPhase.Pending);
            job.getStatus().setAgent(null);
        });
        api.meanwhile(job -> {
            job.getStatus().setPhase(RenderPhase.Claimed);
            job.getStatus().setAgent("mac-2");
        });
        int patchesBefore = api.patches.size();
        assertThat(writer.write(tenSecondsLater::heartbeat)).isEqualTo(JobStatusWriter.Outcome.LOST);
        assertThat(writer.ended()).isEqualTo(JobStatusWriter.Outcome.LOST);
        assertThat(writer.write(s -> mine.phase(s, RenderPhase.Encoding))).isEqualTo(JobStatusWriter.Outcome.LOST);
        assertThat(writer.finish(s -> mine.giveBack(s, "late", 3))).isEqualTo(JobStatusWriter.Outcome.LOST);
        // one refused patch, then nothing
        assertThat(api.patches).hasSize(patchesBefore + 1);
        assertThat(api.stored().getStatus().getAgent()).isEqualTo("mac-2");
    }

    @Test
    void aDeletedJobIsGone() {
        InMemoryJobApi api = new InMemoryJobApi(Jobs.pending("j", "10", Map.of()));
        JobStatusWriter writer = JobStatusWriter.claim(api, api.stored(), "mac-1", mine::claim, NEVER_AGAIN)
                .orElseThrow();
        api.delete();
        assertThat(writer.write(tenSecondsLater::heartbeat)).isEqualTo(JobStatusWriter.Outcome.GONE);
        assertThat(writer.refresh()).isEqualTo(JobStatusWriter.Outcome.GONE);

        InMemoryJobApi other = new InMemoryJobApi(Jobs.pending("k", "10", Map.of()));
        JobStatusWriter conflicting = JobStatusWriter.claim(other, other.stored(), "mac-1", mine::claim, NEVER_AGAIN)
                .orElseThrow();
        other.meanwhile(job -> job.getStatus().setProgress(null));
        other.delete();
        // 409, and the re-read finds nothing
        assertThat(conflicting.write(tenSecondsLater::heartbeat)).isEqualTo(JobStatusWriter.Outcome.GONE);
    }

    @Test
    void afterTheOutcomeTheAgentWritesNothingMore() {
        InMemoryJobApi api = new InMemoryJobApi(Jobs.pending("j", "10", Map.of()));
        JobStatusWriter writer = JobStatusWriter.claim(api, api.stored(), "mac-1", mine::claim, NEVER_AGAIN)
                .orElseThrow();
        assertThat(writer.finish(s -> mine.timedOut(s, "spec.timeoutSeconds 30 passed")))
                .isEqualTo(JobStatusWriter.Outcome.WRITTEN);
        int patches = api.patches.size();
        assertThat(writer.write(tenSecondsLater::heartbeat)).isEqualTo(JobStatusWriter.Outcome.LOST);
        assertThat(api.patches).hasSize(patches);
        assertThat(api.stored().getStatus().getPhase()).isEqualTo(RenderPhase.Failed);
    }

    @Test
    void anUnchangedStatusSendsNothing() {
        InMemoryJobApi api = new InMemoryJobApi(Jobs.pending("j", "10", Map.of()));
        JobStatusWriter writer = JobStatusWriter.claim(api, api.stored(), "mac-1", mine::claim, NEVER_AGAIN)
                .orElseThrow();
        int patches = api.patches.size();
        // same second as the claim: lastHeartbeat does not change
        assertThat(writer.write(mine::heartbeat)).isEqualTo(JobStatusWriter.Outcome.UNCHANGED);
        assertThat(api.patches).hasSize(patches);
    }

    @Test
    void theInformersVersionIsAdoptedOnlyOnceItDeliveredTheWritersOwnVersion() {
        InMemoryJobApi api = new InMemoryJobApi(Jobs.pending("j", "10", Map.of()));
        JobStatusWriter writer = JobStatusWriter.claim(api, api.stored(), "mac-1", mine::claim, NEVER_AGAIN)
                .orElseThrow();
        JobUpdates informer = new JobUpdates();
        informer.delivered(api.stored());
        // the operator writes grants; the agent's heartbeat gets 409, reads the job and writes on top of it
        api.meanwhile(job -> job.getStatus().setUploads(new UploadGrants()));
        RenderJob granted = api.stored();
        assertThat(writer.write(tenSecondsLater::heartbeat)).isEqualTo(JobStatusWriter.Outcome.WRITTEN);
        RenderJob written = api.stored();
        assertThat(writer.current().getMetadata().getResourceVersion())
                .isEqualTo(written.getMetadata().getResourceVersion());

        // the informer lags: the grants' version is older than the writer's and is not taken
        informer.delivered(granted);
        assertThat(writer.adopt(informer)).isEqualTo(JobStatusWriter.Outcome.UNCHANGED);
        assertThat(writer.current().getMetadata().getResourceVersion())
                .isEqualTo(written.getMetadata().getResourceVersion());
        assertThat(writer.current().getStatus().getLastHeartbeat()).isEqualTo("2026-11-24T10:00:15Z");

        // once the informer delivered the writer's own version, what follows it is newer
        informer.delivered(written);
        api.meanwhile(job -> job.getStatus().getUploads().setExpiresAt("2026-11-24T11:00:00Z"));
        informer.delivered(api.stored());
        assertThat(writer.adopt(informer)).isEqualTo(JobStatusWriter.Outcome.UNCHANGED);
        assertThat(writer.current().getStatus().getUploads().getExpiresAt()).isEqualTo("2026-11-24T11:00:00Z");
        assertThat(writer.current().getStatus().getLastHeartbeat()).isEqualTo("2026-11-24T10:00:15Z");
        assertThat(api.gets).isEqualTo(1);
    }

    @Test
    void endlessConflictsWhileHoldingTheJobGiveUpNamingTheJob() {
        InMemoryJobApi api = new InMemoryJobApi(Jobs.pending("j", "10", Map.of())) {
            @Override
            public synchronized RenderJob patchStatus(String namespace, String name, String mergePatch) throws Refused {
                if (!patches.isEmpty()) {
                    patches.add(mergePatch);
                    throw new Refused(409, "the object has been modified");
                }
                return super.patchStatus(namespace, name, mergePatch);
            }
        };
        JobStatusWriter writer = JobStatusWriter.claim(api, api.stored(), "mac-1", mine::claim, NEVER_AGAIN)
                .orElseThrow();
        assertThatThrownBy(() -> writer.write(s -> mine.phase(s, RenderPhase.Rendering)))
                .hasMessageContaining("render job studio/j")
                .hasMessageContaining("409 " + JobStatusWriter.MAX_CONFLICTS + " times");
    }
}
