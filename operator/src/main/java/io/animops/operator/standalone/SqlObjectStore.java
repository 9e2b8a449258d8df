package io.animops.operator.standalone;

import com.fasterxml.jackson.databind.JsonNode;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * Where the embedded Kubernetes API keeps its objects, as k3s' kine keeps them in SQL: one row per object with its
 * JSON (uid and resourceVersion inside), and a log of the latest changes, deletions included, whose highest
 * resourceVersion is the highest ever handed out, so that a restarted API never gives out a resourceVersion again,
 * even one of an object deleted since. Every write is committed before it
 * returns. It also remembers which examples were applied
 * ({@link ExampleApplier.History}), so that an example the user deleted is not brought back.
 */
final class SqlObjectStore implements AutoCloseable, ExampleApplier.History {
    /** One stored object: where it lives (apiVersion, plural, namespace) and its JSON. */
    record StoredObject(String apiVersion, String plural, String namespace, String name, String json) {
        /** The collection path the object is listed under, e.g. {@code /apis/animops.io/v1alpha1/namespaces/x/animationideas}. */
        String collectionPath() {
            String base = apiVersion.contains("/") ? "/apis/" + apiVersion : "/api/" + apiVersion;
            return base + (namespace.isEmpty() ? "" : "/namespaces/" + namespace) + "/" + plural;
        }
    }

    private static final String CRD_PLURAL = "customresourcedefinitions";
    private static final String NAMESPACE_PLURAL = "namespaces";

    /** The watch log is trimmed once every so many writes, not at each. */
    private static final int TRIM_EVERY = 100;

    private final DataSource dataSource;
    private int writesSinceTrim;
    private long transactions;
    private Connection connection;

    SqlObjectStore(DataSource dataSource) {
        this.dataSource = dataSource;
        run(c -> {
            try (Statement s = c.createStatement()) {
                s.execute("""
                        create table if not exists kube_objects (
                          api_version text not null,
                          plural text not null,
                          namespace text not null,
                          name text not null,
                          uid text,
                          resource_version bigint not null,
                          object text not null,
                          primary key (api_version, plural, namespace, name))""");
                s.execute("""
                        create table if not exists kube_watch_log (
                          resource_version bigint primary key,
                          type text not null,
                          api_version text not null,
                          plural text not null,
                          namespace text not null,
                          name text not null,
                          object text not null)""");
                // objects stored as they are, not compressed: every write stores its object twice (the object and the
                // watch log), and compressing them was a fifth of PostgreSQL's CPU (pglz_compress, by perf); a row
                // written before keeps its compression
                s.execute("alter table kube_objects alter column object set storage external");
                s.execute("alter table kube_watch_log alter column object set storage external");
                s.execute("""
                        create table if not exists applied_examples (
                          example text primary key,
                          applied_at timestamptz not null default now())""");
            }
            return null;
        });
    }

