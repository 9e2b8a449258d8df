package io.animops.operator.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedDatabaseTest {

    @TempDir
    Path dir;

    @Test
    void restartKeepsTheRowsInTheDataDirectory() throws Exception {
        Path data = dir.resolve(".animops/pgdata");
        int port = FreePorts.next();
        EmbeddedDatabase db = new EmbeddedDatabase().start(data, port);
        try {
            assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:" + port + "/animops");
            assertThat(db.reactiveUrl()).isEqualTo("postgresql://localhost:" + port + "/animops");
            try (Connection c = connect(db); Statement s = c.createStatement()) {
                s.execute("create table audit_probe (id int primary key, note text not null)");
                s.execute("insert into audit_probe values (1, 'before restart'), (2, 'second row')");
            }
        } finally {
            db.stop();
        }
        assertThat(data.resolve("PG_VERSION")).exists();
        // stopped cleanly: PostgreSQL removes its pid file on a proper shutdown
        assertThat(data.resolve("postmaster.pid")).doesNotExist();
        assertThatThrownBy(() -> DriverManager.getConnection(jdbcUrlOn(port), "postgres", "postgres").close())
                .isInstanceOf(SQLException.class);

        int secondPort = FreePorts.next();
        EmbeddedDatabase again = new EmbeddedDatabase().start(data, secondPort);
        try (Connection c = connect(again); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select id, note from audit_probe order by id")) {
            List<String> rows = new ArrayList<>();
            while (rs.next()) {
                rows.add(rs.getInt(1) + ":" + rs.getString(2));
            }
            assertThat(rows).containsExactly("1:before restart", "2:second row");
        } finally {
            again.stop();
        }
    }

    @Test
    void stopWithoutStartAndTwiceIsHarmless() {
        EmbeddedDatabase db = new EmbeddedDatabase();
        db.stop();
        db.stop();
        assertThatThrownBy(db::jdbcUrl).isInstanceOf(IllegalStateException.class);
    }

    private static String jdbcUrlOn(int port) {
        return "jdbc:postgresql://localhost:" + port + "/animops";
    }

    private static Connection connect(EmbeddedDatabase db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
    }
}
