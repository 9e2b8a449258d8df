package io.animops.operator.kpi;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** File formats of a KPI export. */
public enum ExportFormat {
    CSV("text/csv; charset=UTF-8", "csv"),
    PARQUET("application/vnd.apache.parquet", "parquet");

    public final String mediaType;
    public final String extension;

    ExportFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public static Optional<ExportFormat> byName(String name) {
        return Arrays.stream(values())
                .filter(f -> f.name().toLowerCase(Locale.ROOT).equals(name))
                .findFirst();
    }
}
