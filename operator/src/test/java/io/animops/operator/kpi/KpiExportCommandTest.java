package io.animops.operator.kpi;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code export} command line against a real PostgreSQL, and its usage errors. */
class KpiExportCommandTest {
    private static KpiDatabase db;
    private static String url;

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @BeforeAll
    static void start() throws Exception {
        db = new KpiDatabase();
        db.loadExample();
        url = db.postgres.getJdbcUrl("postgres", "postgres");
    }

    @AfterAll
    static void stop() throws Exception {
        db.close();
    }

    private int run(String... args) {
        return KpiExportCommand.run(
                args,
                Map.of("QUARKUS_DATASOURCE_JDBC_URL", url),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String errors() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void writesParquetThatDuckDbReads() throws Exception {
        Path file = dir.resolve("video_kpis.parquet");
        assertThat(run("export", "--view", "video_kpis", "--format", "parquet", "--out", file.toString()))
                .isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("exported 6 rows of video_kpis");
        try (Connection duck = DuckDb.open();
                Statement s = duck.createStatement();
                ResultSet rs = s.executeQuery("select views, method from read_parquet('" + file
                        + "') where external_id = 'yt-a' and horizon = '7d'")) {
            rs.next();
            assertThat(rs.getLong(1)).isEqualTo(650);
            assertThat(rs.getString(2)).isEqualTo("interpolated");
        }
    }

    @Test
    void writesCsvToStandardOutput() {
        assertThat(run(
                        "export",
                        "--view",
                        "channel_kpis_rolling_14d",
                        "--out",
                        "-",
                        "--from",
                        "2026-01-06",
                        "--to",
                        "2026-01-06"))
                .isZero();
        String[] lines = out.toString(StandardCharsets.UTF_8).split("\r\n");
        assertThat(lines).hasSize(3); // header, TikTok, YouTube on 01-06
        assertThat(lines[1]).startsWith("TikTok,2026-01-06,50,");
        assertThat(lines[2]).startsWith("YouTube,2026-01-06,300,");
    }

    @Test
    void usageErrorsNameTheOption() {
        assertThat(run("export", "--format", "csv", "--out", dir.resolve("x").toString()))
                .isEqualTo(2);
        assertThat(errors()).contains("--view: required");
        assertThat(run("export", "--view", "nope", "--out", dir.resolve("x").toString()))
                .isEqualTo(2);
        assertThat(errors()).contains("--view: unknown view 'nope'");
        assertThat(run(
                        "export",
                        "--view",
                        "video_kpis",
                        "--format",
                        "xls",
                        "--out",
                        dir.resolve("x").toString()))
                .isEqualTo(2);
        assertThat(errors()).contains("--format: unknown format 'xls'");
        assertThat(run("export", "--view", "video_kpis")).isEqualTo(2);
        assertThat(errors()).contains("--out: required");
        assertThat(run(
                        "export",
                        "--view",
                        "video_kpis",
                        "--out",
                        dir.resolve("x").toString(),
                        "--from",
                        "2026-1-1"))
                .isEqualTo(2);
        assertThat(errors()).contains("--from: '2026-1-1' is not a date");
        assertThat(run(
                        "export",
                        "--view",
                        "video_kpis",
                        "--out",
                        dir.resolve("x").toString(),
                        "--from",
                        "2026-01-02",
                        "--to",
                        "2026-01-01"))
                .isEqualTo(2);
        assertThat(errors()).contains("--to: 2026-01-01 is before --from 2026-01-02");
        assertThat(run(
                        "export",
                        "--view",
                        "video_kpis",
                        "--out",
                        dir.resolve("x").toString(),
                        "--verbose",
                        "yes"))
                .isEqualTo(2);
        assertThat(errors()).contains("--verbose: unknown option");
        assertThat(run("export", "--view")).isEqualTo(2);
        assertThat(errors()).contains("--view: missing value");
        assertThat(run(
                        "export",
                        "--view",
                        "video_kpis",
                        "--out",
                        dir.resolve("x").toString(),
                        "--jdbc-url",
                        "jdbc:mysql://localhost/x"))
                .isEqualTo(2);
        assertThat(errors()).contains("--jdbc-url: not a PostgreSQL JDBC URL");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    @Test
    void aFailedExportLeavesAnExistingFileAsItWas() throws Exception {
        Path existing = java.nio.file.Files.writeString(dir.resolve("kept.csv"), "yesterday's export\n");
        assertThat(run(
                        "export",
                        "--view",
                        "video_kpis",
                        "--out",
                        existing.toString(),
                        "--jdbc-url",
                        "jdbc:postgresql://localhost:1/none"))
                .isEqualTo(1);
        assertThat(existing).hasContent("yesterday's export");
        try (var files = java.nio.file.Files.list(dir)) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
        }
    }

    @Test
    void anUnreachableDatabaseOrUnwritableFileFailsWithExitCode1() {
        assertThat(run(
                        "export",
                        "--view",
                        "video_kpis",
                        "--out",
                        dir.resolve("x.csv").toString(),
                        "--jdbc-url",
                        "jdbc:postgresql://localhost:1/none"))
                .isEqualTo(1);
        assertThat(errors()).contains("video_kpis to").contains("failed");
        assertThat(run(
                        "export",
                        "--view",
                        "video_kpis",
                        "--out",
                        dir.resolve("missing/dir/x.csv").toString()))
                .isEqualTo(1);
        assertThat(errors()).contains("missing/dir/x.csv");
        assertThat(KpiExportCommand.isRequested(new String[] {"export"})).isTrue();
        assertThat(KpiExportCommand.isRequested(new String[] {"standalone"})).isFalse();
    }
}
