package io.animops.operator.kpi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a flat table as an Apache Parquet file (format version 1: one data page per column per row group, PLAIN
 * values, RLE definition levels, no compression) straight to a stream. Written by hand because the reference
 * implementation (parquet-hadoop) pulls Hadoop into the operator image; a flat table of numbers, text and times
 * needs only a small part of the format. Every column is OPTIONAL, so SQL nulls survive.
 */
public final class ParquetTableWriter implements AutoCloseable {
    /** The column types a KPI export needs, with their physical and logical Parquet types. */
    public enum ColumnType {
        INT64,
        DOUBLE,
        STRING,
        DATE,
        TIMESTAMP_MICROS_UTC
    }

    public record Column(String name, ColumnType type) {}

    private static final byte[] MAGIC = "PAR1".getBytes(StandardCharsets.US_ASCII);
    /** Rows buffered before a row group is written: bounds memory while keeping groups large enough to scan well. */
    static final int ROWS_PER_GROUP = 65_536;

    private final CountingStream out;
    private final int rowsPerGroup;
    private final List<Column> columns;
    private final List<ColumnBuffer> buffers = new ArrayList<>();
    private final List<byte[]> rowGroups = new ArrayList<>();
    private long totalRows;
    private int groupRows;
    private boolean closed;

    public ParquetTableWriter(OutputStream target, List<Column> columns) throws IOException {
        this(target, columns, ROWS_PER_GROUP);
    }

