package io.animops.operator.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.animops.crds.Conditions;
import io.animops.operator.db.Database;
import io.animops.operator.events.EventHub;
import io.animops.operator.events.StreamEvent;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Writes the audit trail: one row per state transition and per operator action. */
@ApplicationScoped
public class AuditLog {
    private static final Logger LOG = Logger.getLogger(AuditLog.class);

    /** Actor of everything the operator decides on its own. */
    public static final String OPERATOR = "system:animops-operator";

    private static final String INSERT = """
            insert into audit_events (occurred_at, actor, event_type, subject_kind, subject_namespace,
                                      subject_name, subject_uid, payload, dedup_key)
            values ($1, $2, $3, $4, $5, $6, $7, cast(cast($8 as text) as jsonb), $9)
            on conflict (dedup_key) do nothing
            """;

    @Inject
    Database database;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Inject
    EventHub events;

    /**
     * Records a phase change, if there was one, with the reason and message of the resource's summary
     * condition ({@code Ready} or {@code Succeeded}).
     */
    public void phaseChange(
            HasMetadata subject, Enum<?> before, Enum<?> after, List<Condition> conditions, String summaryType) {
        if (after == null || after == before) {
            return;
        }
        Optional<Condition> summary = Conditions.find(conditions, summaryType);
        transition(
                subject,
                before == null ? null : before.name(),
                after.name(),
                summary.map(Condition::getReason).orElse(null),
                summary.map(Condition::getMessage).orElse(null));
    }

    /**
     * Records a phase transition of a resource. A retried reconciliation observes the same resourceVersion
     * and so produces the same key: the transition is recorded once.
     */
    public void transition(HasMetadata subject, String from, String to, String reason, String message) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("from", from);
        payload.put("to", to);
        payload.put("reason", reason);
        payload.put("message", message);
        payload.put("generation", subject.getMetadata().getGeneration());
        LOG.infof(
                "%s %s/%s: %s -> %s (%s: %s)",
                subject.getKind(),
                subject.getMetadata().getNamespace(),
                subject.getMetadata().getName(),
                from,
                to,
                reason,
                message);
        String key =
                subject.getMetadata().getUid() + "@" + subject.getMetadata().getResourceVersion() + ":" + to;
        record(OPERATOR, subject.getKind() + ".PhaseChanged", subject, payload, key);
    }

    /** Records an event about a resource; a non-null dedupKey makes it idempotent. */
    public void record(
            String actor, String eventType, HasMetadata subject, Map<String, Object> payload, String dedupKey) {
        String uid = subject.getMetadata().getUid();
        record(
                actor,
                eventType,
                subject.getKind(),
                subject.getMetadata().getNamespace(),
                subject.getMetadata().getName(),
                uid == null ? null : UUID.fromString(uid),
                payload,
                dedupKey);
    }

    /** Records an event about something that is no Kubernetes resource (a user, a sign-in). */
    public void record(
            String actor,
            String eventType,
            String kind,
            String namespace,
            String name,
            UUID uid,
            Map<String, Object> payload,
            String dedupKey) {
        String json;
        try {
            json = mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit payload is not serializable: " + e.getMessage(), e);
        }
        database.update(INSERT, Instant.now(clock), actor, eventType, kind, namespace, name, uid, json, dedupKey);
        // the live stream shows what was recorded (a retried duplicate too: harmless for a display)
        Map<String, Object> streamed = new LinkedHashMap<>();
        streamed.put("actor", actor);
        streamed.put("eventType", eventType);
        streamed.put("payload", payload);
        events.publish(StreamEvent.AUDIT, kind, namespace, name, streamed);
    }
}
