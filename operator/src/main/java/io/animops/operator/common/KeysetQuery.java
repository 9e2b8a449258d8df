package io.animops.operator.common;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * A filtered list read from PostgreSQL one {@link PageRequest page} at a time, newest first by a time column and
 * a unique key column: the shared SQL side of the API's pagination.
 */
public final class KeysetQuery {
    /** The SQL type of the key column, which the key in a continue token must parse as. */
    public enum KeyType {
        UUID,
        BIGINT,
        TEXT
    }

    /** The SQL type of a sort column, which the sort value in a continue token must parse as. */
    public enum SortType {
        TEXT,
        DOUBLE,
        TIMESTAMP
    }

    /**
     * A column a list is sorted by before its time and key, and the direction of all three.
     *
     * @param expression a column or expression that is never null (coalesce a nullable column)
     */
    public record Sort(String expression, SortType type, boolean ascending) {}

    /** Reads one row into an item. */
    @FunctionalInterface
    public interface RowReader<T> {
        T read(ResultSet row) throws SQLException, IOException;
    }

    private final String select;
    private final String timeColumn;
    private final String keyColumn;
    private final KeyType keyType;
    private final StringBuilder where = new StringBuilder(" where true");
    private final List<Object> parameters = new ArrayList<>();
    /** Null: newest first by time and key. */
    private Sort sort;

    /**
     * @param select     {@code select <columns> from <table>}, without where or order
     * @param timeColumn a timestamptz column (or expression), never null
     * @param keyColumn  a column (or expression) of type {@code keyType}, unique among rows of one time
     */
    public KeysetQuery(String select, String timeColumn, String keyColumn, KeyType keyType) {
        this.select = select;
        this.timeColumn = timeColumn;
        this.keyColumn = keyColumn;
        this.keyType = keyType;
    }

    /** Adds {@code and <condition>} with one parameter, unless the value is null (no filter). */
    public KeysetQuery where(String condition, Object value) {
        if (value != null) {
            where.append(" and ").append(condition);
            parameters.add(value);
        }
        return this;
    }

    /** Sorts by {@code sort} first; the continue tokens then carry the last item's sort value. */
    public KeysetQuery sortedBy(Sort sort) {
        this.sort = sort;
        return this;
    }

    public <T> Page<T> page(
            DataSource dataSource,
            PageRequest request,
            RowReader<T> reader,
            Function<T, PageRequest.Position> position) {
        StringBuilder sql = new StringBuilder(select).append(where);
        List<Object> values = new ArrayList<>(parameters);
        boolean ascending = sort != null && sort.ascending();
        List<String> columns =
                sort == null ? List.of(timeColumn, keyColumn) : List.of(sort.expression(), timeColumn, keyColumn);
        String keyset = String.join(", ", columns);
        if (request.after() != null) {
            sql.append(" and (").append(keyset).append(ascending ? ") > (" : ") < (");
            if (sort != null) {
                sql.append("?, ");
                values.add(sortValue(request.after().value()));
            }
            sql.append("?, ?)");
            values.add(request.after().at().atOffset(ZoneOffset.UTC));
            values.add(key(request.after().key()));
        }
        String direction = ascending ? " asc" : " desc";
        sql.append(" order by ").append(String.join(direction + ", ", columns)).append(direction);
        sql.append(" limit ?");
        values.add(request.limit() + 1);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < values.size(); i++) {
                statement.setObject(i + 1, values.get(i));
            }
            List<T> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(reader.read(result));
                }
            }
            return Page.of(rows, request, position);
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("list query failed: " + e.getMessage(), e);
        }
    }

    private Object sortValue(String text) {
        try {
            if (text == null) {
                throw new IllegalArgumentException("no sort value");
            }
            return switch (sort.type()) {
                case TEXT -> text;
                case DOUBLE -> Double.valueOf(text);
                case TIMESTAMP -> java.time.Instant.parse(text).atOffset(ZoneOffset.UTC);
            };
        } catch (RuntimeException e) {
            throw badToken();
        }
    }

    private static ApiProblem badToken() {
        return ApiProblem.badParameter(
                PageRequest.CONTINUE,
                "continue is not a continue token of this list: pass the 'continue' value of the previous page unchanged");
    }

    private Object key(String text) {
        try {
            return switch (keyType) {
                case UUID -> java.util.UUID.fromString(text);
                case BIGINT -> Long.valueOf(text);
                case TEXT -> text;
            };
        } catch (IllegalArgumentException e) {
            throw badToken();
        }
    }
}
