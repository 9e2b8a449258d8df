package io.animops.operator.storage;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One satisfiable byte range of an object (RFC 9110 section 14): first and last byte, both inclusive. */
public record ByteRange(long first, long last) {
    private static final Pattern SINGLE = Pattern.compile("bytes=(\\d*)-(\\d*)");

    public long length() {
        return last - first + 1;
    }

    public String contentRange(long size) {
        return "bytes " + first + "-" + last + "/" + size;
    }

    /**
     * The range a {@code Range} header asks for in an object of {@code size} bytes. Empty when the whole object
     * is to be sent: no header, a header this server does not serve as a range (several ranges, another unit, bad
     * syntax; RFC 9110 lets a server ignore those), or a range covering everything.
     *
     * @throws Unsatisfiable when the range lies wholly beyond the object
     */
    public static Optional<ByteRange> parse(String header, long size) throws Unsatisfiable {
        if (header == null) {
            return Optional.empty();
        }
        Matcher m = SINGLE.matcher(header.trim());
        if (!m.matches() || (m.group(1).isEmpty() && m.group(2).isEmpty())) {
            return Optional.empty();
        }
        try {
            if (m.group(1).isEmpty()) {
                // bytes=-n: the last n bytes
                long suffix = Long.parseLong(m.group(2));
                if (suffix == 0 || size == 0) {
                    throw new Unsatisfiable(size);
                }
                return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
            }
            long first = Long.parseLong(m.group(1));
            long last = m.group(2).isEmpty() ? size - 1 : Math.min(Long.parseLong(m.group(2)), size - 1);
            if (!m.group(2).isEmpty() && Long.parseLong(m.group(2)) < first) {
                return Optional.empty();
            }
            if (first >= size) {
                throw new Unsatisfiable(size);
            }
            return Optional.of(new ByteRange(first, last));
        } catch (NumberFormatException e) {
            // more digits than a long holds: not a range this server can serve
            return Optional.empty();
        }
    }

    /** No byte of the requested range exists. */
    public static class Unsatisfiable extends Exception {
        public final long size;

        Unsatisfiable(long size) {
            super("the requested range lies beyond the object's " + size + " bytes");
            this.size = size;
        }
    }
}
