package io.animops.operator.standalone;

import java.nio.file.Path;

/**
 * Run in a child JVM by tests: starts the embedded PostgreSQL on the data folder and port of its arguments, prints
 * "ready" and waits to be killed with SIGKILL, which leaves the server running as a killed standalone mode does.
 */
public final class KilledDatabaseOwner {
    private KilledDatabaseOwner() {}

    public static void main(String[] args) throws InterruptedException {
        new EmbeddedDatabase().start(Path.of(args[0]), Integer.parseInt(args[1]));
        System.out.println("ready");
        System.out.flush();
        Thread.sleep(Long.MAX_VALUE);
    }
}
