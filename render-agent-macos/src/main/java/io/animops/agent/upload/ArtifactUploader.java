package io.animops.agent.upload;

import io.animops.crds.v1alpha1.Artifact;
import io.animops.crds.v1alpha1.UploadGrant;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.logging.Logger;

/**
 * Stores one artifact with an HTTP PUT of the file to the grant's presigned URL, carrying the grant's
 * Content-Type. 5xx answers and I/O errors are retried with exponential backoff; keys are stable per job, so a
 * retried PUT overwrites the same object. A 4xx is the request's fault and is not retried.
 */
public final class ArtifactUploader {
    private static final Logger LOG = Logger.getLogger(ArtifactUploader.class.getName());

    /** The upload failed for good; the message names the artifact and the last answer. */
    public static final class UploadFailedException extends Exception {
        private final int status;

        public UploadFailedException(String message, Throwable cause) {
            this(message, cause, 0);
        }

        UploadFailedException(String message, Throwable cause, int status) {
            super(message, cause);
            this.status = status;
        }

        /** The store refused the grant itself (403: expired or not matching): fresh grants may help. */
        public boolean grantRefused() {
            return status == 403;
        }
    }

    private final HttpClient http;
    private final int attempts;
    private final Duration firstBackoff;
    private final Duration maxBackoff;
    private final Duration requestTimeout;

    /**
     * @param attempts     PUTs per file (first try plus retries)
     * @param firstBackoff wait before the first retry; doubles up to {@code maxBackoff}
     */
    public ArtifactUploader(
            HttpClient http, int attempts, Duration firstBackoff, Duration maxBackoff, Duration requestTimeout) {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts: must be at least 1, got " + attempts);
        }
        this.http = http;
        this.attempts = attempts;
        this.firstBackoff = firstBackoff;
        this.maxBackoff = maxBackoff;
        this.requestTimeout = requestTimeout;
    }

    /** The agent's usual settings: 1 s, 2 s, 4 s ... up to 30 s between tries; 10 minutes per PUT. */
    public static ArtifactUploader standard(int attempts) {
        return new ArtifactUploader(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(),
                attempts,
                Duration.ofSeconds(1),
                Duration.ofSeconds(30),
                Duration.ofMinutes(10));
    }

    /**
     * PUTs {@code file} to the grant's URL and describes what was stored.
     *
     * @param what names the artifact in errors, e.g. "video"
     * @throws InterruptedException when the calling thread is interrupted (the job was cancelled)
     */
    public Artifact upload(String what, Path file, UploadGrant grant)
            throws UploadFailedException, InterruptedException {
        String contentType = grant.getContentType() == null ? "application/octet-stream" : grant.getContentType();
        Artifact artifact = describe(what, file, grant.getKey(), contentType);
        URI uri;
        try {
            uri = URI.create(grant.getUrl());
        } catch (IllegalArgumentException e) {
            throw new UploadFailedException("status.uploads." + what + ".url: not a URL: " + e.getMessage(), e);
        }
        Duration backoff = firstBackoff;
        String last = null;
        Exception lastError = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                HttpRequest request = HttpRequest.newBuilder(uri)
                        .timeout(requestTimeout)
                        .header("Content-Type", contentType)
                        .PUT(HttpRequest.BodyPublishers.ofFile(file))
                        .build();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                int code = response.statusCode();
                if (code >= 200 && code < 300) {
                    return artifact;
                }
                last = "HTTP " + code + " " + abbreviate(response.body());
                lastError = null;
                if (code < 500) {
                    throw new UploadFailedException(
                            "upload of " + what + " to " + grant.getKey() + " refused: " + last, null, code);
                }
            } catch (IOException e) {
                last = e.toString();
                lastError = e;
            }
            if (attempt < attempts) {
                LOG.warning("upload of " + what + " to " + grant.getKey() + " failed (" + last + "), try " + attempt
                        + " of " + attempts + "; retrying in " + backoff.toMillis() + " ms");
                Thread.sleep(backoff.toMillis());
                backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
            }
        }
        throw new UploadFailedException(
                "upload of " + what + " to " + grant.getKey() + " failed after " + attempts + " attempt(s): " + last,
                lastError);
    }

    /** Size and SHA-256 of the file as it will be stored. */
    static Artifact describe(String what, Path file, String key, String contentType) throws UploadFailedException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            long bytes = in.transferTo(java.io.OutputStream.nullOutputStream());
            Artifact artifact = new Artifact();
            artifact.setKey(key);
            artifact.setContentType(contentType);
            artifact.setBytes(bytes);
            artifact.setSha256(HexFormat.of()
                    .formatHex(((DigestInputStream) in).getMessageDigest().digest()));
            return artifact;
        } catch (IOException e) {
            throw new UploadFailedException("cannot read the " + what + " file " + file + ": " + e, e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }

    private static String abbreviate(String body) {
        String oneLine = body == null ? "" : body.replaceAll("\\s+", " ").trim();
        return oneLine.length() > 200 ? oneLine.substring(0, 200) + "..." : oneLine;
    }
}