    /** Every object, CRDs first and Namespaces next, so that what they define or hold is known when the rest comes. */
    synchronized List<StoredObject> loadAll() {
        return run(c -> {
            List<StoredObject> objects = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("""
                    select api_version, plural, namespace, name, object from kube_objects
                    order by case plural when ? then 0 when ? then 1 else 2 end, resource_version""")) {
                q.setString(1, CRD_PLURAL);
                q.setString(2, NAMESPACE_PLURAL);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        objects.add(new StoredObject(
                                rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)));
                    }
                }
            }
            return objects;
        });
    }

    /**
     * The highest resourceVersion ever stored: the watch log's latest change, which trimming never removes. Stores
     * written before 2026-12-05 kept it in a row of its own too ({@code kube_revision}, no longer written), which
     * still counts where it is there: one started before the log existed has only that.
     */
    synchronized long lastResourceVersion() {
        return run(c -> {
            String legacy;
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select to_regclass('kube_revision') is not null")) {
                legacy = rs.next() && rs.getBoolean(1)
                        ? "(select coalesce(max(resource_version), 0) from kube_revision)"
                        : "0";
            }
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select greatest((select coalesce(max(resource_version), 0) from "
                            + "kube_watch_log), " + legacy + ")")) {
                return rs.next() ? rs.getLong(1) : 0L;
            }
        });
    }

    /** One change to store: its object as its JSON reads (null for a deletion's). */
    record Write(WatchLog.Change change, JsonNode object) {}

    /**
     * Stores changes in one transaction, committed when this returns: each object (created, replaced or removed) in
     * the order given, and each change in the watch log. The log keeps about the
     * {@code keep} latest changes.
     */
    synchronized void write(List<Write> writes, int keep) {
        run(c -> {
            // an object and its log entry in one statement, its JSON sent once, the group's in one round trip
            try (PreparedStatement upsertAndLog = c.prepareStatement("""
                            with stored as (
                              insert into kube_objects (api_version, plural, namespace, name, uid, resource_version,
                                object)
                              values (?, ?, ?, ?, ?, ?, ?)
                              on conflict (api_version, plural, namespace, name) do update
                              set uid = excluded.uid, resource_version = excluded.resource_version,
                                object = excluded.object
                              returning api_version, plural, namespace, name, resource_version, object)
                            insert into kube_watch_log (resource_version, type, api_version, plural, namespace, name,
                              object)
                            select resource_version, ?, api_version, plural, namespace, name, object from stored
                            on conflict (resource_version) do nothing""");
                    PreparedStatement delete = c.prepareStatement("delete from kube_objects "
                            + "where api_version = ? and plural = ? and namespace = ? and name = ?");
                    PreparedStatement logDeletion = c.prepareStatement("""
                            insert into kube_watch_log (resource_version, type, api_version, plural, namespace, name,
                              object)
                            values (?, ?, ?, ?, ?, ?, ?) on conflict (resource_version) do nothing""")) {
                long highest = 0;
                boolean storesBatched = false;
                boolean deletionsBatched = false;
                for (Write write : writes) {
                    WatchLog.Change change = write.change();
                    if (change.type().equals("DELETED")) {
                        // one object's changes in one group must land in their order: the stores batched before first
                        if (storesBatched) {
                            upsertAndLog.executeBatch();
                            storesBatched = false;
                        }
                        bindIdentity(delete, change);
                        delete.executeUpdate();
                        logDeletion.setLong(1, change.resourceVersion());
                        logDeletion.setString(2, change.type());
                        logDeletion.setString(3, change.apiVersion());
                        logDeletion.setString(4, change.plural());
                        logDeletion.setString(5, change.namespace());
                        logDeletion.setString(6, change.name());
                        logDeletion.setString(7, change.json());
                        logDeletion.addBatch();
                        deletionsBatched = true;
                    } else {
                        bindIdentity(upsertAndLog, change);
                        upsertAndLog.setString(
                                5, write.object().path("metadata").path("uid").asText(null));
                        upsertAndLog.setLong(6, change.resourceVersion());
                        upsertAndLog.setString(7, change.json());
                        upsertAndLog.setString(8, change.type());
                        upsertAndLog.addBatch();
                        storesBatched = true;
                    }
                    highest = Math.max(highest, change.resourceVersion());
                }
                if (storesBatched) {
                    upsertAndLog.executeBatch();
                }
                if (deletionsBatched) {
                    logDeletion.executeBatch();
                }
                writesSinceTrim += writes.size();
                if (writesSinceTrim >= TRIM_EVERY) {
                    writesSinceTrim = 0;
                    try (PreparedStatement trim =
                            c.prepareStatement("delete from kube_watch_log where resource_version <= ?")) {
                        trim.setLong(1, highest - keep - TRIM_EVERY);
                        trim.executeUpdate();
                    }
                }
            }
            return null;
        });
    }

    /** The latest changes of the watch log, oldest first. */
    synchronized List<WatchLog.Change> recentChanges(int count) {
        return run(c -> {
            List<WatchLog.Change> changes = new ArrayList<>();
            try (PreparedStatement q = c.prepareStatement("""
                    select resource_version, type, api_version, plural, namespace, name, object from (
                      select * from kube_watch_log order by resource_version desc limit ?) latest
                    order by resource_version""")) {
                q.setInt(1, count);
                try (ResultSet rs = q.executeQuery()) {
                    while (rs.next()) {
                        changes.add(new WatchLog.Change(
                                rs.getLong(1),
                                rs.getString(2),
                                rs.getString(3),
                                rs.getString(4),
                                rs.getString(5),
                                rs.getString(6),
                                rs.getString(7)));
                    }
                }
            }
            return changes;
        });
    }

    private static void bindIdentity(PreparedStatement statement, WatchLog.Change change) throws SQLException {
        statement.setString(1, change.apiVersion());
        statement.setString(2, change.plural());
        statement.setString(3, change.namespace());
        statement.setString(4, change.name());
    }

    @Override
    public synchronized boolean wasApplied(String example) {
        return run(c -> {
            try (PreparedStatement q = c.prepareStatement("select 1 from applied_examples where example = ?")) {
                q.setString(1, example);
                try (ResultSet rs = q.executeQuery()) {
                    return rs.next();
                }
            }
        });
    }

    @Override
    public synchronized void recordApplied(String example) {
        run(c -> {
            try (PreparedStatement insert = c.prepareStatement(
                    "insert into applied_examples (example) values (?) on conflict (example) do nothing")) {
                insert.setString(1, example);
                insert.executeUpdate();
            }
            return null;
        });
    }

    private interface Work<T> {
        T in(Connection connection) throws SQLException;
    }

    /** Transactions committed so far (the API's writes are committed in groups). */
    synchronized long transactions() {
        return transactions;
    }

    /** Runs the work in one transaction; a broken connection is replaced once, as PostgreSQL may have restarted. */
    private synchronized <T> T run(Work<T> work) {
        SQLException first = null;
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                Connection c = connection();
                try {
                    T result = work.in(c);
                    c.commit();
                    transactions++;
                    return result;
                } catch (SQLException e) {
                    rollbackQuietly(c);
                    throw e;
                }
            } catch (SQLException e) {
                if (first == null) {
                    first = e;
                }
                closeQuietly();
            }
        }
        throw new IllegalStateException("the embedded API's object store failed: " + reason(first), first);
    }

    /**
     * What PostgreSQL said: a batch's failure names the statement and points to the next exception, which holds it.
     */
    private static String reason(SQLException failure) {
        SQLException next = failure instanceof BatchUpdateException ? failure.getNextException() : null;
        return next == null ? failure.getMessage() : next.getMessage();
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            connection = dataSource.getConnection();
            connection.setAutoCommit(false);
            // the embedded server runs with synchronous_commit off; an acknowledged object write waits for its WAL
            try (Statement s = connection.createStatement()) {
                s.execute("set synchronous_commit = on");
            }
        }
        return connection;
    }

    private static void rollbackQuietly(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is replaced anyway
        }
    }

    private void closeQuietly() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // nothing more to release
            }
            connection = null;
        }
    }

    @Override
    public synchronized void close() {
        closeQuietly();
    }
}
