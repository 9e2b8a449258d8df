package io.animops.operator.auth;

import io.animops.operator.audit.AuditLog;
import io.animops.operator.common.ApiProblem;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;

/**
 * Sign-in, the TOTP step, sessions and users. Every sign-in, successful or not, is audited with the client's IP and
 * user agent; no password, code, secret or session id is ever logged or audited.
 */
@ApplicationScoped
public class AuthService {
    private static final Logger LOG = Logger.getLogger(AuthService.class);
    public static final String WRONG_CREDENTIALS = "wrong user name or password";
    /** Skipped work would tell which names exist: an unknown name is checked against this hash all the same. */
    private String decoyHash;

    @Inject
    DataSource dataSource;

    @Inject
    AuthConfig config;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    SignInRateLimiter limiter;
    Argon2id argon2;

    /** Where a request comes from, for rate limits and the audit log. */
    public record Client(String ip, String userAgent) {}

    /**
     * The outcome of a sign-in step: a new session whose id goes into the cookie.
     *
     * @param totpRequired true for a half session that only the TOTP step completes
     */
    public record SignIn(SessionStore.Created session, boolean totpRequired, User user) {}

    @PostConstruct
    void init() {
        AuthConfig.RateLimit r = config.rateLimit();
        limiter = new SignInRateLimiter(r.ipAttempts(), r.ipPeriod(), r.nameAttempts(), r.namePeriod());
        argon2 = new Argon2id(
                config.argon2().memoryKib(),
                config.argon2().iterations(),
                config.argon2().parallelism());
        decoyHash = argon2.hash(UserStore.oneTimePassword());
    }

    public Argon2id argon2() {
        return argon2;
    }

    /**
     * Checks name and password. A session presented with the request is ended first: a sign-in never keeps an id it
     * did not make (no session fixation).
     */
    public SignIn signIn(String name, String password, String presentedSession, Client client) {
        return sql(c -> {
            endPresented(c, presentedSession);
            throttle(client, name, "sign-in");
            Optional<User> found = UserStore.find(c, name);
            String hash = found.map(User::passwordHash).orElse(decoyHash);
            boolean passwordOk = Argon2id.verify(hash, password) && found.isPresent();
            if (!passwordOk || found.get().disabled()) {
                failed(name, client, found.isEmpty() ? "unknown user" : passwordOk ? "disabled" : "wrong password");
                throw ApiProblem.unauthorized(WRONG_CREDENTIALS);
            }
            User user = found.get();
            limiter.succeeded(client.ip(), name);
            Instant now = Instant.now(clock);
            if (argon2.needsRehash(user.passwordHash())) {
                UserStore.rehash(c, user.id(), user.passwordHash(), argon2.hash(password), now);
            }
            if (user.totpEnrolled()) {
                SessionStore.Created half = SessionStore.create(
                        c,
                        user.id(),
                        SessionStore.TOTP,
                        config.session().totpTimeout(),
                        now,
                        client.ip(),
                        client.userAgent());
                audit(user.name(), "User.PasswordAccepted", user.name(), client, Map.of("next", "totp"));
                return new SignIn(half, true, user);
            }
            return complete(c, user, client, now, "password");
        });
    }

    /** Completes a half session with a TOTP code or a recovery code; the half session's id is never reused. */
    public SignIn completeTotp(String halfSession, String code, String recoveryCode, Client client) {
        return sql(c -> {
            Instant now = Instant.now(clock);
            Optional<SessionStore.Stored> half = SessionStore.find(c, halfSession)
                    .filter(s -> SessionStore.TOTP.equals(s.stage()) && now.isBefore(s.expiresAt()));
            if (half.isEmpty()) {
                throw ApiProblem.unauthorized(
                        "no pending sign-in: send name and password to POST /api/v1/session first");
            }
            User user = UserStore.find(c, half.get().userId())
                    .orElseThrow(() -> ApiProblem.unauthorized(WRONG_CREDENTIALS));
            throttle(client, user.name(), "totp");
            boolean accepted;
            String method;
            if (recoveryCode != null && !recoveryCode.isBlank()) {
                method = "recovery code";
                accepted = UserStore.useRecoveryCode(c, user.id(), recoveryCode, now);
            } else {
                method = "totp";
                OptionalLong step = user.totpSecret() == null
                        ? OptionalLong.empty()
                        : Totp.match(user.totpSecret(), code, now, user.totpLastStep());
                accepted = step.isPresent() && UserStore.useTotpStep(c, user.id(), step.getAsLong());
            }
            if (!accepted || user.disabled()) {
                failed(user.name(), client, user.disabled() ? "disabled" : "wrong " + method);
                throw ApiProblem.unauthorized("wrong or already used " + method);
            }
            limiter.succeeded(client.ip(), user.name());
            SessionStore.revoke(c, half.get().idHash());
            return complete(c, user, client, now, method);
        });
    }

