package io.animops.agent.media;

import io.animops.crds.v1alpha1.MediaSegment;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads FFmpeg's blackdetect and freezedetect log lines into segments. */
public final class DetectionLog {
    private static final Pattern BLACK = Pattern.compile(
            "black_start:\\s*([-0-9.e]+)\\s+black_end:\\s*([-0-9.e]+)\\s+black_duration:\\s*([-0-9.e]+)");
    private static final Pattern FREEZE =
            Pattern.compile("lavfi\\.freezedetect\\.freeze_(start|end|duration):\\s*([-0-9.e]+)");

    /** Black and frozen stretches, each in the order they occur. */
    public record Segments(List<MediaSegment> black, List<MediaSegment> frozen) {}

    private DetectionLog() {}

    /**
     * @param durationSeconds ends a freeze still open when the video ends (freezedetect logs no end for it)
     */
    public static Segments parse(List<String> lines, double durationSeconds) {
        List<MediaSegment> black = new ArrayList<>();
        List<MediaSegment> frozen = new ArrayList<>();
        Double freezeStart = null;
        for (String line : lines) {
            Matcher b = BLACK.matcher(line);
            if (b.find()) {
                black.add(new MediaSegment(
                        Double.valueOf(b.group(1)), Double.valueOf(b.group(2)), Double.valueOf(b.group(3))));
                continue;
            }
            Matcher f = FREEZE.matcher(line);
            if (!f.find()) {
                continue;
            }
            double value = Double.parseDouble(f.group(2));
            switch (f.group(1)) {
                case "start" -> freezeStart = value;
                case "end" -> {
                    if (freezeStart != null) {
                        frozen.add(segment(freezeStart, value));
                        freezeStart = null;
                    }
                }
                default -> {
                    // freeze_duration comes between start and end; the end's value is recomputed from them
                }
            }
        }
        if (freezeStart != null && durationSeconds > freezeStart) {
            frozen.add(segment(freezeStart, durationSeconds));
        }
        return new Segments(black, frozen);
    }

    private static MediaSegment segment(double start, double end) {
        return new MediaSegment(start, end, Math.round((end - start) * 1e6) / 1e6);
    }
}
