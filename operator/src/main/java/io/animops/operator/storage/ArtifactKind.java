package io.animops.operator.storage;

/** The files a render produces, each at a fixed name below the job's folder with a fixed content type. */
public enum ArtifactKind {
    video("video.mp4", "video/mp4"),
    thumbnail("thumbnail.jpg", "image/jpeg");

    public final String fileName;
    public final String contentType;

    ArtifactKind(String fileName, String contentType) {
        this.fileName = fileName;
        this.contentType = contentType;
    }
}
