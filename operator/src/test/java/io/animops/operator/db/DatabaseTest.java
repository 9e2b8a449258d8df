package io.animops.operator.db;

import io.animops.operator.testing.EmbeddedPostgresResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Statements and transactions on the reactive client, against a real PostgreSQL. */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class DatabaseTest {
    private static final String INSERT = "insert into design_systems (version, sha256, document, created_at)"
            + " values ($1, $2, cast(cast($3 as text) as jsonb), $4)";

    @Inject
    Database database;

    @Test
    void aTransactionIsCommittedWhenItsWorkReturns() {
        String version = "tx-" + UUID.randomUUID();
        int inserted = database.transaction(sql -> sql.update(INSERT, version, "sha", "[1, 2]", Instant.now()));

        assertThat(inserted).isOne();
        assertThat(document(version)).contains("[1, 2]");
    }

    @Test
    void aTransactionWhoseWorkThrowsIsRolledBack() {
        String version = "tx-" + UUID.randomUUID();
        IllegalStateException failure = new IllegalStateException("the work failed after its insert");

        assertThatThrownBy(() -> database.transaction(sql -> {
                    sql.update(INSERT, version, "sha", "{}", Instant.now());
                    throw failure;
                }))
                .isSameAs(failure);
        assertThat(document(version)).isEmpty();
    }

    @Test
    void aBatchIsStoredAllOrNone() {
        String version = "batch-" + UUID.randomUUID();
        Instant now = Instant.now();

        // the second row breaks the primary key: the first must not stay
        assertThatThrownBy(() -> database.batch(
                        INSERT, List.of(List.of(version, "a", "{}", now), List.of(version, "b", "{}", now))))
                .hasMessageContaining("design_systems_pkey");
        assertThat(document(version)).isEmpty();
    }

    @Test
    void aFailedStatementIsReportedWithTheDatabasesReason() {
        assertThatThrownBy(() -> database.update("update no_such_table set x = 1"))
                .hasMessageContaining("no_such_table");
    }

    private java.util.Optional<String> document(String version) {
        return database.first(
                "select document::text from design_systems where version = $1", r -> r.getString("document"), version);
    }
}
