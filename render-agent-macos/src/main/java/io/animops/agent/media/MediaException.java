package io.animops.agent.media;

/** FFmpeg or ffprobe failed on a video: the machine's fault, not the script's. */
public class MediaException extends Exception {
    public MediaException(String message) {
        super(message);
    }

    public MediaException(String message, Throwable cause) {
        super(message, cause);
    }
}
