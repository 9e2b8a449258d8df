package io.animops.operator.kpi;

import io.animops.operator.common.KeysetQuery;
import io.animops.operator.common.Page;
import io.animops.operator.common.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;

/** The KPI views as JSON rows for the panel's charts, newest first, one page at a time. */
@ApplicationScoped
public class KpiQuery {
    private static final String PAGE_AT = "page_at";
    private static final String PAGE_KEY = "page_key";

    /** A view's row, and where it stands in the view's paging order. */
    private record Positioned(Map<String, Object> values, PageRequest.Position position) {}

    @Inject
    DataSource dataSource;

    public Page<Map<String, Object>> rows(KpiView view, KpiExporter.DateRange range, PageRequest page) {
        Page<Positioned> rows = new KeysetQuery(
                        "select *, " + view.pageTime + " as " + PAGE_AT + ", " + view.pageKey + " as " + PAGE_KEY
                                + " from " + view.relation,
                        view.pageTime,
                        view.pageKey,
                        KeysetQuery.KeyType.TEXT)
                .where(range.fromCondition(view), range.fromValue(view))
                .where(range.toCondition(view), range.toValue(view))
                .page(dataSource, page, KpiQuery::read, Positioned::position);
        return new Page<>(rows.items().stream().map(Positioned::values).toList(), rows.limit(), rows.continueToken());
    }

    private static Positioned read(ResultSet row) throws SQLException {
        ResultSetMetaData meta = row.getMetaData();
        Map<String, Object> values = new LinkedHashMap<>();
        PageRequest.Position position = null;
        OffsetDateTime at = null;
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String name = meta.getColumnLabel(i);
            Object value = switch (meta.getColumnType(i)) {
                case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
                    OffsetDateTime time = row.getObject(i, OffsetDateTime.class);
                    yield time == null ? null : time.toInstant();
                }
                case Types.DATE -> row.getObject(i, LocalDate.class);
                default -> row.getObject(i);
            };
            if (name.equals(PAGE_AT)) {
                at = row.getObject(i, OffsetDateTime.class);
            } else if (name.equals(PAGE_KEY)) {
                position = new PageRequest.Position(at.toInstant(), row.getString(i));
            } else {
                values.put(name, value);
            }
        }
        return new Positioned(values, position);
    }
}
