package io.animops.operator.api;

import jakarta.inject.Inject;
import io.animops.operator.config.AnimOpsConfig;
import io.animops.operator.common.ApiProblem;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import java.util.Set;

/**
 * Guards everything under /api/ with the operator token ({@code animops.api.token}, env ANIMOPS_API_TOKEN):
 * {@code Authorization: Bearer <token>}. Without a configured token the API refuses every request rather than
 * being open. Served without it: {@link #PUBLIC_PATHS} (the OpenAPI document, which holds
 * no data) and the local artifact store's links, which carry their own signature.
 */
@Provider
@PreMatching
public class BearerTokenFilter implements ContainerRequestFilter {
    private static final String PREFIX = "Bearer ";
    public static final Set<String> PUBLIC_PATHS = Set.of(OpenApiResource.PATH);

    @Inject
    AnimOpsConfig config;

    @Override
    public void filter(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if ((!path.startsWith("/api/") && !path.equals("/api")) || PUBLIC_PATHS.contains(path)) {
            return;
        }
        // the local store's upload and download links carry their own signature instead of the token
        if (SignedLinkResource.signedLink(request.getMethod(), path)) {
            return;
        }
        String reason = rejection(request.getHeaderString("Authorization"));
        if (reason != null) {
            request.abortWith(ApiProblemMapper.toResponse(ApiProblem.unauthorized(reason), path));
        }
    }

    String rejection(String authorization) {
        return rejection(config.api().token(), authorization);
    }

    /** Why the header is refused, or null when it carries the right token. */
    static String rejection(Optional<String> token, String authorization) {
        if (token.isEmpty() || token.get().isBlank()) {
            return "the API token is not configured on the server (animops.api.token / ANIMOPS_API_TOKEN)";
        }
        if (authorization == null || authorization.isBlank()) {
            return "missing Authorization header: send Authorization: Bearer <token>";
        }
        if (!authorization.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
            return "the Authorization header is not a Bearer token";
        }
        byte[] given = authorization.substring(PREFIX.length()).trim().getBytes(StandardCharsets.UTF_8);
        // constant time, so response times do not reveal how much of the token matched
        if (!MessageDigest.isEqual(given, token.get().getBytes(StandardCharsets.UTF_8))) {
            return "invalid bearer token";
        }
        return null;
    }
}
