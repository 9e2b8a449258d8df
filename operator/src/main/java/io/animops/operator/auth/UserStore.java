package io.animops.operator.auth;

import io.animops.operator.common.Hashes;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Users, their recovery codes and the shared auth settings over plain JDBC: the same code serves the operator and
 * the {@code user} command, which runs without it.
 */
public final class UserStore {
    /** Names people type: letters, digits, dot, dash, underscore, at; no spaces or colons (token actors use one). */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@-]{0,62}");

    public static final int MIN_PASSWORD_LENGTH = 12;
    public static final int RECOVERY_CODES = 10;
    private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String COLUMNS = "id, name, role, password_hash, must_change_password, disabled, totp_secret,"
            + " totp_pending_secret, totp_last_step, created_at, last_sign_in_at";

    private UserStore() {}

    /** Why a name cannot be a user's name, or null. */
    public static String nameProblem(String name) {
        return name != null && NAME.matcher(name).matches()
                ? null
                : "must be 1-63 letters, digits or . _ @ -, starting with a letter or digit";
    }

    /** Why a new password is refused, or null. */
    public static String passwordProblem(String password) {
        return password != null && password.length() >= MIN_PASSWORD_LENGTH && password.length() <= 1024
                ? null
                : "must have " + MIN_PASSWORD_LENGTH + " to 1024 characters";
    }

    /** A random password for a first sign-in (about 100 bits), to be changed then. */
    public static String oneTimePassword() {
        return randomWords(4, 5);
    }

    public static Optional<User> find(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from users where name = ?")) {
            s.setString(1, name);
            return one(s);
        }
    }

    public static Optional<User> find(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from users where id = ?")) {
            s.setLong(1, id);
            return one(s);
        }
    }

    public static List<User> list(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select " + COLUMNS + " from users order by name")) {
            List<User> users = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    users.add(read(r));
                }
            }
            return users;
        }
    }

    public static boolean any(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select exists (select 1 from users)");
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getBoolean(1);
        }
    }

    /** Adds a user; false when the name is taken. */
    public static boolean add(
            Connection c, String name, Role role, String passwordHash, boolean mustChange, Instant now)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                insert into users (name, role, password_hash, must_change_password, created_at, updated_at,
                                   password_changed_at)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (name) do nothing""")) {
            s.setString(1, name);
            s.setString(2, role.id());
            s.setString(3, passwordHash);
            s.setBoolean(4, mustChange);
            s.setTimestamp(5, Timestamp.from(now));
            s.setTimestamp(6, Timestamp.from(now));
            s.setTimestamp(7, Timestamp.from(now));
            return s.executeUpdate() == 1;
        }
    }

    public static boolean setPassword(Connection c, long userId, String passwordHash, boolean mustChange, Instant now)
            throws SQLException {
        return update(
                c,
                "update users set password_hash = ?, must_change_password = ?, password_changed_at = ?,"
                        + " updated_at = ? where id = ?",
                passwordHash,
                mustChange,
                now,
                now,
                userId);
    }

    /** Replaces a hash made with older parameters, unless the password changed meanwhile. */
    public static void rehash(Connection c, long userId, String oldHash, String newHash, Instant now)
            throws SQLException {
        update(
                c,
                "update users set password_hash = ?, updated_at = ? where id = ? and password_hash = ?",
                newHash,
                now,
                userId,
                oldHash);
    }

    public static boolean setDisabled(Connection c, String name, boolean disabled, Instant now) throws SQLException {
        return update(c, "update users set disabled = ?, updated_at = ? where name = ?", disabled, now, name);
    }

    public static boolean setRole(Connection c, String name, Role role, Instant now) throws SQLException {
        return update(c, "update users set role = ?, updated_at = ? where name = ?", role.id(), now, name);
    }

    public static void signedIn(Connection c, long userId, Instant now) throws SQLException {
        update(c, "update users set last_sign_in_at = ? where id = ?", now, userId);
    }

    /** Removes TOTP and its recovery codes: the user enrols again (an admin's reset for a lost phone). */
    public static boolean resetTotp(Connection c, String name, Instant now) throws SQLException {
        Optional<User> user = find(c, name);
        if (user.isEmpty()) {
            return false;
        }
        update(
                c,
                "update users set totp_secret = null, totp_pending_secret = null, totp_last_step = null,"
                        + " updated_at = ? where id = ?",
                now,
                user.get().id());
        update(
                c,
                "delete from user_recovery_codes where user_id = ?",
                user.get().id());
        return true;
    }

    public static void offerTotp(Connection c, long userId, String secret, Instant now) throws SQLException {
        update(c, "update users set totp_pending_secret = ?, updated_at = ? where id = ?", secret, now, userId);
    }

    /**
     * Makes the offered secret the user's, with the step of the confirming code as used, and new recovery codes;
     * answers the codes (shown once: only their hashes are kept).
     */
    public static List<String> confirmTotp(Connection c, long userId, String secret, long step, Instant now)
            throws SQLException {
        update(
                c,
                "update users set totp_secret = ?, totp_pending_secret = null, totp_last_step = ?, updated_at = ?"
                        + " where id = ?",
                secret,
                step,
                now,
                userId);
        update(c, "delete from user_recovery_codes where user_id = ?", userId);
        List<String> codes = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "insert into user_recovery_codes (user_id, code_hash, created_at) values (?, ?, ?)")) {
            for (int i = 0; i < RECOVERY_CODES; i++) {
                String code = randomWords(2, 5);
                codes.add(code);
                s.setLong(1, userId);
                s.setString(2, Hashes.sha256(normalizeRecoveryCode(code)));
                s.setTimestamp(3, Timestamp.from(now));
                s.addBatch();
            }
            s.executeBatch();
        }
        return codes;
    }

    /** Records an accepted TOTP step; false when that step (or a later one) was used meanwhile by another request. */
    public static boolean useTotpStep(Connection c, long userId, long step) throws SQLException {
        return update(
                c,
                "update users set totp_last_step = ? where id = ? and (totp_last_step is null"
                        + " or totp_last_step < ?)",
                step,
                userId,
                step);
    }

    /** Spends a recovery code: true once per code. */
    public static boolean useRecoveryCode(Connection c, long userId, String code, Instant now) throws SQLException {
        return update(
                c,
                "update user_recovery_codes set used_at = ? where user_id = ? and code_hash = ?"
                        + " and used_at is null",
                now,
                userId,
                Hashes.sha256(normalizeRecoveryCode(code)));
    }

    public static int unusedRecoveryCodes(Connection c, long userId) throws SQLException {
        try (PreparedStatement s =
                c.prepareStatement("select count(*) from user_recovery_codes where user_id = ? and used_at is null")) {
            s.setLong(1, userId);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        }
    }

    public static boolean requireTotp(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select value from auth_settings where name = 'require_totp'");
                ResultSet r = s.executeQuery()) {
            return r.next() && Boolean.parseBoolean(r.getString(1));
        }
    }

    public static void setRequireTotp(Connection c, boolean required) throws SQLException {
        update(
                c,
                "insert into auth_settings (name, value) values ('require_totp', ?) on conflict (name)"
                        + " do update set value = excluded.value",
                Boolean.toString(required));
    }

    private static String normalizeRecoveryCode(String code) {
        return code == null
                ? ""
                : code.trim().toLowerCase(java.util.Locale.ROOT).replace(" ", "");
    }

    /** Groups of random letters and digits without look-alikes, joined by dashes. */
    private static String randomWords(int groups, int length) {
        StringBuilder b = new StringBuilder();
        for (int g = 0; g < groups; g++) {
            if (g > 0) {
                b.append('-');
            }
            for (int i = 0; i < length; i++) {
                b.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
            }
        }
        return b.toString();
    }

    private static boolean update(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                s.setObject(i + 1, v instanceof Instant t ? Timestamp.from(t) : v);
            }
            return s.executeUpdate() > 0;
        }
    }

    private static Optional<User> one(PreparedStatement s) throws SQLException {
        try (ResultSet r = s.executeQuery()) {
            return r.next() ? Optional.of(read(r)) : Optional.empty();
        }
    }

    private static User read(ResultSet r) throws SQLException {
        long step = r.getLong("totp_last_step");
        Long lastStep = r.wasNull() ? null : step;
        Timestamp last = r.getTimestamp("last_sign_in_at");
        return new User(
                r.getLong("id"),
                r.getString("name"),
                Role.parse(r.getString("role")).orElseThrow(),
                r.getString("password_hash"),
                r.getBoolean("must_change_password"),
                r.getBoolean("disabled"),
                r.getString("totp_secret"),
                r.getString("totp_pending_secret"),
                lastStep,
                r.getTimestamp("created_at").toInstant(),
                last == null ? null : last.toInstant());
    }
}
