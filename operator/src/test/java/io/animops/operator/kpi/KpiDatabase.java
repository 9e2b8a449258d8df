package io.animops.operator.kpi;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** A real PostgreSQL migrated with the operator's Flyway scripts, holding the hand-checked snapshots of docs/kpi.md's examples. */
final class KpiDatabase implements AutoCloseable {
    final EmbeddedPostgres postgres;

    KpiDatabase() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        Flyway.configure()
                .dataSource(postgres.getPostgresDatabase())
                .locations("classpath:db/migration")
                .load()
                .migrate();
    }

    Connection connection() throws SQLException {
        return postgres.getPostgresDatabase().getConnection();
    }

    static Instant at(String iso) {
        return Instant.parse(iso);
    }

    /**
     * Video A (YouTube yt-a, published 2026-01-01T00:00Z): snapshots at +24 h, +68 h, +268 h and on 01-20.
     * Video B (TikTok tt-b, published 2026-01-01T12:00Z): one snapshot at +66 h, all zero.
     * Video C (TikTok tt-c, published 2026-01-05T00:00Z): one snapshot at +24 h only.
     */
    void loadExample() throws SQLException {
        Instant publishedA = at("2026-01-01T00:00:00Z");
        Instant publishedB = at("2026-01-01T12:00:00Z");
        Instant publishedC = at("2026-01-05T00:00:00Z");
        try (Connection c = connection()) {
            MetricSnapshotStore.record(
                    c,
                    List.of(
                            new MetricSnapshot(
                                    "YouTube",
                                    "yt-a",
                                    "default",
                                    "pub-a",
                                    publishedA,
                                    at("2026-01-02T00:00:00Z"),
                                    100,
                                    80L,
                                    10,
                                    2,
                                    1,
                                    50.0,
                                    80.0),
                            new MetricSnapshot(
                                    "YouTube",
                                    "yt-a",
                                    "default",
                                    "pub-a",
                                    publishedA,
                                    at("2026-01-03T20:00:00Z"),
                                    300,
                                    240L,
                                    30,
                                    6,
                                    3,
                                    150.0,
                                    70.0),
                            new MetricSnapshot(
                                    "YouTube",
                                    "yt-a",
                                    "default",
                                    "pub-a",
                                    publishedA,
                                    at("2026-01-12T04:00:00Z"),
                                    1000,
                                    800L,
                                    100,
                                    20,
                                    11,
                                    550.0,
                                    60.0),
                            new MetricSnapshot(
                                    "YouTube",
                                    "yt-a",
                                    "default",
                                    "pub-a",
                                    publishedA,
                                    at("2026-01-20T00:00:00Z"),
                                    1200,
                                    900L,
                                    110,
                                    22,
                                    12,
                                    600.0,
                                    58.0),
                            new MetricSnapshot(
                                    "TikTok",
                                    "tt-b",
                                    null,
                                    null,
                                    publishedB,
                                    at("2026-01-04T06:00:00Z"),
                                    0,
                                    null,
                                    0,
                                    0,
                                    0,
                                    null,
                                    null),
                            new MetricSnapshot(
                                    "TikTok",
                                    "tt-c",
                                    "default",
                                    "pub-c",
                                    publishedC,
                                    at("2026-01-06T00:00:00Z"),
                                    50,
                                    null,
                                    5,
                                    0,
                                    0,
                                    null,
                                    null)));
        }
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
