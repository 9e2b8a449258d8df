package io.animops.operator.api;

import io.animops.operator.auth.*;
import io.animops.operator.common.ApiProblem;
import io.animops.operator.config.AnimOpsConfig;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Authenticates and authorizes every request under /api/ before its route is matched or its body read: the
 * operator token ({@code Authorization: Bearer}, for scripts and agents, with the role of
 * {@code animops.auth.token-role}) or a session cookie (people). What a route needs comes from
 * {@link AccessPolicy}; a session's state-changing request must also carry its CSRF token in
 * {@value #CSRF_HEADER}. Without a token configured, the token is refused; sessions work regardless.
 */
public class ApiAuthFilter {
    public static final String COOKIE = "animops_session";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String BEARER = "Bearer ";

    @Inject
    AnimOpsConfig animops;

    @Inject
    AuthConfig config;

    @Inject
    AuthService auth;

    @ServerRequestFilter(preMatching = true, priority = Priorities.AUTHENTICATION)
    public Uni<Response> filter(ContainerRequestContext request, RoutingContext routing) {
        String path = request.getUriInfo().getPath();
        AccessPolicy.Access access = AccessPolicy.required(request.getMethod(), path);
        if (access == null || access == AccessPolicy.Access.PUBLIC) {
            return Uni.createFrom().nullItem();
        }
        String authorization = request.getHeaderString("Authorization");
        if (authorization != null) {
            String reason = rejection(authorization);
            if (reason != null) {
                return refuse(ApiProblem.unauthorized(reason), path);
            }
            return decide(Caller.token(config.tokenName(), config.tokenRole()), access, request, routing, path);
        }
        Cookie cookie = routing.request().getCookie(COOKIE);
        if (cookie == null) {
            return refuse(
                    ApiProblem.unauthorized("not signed in: sign in with POST " + AccessPolicy.SESSION
                            + ", or send Authorization: Bearer <operator token>"),
                    path);
        }
        // the session store is PostgreSQL over JDBC: off the event loop
        return Uni.createFrom()
                .item(() -> auth.authenticate(cookie.getValue()))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(caller -> caller.isEmpty()
                        ? refuse(
                                ApiProblem.unauthorized("the session has ended or does not exist: sign in again"), path)
                        : decide(caller.get(), access, request, routing, path));
    }

    private Uni<Response> decide(
            Caller caller,
            AccessPolicy.Access access,
            ContainerRequestContext request,
            RoutingContext routing,
            String path) {
        if (!caller.isToken()
                && AccessPolicy.changesState(request.getMethod())
                && !constantTimeEquals(request.getHeaderString(CSRF_HEADER), caller.csrfToken())) {
            return refuse(
                    ApiProblem.forbidden("missing or wrong " + CSRF_HEADER + " header: send the csrfToken of" + " GET "
                            + AccessPolicy.SESSION + " with every request that changes something"),
                    path);
        }
        if (caller.restriction() != null && access != AccessPolicy.Access.SIGNED_IN) {
            return refuse(ApiProblem.forbidden(caller.restriction()), path);
        }
        if (access.role() != null && !caller.role().includes(access.role())) {
            return refuse(
                    ApiProblem.forbidden(request.getMethod() + " " + path + " needs the role "
                            + access.role().id() + "; " + caller.actor() + " has "
                            + caller.role().id()),
                    path);
        }
        CallerContext.set(routing, caller);
        return Uni.createFrom().nullItem();
    }

    /** Why an Authorization header (null when absent) is refused, or null when it carries the operator token. */
    String rejection(String authorization) {
        return rejection(animops.api().token(), authorization);
    }

    static String rejection(Optional<String> token, String authorization) {
        if (token.isEmpty() || token.get().isBlank()) {
            return "the API token is not configured on the server (animops.api.token / ANIMOPS_API_TOKEN)";
        }
        if (authorization == null) {
            return "missing Authorization header: send Authorization: Bearer <token>";
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return "the Authorization header is not a Bearer token";
        }
        // constant time, so response times do not reveal how much of the token matched
        if (!constantTimeEquals(authorization.substring(BEARER.length()).trim(), token.get())) {
            return "invalid bearer token";
        }
        return null;
    }

    private static boolean constantTimeEquals(String given, String expected) {
        return given != null
                && expected != null
                && MessageDigest.isEqual(
                        given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }

    private static Uni<Response> refuse(ApiProblem problem, String path) {
        return Uni.createFrom().item(ApiProblemMapper.toResponse(problem, path));
    }

    /** The client's address (behind a trusted proxy, as forwarded) and user agent. */
    public static AuthService.Client client(HttpServerRequest request) {
        String ip = request.remoteAddress() == null
                ? "unknown"
                : request.remoteAddress().hostAddress();
        return new AuthService.Client(ip, request.getHeader("User-Agent"));
    }
}
