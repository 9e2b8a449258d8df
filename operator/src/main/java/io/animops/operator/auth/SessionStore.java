package io.animops.operator.auth;

import io.animops.operator.common.Hashes;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Server-side sessions in PostgreSQL. The cookie holds 256 random bits; the table holds their SHA-256 only, so a
 * copy of the database opens no session. Revoking is deleting the row.
 */
public final class SessionStore {
    public static final String FULL = "full";
    public static final String TOTP = "totp";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A session as stored. */
    public record Stored(
            String idHash,
            long userId,
            String stage,
            String csrfToken,
            Instant createdAt,
            Instant lastSeenAt,
            Instant expiresAt) {
        /** Alive when neither the absolute expiry nor the idle timeout has passed. */
        public boolean alive(Instant now, Duration idle) {
            return now.isBefore(expiresAt) && now.isBefore(lastSeenAt.plus(idle));
        }
    }

    /** A new session: the id goes into the cookie and is never stored. */
    public record Created(String id, String csrfToken, Instant expiresAt) {}

    private SessionStore() {}

    public static Created create(
            Connection c, long userId, String stage, Duration lifetime, Instant now, String ip, String userAgent)
            throws SQLException {
        String id = random();
        String csrf = random();
        Instant expires = now.plus(lifetime);
        try (PreparedStatement s = c.prepareStatement("""
                insert into user_sessions (id_hash, user_id, stage, csrf_token, created_at, last_seen_at, expires_at, ip,
                                           user_agent)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            s.setString(1, Hashes.sha256(id));
            s.setLong(2, userId);
            s.setString(3, stage);
            s.setString(4, csrf);
            s.setTimestamp(5, Timestamp.from(now));
            s.setTimestamp(6, Timestamp.from(now));
            s.setTimestamp(7, Timestamp.from(expires));
            s.setString(8, ip);
            s.setString(9, userAgent == null ? null : userAgent.substring(0, Math.min(userAgent.length(), 300)));
            s.executeUpdate();
        }
        // ended sessions go when new ones come, so the table does not grow with every sign-in
        try (PreparedStatement s = c.prepareStatement("delete from user_sessions where expires_at < ?")) {
            s.setTimestamp(1, Timestamp.from(now));
            s.executeUpdate();
        }
        return new Created(id, csrf, expires);
    }

    public static Optional<Stored> find(Connection c, String id) throws SQLException {
        if (id == null || id.isBlank() || id.length() > 100) {
            return Optional.empty();
        }
        return findByHash(c, Hashes.sha256(id));
    }

    public static Optional<Stored> findByHash(Connection c, String idHash) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select id_hash, user_id, stage, csrf_token, created_at,"
                + " last_seen_at, expires_at from user_sessions where id_hash = ?")) {
            s.setString(1, idHash);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Stored(
                        r.getString(1),
                        r.getLong(2),
                        r.getString(3),
                        r.getString(4),
                        r.getTimestamp(5).toInstant(),
                        r.getTimestamp(6).toInstant(),
                        r.getTimestamp(7).toInstant()));
            }
        }
    }

    public static void touch(Connection c, String idHash, Instant now) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("update user_sessions set last_seen_at = ? where id_hash = ?")) {
            s.setTimestamp(1, Timestamp.from(now));
            s.setString(2, idHash);
            s.executeUpdate();
        }
    }

    public static void revoke(Connection c, String idHash) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("delete from user_sessions where id_hash = ?")) {
            s.setString(1, idHash);
            s.executeUpdate();
        }
    }

    /** Ends every session of a user; answers how many there were. */
    public static int revokeAll(Connection c, long userId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("delete from user_sessions where user_id = ?")) {
            s.setLong(1, userId);
            return s.executeUpdate();
        }
    }

    private static String random() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