    private SignIn complete(Connection c, User user, Client client, Instant now, String method) throws SQLException {
        SessionStore.Created session = SessionStore.create(
                c,
                user.id(),
                SessionStore.FULL,
                config.session().absoluteTimeout(),
                now,
                client.ip(),
                client.userAgent());
        UserStore.signedIn(c, user.id(), now);
        audit(user.name(), "User.SignedIn", user.name(), client, Map.of("method", method));
        return new SignIn(session, false, user);
    }

    /**
     * The signed-in person of a session cookie, when the session is complete, alive and its user enabled; the
     * session's idle clock restarts.
     */
    public Optional<Caller> authenticate(String sessionId) {
        return sql(c -> {
            Instant now = Instant.now(clock);
            Optional<SessionStore.Stored> stored = SessionStore.find(c, sessionId);
            if (stored.isEmpty()
                    || !SessionStore.FULL.equals(stored.get().stage())
                    || !stored.get().alive(now, config.session().idleTimeout())) {
                return Optional.empty();
            }
            Optional<User> user = UserStore.find(c, stored.get().userId()).filter(u -> !u.disabled());
            if (user.isEmpty()) {
                return Optional.empty();
            }
            SessionStore.touch(c, stored.get().idHash(), now);
            return Optional.of(new Caller(
                    user.get().name(),
                    user.get().role(),
                    user.get().id(),
                    stored.get().idHash(),
                    stored.get().csrfToken(),
                    restriction(c, user.get())));
        });
    }

    /** Whether the caller's session is still alive (without restarting its idle clock); the token always is. */
    public boolean stillSignedIn(Caller caller) {
        if (caller.isToken()) {
            return true;
        }
        return sql(c -> SessionStore.findByHash(c, caller.sessionIdHash())
                .filter(s -> s.alive(Instant.now(clock), config.session().idleTimeout()))
                .isPresent());
    }

    /** Why a session may only reach /api/v1/session for now, or null. */
    private static String restriction(Connection c, User user) throws SQLException {
        if (user.mustChangePassword()) {
            return "change the one-time password first: POST /api/v1/session/password";
        }
        if (!user.totpEnrolled() && UserStore.requireTotp(c)) {
            return "TOTP is required: enrol with POST /api/v1/session/totp/enrolment first";
        }
        return null;
    }

    public Optional<String> restrictionOf(long userId) {
        return sql(c ->
                Optional.ofNullable(restriction(c, UserStore.find(c, userId).orElseThrow())));
    }

    public void signOut(Caller caller, Client client) {
        sql(c -> {
            SessionStore.revoke(c, caller.sessionIdHash());
            return null;
        });
        audit(caller.name(), "User.SignedOut", caller.name(), client, Map.of());
    }

    /** Changes one's own password; every session of the user ends, and a new one is answered. */
    public SignIn changePassword(Caller caller, String current, String next, Client client) {
        String problem = UserStore.passwordProblem(next);
        if (problem != null) {
            throw ApiProblem.badParameter("newPassword", problem);
        }
        return sql(c -> {
            User user = UserStore.find(c, caller.userId()).orElseThrow();
            throttle(client, user.name(), "password change");
            if (!Argon2id.verify(user.passwordHash(), current)) {
                failed(user.name(), client, "wrong current password at password change");
                throw ApiProblem.badParameter("currentPassword", "is wrong");
            }
            if (current.equals(next)) {
                throw ApiProblem.badParameter("newPassword", "must differ from the current password");
            }
            limiter.succeeded(client.ip(), user.name());
            Instant now = Instant.now(clock);
            UserStore.setPassword(c, user.id(), argon2.hash(next), false, now);
            SessionStore.revokeAll(c, user.id());
            audit(user.name(), "User.PasswordChanged", user.name(), client, Map.of());
            return complete(c, UserStore.find(c, user.id()).orElseThrow(), client, now, "password change");
        });
    }

    /** A TOTP enrolment offered to the caller; it counts once confirmed by a code. */
    public record Enrolment(String secret, String otpauthUri, String qrSvg) {}

    public Enrolment startEnrolment(Caller caller) {
        String secret = Totp.newSecret();
        sql(c -> {
            UserStore.offerTotp(c, caller.userId(), secret, Instant.now(clock));
            return null;
        });
        String uri = Totp.uri(config.totpIssuer(), caller.name(), secret);
        return new Enrolment(secret, uri, QrSvg.of(uri));
    }

    /** Confirms the offered secret with a code; answers the recovery codes, shown this once. */
    public List<String> confirmEnrolment(Caller caller, String code, Client client) {
        return sql(c -> {
            User user = UserStore.find(c, caller.userId()).orElseThrow();
            if (user.totpPendingSecret() == null) {
                throw ApiProblem.conflict("no TOTP enrolment pending: POST /api/v1/session/totp/enrolment first");
            }
            throttle(client, user.name(), "totp enrolment");
            Instant now = Instant.now(clock);
            OptionalLong step = Totp.match(user.totpPendingSecret(), code, now, null);
            if (step.isEmpty()) {
                throw ApiProblem.badParameter("code", "does not match the offered secret at this time");
            }
            limiter.succeeded(client.ip(), user.name());
            List<String> codes = UserStore.confirmTotp(c, user.id(), user.totpPendingSecret(), step.getAsLong(), now);
            audit(user.name(), "User.TotpEnrolled", user.name(), client, Map.of());
            return codes;
        });
    }

