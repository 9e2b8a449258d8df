package io.animops.operator.idea;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** V5 on a database that already holds gated ideas: their vectors move to idea_embeddings, under their model. */
class IdeaGateMigrationTest {
    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    @Test
    void vectorsOfIdeasGatedBeforeV5MoveToIdeaEmbeddings() throws SQLException {
        DataSource db = postgres.getPostgresDatabase();
        Flyway.configure()
                .dataSource(db)
                .locations("classpath:db/migration")
                .target("3")
                .load()
                .migrate();
        float[] vector = new HashEmbedding().embed("Newton's cradle with ten steel balls");
        UUID gated = UUID.randomUUID();
        UUID ungated = UUID.randomUUID();
        try (Connection c = db.getConnection();
                PreparedStatement insert =
                        c.prepareStatement("insert into ideas (uid, namespace, name, title, premise, source, "
                                + "phase, embedding, embedding_model, created_at, updated_at) values (?, 'ns', ?, 'T', 'P', 'Manual', "
                                + "'Published', ?, ?, now(), now())")) {
            insert.setObject(1, gated);
            insert.setString(2, "gated");
            insert.setBytes(3, Vectors.toBytes(vector));
            insert.setString(4, "hash-uni-bigram-512");
            insert.executeUpdate();
            insert.setObject(1, ungated);
            insert.setString(2, "ungated");
            insert.setBytes(3, null);
            insert.setString(4, null);
            insert.executeUpdate();
        }

        Flyway.configure()
                .dataSource(db)
                .locations("classpath:db/migration")
                .load()
                .migrate();

        try (Connection c = db.getConnection();
                Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select idea_uid, model, dimensions, vector from idea_embeddings")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getObject(1, UUID.class)).isEqualTo(gated);
                assertThat(rs.getString(2)).isEqualTo("hash-uni-bigram-512");
                assertThat(rs.getInt(3)).isEqualTo(HashEmbedding.DIMENSIONS);
                assertThat(Vectors.fromBytes(rs.getBytes(4))).containsExactly(vector);
                assertThat(rs.next()).as("an idea without a vector gets none").isFalse();
            }
            try (ResultSet rs = s.executeQuery("select count(*) from information_schema.columns "
                    + "where table_name = 'ideas' and column_name = 'embedding'")) {
                rs.next();
                assertThat(rs.getInt(1)).as("the old column is gone").isZero();
            }
            // a vector whose length does not match its dimensions is refused
            assertThatThrownBy(
                            () -> s.executeUpdate("insert into idea_embeddings (idea_uid, model, dimensions, vector, "
                                    + "created_at) values ('" + ungated + "', 'm', 384, '\\x00000000', now())"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("check");
        }
    }
}
