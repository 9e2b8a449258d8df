package io.animops.operator.api;

import io.animops.operator.common.ApiProblem;
import io.animops.operator.config.AnimOpsConfig;
import io.animops.operator.storage.ArtifactKeys;
import io.animops.operator.storage.ArtifactStore;
import io.animops.operator.storage.ByteRange;
import io.animops.operator.storage.LocalArtifactStore;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HEAD;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.PathPart;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * The local store's own endpoints, reached through signed links rather than the API token (the signature is the
 * credential, see {@link UrlSigner}): agents PUT artifacts with their upload grants, browsers GET them with
 * download links. With the S3 store these answer 404: its links point at the object store itself.
 */
@Path("/api/v1")
@Blocking
public class SignedLinkResource {
    private static final Logger LOG = Logger.getLogger(SignedLinkResource.class);

    @Inject
    ArtifactStore store;

    @Inject
    AnimOpsConfig config;

    @Inject
    Clock clock;

    /** Whether a request is one of these endpoints', which the bearer token filter lets through. */
    public static boolean signedLink(String method, String path) {
        return upload(method, path)
                || (("GET".equals(method) || "HEAD".equals(method))
                        && path.startsWith(LocalArtifactStore.DOWNLOAD_PATH));
    }

    /** Whether a request is an artifact upload, whose body has its own limit (animops.storage.max-upload-bytes). */
    public static boolean upload(String method, String path) {
        return "PUT".equals(method) && path.startsWith(LocalArtifactStore.UPLOAD_PATH);
    }

