package io.animops.operator.publish;

import io.animops.crds.Reasons;
import io.animops.crds.v1alpha1.ContentSchedule;
import io.animops.crds.v1alpha1.MetricsPullOutcome;
import io.animops.crds.v1alpha1.Publication;
import io.animops.crds.v1alpha1.PublicationPhase;
import io.animops.crds.v1alpha1.PublishTarget;
import io.animops.operator.config.AnimOpsConfig;
import io.animops.operator.kpi.MetricSnapshotStore;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Runs the daily metrics pull once a day after {@code animops.publish.metrics.daily-at}, on the leader only: every
 * minute it looks whether today's pull is due (so a restart after the time still pulls that day). Snapshots go to
 * PostgreSQL; the outcome per account goes to the metrics_pulls table (the API), the Prometheus metrics and the
 * status of the schedules whose publish targets name the account.
 */
@ApplicationScoped
public class MetricsPullJob {
    private static final Logger LOG = Logger.getLogger(MetricsPullJob.class);
    private static final String UPSERT_OUTCOME = """
            insert into metrics_pulls (account_namespace, account_secret, platform, ran_at, outcome, videos, failures, message)
            values (?, ?, ?, ?, ?, ?, ?, ?)
            on conflict (account_namespace, account_secret) do update set platform = excluded.platform,
                ran_at = excluded.ran_at, outcome = excluded.outcome, videos = excluded.videos,
                failures = excluded.failures, message = excluded.message
            """;

    @Inject
    PublishConfig config;

    @Inject
    AnimOpsConfig operatorConfig;

    @Inject
    PublishingProducer.Publishing publishing;

    @Inject
    KubernetesClient client;

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    private volatile LocalDate lastPulled;

    @Scheduled(
            identity = "metrics-pull",
            every = "1m",
            delayed = "30s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        String dailyAt = config.metrics().dailyAt();
        if ("off".equalsIgnoreCase(dailyAt)) {
            return;
        }
        ZoneId zone = ZoneId.of(config.metrics().timeZone());
        LocalTime at = LocalTime.parse(dailyAt);
        LocalDate today = LocalDate.now(clock.withZone(zone));
        if (Objects.equals(lastPulled, today)
                || LocalTime.now(clock.withZone(zone)).isBefore(at)
                || !leader()) {
            return;
        }
        lastPulled = today;
        run(zone, at);
    }

    /** Pulls now; answers the outcome per account. */
    public Map<String, MetricsPullOutcome> run(ZoneId zone, LocalTime at) {
        List<MetricsPull.Video> videos = publishedVideos();
        MetricsPull.Result result =
                new MetricsPull(publishing, clock, zone, at, config.metrics().rereadDays()).pull(videos);
        try (Connection connection = dataSource.getConnection()) {
            MetricSnapshotStore.replace(connection, result.snapshots());
            try (PreparedStatement upsert = connection.prepareStatement(UPSERT_OUTCOME)) {
                for (var entry : result.outcomes().entrySet()) {
                    String[] account = entry.getKey().split("/", 2);
                    MetricsPullOutcome o = entry.getValue();
                    upsert.setString(1, account[0]);
                    upsert.setString(2, account[1]);
                    upsert.setString(3, o.getPlatform());
                    upsert.setTimestamp(4, Timestamp.from(Instant.parse(o.getRanAt())));
                    upsert.setString(5, o.getOutcome());
                    upsert.setInt(6, o.getVideos());
                    upsert.setInt(7, o.getFailures());
                    upsert.setString(8, o.getMessage());
                    upsert.addBatch();
                }
                upsert.executeBatch();
            }
        } catch (SQLException e) {
            LOG.errorf(
                    "metrics pull: storing %d snapshot(s) failed: %s",
                    result.snapshots().size(), e.getMessage());
        }
        updateSchedules(result.outcomes());
        LOG.infof(
                "metrics pull: %d snapshot(s) of %d video(s), %d account(s)",
                result.snapshots().size(), videos.size(), result.outcomes().size());
        return result.outcomes();
    }

    /** Published publications with a video id and an account to read it with. */
    private List<MetricsPull.Video> publishedVideos() {
        List<MetricsPull.Video> videos = new ArrayList<>();
        for (Publication p :
                client.resources(Publication.class).inAnyNamespace().list().getItems()) {
            var status = p.getStatus();
            if (status == null
                    || status.getPhase() != PublicationPhase.Published
                    || status.getExternalId() == null
                    || status.getPublishedAt() == null
                    || p.getSpec().getAccountSecretRef() == null
                    || Reasons.SENT_TO_INBOX.equals(reason(p))) {
                continue;
            }
            videos.add(new MetricsPull.Video(
                    p.getSpec().getPlatform(),
                    status.getExternalId(),
                    p.getMetadata().getNamespace(),
                    p.getMetadata().getName(),
                    OffsetDateTime.parse(status.getPublishedAt()).toInstant(),
                    p.getSpec().getAccountSecretRef().getName()));
        }
        return videos;
    }

    private static String reason(Publication p) {
        return io.animops.crds.Conditions.find(p.getStatus().getConditions(), PublicationRun.SUCCEEDED)
                .map(c -> c.getReason())
                .orElse(null);
    }

    /** Each schedule shows the last pull of the accounts its publish targets name. */
    private void updateSchedules(Map<String, MetricsPullOutcome> outcomes) {
        for (ContentSchedule schedule :
                client.resources(ContentSchedule.class).inAnyNamespace().list().getItems()) {
            if (schedule.getSpec().getPublish() == null || schedule.getStatus() == null) {
                continue;
            }
            Map<String, MetricsPullOutcome> mine = new java.util.TreeMap<>();
            for (PublishTarget target : schedule.getSpec().getPublish()) {
                if (target.getAccountSecretRef() != null) {
                    MetricsPullOutcome o = outcomes.get(schedule.getMetadata().getNamespace() + "/"
                            + target.getAccountSecretRef().getName());
                    if (o != null) {
                        mine.put(target.getAccountSecretRef().getName(), o);
                    }
                }
            }
            if (mine.isEmpty()) {
                continue;
            }
            try {
                client.resources(ContentSchedule.class)
                        .inNamespace(schedule.getMetadata().getNamespace())
                        .withName(schedule.getMetadata().getName())
                        .editStatus(s -> {
                            s.getStatus().setMetricsPull(mine);
                            return s;
                        });
            } catch (RuntimeException e) {
                LOG.warnf(
                        "metrics pull: status of schedule %s/%s not updated: %s",
                        schedule.getMetadata().getNamespace(),
                        schedule.getMetadata().getName(),
                        e.getMessage());
            }
        }
    }

    /**
     * With leader election on (the prod profile and a lease namespace), only the holder of the operator's Lease
     * pulls; the Operator SDK names a holder by its HOSTNAME (the pod name).
     */
    private boolean leader() {
        var election = operatorConfig.leaderElection();
        if (LaunchMode.current() != LaunchMode.NORMAL || election.namespace().isEmpty()) {
            return true;
        }
        Lease lease = client.leases()
                .inNamespace(election.namespace().get())
                .withName(election.leaseName())
                .get();
        String holder = lease == null || lease.getSpec() == null
                ? null
                : lease.getSpec().getHolderIdentity();
        return holder != null && holder.equals(System.getenv("HOSTNAME"));
    }
}
