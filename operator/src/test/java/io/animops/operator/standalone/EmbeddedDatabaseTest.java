package io.animops.operator.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
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
            try (Connection c = connect(db);
                    Statement s = c.createStatement()) {
                s.execute("create table audit_probe (id int primary key, note text not null)");
                s.execute("insert into audit_probe values (1, 'before restart'), (2, 'second row')");
            }
        } finally {
            db.stop();
        }
        assertThat(data.resolve("PG_VERSION")).exists();
        // stopped cleanly: PostgreSQL removes its pid file on a proper shutdown
        assertThat(data.resolve("postmaster.pid")).doesNotExist();
        assertThatThrownBy(() -> DriverManager.getConnection(jdbcUrlOn(port), "postgres", "postgres")
                        .close())
                .isInstanceOf(SQLException.class);

        int secondPort = FreePorts.next();
        EmbeddedDatabase again = new EmbeddedDatabase().start(data, secondPort);
        try (Connection c = connect(again);
                Statement s = c.createStatement();
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
    void aServerLeftRunningByAKilledRunIsStoppedBeforeTheNextStarts() throws Exception {
        Path data = dir.resolve("pgdata");
        int firstPort = FreePorts.next();
        Process owner = startOwner(KilledDatabaseOwner.class, data, firstPort);
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(owner.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("ready")) {
                // the child's start-up log
            }
            try (Connection c = DriverManager.getConnection(jdbcUrlOn(firstPort), "postgres", "postgres");
                    Statement s = c.createStatement()) {
                s.execute("create table kept (note text)");
                s.execute("insert into kept values ('written before the kill')");
            }
            owner.destroyForcibly().waitFor();
        }
        long orphanPid = Long.parseLong(
                Files.readAllLines(data.resolve("postmaster.pid")).get(0).trim());
        assertThat(ProcessHandle.of(orphanPid))
                .hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

        EmbeddedDatabase next = new EmbeddedDatabase().start(data, FreePorts.next());
        try (Connection c = connect(next);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select note from kept")) {
            assertThat(ProcessHandle.of(orphanPid).map(ProcessHandle::isAlive))
                    .isNotEqualTo(java.util.Optional.of(true));
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("written before the kill");
        } finally {
            next.stop();
        }
    }

    @Test
    void anOwnerStoppingPostgresInItsShutdownHookStillWritesBeforeIt() throws Exception {
        Path data = dir.resolve("pgdata");
        int port = FreePorts.next();
        EmbeddedDatabase first = new EmbeddedDatabase().start(data, port);
        try (Connection c = connect(first);
                Statement s = c.createStatement()) {
            s.execute("create table kept (note text)");
        } finally {
            first.stop();
        }
        Process owner = startOwner(OrderedStopDatabaseOwner.class, data, port);
        List<String> output = new java.util.ArrayList<>();
        try (var out = new java.io.BufferedReader(new java.io.InputStreamReader(owner.getInputStream()))) {
            String line;
            while ((line = out.readLine()) != null && !line.equals("ready")) {
                // the child's start-up log
            }
            // SIGTERM, as Ctrl-C or a pod's stop: zonky's own hook would stop the server before the owner's write
            owner.toHandle().destroy();
            while ((line = out.readLine()) != null) {
                output.add(line);
            }
        }
        assertThat(owner.waitFor(60, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        assertThat(output).contains("written while stopping");
        assertThat(data.resolve("postmaster.pid"))
                .as("stopped by the owner's hook")
                .doesNotExist();
        EmbeddedDatabase next = new EmbeddedDatabase().start(data, FreePorts.next());
        try (Connection c = connect(next);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select note from kept")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("written while stopping");
        } finally {
            next.stop();
        }
    }

    @Test
    void aStalePidFileNamingNoPostgresIsRemoved() throws Exception {
        Path data = dir.resolve("pgdata");
        new EmbeddedDatabase().start(data, FreePorts.next()).stop();
        // the pid of this test's JVM: alive, but no PostgreSQL, as after a reboot that reused the number
        Files.writeString(
                data.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + data + "\n0\n1\n");

        EmbeddedDatabase next = new EmbeddedDatabase().start(data, FreePorts.next());
        try (Connection c = connect(next);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select 1")) {
            assertThat(rs.next()).isTrue();
        } finally {
            next.stop();
        }
        assertThat(ProcessHandle.current().isAlive()).isTrue();
    }

    @Test
    void stopWithoutStartAndTwiceIsHarmless() {
        EmbeddedDatabase db = new EmbeddedDatabase();
        db.stop();
        db.stop();
        assertThatThrownBy(db::jdbcUrl).isInstanceOf(IllegalStateException.class);
    }

    /** A child JVM running an owner of the database on the data folder and port (its main's arguments). */
    private static Process startOwner(Class<?> owner, Path data, int port) throws java.io.IOException {
        return new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-Xmx64m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        owner.getName(),
                        data.toString(),
                        String.valueOf(port))
                .redirectErrorStream(true)
                .start();
    }

    private static String jdbcUrlOn(int port) {
        return "jdbc:postgresql://localhost:" + port + "/animops";
    }

    private static Connection connect(EmbeddedDatabase db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.username(), db.password());
    }
}
