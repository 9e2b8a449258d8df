package io.animops.operator.kpi;

import java.time.Instant;

/** One pull of a video's lifetime counters; engagedViews, watch time and view percentage may be unknown (null). */
public record MetricSnapshot(
        String platform,
        String externalId,
        String publicationNamespace,
        String publicationName,
        Instant publishedAt,
        Instant capturedAt,
        long views,
        Long engagedViews,
        long likes,
        long comments,
        long shares,
        Double watchTimeMinutes,
        Double averageViewPercentage) {}