    // --- what an admin does ---------------------------------------------------------------------------------------

    public List<User.Summary> users() {
        return sql(c -> UserStore.list(c).stream().map(User::summary).toList());
    }

    /** Adds a user with a one-time password, answered this once. */
    public String addUser(Caller admin, String name, Role role) {
        String problem = UserStore.nameProblem(name);
        if (problem != null) {
            throw ApiProblem.badParameter("name", problem);
        }
        String password = UserStore.oneTimePassword();
        return sql(c -> {
            if (!UserStore.add(c, name, role, argon2.hash(password), true, Instant.now(clock))) {
                throw ApiProblem.conflict("user " + name + " exists");
            }
            adminAudit(admin, "User.Added", name, Map.of("role", role.id()));
            return password;
        });
    }

    /** A new one-time password for a user; their sessions end. */
    public String resetPassword(Caller admin, String name) {
        String password = UserStore.oneTimePassword();
        sql(c -> {
            User user = existing(c, name);
            UserStore.setPassword(c, user.id(), argon2.hash(password), true, Instant.now(clock));
            SessionStore.revokeAll(c, user.id());
            return null;
        });
        adminAudit(admin, "User.PasswordReset", name, Map.of());
        return password;
    }

    public void resetTotp(Caller admin, String name) {
        sql(c -> UserStore.resetTotp(c, existing(c, name).name(), Instant.now(clock)));
        adminAudit(admin, "User.TotpReset", name, Map.of());
    }

    public void setDisabled(Caller admin, String name, boolean disabled) {
        sql(c -> {
            User user = existing(c, name);
            UserStore.setDisabled(c, name, disabled, Instant.now(clock));
            if (disabled) {
                SessionStore.revokeAll(c, user.id());
            }
            return null;
        });
        adminAudit(admin, disabled ? "User.Disabled" : "User.Enabled", name, Map.of());
    }

    public void setRole(Caller admin, String name, Role role) {
        sql(c -> UserStore.setRole(c, existing(c, name).name(), role, Instant.now(clock)));
        adminAudit(admin, "User.RoleChanged", name, Map.of("role", role.id()));
    }

    public int revokeSessions(Caller admin, String name) {
        int ended = sql(c -> SessionStore.revokeAll(c, existing(c, name).id()));
        adminAudit(admin, "User.SessionsRevoked", name, Map.of("sessions", ended));
        return ended;
    }

    public boolean requireTotp() {
        return sql(UserStore::requireTotp);
    }

    public void setRequireTotp(Caller admin, boolean required) {
        sql(c -> {
            UserStore.setRequireTotp(c, required);
            return null;
        });
        audit.record(
                admin.actor(),
                "AuthPolicy.Changed",
                "AuthPolicy",
                null,
                "require-totp",
                null,
                Map.of("requireTotp", required),
                null);
    }

    private static User existing(Connection c, String name) throws SQLException {
        return UserStore.find(c, name).orElseThrow(() -> ApiProblem.notFound("no user " + name));
    }

    private void throttle(Client client, String name, String what) {
        OptionalLong wait = limiter.tryAttempt(client.ip(), name);
        if (wait.isPresent()) {
            // logged, not audited: a flood of refused attempts must not flood the audit log
            LOG.warnf(
                    "%s attempt for user '%s' from %s refused by the rate limit (retry after %ds)",
                    what, name, client.ip(), wait.getAsLong());
            throw ApiProblem.tooManyRequests(
                    "too many attempts: retry in " + wait.getAsLong() + " s", wait.getAsLong());
        }
    }

    private void failed(String name, Client client, String reason) {
        LOG.infof("sign-in failed for user '%s' from %s: %s", name, client.ip(), reason);
        audit(name, "User.SignInFailed", name, client, Map.of("reason", reason));
    }

    private void endPresented(Connection c, String presentedSession) throws SQLException {
        Optional<SessionStore.Stored> stored = SessionStore.find(c, presentedSession);
        if (stored.isPresent()) {
            SessionStore.revoke(c, stored.get().idHash());
        }
    }

    private void audit(String actor, String event, String user, Client client, Map<String, Object> details) {
        Map<String, Object> payload = new LinkedHashMap<>(details);
        payload.put("ip", client.ip());
        payload.put("userAgent", client.userAgent());
        audit.record(actor, event, "User", null, user, null, payload, null);
    }

    private void adminAudit(Caller admin, String event, String user, Map<String, Object> details) {
        audit.record(admin.actor(), event, "User", null, user, null, details, null);
    }

    @FunctionalInterface
    interface SqlWork<T> {
        T apply(Connection c) throws SQLException;
    }

    private <T> T sql(SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new IllegalStateException("user store: " + e.getMessage(), e);
        }
    }
}
