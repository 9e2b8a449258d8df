package io.animops.operator.kpi;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams a KPI view or the raw snapshots as CSV or Parquet over plain JDBC, so the REST endpoint and the
 * {@code export} command share it. Rows are fetched in batches and written as they come: an export of a million
 * snapshots never sits in memory whole (Parquet holds one row group at a time).
 */
public final class KpiExporter {
    /** Rows per JDBC round trip. */
    private static final int FETCH_SIZE = 5_000;

    /** An inclusive range of UTC days; either end may be null (open). */
    public record DateRange(LocalDate from, LocalDate to) {
        public DateRange {
            if (from != null && to != null && to.isBefore(from)) {
                throw new IllegalArgumentException("to (" + to + ") is before from (" + from + ")");
            }
        }

        public static final DateRange ALL = new DateRange(null, null);

        /** The SQL condition for the start of the range on the view's date column, with {@link #fromValue}. */
        public String fromCondition(KpiView view) {
            return view.dateColumn + " >= ?";
        }

        /** The parameter of {@link #fromCondition}, or null for an open start. */
        public Object fromValue(KpiView view) {
            return from == null
                    ? null
                    : view.dateColumnIsTimestamp ? from.atStartOfDay().atOffset(ZoneOffset.UTC) : from;
        }

        /** to is inclusive: for timestamps, everything before the start of the next UTC day. */
        public String toCondition(KpiView view) {
            return view.dateColumn + (view.dateColumnIsTimestamp ? " < ?" : " <= ?");
        }

        public Object toValue(KpiView view) {
            return to == null
                    ? null
                    : view.dateColumnIsTimestamp ? to.plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC) : to;
        }
    }

    /** Writes the export and returns the number of rows written. */
    public long export(Connection connection, KpiView view, ExportFormat format, DateRange range, OutputStream out)
            throws SQLException, IOException {
        StringBuilder sql =
                new StringBuilder("select * from ").append(view.relation).append(" where true");
        List<Object> parameters = new ArrayList<>();
        if (range.from() != null) {
            sql.append(" and ").append(range.fromCondition(view));
            parameters.add(range.fromValue(view));
        }
        if (range.to() != null) {
            sql.append(" and ").append(range.toCondition(view));
            parameters.add(range.toValue(view));
        }
        sql.append(" order by ").append(view.orderBy);
        boolean autoCommit = connection.getAutoCommit();
        // the PostgreSQL driver streams with a cursor only inside a transaction
        connection.setAutoCommit(false);
        try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            statement.setFetchSize(FETCH_SIZE);
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            try (ResultSet rows = statement.executeQuery()) {
                List<ParquetTableWriter.Column> columns = columnsOf(rows.getMetaData());
                return format == ExportFormat.CSV ? writeCsv(rows, columns, out) : writeParquet(rows, columns, out);
            }
        } finally {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        }
    }

    static List<ParquetTableWriter.Column> columnsOf(ResultSetMetaData meta) throws SQLException {
        List<ParquetTableWriter.Column> columns = new ArrayList<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            ParquetTableWriter.ColumnType type = switch (meta.getColumnType(i)) {
                case Types.BIGINT, Types.INTEGER, Types.SMALLINT -> ParquetTableWriter.ColumnType.INT64;
                case Types.DOUBLE, Types.REAL, Types.FLOAT, Types.NUMERIC, Types.DECIMAL ->
                    ParquetTableWriter.ColumnType.DOUBLE;
                case Types.DATE -> ParquetTableWriter.ColumnType.DATE;
                case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE ->
                    ParquetTableWriter.ColumnType.TIMESTAMP_MICROS_UTC;
                default -> ParquetTableWriter.ColumnType.STRING;
            };
            columns.add(new ParquetTableWriter.Column(meta.getColumnLabel(i), type));
        }
        return columns;
    }

    private static Object value(ResultSet rows, int index, ParquetTableWriter.ColumnType type) throws SQLException {
        Object value = switch (type) {
            case INT64 -> rows.getLong(index);
            case DOUBLE -> rows.getDouble(index);
            case DATE -> {
                LocalDate date = rows.getObject(index, LocalDate.class);
                yield date == null ? null : (int) date.toEpochDay();
            }
            case TIMESTAMP_MICROS_UTC -> {
                OffsetDateTime time = rows.getObject(index, OffsetDateTime.class);
                yield time == null ? null : ChronoUnit.MICROS.between(Instant.EPOCH, time.toInstant());
            }
            case STRING -> rows.getString(index);
        };
        return rows.wasNull() ? null : value;
    }

    private static long writeParquet(ResultSet rows, List<ParquetTableWriter.Column> columns, OutputStream out)
            throws SQLException, IOException {
        long count = 0;
        try (ParquetTableWriter writer = new ParquetTableWriter(out, columns)) {
            Object[] row = new Object[columns.size()];
            while (rows.next()) {
                for (int i = 0; i < row.length; i++) {
                    row[i] = value(rows, i + 1, columns.get(i).type());
                }
                writer.writeRow(row);
                count++;
            }
        }
        return count;
    }

    private static long writeCsv(ResultSet rows, List<ParquetTableWriter.Column> columns, OutputStream out)
            throws SQLException, IOException {
        Writer csv = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        for (int i = 0; i < columns.size(); i++) {
            csv.write(i == 0 ? "" : ",");
            csv.write(csvField(columns.get(i).name()));
        }
        csv.write("\r\n");
        long count = 0;
        while (rows.next()) {
            for (int i = 0; i < columns.size(); i++) {
                csv.write(i == 0 ? "" : ",");
                Object value = value(rows, i + 1, columns.get(i).type());
                if (value != null) {
                    csv.write(csvField(
                            switch (columns.get(i).type()) {
                                case DATE ->
                                    LocalDate.ofEpochDay((Integer) value).toString();
                                case TIMESTAMP_MICROS_UTC ->
                                    Instant.EPOCH
                                            .plus((Long) value, ChronoUnit.MICROS)
                                            .toString();
                                default -> value.toString();
                            }));
                }
            }
            csv.write("\r\n");
            count++;
        }
        csv.flush();
        return count;
    }

    /** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled; null is an empty field. */
    static String csvField(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
