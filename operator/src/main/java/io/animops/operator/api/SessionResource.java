package io.animops.operator.api;

import io.animops.operator.auth.*;
import io.animops.operator.common.ApiProblem;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Sign-in for people: name and password, then a TOTP code when enrolled; the session lives in an {@code HttpOnly},
 * {@code SameSite=Strict} cookie ({@code Secure} over TLS) and in PostgreSQL, where sign-out ends it.
 */
@Path(AccessPolicy.SESSION)
@Tag(name = "session")
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {
    @Inject
    AuthService auth;

    @Inject
    CallerContext callers;

    @Inject
    AuthConfig authConfig;

    /**
     * The state of a session.
     *
     * @param status      {@code signedIn}, or {@code totpRequired} after the password of a user with TOTP
     * @param csrfToken   to send in X-CSRF-Token with every request that changes something
     * @param restriction why only /api/v1/session routes are open for now (a one-time password, TOTP to enrol)
     */
    public record SessionState(
            String status, String user, String role, String csrfToken, Instant expiresAt, String restriction) {}

    @POST
    @Consumes(MediaType.WILDCARD)
    @Operation(
            operationId = "signIn",
            summary = "Sign in with name and password",
            description =
                    "Body {\"name\": \"...\", \"password\": \"...\"}. Sets the session cookie. With TOTP enrolled the"
                            + " answer is status totpRequired and a half session that POST /api/v1/session/totp completes."
                            + " 401 for a wrong name or password (the same answer for both), 429 with Retry-After when the IP or"
                            + " the name made too many attempts.")
    public Response signIn(String body, @Context HttpServerRequest http) {
        Map<String, String> values = AuthBodies.read(body, List.of("name", "password"), List.of("name", "password"));
        AuthService.SignIn signIn =
                auth.signIn(values.get("name"), values.get("password"), presented(http), ApiAuthFilter.client(http));
        return answer(signIn, http);
    }

    @POST
    @Path("/totp")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            operationId = "completeSignIn",
            summary = "Complete a sign-in with a TOTP code or a recovery code",
            description =
                    "Body {\"code\": \"123456\"} or {\"recoveryCode\": \"...\"}, with the half session's cookie. A code"
                            + " is accepted within one 30-second step either way, once; a recovery code once. The session id"
                            + " changes.")
    public Response completeTotp(String body, @Context HttpServerRequest http) {
        Map<String, String> values = AuthBodies.read(body, List.of("code", "recoveryCode"), List.of());
        if (values.get("code") == null && values.get("recoveryCode") == null) {
            throw ApiProblem.badParameter("body.code", "is required (or body.recoveryCode)");
        }
        AuthService.SignIn signIn = auth.completeTotp(
                presented(http), values.get("code"), values.get("recoveryCode"), ApiAuthFilter.client(http));
        return answer(signIn, http);
    }

    @GET
    @Operation(operationId = "getSession", summary = "The signed-in user, role, CSRF token and expiry")
    public SessionState current() {
        Caller caller = callers.caller();
        if (caller.isToken()) {
            return new SessionState("token", caller.name(), caller.role().id(), null, null, null);
        }
        return new SessionState(
                "signedIn", caller.name(), caller.role().id(), caller.csrfToken(), null, caller.restriction());
    }

    @DELETE
    @Operation(operationId = "signOut", summary = "Sign out: the session ends on the server and the cookie is cleared")
    public Response signOut(@Context HttpServerRequest http) {
        Caller caller = callers.caller();
        if (caller.isToken()) {
            throw ApiProblem.conflict("the operator token has no session to end");
        }
        auth.signOut(caller, ApiAuthFilter.client(http));
        return Response.noContent().cookie(cookie("", http, 0)).build();
    }

    @POST
    @Path("/password")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            operationId = "changePassword",
            summary = "Change one's own password",
            description = "Body {\"currentPassword\": \"...\", \"newPassword\": \"...\"} (12 to 1024 characters). Every"
                    + " session of the user ends; the answer carries a new one.")
    public Response changePassword(String body, @Context HttpServerRequest http) {
        Caller caller = session();
        Map<String, String> values = AuthBodies.read(
                body, List.of("currentPassword", "newPassword"), List.of("currentPassword", "newPassword"));
        return answer(
                auth.changePassword(
                        caller, values.get("currentPassword"), values.get("newPassword"), ApiAuthFilter.client(http)),
                http);
    }

    @POST
    @Path("/totp/enrolment")
    @Consumes(MediaType.WILDCARD)
    @Operation(
            operationId = "startTotpEnrolment",
            summary = "Offer a new TOTP secret: otpauth URI and QR code (SVG)",
            description = "The secret counts once POST /api/v1/session/totp/enrolment/confirm confirms it with a code.")
    public AuthService.Enrolment startEnrolment() {
        return auth.startEnrolment(session());
    }

    /** @param recoveryCodes ten single-use codes, shown this once */
    public record Confirmed(List<String> recoveryCodes) {}

    @POST
    @Path("/totp/enrolment/confirm")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "confirmTotpEnrolment", summary = "Confirm TOTP with a code; answers ten recovery codes")
    public Confirmed confirmEnrolment(String body, @Context HttpServerRequest http) {
        Caller caller = session();
        Map<String, String> values = AuthBodies.read(body, List.of("code"), List.of("code"));
        return new Confirmed(auth.confirmEnrolment(caller, values.get("code"), ApiAuthFilter.client(http)));
    }

    private Caller session() {
        Caller caller = callers.caller();
        if (caller.isToken()) {
            throw ApiProblem.conflict("the operator token is no user: sign in as a person for this");
        }
        return caller;
    }

    private Response answer(AuthService.SignIn signIn, HttpServerRequest http) {
        SessionState state = signIn.totpRequired()
                ? new SessionState(
                        "totpRequired",
                        signIn.user().name(),
                        null,
                        null,
                        signIn.session().expiresAt(),
                        null)
                : new SessionState(
                        "signedIn",
                        signIn.user().name(),
                        signIn.user().role().id(),
                        signIn.session().csrfToken(),
                        signIn.session().expiresAt(),
                        auth.restrictionOf(signIn.user().id()).orElse(null));
        return Response.ok(state)
                .cookie(cookie(signIn.session().id(), http, -1))
                .build();
    }

    private static String presented(HttpServerRequest http) {
        Cookie cookie = http.getCookie(ApiAuthFilter.COOKIE);
        return cookie == null ? null : cookie.getValue();
    }

    /**
     * The session cookie; {@code maxAge} 0 clears it, -1 makes it last as long as the browser session. Secure over
     * TLS, and always with {@code animops.auth.session.secure-cookie} (behind a proxy that terminates TLS).
     */
    private NewCookie cookie(String value, HttpServerRequest http, int maxAge) {
        boolean secure = authConfig.session().secureCookie() || "https".equals(http.scheme());
        return new NewCookie.Builder(ApiAuthFilter.COOKIE)
                .value(value)
                .path("/api")
                .httpOnly(true)
                .secure(secure)
                .sameSite(NewCookie.SameSite.STRICT)
                .maxAge(maxAge)
                .build();
    }
}
