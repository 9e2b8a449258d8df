package io.animops.operator.kpi;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** The exportable KPI relations (docs/kpi.md), each with the column its from/to dates filter on. */
public enum KpiView {
    VIDEO_KPIS(
            "video_kpis",
            "published_at",
            true,
            "platform, external_id, horizon",
            "published_at",
            "platform || '/' || external_id || '/' || horizon"),
    CHANNEL_KPIS_ROLLING_14D(
            "channel_kpis_rolling_14d",
            "day",
            false,
            "platform, day",
            "(day::timestamp at time zone 'UTC')",
            "platform"),
    METRIC_SNAPSHOTS(
            "metric_snapshots",
            "captured_at",
            true,
            "platform, external_id, captured_at",
            "captured_at",
            "platform || '/' || external_id");

    /** Name in SQL and in the API. */
    public final String relation;

    final String dateColumn;
    /** Whether dateColumn is a timestamptz (filtered by UTC days) or a date. */
    final boolean dateColumnIsTimestamp;

    final String orderBy;
    /** The API pages a view newest first by this timestamptz expression and a text key unique at one time. */
    final String pageTime;

    final String pageKey;

    KpiView(
            String relation,
            String dateColumn,
            boolean dateColumnIsTimestamp,
            String orderBy,
            String pageTime,
            String pageKey) {
        this.relation = relation;
        this.dateColumn = dateColumn;
        this.dateColumnIsTimestamp = dateColumnIsTimestamp;
        this.orderBy = orderBy;
        this.pageTime = pageTime;
        this.pageKey = pageKey;
    }

    public static Optional<KpiView> byRelation(String name) {
        return Arrays.stream(values()).filter(v -> v.relation.equals(name)).findFirst();
    }

    public static String names() {
        return Arrays.stream(values()).map(v -> v.relation).collect(Collectors.joining(", "));
    }
}
