package io.animops.operator.kube;

import io.animops.crds.Conditions;
import io.animops.crds.Reasons;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kubernetes Events (core/v1) about the operator's resources, so that {@code kubectl describe} tells an object's
 * story: phase changes, failures, repairs, claims, lease losses, requeues and publications, each with a reason
 * from {@link io.animops.crds.Reasons}. Aggregated and rate-limited by {@link EventAggregator}. Best effort, as
 * events are on a real cluster: a failed write is logged, never thrown into a reconciliation.
 */
@ApplicationScoped
public class EventRecorder {
    public static final String NORMAL = "Normal";
    public static final String WARNING = "Warning";
    static final String COMPONENT = "animops-operator";
    static final String CLUSTER_SCOPED_EVENTS_NAMESPACE = "default";
    private static final Logger LOG = Logger.getLogger(EventRecorder.class);

    @Inject
    KubernetesClient client;

    @Inject
    Clock clock;

    /**
     * Summary reasons told by the condition only: a render job waiting for a claim among Ready agents is a state of
     * seconds that the next event (Claimed) supersedes; one event per job for it informed no one.
     */
    static final Set<String> CONDITION_ONLY_REASONS = Set.of(Reasons.WAITING_FOR_CLAIM);

    private final EventAggregator aggregator = new EventAggregator();
    private Instant started;
    /** The summary reason last told per object uid, so that only a change makes an event. */
    private final Map<String, String> toldReasons = new ConcurrentHashMap<>();

    EventRecorder() {
        // for CDI, which injects the fields
    }

    /** Outside CDI (the standalone mode's tests). */
    public EventRecorder(KubernetesClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
        start();
    }

    @PostConstruct
    void start() {
        started = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }

    public void normal(HasMetadata about, String reason, String message) {
        record(about, NORMAL, reason, message);
    }

    public void warning(HasMetadata about, String reason, String message) {
        record(about, WARNING, reason, message);
    }

    /**
     * An event when the reason of the object's summary condition changed since this operator last saw it: this
     * catches what another writer (a render agent claiming, rendering, failing) did as well as the operator's own
     * changes. A condition that changed before this operator started is not told again after a restart.
     * Warning when the condition is False.
     */
    public void summaryChanged(HasMetadata about, List<Condition> conditions, String summaryType) {
        Optional<Condition> summary = Conditions.find(conditions, summaryType);
        String uid = about.getMetadata().getUid();
        if (summary.isEmpty() || summary.get().getReason() == null || uid == null) {
            return;
        }
        Condition c = summary.get();
        String previous = toldReasons.put(uid, c.getReason());
        if (c.getReason().equals(previous) || CONDITION_ONLY_REASONS.contains(c.getReason())) {
            return;
        }
        if (previous == null
                && c.getLastTransitionTime() != null
                && Instant.parse(c.getLastTransitionTime()).isBefore(started)) {
            return;
        }
        record(
                about,
                Conditions.FALSE.equals(c.getStatus()) ? WARNING : NORMAL,
                c.getReason(),
                c.getMessage() == null ? "" : c.getMessage());
    }

    /** Forgets a deleted object. */
    public void forget(HasMetadata about) {
        if (about.getMetadata().getUid() != null) {
            toldReasons.remove(about.getMetadata().getUid());
        }
    }

    public void record(HasMetadata about, String type, String reason, String message) {
        String namespace = eventNamespace(about);
        String uid = about.getMetadata().getUid();
        EventAggregator.Decision decision = aggregator.offer(
                uid == null ? about.getMetadata().getName() : uid,
                about.getMetadata().getName(),
                type,
                reason,
                message,
                Instant.now(clock));
        try {
            switch (decision.action()) {
                case CREATE ->
                    client.v1()
                            .events()
                            .inNamespace(namespace)
                            .resource(event(about, type, reason, message, decision))
                            .create();
                case UPDATE -> {
                    Event series = event(about, type, reason, message, decision);
                    try {
                        // the count and last time only, as a merge patch naming the event: no read before it
                        client.v1()
                                .events()
                                .inNamespace(namespace)
                                .resource(series)
                                .patch(PatchContext.of(PatchType.JSON_MERGE), countPatch(decision));
                    } catch (KubernetesClientException e) {
                        if (e.getCode() != 404) {
                            throw e;
                        }
                        // trimmed or deleted meanwhile: the series starts again with its full count
                        client.v1()
                                .events()
                                .inNamespace(namespace)
                                .resource(series)
                                .create();
                    }
                }
                case SUPPRESS ->
                    LOG.debugf(
                            "event %s on %s/%s rate-limited (count %d)",
                            reason, namespace, about.getMetadata().getName(), decision.count());
            }
        } catch (KubernetesClientException e) {
            LOG.warnf(
                    "could not write event %s about %s %s/%s: %s",
                    reason, about.getKind(), namespace, about.getMetadata().getName(), e.getMessage());
        }
    }

    /**
     * Where an event about the object is kept: its namespace, or {@code default} for a cluster-scoped object (a
     * render agent), as Kubernetes' own recorders do; the event's involvedObject then names no namespace.
     */
    static String eventNamespace(HasMetadata about) {
        String namespace = about.getMetadata().getNamespace();
        return namespace == null || namespace.isEmpty() ? CLUSTER_SCOPED_EVENTS_NAMESPACE : namespace;
    }

    private static String countPatch(EventAggregator.Decision decision) {
        return Serialization.asJson(Map.of(
                "count", decision.count(),
                "lastTimestamp", decision.last().truncatedTo(ChronoUnit.SECONDS).toString()));
    }

    static Event event(
            HasMetadata about, String type, String reason, String message, EventAggregator.Decision decision) {
        // the API server caps an event's message at 1024 bytes; longer ones are refused
        String text = message.length() > 1000 ? message.substring(0, 1000) + "…" : message;
        return new EventBuilder()
                .withNewMetadata()
                .withName(decision.name())
                .withNamespace(eventNamespace(about))
                .endMetadata()
                .withInvolvedObject(new ObjectReferenceBuilder()
                        .withApiVersion(about.getApiVersion())
                        .withKind(about.getKind())
                        .withNamespace(about.getMetadata().getNamespace())
                        .withName(about.getMetadata().getName())
                        .withUid(about.getMetadata().getUid())
                        .withResourceVersion(about.getMetadata().getResourceVersion())
                        .build())
                .withType(type)
                .withReason(reason)
                .withMessage(text)
                .withCount(decision.count())
                .withFirstTimestamp(
                        decision.first().truncatedTo(ChronoUnit.SECONDS).toString())
                .withLastTimestamp(
                        decision.last().truncatedTo(ChronoUnit.SECONDS).toString())
                .withNewSource()
                .withComponent(COMPONENT)
                .endSource()
                .withReportingComponent(COMPONENT)
                .build();
    }
}
