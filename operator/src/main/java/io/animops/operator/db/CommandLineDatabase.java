package io.animops.operator.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;

/**
 * The database of a command that runs without the operator ({@code export}, {@code user}): {@code --jdbc-url} and
 * {@code --user}, else the operator's own settings (QUARKUS_DATASOURCE_JDBC_URL, _USERNAME, _PASSWORD), else the
 * standalone mode's embedded PostgreSQL. The password comes from the environment only, so it never shows in a
 * process list.
 */
public final class CommandLineDatabase {
    public static final String STANDALONE_JDBC_URL = "jdbc:postgresql://localhost:15432/animops";

    private CommandLineDatabase() {}

    public static String url(Map<String, String> options, Map<String, String> env) {
        return options.getOrDefault("--jdbc-url", env.getOrDefault("QUARKUS_DATASOURCE_JDBC_URL", STANDALONE_JDBC_URL));
    }

    /** A connection, or null when the URL is no PostgreSQL JDBC URL. */
    public static Connection connect(Map<String, String> options, Map<String, String> env) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty(
                "user", options.getOrDefault("--user", env.getOrDefault("QUARKUS_DATASOURCE_USERNAME", "postgres")));
        credentials.setProperty("password", env.getOrDefault("QUARKUS_DATASOURCE_PASSWORD", "postgres"));
        // the driver directly, not DriverManager: before Quarkus starts, service loading of drivers is not reliable
        return new org.postgresql.Driver().connect(url(options, env), credentials);
    }
}
