package io.animops.operator.kpi;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Export round trips: CSV parsed back, Parquet read back by DuckDB (an independent reader), both compared with
 * what PostgreSQL holds.
 */
class KpiExportTest {
    private static KpiDatabase db;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() throws Exception {
        db = new KpiDatabase();
        db.loadExample();
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    private Path export(KpiView view, ExportFormat format, KpiExporter.DateRange range) throws Exception {
        Path file = dir.resolve(view.relation + "." + format.extension);
        try (Connection c = db.connection();
                OutputStream out = Files.newOutputStream(file)) {
            new KpiExporter().export(c, view, format, range, out);
        }
        return file;
    }

    /** RFC 4180 parsing, enough for the exporter's output (quoted fields may hold commas, quotes, line breaks). */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (ch == '"') {
                    quoted = false;
                } else {
                    field.append(ch);
                }
            } else if (ch == '"') {
                quoted = true;
            } else if (ch == ',') {
                row.add(field.toString());
                field.setLength(0);
            } else if (ch == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                row.add(field.toString());
                field.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
                i++;
            } else {
                field.append(ch);
            }
        }
        return rows;
    }

    @Test
    void csvOfVideoKpisParsesBackToTheViewsValues() throws Exception {
        Path file = export(KpiView.VIDEO_KPIS, ExportFormat.CSV, KpiExporter.DateRange.ALL);
        List<List<String>> rows = parseCsv(Files.readString(file, StandardCharsets.UTF_8));
        List<String> header = rows.get(0);
        assertThat(header)
                .startsWith(
                        "platform",
                        "external_id",
                        "publication_namespace",
                        "publication_name",
                        "published_at",
                        "horizon",
                        "target_at",
                        "method",
                        "views");
        assertThat(rows).hasSize(1 + 6); // three videos, two horizons each
        // ordered by platform, external_id, horizon: TikTok tt-b 72h, tt-b 7d, tt-c ..., YouTube yt-a 72h, 7d
        List<String> a7d = rows.get(6);
        assertThat(a7d.get(header.indexOf("external_id"))).isEqualTo("yt-a");
        assertThat(a7d.get(header.indexOf("horizon"))).isEqualTo("7d");
        assertThat(a7d.get(header.indexOf("published_at"))).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(a7d.get(header.indexOf("views"))).isEqualTo("650");
        assertThat(Double.parseDouble(a7d.get(header.indexOf("engagement_rate"))))
                .isCloseTo(85.0 / 650, within(1e-12));
        List<String> b7d = rows.get(2);
        assertThat(b7d.get(header.indexOf("external_id"))).isEqualTo("tt-b");
        assertThat(b7d.get(header.indexOf("views"))).isEmpty(); // null
        assertThat(b7d.get(header.indexOf("publication_name"))).isEmpty();
    }

    @Test
    void csvQuotesCommasQuotesAndLineBreaks() {
        assertThat(KpiExporter.csvField("plain")).isEqualTo("plain");
        assertThat(KpiExporter.csvField("a,b")).isEqualTo("\"a,b\"");
        assertThat(KpiExporter.csvField("say \"hi\"\r\nnow")).isEqualTo("\"say \"\"hi\"\"\r\nnow\"");
        assertThat(parseCsv("x," + KpiExporter.csvField("say \"hi\",\r\nnow") + "\r\n"))
                .containsExactly(List.of("x", "say \"hi\",\r\nnow"));
    }

    @Test
    void parquetOfTheSnapshotsReadsBackInDuckDb() throws Exception {
        Path file = export(KpiView.METRIC_SNAPSHOTS, ExportFormat.PARQUET, KpiExporter.DateRange.ALL);
        try (Connection duck = DuckDb.open();
                Statement s = duck.createStatement()) {
            s.execute("set TimeZone = 'UTC'");
            try (ResultSet rs =
                    s.executeQuery("select platform, external_id, publication_name, captured_at, views, engaged_views,"
                            + " likes, comments, shares, watch_time_minutes, average_view_percentage from read_parquet('"
                            + file + "')"
                            + " order by platform, external_id, captured_at")) {
                List<String> rows = new ArrayList<>();
                while (rs.next()) {
                    rows.add(String.join(
                            "|",
                            rs.getString(1),
                            rs.getString(2),
                            String.valueOf(rs.getString(3)),
                            rs.getObject(4, java.time.OffsetDateTime.class)
                                    .toInstant()
                                    .toString(),
                            String.valueOf(rs.getLong(5)),
                            String.valueOf(rs.getObject(6)),
                            String.valueOf(rs.getLong(7)),
                            String.valueOf(rs.getLong(8)),
                            String.valueOf(rs.getLong(9)),
                            String.valueOf(rs.getObject(10)),
                            String.valueOf(rs.getObject(11))));
                }
                assertThat(rows)
                        .containsExactly(
                                "TikTok|tt-b|null|2026-01-04T06:00:00Z|0|null|0|0|0|null|null",
                                "TikTok|tt-c|pub-c|2026-01-06T00:00:00Z|50|null|5|0|0|null|null",
                                "YouTube|yt-a|pub-a|2026-01-02T00:00:00Z|100|80|10|2|1|50.0|80.0",
                                "YouTube|yt-a|pub-a|2026-01-03T20:00:00Z|300|240|30|6|3|150.0|70.0",
                                "YouTube|yt-a|pub-a|2026-01-12T04:00:00Z|1000|800|100|20|11|550.0|60.0",
                                "YouTube|yt-a|pub-a|2026-01-20T00:00:00Z|1200|900|110|22|12|600.0|58.0");
            }
        }
    }

    @Test
    void parquetOfTheRollingViewKeepsDatesAndNullsAndHonoursTheDateRange() throws Exception {
        Path file = export(
                KpiView.CHANNEL_KPIS_ROLLING_14D,
                ExportFormat.PARQUET,
                new KpiExporter.DateRange(LocalDate.parse("2026-01-05"), LocalDate.parse("2026-01-16")));
        try (Connection duck = DuckDb.open();
                Statement s = duck.createStatement();
                ResultSet rs = s.executeQuery("select count(*), min(day), max(day),"
                        + " count(*) filter (where engagement_rate is null),"
                        + " max(views_14d) filter (where platform = 'YouTube' and day = date '2026-01-16')"
                        + " from read_parquet('" + file + "')")) {
            rs.next();
            // TikTok 01-05, 01-06 (its last day); YouTube 01-05..01-16 (12 days)
            assertThat(rs.getLong(1)).isEqualTo(14);
            assertThat(rs.getObject(2, LocalDate.class)).isEqualTo(LocalDate.parse("2026-01-05"));
            assertThat(rs.getObject(3, LocalDate.class)).isEqualTo(LocalDate.parse("2026-01-16"));
            assertThat(rs.getLong(4)).isEqualTo(1); // TikTok 01-05: no views in the window
            assertThat(rs.getLong(5)).isEqualTo(900);
        }
    }

    @Test
    void parquetWithManyRowGroupsReadsBackWhole() throws Exception {
        Path file = dir.resolve("groups.parquet");
        List<ParquetTableWriter.Column> columns = List.of(
                new ParquetTableWriter.Column("n", ParquetTableWriter.ColumnType.INT64),
                new ParquetTableWriter.Column("label", ParquetTableWriter.ColumnType.STRING),
                new ParquetTableWriter.Column("ratio", ParquetTableWriter.ColumnType.DOUBLE));
        try (OutputStream out = Files.newOutputStream(file);
                ParquetTableWriter writer = new ParquetTableWriter(out, columns, 1000)) {
            for (long n = 0; n < 2500; n++) {
                // every seventh label null, so definition-level runs start and end inside groups
                writer.writeRow(n, n % 7 == 0 ? null : "row " + n + ", \"é\"", n / 4.0);
            }
        }
        try (Connection duck = DuckDb.open();
                Statement s = duck.createStatement();
                ResultSet rs = s.executeQuery("select count(*), sum(n), count(label), sum(ratio),"
                        + " max(label) filter (where n = 2498) from read_parquet('" + file + "')")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(2500);
            assertThat(rs.getLong(2)).isEqualTo(2500L * 2499 / 2);
            assertThat(rs.getLong(3)).isEqualTo(2500 - 358); // multiples of 7 in 0..2499: 358
            assertThat(rs.getDouble(4)).isCloseTo(2500.0 * 2499 / 2 / 4, within(1e-6));
            assertThat(rs.getString(5)).isEqualTo("row 2498, \"é\"");
        }
    }

    @Test
    void writerRejectsRowsOfTheWrongShapeOrType() throws Exception {
        List<ParquetTableWriter.Column> columns =
                List.of(new ParquetTableWriter.Column("n", ParquetTableWriter.ColumnType.INT64));
        try (ParquetTableWriter writer = new ParquetTableWriter(new ByteArrayOutputStream(), columns)) {
            assertThatThrownBy(() -> writer.writeRow(1L, 2L))
                    .hasMessageContaining("row has 2 values, the table 1 columns");
            assertThatThrownBy(() -> writer.writeRow("x"))
                    .hasMessageContaining("column n of type INT64 cannot hold a String");
        }
        assertThatThrownBy(() -> new ParquetTableWriter(new ByteArrayOutputStream(), List.of()))
                .hasMessageContaining("at least one column");
    }

    @Test
    void dateRangeWithToBeforeFromIsRejected() {
        assertThatThrownBy(
                        () -> new KpiExporter.DateRange(LocalDate.parse("2026-02-01"), LocalDate.parse("2026-01-01")))
                .hasMessageContaining("to (2026-01-01) is before from (2026-02-01)");
    }

    @Test
    void exportFailsClearlyWhenTheDatabaseLacksTheViews() throws SQLException {
        try (Connection c = db.connection();
                Statement s = c.createStatement()) {
            s.execute("create schema if not exists empty_schema");
            s.execute("set search_path = empty_schema");
            assertThatThrownBy(() -> new KpiExporter()
                            .export(
                                    c,
                                    KpiView.VIDEO_KPIS,
                                    ExportFormat.CSV,
                                    KpiExporter.DateRange.ALL,
                                    new ByteArrayOutputStream()))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("video_kpis");
        }
    }
}