    @PUT
    @Path("uploads/{key: .+}")
    @Operation(
            operationId = "uploadArtifact",
            summary = "Store an artifact through a signed upload grant (render agents)",
            description = "Authorized by the expires and signature parameters of a grant in RenderJob status.uploads; "
                    + "403 for a bad or expired signature, 415 for another Content-Type, 413 over the size cap.")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Map<String, Object> upload(
            @PathParam("key") String key,
            @QueryParam("expires") String expires,
            @QueryParam("signature") String signature,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
            InputStream body) {
        LocalArtifactStore local = localStore();
        String expected = ArtifactKeys.contentType(key);
        authorize(local, "PUT", key, expires, signature, expected);
        if (!expected.equalsIgnoreCase(mediaTypeOnly(contentType))) {
            throw new ApiProblem(
                    415,
                    "Unsupported Media Type",
                    "Content-Type",
                    "the grant for " + key + " is for Content-Type " + expected + ", the request carries "
                            + (contentType == null ? "none" : contentType));
        }
        long max = config.storage().maxUploadBytes();
        if (contentLength != null && contentLength > max) {
            throw tooLarge(contentLength + " bytes announced in Content-Length; the limit is " + max + " bytes");
        }
        try {
            LocalArtifactStore.Stored stored = local.write(key, body, max);
            LOG.infof("stored %s (%d bytes, sha256 %s)", key, stored.bytes(), stored.sha256());
            return Map.of("key", stored.key(), "bytes", stored.bytes(), "sha256", stored.sha256());
        } catch (LocalArtifactStore.TooLarge e) {
            throw tooLarge(e.getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException("could not store " + key + ": " + e.getMessage(), e);
        }
    }

    @GET
    @Path("artifacts/{key: .+}")
    @Operation(
            operationId = "downloadArtifact",
            summary = "Read an artifact through a signed link from a render answer; HTTP Range supported (206, 416)")
    public Response download(
            @PathParam("key") String key,
            @QueryParam("expires") String expires,
            @QueryParam("signature") String signature,
            @HeaderParam("Range") String range) {
        LocalArtifactStore local = localStore();
        authorize(local, "GET", key, expires, signature, null);
        java.nio.file.Path file = stored(local, key);
        long size = size(file, key);
        Optional<ByteRange> part;
        try {
            part = ByteRange.parse(range, size);
        } catch (ByteRange.Unsatisfiable e) {
            Response problem = new ApiProblemMapper()
                    .toResponse(new ApiProblem(416, "Range Not Satisfiable", "Range", e.getMessage()));
            return Response.fromResponse(problem)
                    .header("Content-Range", "bytes */" + size)
                    .header("Accept-Ranges", "bytes")
                    .build();
        }
        Response.ResponseBuilder response = part.map(r -> Response.status(206)
                        .header("Content-Range", r.contentRange(size))
                        .entity(new PathPart(file, r.first(), r.length())))
                .orElseGet(() -> Response.ok(file));
        return response.type(ArtifactKeys.contentType(key))
                .header("Accept-Ranges", "bytes")
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=300")
                .build();
    }

    /** The headers of a download without its body: the size in Content-Length, as GET would send it. */
    @HEAD
    @Path("artifacts/{key: .+}")
    @Operation(
            operationId = "headArtifact",
            summary = "The size and type of an artifact through a signed download link")
    public Response head(
            @PathParam("key") String key,
            @QueryParam("expires") String expires,
            @QueryParam("signature") String signature) {
        LocalArtifactStore local = localStore();
        authorize(local, "GET", key, expires, signature, null);
        return Response.ok()
                .type(ArtifactKeys.contentType(key))
                .header(HttpHeaders.CONTENT_LENGTH, size(stored(local, key), key))
                .header("Accept-Ranges", "bytes")
                .header(HttpHeaders.CACHE_CONTROL, "private, max-age=300")
                .build();
    }

    private static long size(java.nio.file.Path file, String key) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + key + ": " + e.getMessage(), e);
        }
    }

    private static java.nio.file.Path stored(LocalArtifactStore local, String key) {
        return local.find(key)
                .orElseThrow(() -> new ApiProblem(
                        404,
                        "Not Found",
                        "key",
                        "no stored object at " + key + " (never uploaded, or removed by retention)"));
    }

    private LocalArtifactStore localStore() {
        if (store instanceof LocalArtifactStore local) {
            return local;
        }
        throw new ApiProblem(
                404,
                "Not Found",
                null,
                "the operator does not serve artifacts itself: storage type is "
                        + config.storage().type() + ", whose links point at the object store");
    }

    /** Refuses, naming the reason, a link that is malformed, expired or not signed for this operation. */
    private void authorize(
            LocalArtifactStore local, String method, String key, String expires, String signature, String contentType) {
        ArtifactKeys.problem(key).ifPresent(problem -> {
            throw ApiProblem.badParameter("key", problem);
        });
        if (expires == null || signature == null) {
            throw forbidden(
                    expires == null ? "expires" : "signature",
                    "the link lacks its " + (expires == null ? "expires" : "signature")
                            + " parameter: use the URL exactly as the operator issued it");
        }
        long expiresAt;
        try {
            expiresAt = Long.parseLong(expires);
        } catch (NumberFormatException e) {
            throw forbidden("expires", "expires must be epoch seconds, got '" + expires + "'");
        }
        if (!local.signer().verify(method, key, expiresAt, contentType, signature)) {
            throw forbidden(
                    "signature",
                    "the signature does not match this " + method + " of " + key
                            + " (method, key, expiry and content type are signed)");
        }
        Instant now = Instant.now(clock);
        if (now.getEpochSecond() >= expiresAt) {
            throw forbidden(
                    "expires",
                    "the link expired at " + Instant.ofEpochSecond(expiresAt) + " (now " + now
                            + "); "
                            + ("PUT".equals(method)
                                    ? "a fresh upload grant is issued in the job's status.uploads"
                                    : "the render's answer (GET /api/v1/renders/{namespace}/{name}) carries fresh download links"));
        }
    }

    private static String mediaTypeOnly(String contentType) {
        if (contentType == null) {
            return null;
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).trim();
    }

    private static ApiProblem forbidden(String field, String detail) {
        return new ApiProblem(403, "Forbidden", field, detail);
    }

    private static ApiProblem tooLarge(String detail) {
        return new ApiProblem(413, "Payload Too Large", null, detail);
    }
}
