package io.animops.operator.publish;

import java.io.IOException;
import java.io.InputStream;

/** The final render's video (read from any offset, so an upload resumes) and its thumbnail. */
public interface MediaSource {
    long size();

    String contentType();

    /** The video from {@code offset} to its end. */
    InputStream open(long offset) throws IOException;

    /** The thumbnail JPEG, or null when the render has none. */
    byte[] thumbnail() throws IOException;

    /** Duration in seconds as the agent measured it, or null when unknown. */
    Double durationSeconds();
}
