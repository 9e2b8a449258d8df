package io.animops.operator.publish;

import io.animops.crds.v1alpha1.PublicationSpec;
import io.animops.crds.v1alpha1.PublishedMetadata;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToIntFunction;

/**
 * Each platform's limits on metadata, applied before any call: what is too long is cut at a word boundary and
 * the cut recorded, characters a platform refuses are removed and recorded.
 */
public final class PlatformLimits {
    public static final int YOUTUBE_TITLE_CHARS = 100;
    public static final int YOUTUBE_DESCRIPTION_BYTES = 5000;
    /** All tags together, a tag with a space counting its quotes. */
    public static final int YOUTUBE_TAGS_CHARS = 500;

    public static final int TIKTOK_CAPTION_CHARS = 2200;

    private static final ToIntFunction<String> CHARS = s -> s.codePointCount(0, s.length());
    private static final ToIntFunction<String> UTF8_BYTES = s -> s.getBytes(StandardCharsets.UTF_8).length;

    private PlatformLimits() {}

    public static PublishedMetadata youTube(PublicationSpec spec) {
        PublishedMetadata metadata = new PublishedMetadata();
        List<String> cuts = metadata.getCuts();
        metadata.setTitle(fit(
                "title",
                withoutAngleBrackets("title", spec.getTitle(), cuts),
                YOUTUBE_TITLE_CHARS,
                CHARS,
                "characters",
                cuts));
        String description = spec.getDescription() == null ? "" : spec.getDescription();
        metadata.setDescription(fit(
                "description",
                withoutAngleBrackets("description", description, cuts),
                YOUTUBE_DESCRIPTION_BYTES,
                UTF8_BYTES,
                "bytes",
                cuts));
        int total = 0;
        for (String tag : spec.getTags() == null ? List.<String>of() : spec.getTags()) {
            String clean = tag.replace("<", "").replace(">", "").trim();
            int length = CHARS.applyAsInt(clean) + (clean.contains(" ") ? 2 : 0) + (total == 0 ? 0 : 1);
            if (clean.isEmpty()) {
                continue;
            }
            if (total + length > YOUTUBE_TAGS_CHARS) {
                cuts.add(
                        "tags: '" + clean + "' and later tags left out (" + YOUTUBE_TAGS_CHARS + " characters in all)");
                break;
            }
            total += length;
            metadata.getTags().add(clean);
        }
        return metadata;
    }

    public static PublishedMetadata tikTok(PublicationSpec spec) {
        PublishedMetadata metadata = new PublishedMetadata();
        StringBuilder caption = new StringBuilder(spec.getTitle());
        if (spec.getDescription() != null && !spec.getDescription().isBlank()) {
            caption.append("\n\n").append(spec.getDescription());
        }
        List<String> hashtags = new ArrayList<>();
        for (String tag : spec.getTags() == null ? List.<String>of() : spec.getTags()) {
            String hashtag = "#" + tag.replaceAll("[\\s#]+", "");
            if (hashtag.length() > 1) {
                hashtags.add(hashtag);
            }
        }
        // hashtags go first in what is kept: they are cheap and carry discovery; the text is cut before them
        String tagLine = hashtags.isEmpty() ? "" : "\n\n" + String.join(" ", hashtags);
        int room = TIKTOK_CAPTION_CHARS - CHARS.applyAsInt(tagLine);
        String text = fit("caption", caption.toString(), Math.max(room, 0), CHARS, "characters", metadata.getCuts());
        metadata.setTitle(spec.getTitle());
        metadata.setCaption(
                fit("caption", text + tagLine, TIKTOK_CAPTION_CHARS, CHARS, "characters", metadata.getCuts()));
        metadata.getTags().addAll(hashtags);
        return metadata;
    }

    private static String withoutAngleBrackets(String field, String text, List<String> cuts) {
        if (text.indexOf('<') < 0 && text.indexOf('>') < 0) {
            return text;
        }
        cuts.add(field + ": '<' and '>' removed (YouTube refuses them)");
        return text.replace("<", "").replace(">", "");
    }

    private static String fit(
            String field, String text, int max, ToIntFunction<String> measure, String unit, List<String> cuts) {
        if (measure.applyAsInt(text) <= max) {
            return text;
        }
        String cut = cutAtWord(text, max, measure);
        cuts.add(field + ": cut from " + measure.applyAsInt(text) + " to " + measure.applyAsInt(cut) + " " + unit
                + " (at most " + max + "), at a word boundary");
        return cut;
    }

    /**
     * The longest prefix that fits and ends at a word boundary, trailing spaces and punctuation of the cut
     * dropped; a first word longer than the limit is cut inside it (at a code point boundary).
     */
    public static String cutAtWord(String text, int max, ToIntFunction<String> measure) {
        int end = 0;
        int fitting = 0;
        int lastBoundary = -1;
        while (end < text.length()) {
            int next = text.offsetByCodePoints(end, 1);
            if (measure.applyAsInt(text.substring(0, next)) > max) {
                break;
            }
            end = next;
            fitting = end;
            if (end < text.length() && Character.isWhitespace(text.codePointAt(end))) {
                lastBoundary = end;
            }
        }
        boolean wholeWord = fitting == text.length() || Character.isWhitespace(text.codePointAt(fitting));
        int cut = wholeWord ? fitting : (lastBoundary > 0 ? lastBoundary : fitting);
        return text.substring(0, cut).replaceAll("[\\s,;:\\-]+$", "");
    }

    public static int chars(String text) {
        return CHARS.applyAsInt(text);
    }
}
