package io.animops.operator.standalone;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Run in a child JVM by tests: starts the embedded PostgreSQL on the data folder and port of its arguments and leaves
 * its stop to a shutdown hook of its own that first writes a row, as the standalone mode's hook lets the operator
 * finish before it stops PostgreSQL. Prints "ready", then, when stopped with SIGTERM, what became of the write.
 */
public final class OrderedStopDatabaseOwner {
    private OrderedStopDatabaseOwner() {}

    public static void main(String[] args) throws InterruptedException {
        EmbeddedDatabase database = new EmbeddedDatabase().start(Path.of(args[0]), Integer.parseInt(args[1]));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                // as the operator's last writes come while the JVM stops: after any other hook began
                Thread.sleep(1500);
                try (Connection c = DriverManager.getConnection(
                                database.jdbcUrl(), database.username(), database.password());
                        Statement s = c.createStatement()) {
                    s.execute("insert into kept values ('written while stopping')");
                }
                System.out.println("written while stopping");
            } catch (InterruptedException | SQLException e) {
                System.out.println("not written while stopping: " + e.getMessage());
            } finally {
                System.out.flush();
                database.stop();
            }
        }));
        database.stopOnlyWhenAsked();
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
