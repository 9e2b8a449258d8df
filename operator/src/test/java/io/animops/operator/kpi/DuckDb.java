package io.animops.operator.kpi;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;

/**
 * An in-memory DuckDB, the independent Parquet reader of the tests. The driver is called directly: after a Quarkus
 * test in the same JVM, DriverManager holds drivers registered from Quarkus's class loader and finds none here.
 */
public final class DuckDb {
    private DuckDb() {}

    public static Connection open() throws SQLException {
        return new org.duckdb.DuckDBDriver().connect("jdbc:duckdb:", new Properties());
    }
}
