package io.animops.operator.publish;

import io.animops.crds.v1alpha1.Platform;

import java.net.URI;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The URL of a post, checked per platform, and the video id it names. */
public final class PostUrls {
    private static final Pattern YOUTUBE_ID = Pattern.compile("[A-Za-z0-9_-]{11}");
    private static final Pattern YOUTUBE_PATH = Pattern.compile("/(?:shorts|embed|live)/([A-Za-z0-9_-]{11})/?");
    private static final Pattern YOUTUBE_WATCH = Pattern.compile("(?:^|&)v=([A-Za-z0-9_-]{11})(?:&|$)");
    private static final Pattern TIKTOK_PATH = Pattern.compile("/@[A-Za-z0-9._]{1,64}/video/([0-9]{5,25})/?");

    /** Thrown for a URL that is not a post of the platform; the message says which form is expected. */
    public static class InvalidPostUrlException extends IllegalArgumentException {
        InvalidPostUrlException(String message) {
            super(message);
        }
    }

    private PostUrls() {}

    /** The video id in a post URL, or an exception naming the form the platform's URLs have. */
    public static String videoId(Platform platform, String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new InvalidPostUrlException("not a URL: " + e.getMessage());
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new InvalidPostUrlException("must be an https URL of " + platform + ", got " + url);
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        String path = uri.getPath() == null ? "" : uri.getPath();
        if (platform == Platform.YouTube) {
            if (host.equals("youtu.be")) {
                String id = path.replaceFirst("^/", "").replaceFirst("/$", "");
                if (YOUTUBE_ID.matcher(id).matches()) {
                    return id;
                }
            } else if (host.equals("youtube.com") || host.endsWith(".youtube.com")) {
                Matcher m = YOUTUBE_PATH.matcher(path);
                if (m.matches()) {
                    return m.group(1);
                }
                if (path.equals("/watch") && uri.getRawQuery() != null) {
                    Matcher v = YOUTUBE_WATCH.matcher(uri.getRawQuery());
                    if (v.find()) {
                        return v.group(1);
                    }
                }
            }
            throw new InvalidPostUrlException(
                    "not a YouTube video URL: expected https://www.youtube.com/shorts/<11-character id>,"
                            + " https://www.youtube.com/watch?v=<id> or https://youtu.be/<id>, got " + url);
        }
        if (host.equals("tiktok.com") || host.equals("www.tiktok.com") || host.equals("m.tiktok.com")) {
            Matcher m = TIKTOK_PATH.matcher(path);
            if (m.matches()) {
                return m.group(1);
            }
        }
        throw new InvalidPostUrlException(
                "not a TikTok video URL: expected https://www.tiktok.com/@<user>/video/<numeric id>"
                        + " (open a short link in a browser to get it), got " + url);
    }
}
