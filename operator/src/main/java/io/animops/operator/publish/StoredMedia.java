package io.animops.operator.publish;

import io.animops.crds.Reasons;
import io.animops.crds.v1alpha1.Artifact;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.operator.storage.ArtifactLinks;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A final render's files read from the artifact store through its signed download links (local store or S3);
 * reading from an offset asks for an HTTP Range, so a resumed upload does not read the video from its start.
 */
public class StoredMedia implements MediaSource {
    private static final Duration LINK_TTL = Duration.ofMinutes(30);
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20)).build();

    private final ArtifactLinks links;
    private final Artifact video;
    private final Artifact thumbnail;
    private final Double durationSeconds;

    public StoredMedia(ArtifactLinks links, RenderJob job) {
        this.links = links;
        var status = job.getStatus();
        this.video = status == null || status.getArtifacts() == null
                ? null
                : status.getArtifacts().getVideo();
        this.thumbnail = status == null || status.getArtifacts() == null
                ? null
                : status.getArtifacts().getThumbnail();
        this.durationSeconds = status == null || status.getMedia() == null
                ? null
                : status.getMedia().getDurationSeconds();
        if (video == null || video.getKey() == null || video.getBytes() == null) {
            throw new PlatformException(
                    PlatformException.Kind.FAILED,
                    0,
                    Reasons.NO_VIDEO,
                    "RenderJob " + job.getMetadata().getName()
                            + " has no stored video (status.artifacts.video with key and bytes)");
        }
    }

    @Override
    public long size() {
        return video.getBytes();
    }

    @Override
    public String contentType() {
        return video.getContentType() == null ? "video/mp4" : video.getContentType();
    }

    @Override
    public InputStream open(long offset) throws IOException {
        return get(video.getKey(), offset);
    }

    @Override
    public byte[] thumbnail() throws IOException {
        if (thumbnail == null || thumbnail.getKey() == null) {
            return null;
        }
        try (InputStream in = get(thumbnail.getKey(), 0)) {
            return in.readAllBytes();
        }
    }

    @Override
    public Double durationSeconds() {
        return durationSeconds;
    }

    private InputStream get(String key, long offset) throws IOException {
        URI link = links.download(key, LINK_TTL);
        HttpRequest.Builder request = HttpRequest.newBuilder(link).GET();
        if (offset > 0) {
            request.header("Range", "bytes=" + offset + "-");
        }
        try {
            HttpResponse<InputStream> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
            int expected = offset > 0 ? 206 : 200;
            if (response.statusCode() != expected) {
                response.body().close();
                throw new IOException("artifact " + key + " answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
