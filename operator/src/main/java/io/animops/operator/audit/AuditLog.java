package io.animops.operator.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.animops.crds.Conditions;
import io.animops.operator.db.Database;
import io.animops.operator.db.Sql;
import io.animops.operator.events.EventHub;
import io.animops.operator.events.StreamEvent;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;

/** Writes the audit trail: one row per state transition and per operator action. */
@ApplicationScoped
public class AuditLog {
    private static final Logger LOG = Logger.getLogger(AuditLog.class);

    /** Actor of everything the operator decides on its own. */
    public static final String OPERATOR = "system:animops-operator";

    private static final String PHASE_CHANGED = ".PhaseChanged";
    private static final int MAX_TRAIL_ENDS = 20_000;

    private static final String INSERT_INTO = """
            insert into audit_events (occurred_at, actor, event_type, subject_kind, subject_namespace,
                                      subject_name, subject_uid, payload, dedup_key)
            values\s""";
    private static final String ON_CONFLICT = " on conflict (dedup_key) do nothing";
    private static final int COLUMNS = 9;
    private static final String INSERT = insertOf(1);

    @Inject
    Database database;

    @Inject
    ObjectMapper mapper;

    @Inject
    Clock clock;

    @Inject
    EventHub events;

    /** Where the trails of resources this process recorded end; bounded, as a miss only costs a query. */
    private final Map<UUID, String> trailEnds = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<UUID, String> eldest) {
            return size() > MAX_TRAIL_ENDS;
        }
    });

    /** A phase a resource entered in one reconciliation, and why. */
    public record PhaseEntered(String phase, String reason, String message) {}

    /**
     * Records a resource's phase change up to the phase its stored status has, if the trail does not end there yet,
     * with the reason and message of the resource's summary condition ({@code Ready} or {@code Succeeded}).
     * Called after the status was written; see {@link #continueTrail}.
     */
    public void phaseChange(HasMetadata subject, Enum<?> phase, List<Condition> conditions, String summaryType) {
        if (phase == null) {
            return;
        }
        Optional<Condition> summary = Conditions.find(conditions, summaryType);
        continueTrail(
                subject,
                null,
                List.of(new PhaseEntered(
                        phase.name(),
                        summary.map(Condition::getReason).orElse(null),
                        summary.map(Condition::getMessage).orElse(null))),
                null);
    }

    /**
     * Continues a resource's trail of phase changes up to the last phase entered, which its status now stores.
     * Called only once that status is written, so the trail never runs ahead of what is stored (a reconciliation
     * whose write failed, or was cut by a crash, is decided again and leaves no row). It continues from where the
     * trail ends, not from the phase the reconciliation began in: when a crash fell between a status write and its
     * rows, the next call records the change from the last phase recorded, and the trail has no gap.
     *
     * @param began the phase the reconciliation began in
     * @param entered the phases entered since, in order: all are recorded when the trail ends in {@code began}, else
     *     only the last one, as a change from the trail's end
     * @param sameTransaction what is stored with the rows, in their transaction (a row's phase); null when nothing is,
     *     and the rows are one statement, atomic on its own
     * @return the phases recorded now, empty when the trail already ended in the last one
     */
    public List<PhaseEntered> continueTrail(
            HasMetadata subject, String began, List<PhaseEntered> entered, Consumer<Sql> sameTransaction) {
        if (entered.isEmpty()) {
            return List.of();
        }
        UUID uid = UUID.fromString(subject.getMetadata().getUid());
        String eventType = subject.getKind() + PHASE_CHANGED;
        PhaseEntered last = entered.get(entered.size() - 1);
        String end = trailEnd(uid, eventType);
        if (last.phase().equals(end)) {
            return List.of();
        }
        List<PhaseEntered> recorded = Objects.equals(began, end) ? entered : List.of(last);
        List<Map<String, Object>> payloads = new ArrayList<>();
        List<Object> params = new ArrayList<>();
        String from = end;
        for (PhaseEntered to : recorded) {
            Map<String, Object> payload = new LinkedHashMap<>();
            payload.put("from", from);
            payload.put("to", to.phase());
            payload.put("reason", to.reason());
            payload.put("message", to.message());
            payload.put("generation", subject.getMetadata().getGeneration());
            params.addAll(row(OPERATOR, eventType, subject, payload, trailKey(subject, to)));
            payloads.add(payload);
            from = to.phase();
        }
        // one row is nearly every call: its statement is built once
        String insert = recorded.size() == 1 ? INSERT : insertOf(recorded.size());
        if (sameTransaction == null) {
            // no transaction to begin and commit around one statement: two round trips fewer per phase change
            database.update(insert, params.toArray());
        } else {
            database.transaction(sql -> {
                sql.update(insert, params.toArray());
                sameTransaction.accept(sql);
                return null;
            });
        }
        trailEnds.put(uid, last.phase());
        for (Map<String, Object> payload : payloads) {
            LOG.infof(
                    "%s %s/%s: %s -> %s (%s: %s)",
                    subject.getKind(),
                    subject.getMetadata().getNamespace(),
                    subject.getMetadata().getName(),
                    payload.get("from"),
                    payload.get("to"),
                    payload.get("reason"),
                    payload.get("message"));
            publish(
                    OPERATOR,
                    eventType,
                    subject.getKind(),
                    subject.getMetadata().getNamespace(),
                    subject.getMetadata().getName(),
                    payload);
        }
        return recorded;
    }

    /** The phase a resource's trail ends in: remembered, since this operator writes every row of it. */
    private String trailEnd(UUID uid, String eventType) {
        String end = trailEnds.get(uid);
        if (end == null) {
            end = database.first(
                            "select payload->>'to' as phase from audit_events where subject_uid = $1"
                                    + " and event_type = $2 order by id desc limit 1",
                            row -> row.getString("phase"),
                            uid,
                            eventType)
                    .orElse(null);
        }
        return end;
    }

    /** A row's key: a status is written once per resourceVersion, so a phase is entered once from each. */
    private static String trailKey(HasMetadata subject, PhaseEntered to) {
        return subject.getMetadata().getUid() + "@" + subject.getMetadata().getResourceVersion() + ":" + to.phase();
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
        database.update(
                INSERT, Instant.now(clock), actor, eventType, kind, namespace, name, uid, json(payload), dedupKey);
        publish(actor, eventType, kind, namespace, name, payload);
    }

    /** The parameters of one row of {@link #insertOf}. */
    private List<Object> row(
            String actor, String eventType, HasMetadata subject, Map<String, Object> payload, String key) {
        return Arrays.asList(
                Instant.now(clock),
                actor,
                eventType,
                subject.getKind(),
                subject.getMetadata().getNamespace(),
                subject.getMetadata().getName(),
                UUID.fromString(subject.getMetadata().getUid()),
                json(payload),
                key);
    }

    /** The insert of {@code rows} rows in one statement, whose parameters are {@link #row}'s, row after row. */
    private static String insertOf(int rows) {
        StringBuilder insert = new StringBuilder(INSERT_INTO);
        for (int r = 0; r < rows; r++) {
            int p = r * COLUMNS;
            insert.append(r == 0 ? "" : ", ")
                    .append(String.format(
                            "($%d, $%d, $%d, $%d, $%d, $%d, $%d, cast(cast($%d as text) as jsonb), $%d)",
                            p + 1, p + 2, p + 3, p + 4, p + 5, p + 6, p + 7, p + 8, p + 9));
        }
        return insert.append(ON_CONFLICT).toString();
    }

    private String json(Map<String, Object> payload) {
        try {
            return mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("audit payload is not serializable: " + e.getMessage(), e);
        }
    }

    /** The live stream shows what was recorded (a retried duplicate too: harmless for a display). */
    private void publish(
            String actor, String eventType, String kind, String namespace, String name, Map<String, Object> payload) {
        Map<String, Object> streamed = new LinkedHashMap<>();
        streamed.put("actor", actor);
        streamed.put("eventType", eventType);
        streamed.put("payload", payload);
        events.publish(StreamEvent.AUDIT, kind, namespace, name, streamed);
    }
}
