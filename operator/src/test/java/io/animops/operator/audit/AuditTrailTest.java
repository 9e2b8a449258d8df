package io.animops.operator.audit;

import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.operator.db.Database;
import io.animops.operator.testing.EmbeddedPostgresResource;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A resource's trail of phase changes, as reconcilers continue it once a status is stored: it never tells of a
 * phase twice, and after a crash that cut off a reconciliation's rows it goes on from where it ends, without a gap.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class AuditTrailTest {
    @Inject
    AuditLog audit;

    @Inject
    Database database;

    private final AtomicInteger resourceVersion = new AtomicInteger(100);

    @Test
    void aReconciliationsPhasesAreRecordedInOrderAndOnlyOnce() {
        AnimationIdea idea = idea(UUID.randomUUID());

        List<AuditLog.PhaseEntered> recorded =
                audit.continueTrail(idea, null, entered("Proposed", "Accepted", "Scripting"), sql -> {});
        assertThat(recorded)
                .extracting(AuditLog.PhaseEntered::phase)
                .containsExactly("Proposed", "Accepted", "Scripting");

        // the same stored status seen again (a retried or repeated reconciliation): nothing more
        written(idea);
        assertThat(audit.continueTrail(idea, "Scripting", entered("Scripting"), sql -> {}))
                .isEmpty();
        written(idea);
        audit.continueTrail(idea, "Scripting", entered("Rendering"), sql -> {});

        assertThat(trail(idea))
                .containsExactly("null>Proposed", "Proposed>Accepted", "Accepted>Scripting", "Scripting>Rendering");
    }

    @Test
    void aTrailACrashLeftBehindTheStatusGoesOnFromWhereItEnds() {
        // a previous process stored the status at Scripting and was killed before its rows: the trail ends at Proposed
        UUID uid = UUID.randomUUID();
        AnimationIdea idea = idea(uid);
        database.update(
                "insert into audit_events (occurred_at, actor, event_type, subject_kind, subject_namespace,"
                        + " subject_name, subject_uid, payload) values ($1, $2, 'AnimationIdea.PhaseChanged',"
                        + " 'AnimationIdea', 'trail', $3, $4, cast('{\"from\": null, \"to\": \"Proposed\"}' as jsonb))",
                Instant.now(),
                AuditLog.OPERATOR,
                idea.getMetadata().getName(),
                uid);

        // this process's next reconciliation begins at the stored Scripting and enters Validating, then Rendering
        audit.continueTrail(idea, "Scripting", entered("Validating", "Rendering"), sql -> {});

        assertThat(trail(idea)).containsExactly("null>Proposed", "Proposed>Rendering");
    }

    @Test
    void rowsAndWhatIsStoredWithThemAreOneTransaction() {
        AnimationIdea idea = idea(UUID.randomUUID());

        assertThatThrownBy(() -> audit.continueTrail(idea, null, entered("Proposed", "Accepted"), sql -> {
                    throw new IllegalStateException("the row's update failed");
                }))
                .hasMessageContaining("the row's update failed");
        assertThat(trail(idea)).isEmpty();

        // nothing was remembered either: the next reconciliation records the whole change
        audit.continueTrail(idea, null, entered("Proposed", "Accepted"), sql -> {});
        assertThat(trail(idea)).containsExactly("null>Proposed", "Proposed>Accepted");
    }

    @Test
    void phasesWithNothingStoredBesideThemAreRecordedInOneStatementInOrder() {
        AnimationIdea idea = idea(UUID.randomUUID());

        audit.continueTrail(idea, null, entered("Proposed", "Accepted", "Scripting"), null);
        written(idea);
        audit.continueTrail(idea, "Scripting", entered("Rendering"), null);

        assertThat(trail(idea))
                .containsExactly("null>Proposed", "Proposed>Accepted", "Accepted>Scripting", "Scripting>Rendering");
    }

    private AnimationIdea idea(UUID uid) {
        AnimationIdea idea = new AnimationIdea();
        idea.setMetadata(new ObjectMetaBuilder()
                .withNamespace("trail")
                .withName("idea-" + uid)
                .withUid(uid.toString())
                .withGeneration(1L)
                .build());
        written(idea);
        return idea;
    }

    /** A status write: the next reconciliation observes a new resourceVersion. */
    private void written(AnimationIdea idea) {
        idea.getMetadata().setResourceVersion(String.valueOf(resourceVersion.incrementAndGet()));
    }

    private static List<AuditLog.PhaseEntered> entered(String... phases) {
        List<AuditLog.PhaseEntered> entered = new ArrayList<>();
        for (String phase : phases) {
            entered.add(new AuditLog.PhaseEntered(phase, "Reason", "message"));
        }
        return entered;
    }

    private List<String> trail(AnimationIdea idea) {
        return database.list(
                "select payload->>'from' as f, payload->>'to' as t from audit_events where subject_uid = $1"
                        + " and event_type = 'AnimationIdea.PhaseChanged' order by id",
                row -> row.getString("f") + ">" + row.getString("t"),
                UUID.fromString(idea.getMetadata().getUid()));
    }
}
