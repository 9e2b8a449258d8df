package io.animops.operator.auth;

import io.animops.operator.api.*;
import io.animops.operator.testing.EmbeddedPostgresResource;
import io.animops.operator.testing.ShiftedClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.http.Cookie;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

/** Sign-in, sessions, CSRF, TOTP, rate limits and the audit of it all, against the running API and PostgreSQL. */
@QuarkusTest
@TestProfile(SignInTestProfile.class)
@WithKubernetesTestServer(crud = true)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class SignInTest {
    static final String PASSWORD = "a long enough password";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    @Inject
    DataSource dataSource;

    @Inject
    ShiftedClock clock;

    /** A client address no other test uses, so that per-IP limits of one test do not touch another. */
    static String freshIp() {
        return "10.1." + (ADDRESSES.get() / 250) + "." + (ADDRESSES.incrementAndGet() % 250 + 1);
    }

    void addUser(String name, Role role, boolean mustChange) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            // made with the default parameters, as the user command makes them: the test profile's differ
            assertThat(UserStore.add(c, name, role, Argon2id.DEFAULT.hash(PASSWORD), mustChange, Instant.now()))
                    .isTrue();
        }
    }

    static Response signIn(String name, String password, String ip) {
        return given().header("X-Forwarded-For", ip)
                .contentType("application/json")
                .body(Map.of("name", name, "password", password))
                .when()
                .post("/api/v1/session");
    }

    /** A signed-in person's requests: session cookie and CSRF token. */
    record Session(Cookie cookie, String csrf) {
        RequestSpecification as() {
            return given().cookie(cookie.getName(), cookie.getValue()).header(ApiAuthFilter.CSRF_HEADER, csrf);
        }

        RequestSpecification withoutCsrf() {
            return given().cookie(cookie.getName(), cookie.getValue());
        }
    }

    static Session signedIn(String name, String password) {
        Response r = signIn(name, password, freshIp());
        r.then().statusCode(200).body("status", equalTo("signedIn"));
        return new Session(r.getDetailedCookie(ApiAuthFilter.COOKIE), r.path("csrfToken"));
    }

    private String auditActor(String eventType, String subjectName) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "select actor, cast(payload as text) from audit_events where event_type = ? and subject_name = ?"
                                + " order by id desc limit 1")) {
            s.setString(1, eventType);
            s.setString(2, subjectName);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) + " " + r.getString(2) : null;
            }
        }
    }

    @Test
    void signsInWithASecureCookieActsAsThePersonAndSignsOut() throws Exception {
        addUser("ada", Role.OPERATOR, false);
        Response r = signIn("ada", PASSWORD, freshIp());
        r.then()
                .statusCode(200)
                .body("status", equalTo("signedIn"))
                .body("role", equalTo("operator"))
                .body("csrfToken", notNullValue());
        Cookie cookie = r.getDetailedCookie(ApiAuthFilter.COOKIE);
        assertThat(cookie.isHttpOnly()).isTrue();
        assertThat(cookie.getSameSite()).isEqualToIgnoringCase("Strict");
        assertThat(cookie.isSecured())
                .as("plain HTTP in the test: no Secure flag")
                .isFalse();
        assertThat(cookie.getPath()).isEqualTo("/api");
        Session ada = new Session(cookie, r.path("csrfToken"));

        ada.as().get("/api/v1/session").then().statusCode(200).body("user", equalTo("ada"));
        ada.as().get("/api/v1/audit").then().statusCode(200);
        // a write with the cookie alone is what a cross-site request could send: refused
        ada.withoutCsrf().post("/api/v1/cleanup").then().statusCode(403).body("detail", containsString("X-CSRF-Token"));
        ada.withoutCsrf()
                .header(ApiAuthFilter.CSRF_HEADER, "guess")
                .post("/api/v1/cleanup")
                .then()
                .statusCode(403);
        ada.as().post("/api/v1/cleanup").then().statusCode(200);
        assertThat(auditActor("User.SignedIn", "ada")).startsWith("ada ").contains("\"ip\": \"10.1.");
        ada.as().get("/api/v1/users").then().statusCode(403).body("detail", containsString("needs the role admin"));

        ada.as().delete("/api/v1/session").then().statusCode(204);
        ada.as().get("/api/v1/session").then().statusCode(401);
    }

    @Inject
    FirstAdmin firstAdmin;

    private static int user(String input, java.io.ByteArrayOutputStream out, String... args) {
        String url = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.datasource.jdbc.url", String.class);
        List<String> all = new ArrayList<>(List.of("user"));
        all.addAll(List.of(args));
        all.addAll(List.of("--jdbc-url", url));
        java.io.PrintStream print = new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8);
        return UserCommand.run(
                all.toArray(String[]::new),
                Map.of(),
                new java.io.ByteArrayInputStream(input.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
                print,
                print);
    }

    @Test
    void theUserCommandManagesUsers() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        assertThat(user("", out, "add", "cli-made", "--role", "operator")).isZero();
        String oneTime =
                out.toString().lines().reduce((a, b) -> b).orElseThrow().trim();
        Session first = signedIn("cli-made", oneTime);
        first.as().get("/api/v1/ideas").then().statusCode(403);
        assertThat(user("", out, "add", "cli-made", "--role", "operator")).isEqualTo(1);
        assertThat(user("", out, "add", "bad name", "--role", "operator")).isEqualTo(2);
        assertThat(user("", out, "add", "x", "--role", "boss")).isEqualTo(2);
        assertThat(user("short\n", out, "passwd", "cli-made")).isEqualTo(2);
        assertThat(user(PASSWORD + "\n", out, "passwd", "cli-made")).isZero();
        first.as().get("/api/v1/session").then().statusCode(401);
        signedIn("cli-made", PASSWORD).as().get("/api/v1/ideas").then().statusCode(200);
        assertThat(user("", out, "disable", "cli-made")).isZero();
        signIn("cli-made", PASSWORD, freshIp()).then().statusCode(401);
        assertThat(user("", out, "reset-totp", "nobody-here")).isEqualTo(1);
        out.reset();
        assertThat(user("", out, "list")).isZero();
        assertThat(out.toString()).contains("cli-made").contains("operator").doesNotContain("$argon2id");
        assertThat(auditActor("User.Disabled", "cli-made")).startsWith("cli:");
        // the standalone mode's first admin is made only into a database without users
        assertThat(firstAdmin.createIfNoUsers(new java.io.PrintStream(out))).isFalse();
    }

    @Test
    void rehashesAPasswordMadeWithOtherParameters() throws Exception {
        addUser("rehash", Role.VIEWER, false);
        signedIn("rehash", PASSWORD);
        try (Connection c = dataSource.getConnection()) {
            assertThat(UserStore.find(c, "rehash").orElseThrow().passwordHash())
                    .startsWith("$argon2id$v=19$m=64,t=1,p=1$");
        }
        signedIn("rehash", PASSWORD);
    }

    @Test
    void aSignInNeverKeepsTheSessionIdItWasGiven() throws Exception {
        addUser("fixed", Role.VIEWER, false);
        Session first = signedIn("fixed", PASSWORD);
        Response again = given().cookie(ApiAuthFilter.COOKIE, first.cookie().getValue())
                .header("X-Forwarded-For", freshIp())
                .contentType("application/json")
                .body(Map.of("name", "fixed", "password", PASSWORD))
                .post("/api/v1/session");
        again.then().statusCode(200);
        assertThat(again.getCookie(ApiAuthFilter.COOKIE))
                .isNotEqualTo(first.cookie().getValue());
        first.as().get("/api/v1/session").then().statusCode(401);
        // an id an attacker planted (unknown to the server) is no session either
        given().cookie(ApiAuthFilter.COOKIE, "planted-by-attacker")
                .get("/api/v1/ideas")
                .then()
                .statusCode(401);
    }

    @Test
    void sessionsEndWhenIdleAndAtTheirAbsoluteExpiry() throws Exception {
        addUser("idle", Role.VIEWER, false);
        Session idle = signedIn("idle", PASSWORD);
        clock.advance(Duration.ofMinutes(29));
        idle.as().get("/api/v1/session").then().statusCode(200);
        clock.advance(Duration.ofMinutes(29));
        idle.as().get("/api/v1/session").then().statusCode(200);
        clock.advance(Duration.ofMinutes(31));
        idle.as().get("/api/v1/session").then().statusCode(401);

        Session busy = signedIn("idle", PASSWORD);
        for (int i = 0; i < 24; i++) {
            clock.advance(Duration.ofMinutes(29));
            busy.as().get("/api/v1/session").then().statusCode(200);
        }
        clock.advance(Duration.ofMinutes(29));
        busy.as().get("/api/v1/session").then().statusCode(401);
    }

    @Test
    void anAdminRevokesEverySessionOfAUser() throws Exception {
        addUser("root", Role.ADMIN, false);
        addUser("bob", Role.OPERATOR, false);
        Session admin = signedIn("root", PASSWORD);
        Session bob1 = signedIn("bob", PASSWORD);
        Session bob2 = signedIn("bob", PASSWORD);
        admin.as().delete("/api/v1/users/bob/sessions").then().statusCode(200).body("sessions", equalTo(2));
        bob1.as().get("/api/v1/ideas").then().statusCode(401);
        bob2.as().get("/api/v1/ideas").then().statusCode(401);
        admin.as().get("/api/v1/users").then().statusCode(200);
        assertThat(auditActor("User.SessionsRevoked", "bob")).startsWith("root ");
    }

    @Test
    void aOneTimePasswordMustBeChangedBeforeAnythingElse() throws Exception {
        addUser("newbie", Role.OPERATOR, true);
        Session first = signedIn("newbie", PASSWORD);
        first.as().get("/api/v1/ideas").then().statusCode(403).body("detail", containsString("one-time password"));
        first.as()
                .contentType("application/json")
                .body(Map.of("currentPassword", PASSWORD, "newPassword", "short"))
                .post("/api/v1/session/password")
                .then()
                .statusCode(400)
                .body("field", equalTo("newPassword"));
        Response changed = first.as()
                .contentType("application/json")
                .body(Map.of("currentPassword", PASSWORD, "newPassword", "a brand new long password"))
                .post("/api/v1/session/password");
        changed.then().statusCode(200).body("status", equalTo("signedIn"));
        first.as().get("/api/v1/session").then().statusCode(401);
        Session renewed = new Session(changed.getDetailedCookie(ApiAuthFilter.COOKIE), changed.path("csrfToken"));
        renewed.as().get("/api/v1/ideas").then().statusCode(200);
    }

    @Test
    void totpEnrolmentSignInReplayAndRecoveryCodes() throws Exception {
        addUser("tess", Role.VIEWER, false);
        Session tess = signedIn("tess", PASSWORD);
        Response offer = tess.as().post("/api/v1/session/totp/enrolment");
        offer.then()
                .statusCode(200)
                .body("otpauthUri", containsString("otpauth://totp/AnimOps:tess?secret="))
                .body("qrSvg", containsString("<svg"));
        String secret = offer.path("secret");
        tess.as()
                .contentType("application/json")
                .body(Map.of("code", "000000"))
                .post("/api/v1/session/totp/enrolment/confirm")
                .then()
                .statusCode(400)
                .body("field", equalTo("code"));
        List<String> recovery = tess.as()
                .contentType("application/json")
                .body(Map.of("code", codeNow(secret)))
                .post("/api/v1/session/totp/enrolment/confirm")
                .then()
                .statusCode(200)
                .extract()
                .path("recoveryCodes");
        assertThat(recovery).hasSize(10).doesNotHaveDuplicates();

        clock.advance(Duration.ofSeconds(60));
        Response half = signIn("tess", PASSWORD, freshIp());
        half.then().statusCode(200).body("status", equalTo("totpRequired")).body("csrfToken", equalTo(null));
        String halfId = half.getCookie(ApiAuthFilter.COOKIE);
        given().cookie(ApiAuthFilter.COOKIE, halfId).get("/api/v1/ideas").then().statusCode(401);
        String code = codeNow(secret);
        Response full = totp(halfId, Map.of("code", code));
        full.then().statusCode(200).body("status", equalTo("signedIn"));
        assertThat(full.getCookie(ApiAuthFilter.COOKIE))
                .as("rotated after the TOTP step")
                .isNotEqualTo(halfId);
        given().cookie(ApiAuthFilter.COOKIE, full.getCookie(ApiAuthFilter.COOKIE))
                .get("/api/v1/ideas")
                .then()
                .statusCode(200);

        String halfAgain = signIn("tess", PASSWORD, freshIp()).getCookie(ApiAuthFilter.COOKIE);
        totp(halfAgain, Map.of("code", code)).then().statusCode(401);
        totp(halfAgain, Map.of("recoveryCode", recovery.get(3))).then().statusCode(200);
        String halfThird = signIn("tess", PASSWORD, freshIp()).getCookie(ApiAuthFilter.COOKIE);
        totp(halfThird, Map.of("recoveryCode", recovery.get(3))).then().statusCode(401);
        assertThat(auditActor("User.SignInFailed", "tess")).contains("wrong recovery code");
    }

    private String codeNow(String secret) {
        return Totp.code(Totp.decode(secret), Totp.step(clock.instant()), Totp.DIGITS);
    }

    private static Response totp(String halfSession, Map<String, String> body) {
        return given().cookie(ApiAuthFilter.COOKIE, halfSession)
                .header("X-Forwarded-For", freshIp())
                .contentType("application/json")
                .body(body)
                .post("/api/v1/session/totp");
    }

    @Test
    void anAdminCanRequireTotpForEveryone() throws Exception {
        addUser("boss", Role.ADMIN, false);
        addUser("lax", Role.VIEWER, false);
        Session boss = signedIn("boss", PASSWORD);
        boss.as()
                .contentType("application/json")
                .body("{\"requireTotp\": true}")
                .put("/api/v1/auth-policy")
                .then()
                .statusCode(200)
                .body("requireTotp", equalTo(true));
        try {
            Session lax = signedIn("lax", PASSWORD);
            lax.as().get("/api/v1/ideas").then().statusCode(403).body("detail", containsString("TOTP is required"));
            lax.as().post("/api/v1/session/totp/enrolment").then().statusCode(200);
            boss.as()
                    .get("/api/v1/auth-policy")
                    .then()
                    .statusCode(403)
                    .body("detail", containsString("TOTP is required"));
        } finally {
            // the admin is held to it too: the policy goes back by hand, for the other tests
            try (Connection c = dataSource.getConnection()) {
                UserStore.setRequireTotp(c, false);
            }
        }
    }

    @Test
    void tooManyAttemptsFromOneAddressAnswer429() throws Exception {
        addUser("eve-target", Role.VIEWER, false);
        String ip = freshIp();
        for (int i = 0; i < SignInTestProfile.IP_ATTEMPTS; i++) {
            signIn("nobody-" + i, "wrong password", ip)
                    .then()
                    .statusCode(401)
                    .body("detail", equalTo(AuthService.WRONG_CREDENTIALS));
        }
        Response limited = signIn("eve-target", PASSWORD, ip);
        limited.then().statusCode(429);
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isPositive();
        signIn("eve-target", PASSWORD, freshIp()).then().statusCode(200);
    }

    @Test
    void tooManyAttemptsOnOneNameFromManyAddressesAnswer429WhileOthersSignIn() throws Exception {
        addUser("carol", Role.VIEWER, false);
        addUser("dave", Role.VIEWER, false);
        for (int i = 0; i < SignInTestProfile.NAME_ATTEMPTS; i++) {
            signIn("carol", "wrong password " + i, freshIp()).then().statusCode(401);
        }
        signIn("carol", PASSWORD, freshIp()).then().statusCode(429).header("Retry-After", notNullValue());
        signIn("dave", PASSWORD, freshIp()).then().statusCode(200);
        assertThat(auditActor("User.SignInFailed", "carol"))
                .contains("wrong password")
                .contains("\"ip\": \"10.1.")
                .doesNotContain("wrong password 0");
    }

    @Test
    void noPasswordSecretOrSessionIdReachesTheLogs() throws Exception {
        List<String> lines = new ArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                String message = record.getMessage();
                Object[] params = record.getParameters();
                lines.add(message + " " + (params == null ? "" : List.of(params)) + " " + record.getThrown());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        List<String> secrets = new ArrayList<>();
        try {
            addUser("logan", Role.VIEWER, false);
            signIn("logan", "not the password at all", freshIp()).then().statusCode(401);
            Session logan = signedIn("logan", PASSWORD);
            secrets.add(logan.cookie().getValue());
            secrets.add(logan.csrf());
            String secret = logan.as().post("/api/v1/session/totp/enrolment").path("secret");
            secrets.add(secret);
            List<String> codes = logan.as()
                    .contentType("application/json")
                    .body(Map.of("code", codeNow(secret)))
                    .post("/api/v1/session/totp/enrolment/confirm")
                    .path("recoveryCodes");
            secrets.addAll(codes);
            clock.advance(Duration.ofSeconds(60));
            Response half = signIn("logan", PASSWORD, freshIp());
            secrets.add(half.getCookie(ApiAuthFilter.COOKIE));
            totp(half.getCookie(ApiAuthFilter.COOKIE), Map.of("code", "999999"))
                    .then()
                    .statusCode(401);
            Response full = totp(half.getCookie(ApiAuthFilter.COOKIE), Map.of("code", codeNow(secret)));
            secrets.add(full.getCookie(ApiAuthFilter.COOKIE));
        } finally {
            root.removeHandler(capture);
        }
        assertThat(lines).as("the run logged something to search").isNotEmpty();
        String all = String.join("\n", lines);
        assertThat(all).contains("logan").doesNotContain(PASSWORD).doesNotContain("not the password at all");
        for (String secret : secrets) {
            assertThat(all).doesNotContain(secret);
        }
    }
}
