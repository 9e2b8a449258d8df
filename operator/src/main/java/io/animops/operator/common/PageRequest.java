package io.animops.operator.common;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * The one way every list endpoint pages: {@code limit} items (1..500, default 50) after the position named by an
 * opaque {@code continue} token, which the previous page handed out. Lists are ordered newest first by a time
 * and a unique key, and the token holds the last item's time and key (keyset pagination): items created while
 * a client pages never shift the pages it has not read yet, so it sees no duplicates and no gaps.
 *
 * @param list  which list the token belongs to, so a token of another list is refused rather than misread
 * @param after the position after which this page starts; null for the first page
 */
public record PageRequest(String list, int limit, Position after) {
    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;
    public static final String LIMIT = "limit";
    public static final String CONTINUE = "continue";

    /**
     * The time and unique key of an item, as the list orders it; {@code value} is the item's value in the column a
     * list is sorted by first (null when it is sorted by time).
     */
    public record Position(Instant at, String key, String value) {
        public Position(Instant at, String key) {
            this(at, key, null);
        }
    }

    /** Reads {@code limit} and {@code continue}; a bad value is recorded in {@code params} under its name. */
    public static PageRequest parse(String list, String limit, String continueToken, QueryParams params) {
        int size = params.integer(LIMIT, limit, DEFAULT_LIMIT, 1, MAX_LIMIT);
        Position after = null;
        if (continueToken != null && !continueToken.isEmpty()) {
            try {
                after = decode(list, continueToken);
            } catch (IllegalArgumentException e) {
                params.invalid(
                        CONTINUE,
                        "is not a continue token of this list (" + e.getMessage()
                                + "): pass the 'continue' value of the previous page unchanged");
            }
        }
        return new PageRequest(list, size, after);
    }

    /** The token naming the position after {@code last}. */
    public String token(Position last) {
        String plain = list + "\n" + last.at() + "\n" + last.key() + (last.value() == null ? "" : "\n" + last.value());
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    static Position decode(String list, String token) {
        String plain;
        try {
            plain = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not base64url");
        }
        // a sort value comes last and may hold line breaks itself
        String[] parts = plain.split("\n", 4);
        if (parts.length < 3 || parts[2].isEmpty()) {
            throw new IllegalArgumentException("malformed");
        }
        if (!parts[0].equals(list)) {
            throw new IllegalArgumentException("it belongs to the list of " + parts[0]);
        }
        try {
            return new Position(Instant.parse(parts[1]), parts[2], parts.length == 4 ? parts[3] : null);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("malformed");
        }
    }
}