    ParquetTableWriter(OutputStream target, List<Column> columns, int rowsPerGroup) throws IOException {
        this.rowsPerGroup = rowsPerGroup;
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a Parquet file needs at least one column");
        }
        this.out = new CountingStream(target);
        this.columns = List.copyOf(columns);
        for (Column ignored : columns) {
            buffers.add(new ColumnBuffer());
        }
        out.write(MAGIC);
    }

    /**
     * Appends one row. Values: Long for INT64, Double for DOUBLE, String for STRING, days since 1970-01-01 (Integer)
     * for DATE, microseconds since the epoch (Long) for TIMESTAMP_MICROS_UTC; null for a missing value.
     */
    public void writeRow(Object... values) throws IOException {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException(
                    "row has " + values.length + " values, the table " + columns.size() + " columns");
        }
        for (int i = 0; i < values.length; i++) {
            buffers.get(i).add(columns.get(i), values[i]);
        }
        groupRows++;
        totalRows++;
        if (groupRows == rowsPerGroup) {
            flushRowGroup();
        }
    }

    private void flushRowGroup() throws IOException {
        if (groupRows == 0) {
            return;
        }
        Thrift chunks = new Thrift();
        chunks.listHeader(Thrift.STRUCT, columns.size());
        long groupBytes = 0;
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            ColumnBuffer buffer = buffers.get(i);
            byte[] levels = buffer.definitionLevels();
            byte[] values = buffer.values.toByteArray();
            int pageSize = 4 + levels.length + values.length;
            Thrift header = new Thrift();
            header.i32(1, 0); // DATA_PAGE
            header.i32(2, pageSize);
            header.i32(3, pageSize);
            header.structBegin(5);
            header.i32(1, groupRows);
            header.i32(2, 0); // PLAIN
            header.i32(3, 3); // RLE definition levels
            header.i32(4, 3); // RLE repetition levels (none written: the schema is flat)
            header.structEnd();
            header.structEnd();
            long pageOffset = out.count;
            byte[] headerBytes = header.bytes();
            out.write(headerBytes);
            writeIntLE(out, levels.length);
            out.write(levels);
            out.write(values);
            long chunkSize = headerBytes.length + (long) pageSize;
            groupBytes += chunkSize;

            chunks.fieldI64(2, pageOffset);
            chunks.structBegin(3);
            chunks.i32(1, physicalType(column.type()));
            chunks.fieldListHeader(2, Thrift.I32, 2);
            chunks.varint(zigzag(0));
            chunks.varint(zigzag(3));
            chunks.fieldListHeader(3, Thrift.BINARY, 1);
            chunks.binary(column.name().getBytes(StandardCharsets.UTF_8));
            chunks.i32(4, 0); // UNCOMPRESSED
            chunks.fieldI64(5, groupRows);
            chunks.fieldI64(6, chunkSize);
            chunks.fieldI64(7, chunkSize);
            chunks.fieldI64(9, pageOffset);
            chunks.structEnd();
            chunks.structEnd();
            chunks.resetFieldIds();
            buffer.clear();
        }
        // a RowGroup struct: columns (1), total_byte_size (2), num_rows (3)
        Thrift rowGroup = new Thrift();
        rowGroup.fieldHeader(1, Thrift.LIST);
        rowGroup.raw(chunks.bytes());
        rowGroup.fieldI64(2, groupBytes);
        rowGroup.fieldI64(3, groupRows);
        rowGroup.structEnd();
        rowGroups.add(rowGroup.bytes());
        groupRows = 0;
    }

    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        flushRowGroup();
        Thrift footer = new Thrift();
        footer.i32(1, 1);
        footer.fieldListHeader(2, Thrift.STRUCT, columns.size() + 1);
        footer.resetFieldIds();
        footer.binaryField(4, "schema".getBytes(StandardCharsets.UTF_8));
        footer.i32(5, columns.size());
        footer.structEnd();
        for (Column column : columns) {
            footer.resetFieldIds();
            footer.i32(1, physicalType(column.type()));
            footer.i32(3, 1); // OPTIONAL
            footer.binaryField(4, column.name().getBytes(StandardCharsets.UTF_8));
            switch (column.type()) {
                case STRING -> {
                    footer.i32(6, 0); // UTF8
                    footer.structBegin(10);
                    footer.structBegin(1); // StringType
                    footer.structEnd();
                    footer.structEnd();
                }
                case DATE -> {
                    footer.i32(6, 6);
                    footer.structBegin(10);
                    footer.structBegin(6); // DateType
                    footer.structEnd();
                    footer.structEnd();
                }
                case TIMESTAMP_MICROS_UTC -> {
                    footer.i32(6, 10);
                    footer.structBegin(10);
                    footer.structBegin(8); // TimestampType
                    footer.bool(1, true);
                    footer.structBegin(2);
                    footer.structBegin(2); // MICROS
                    footer.structEnd();
                    footer.structEnd();
                    footer.structEnd();
                    footer.structEnd();
                }
                default -> {}
            }
            footer.structEnd();
        }
        footer.resetFieldIds();
        footer.lastFieldId = 2;
        footer.fieldI64(3, totalRows);
        footer.fieldListHeader(4, Thrift.STRUCT, rowGroups.size());
        for (byte[] group : rowGroups) {
            footer.raw(group);
        }
        footer.binaryField(6, "animops kpi exporter".getBytes(StandardCharsets.UTF_8));
        footer.structEnd();
        byte[] footerBytes = footer.bytes();
        out.write(footerBytes);
        writeIntLE(out, footerBytes.length);
        out.write(MAGIC);
        out.flush();
    }

    private static int physicalType(ColumnType type) {
        return switch (type) {
            case INT64, TIMESTAMP_MICROS_UTC -> 2;
            case DOUBLE -> 5;
            case STRING -> 6;
            case DATE -> 1;
        };
    }

    private static void writeIntLE(OutputStream out, int value) throws IOException {
        out.write(value & 0xff);
        out.write((value >>> 8) & 0xff);
        out.write((value >>> 16) & 0xff);
        out.write((value >>> 24) & 0xff);
    }

    private static long zigzag(long value) {
        return (value << 1) ^ (value >> 63);
    }

    /** Values and definition levels (1 present, 0 null) of one column within the current row group. */
    private static final class ColumnBuffer {
        final ByteArrayOutputStream values = new ByteArrayOutputStream();
        final ByteArrayOutputStream levels = new ByteArrayOutputStream();
        int runValue = -1;
        int runLength;

        void add(Column column, Object value) {
            level(value == null ? 0 : 1);
            if (value == null) {
                return;
            }
            try {
                switch (column.type()) {
                    case INT64, TIMESTAMP_MICROS_UTC -> longLE(((Number) value).longValue());
                    case DOUBLE -> longLE(Double.doubleToRawLongBits(((Number) value).doubleValue()));
                    case DATE -> writeIntLE(values, ((Number) value).intValue());
                    case STRING -> {
                        byte[] bytes = value.toString().getBytes(StandardCharsets.UTF_8);
                        writeIntLE(values, bytes.length);
                        values.write(bytes);
                    }
                }
            } catch (ClassCastException e) {
                throw new IllegalArgumentException(
                        "column " + column.name() + " of type " + column.type() + " cannot hold a "
                                + value.getClass().getSimpleName(),
                        e);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        private void longLE(long v) {
            for (int i = 0; i < 8; i++) {
                values.write((int) (v >>> (8 * i)) & 0xff);
            }
        }

        /** Run-length encodes the levels (bit width 1) as runs of equal values: the RLE half of the hybrid encoding. */
        private void level(int level) {
            if (level == runValue) {
                runLength++;
                return;
            }
            endRun();
            runValue = level;
            runLength = 1;
        }

        private void endRun() {
            if (runLength > 0) {
                long header = (long) runLength << 1;
                while ((header & ~0x7FL) != 0) {
                    levels.write((int) ((header & 0x7F) | 0x80));
                    header >>>= 7;
                }
                levels.write((int) header);
                levels.write(runValue);
            }
        }

        byte[] definitionLevels() {
            endRun();
            runLength = 0;
            runValue = -1;
            return levels.toByteArray();
        }

        void clear() {
            values.reset();
            levels.reset();
            runValue = -1;
            runLength = 0;
        }
    }

    /** The Thrift compact protocol, as far as Parquet's metadata needs it. */
    private static final class Thrift {
        static final int I32 = 5;
        static final int I64 = 6;
        static final int BINARY = 8;
        static final int LIST = 9;
        static final int STRUCT = 12;

        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        private final java.util.ArrayDeque<Integer> outerFieldIds = new java.util.ArrayDeque<>();
        int lastFieldId;

        void fieldHeader(int id, int type) {
            int delta = id - lastFieldId;
            if (delta > 0 && delta <= 15) {
                bytes.write((delta << 4) | type);
            } else {
                bytes.write(type);
                varint(zigzag(id));
            }
            lastFieldId = id;
        }

        void i32(int id, int value) {
            fieldHeader(id, I32);
            varint(zigzag(value));
        }

        void fieldI64(int id, long value) {
            fieldHeader(id, I64);
            varint(zigzag(value));
        }

        void bool(int id, boolean value) {
            fieldHeader(id, value ? 1 : 2);
        }

        void binaryField(int id, byte[] value) {
            fieldHeader(id, BINARY);
            binary(value);
        }

        void binary(byte[] value) {
            varint(value.length);
            bytes.write(value, 0, value.length);
        }

        void structBegin(int id) {
            fieldHeader(id, STRUCT);
            outerFieldIds.push(lastFieldId);
            lastFieldId = 0;
        }

        /** Ends a struct: inside a nested struct, goes back to the enclosing one's field numbering. */
        void structEnd() {
            bytes.write(0);
            lastFieldId = outerFieldIds.isEmpty() ? 0 : outerFieldIds.pop();
        }

        void fieldListHeader(int id, int elementType, int size) {
            fieldHeader(id, LIST);
            listHeader(elementType, size);
        }

        void listHeader(int elementType, int size) {
            if (size < 15) {
                bytes.write((size << 4) | elementType);
            } else {
                bytes.write(0xF0 | elementType);
                varint(size);
            }
        }

        /** Starts a struct that is an element of a list: field numbering starts again, no enclosing field. */
        void resetFieldIds() {
            lastFieldId = 0;
        }

        void varint(long value) {
            while ((value & ~0x7FL) != 0) {
                bytes.write((int) ((value & 0x7F) | 0x80));
                value >>>= 7;
            }
            bytes.write((int) value);
        }

        void raw(byte[] data) {
            bytes.write(data, 0, data.length);
        }

        byte[] bytes() {
            return bytes.toByteArray();
        }
    }

    private static final class CountingStream extends OutputStream {
        private final OutputStream target;
        long count;

        CountingStream(OutputStream target) {
            this.target = target;
        }

        @Override
        public void write(int b) throws IOException {
            target.write(b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            target.write(b, off, len);
            count += len;
        }

        @Override
        public void flush() throws IOException {
            target.flush();
        }
    }
}
