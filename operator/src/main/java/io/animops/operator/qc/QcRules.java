package io.animops.operator.qc;

import io.animops.crds.v1alpha1.MediaFacts;
import io.animops.crds.v1alpha1.MediaSegment;
import io.animops.crds.v1alpha1.RenderJobSpec;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The automatic rules: pure functions of a checklist item, the render job's spec (what was asked) and the
 * agent's media facts (what came out). Limits are inclusive ("at most"), except {@code sizeUnder}, which is
 * strict; comparisons allow 1e-9 for the binary representation of decimals, so 0.5 s against a 0.5 s limit
 * passes and 0.51 s fails.
 */
public final class QcRules {
    static final double EPSILON = 1e-9;

    private QcRules() {}

    public static QcItemResult evaluate(QcItem item, RenderJobSpec spec, MediaFacts media) {
        if (!item.rule().automatic()) {
            throw new IllegalArgumentException("item " + item.id() + " is manual: a person decides it");
        }
        if (media == null) {
            return QcItemResult.automatic(
                    item,
                    QcOutcome.Failed,
                    expected(item, spec),
                    null,
                    "the render job has no status.media: the agent reported no ffprobe facts");
        }
        return switch (item.rule()) {
            case durationWithin -> duration(item, spec, media);
            case resolution -> resolution(item, spec, media);
            case fps -> fps(item, spec, media);
            case noBlackSegmentOver -> segments(item, media.getBlackSegments(), "black");
            case noFrozenSegmentOver -> segments(item, media.getFrozenSegments(), "frozen");
            case sizeUnder -> size(item, media);
            case manual -> throw new IllegalStateException("unreachable");
        };
    }

    private static QcItemResult duration(QcItem item, RenderJobSpec spec, MediaFacts media) {
        if (spec.getDurationSeconds() == null) {
            return missing(item, spec, "spec.durationSeconds");
        }
        if (media.getDurationSeconds() == null) {
            return missing(item, spec, "status.media.durationSeconds");
        }
        double off = Math.abs(media.getDurationSeconds() - spec.getDurationSeconds());
        boolean ok = off <= item.limit() + EPSILON;
        return QcItemResult.automatic(
                item,
                ok ? QcOutcome.Passed : QcOutcome.Failed,
                expected(item, spec),
                number(media.getDurationSeconds()) + " s",
                "off by " + number(round(off)) + " s, " + (ok ? "within" : "more than") + " the allowed "
                        + number(item.limit()) + " s");
    }

    private static QcItemResult resolution(QcItem item, RenderJobSpec spec, MediaFacts media) {
        if (spec.getWidth() == null || spec.getHeight() == null) {
            return missing(item, spec, "spec.width and spec.height");
        }
        if (media.getWidth() == null || media.getHeight() == null) {
            return missing(item, spec, "status.media.width and status.media.height");
        }
        boolean ok =
                media.getWidth().equals(spec.getWidth()) && media.getHeight().equals(spec.getHeight());
        String observed = media.getWidth() + "x" + media.getHeight();
        return QcItemResult.automatic(
                item,
                ok ? QcOutcome.Passed : QcOutcome.Failed,
                expected(item, spec),
                observed,
                ok ? "frame size as requested" : "frame is " + observed + ", requested " + expected(item, spec));
    }

    private static QcItemResult fps(QcItem item, RenderJobSpec spec, MediaFacts media) {
        if (spec.getFps() == null) {
            return missing(item, spec, "spec.fps");
        }
        if (media.getFps() == null) {
            return missing(item, spec, "status.media.fps");
        }
        double off = Math.abs(media.getFps() - spec.getFps());
        boolean ok = off <= item.limit() + EPSILON;
        return QcItemResult.automatic(
                item,
                ok ? QcOutcome.Passed : QcOutcome.Failed,
                expected(item, spec),
                number(media.getFps()) + " fps",
                ok
                        ? "frame rate as requested"
                        : "off by " + number(round(off)) + " fps, more than the allowed " + number(item.limit()));
    }

    private static QcItemResult segments(QcItem item, List<MediaSegment> segments, String what) {
        List<MediaSegment> all = segments == null ? List.of() : segments;
        List<MediaSegment> over =
                all.stream().filter(s -> length(s) > item.limit() + EPSILON).toList();
        Optional<MediaSegment> longest = all.stream().max(Comparator.comparingDouble(QcRules::length));
        String observed = longest.map(
                        s -> "longest " + number(round(length(s))) + " s at " + number(orZero(s.getStart())) + " s")
                .orElse("no " + what + " segment");
        if (over.isEmpty()) {
            return QcItemResult.automatic(
                    item,
                    QcOutcome.Passed,
                    expected(item, null),
                    observed,
                    all.size() + " " + what + " segment(s), none over " + number(item.limit()) + " s");
        }
        StringBuilder message = new StringBuilder()
                .append(over.size())
                .append(" ")
                .append(what)
                .append(" segment(s) over ")
                .append(number(item.limit()))
                .append(" s:");
        over.stream()
                .limit(5)
                .forEach(s -> message.append(' ')
                        .append(number(orZero(s.getStart())))
                        .append("-")
                        .append(number(orZero(s.getStart()) + length(s)))
                        .append(" s (")
                        .append(number(round(length(s))))
                        .append(" s)"));
        return QcItemResult.automatic(item, QcOutcome.Failed, expected(item, null), observed, message.toString());
    }

    private static QcItemResult size(QcItem item, MediaFacts media) {
        if (media.getBytes() == null) {
            return missing(item, null, "status.media.bytes");
        }
        long limit = item.limit().longValue();
        boolean ok = media.getBytes() < limit;
        return QcItemResult.automatic(
                item,
                ok ? QcOutcome.Passed : QcOutcome.Failed,
                expected(item, null),
                media.getBytes() + " bytes",
                ok ? "under the limit" : "at or over the limit of " + limit + " bytes");
    }

    private static QcItemResult missing(QcItem item, RenderJobSpec spec, String field) {
        return QcItemResult.automatic(
                item, QcOutcome.Failed, expected(item, spec), null, field + " is not set: nothing to check");
    }

    /** What the rule wants, in words, for the panel and the idea's condition message. */
    static String expected(QcItem item, RenderJobSpec spec) {
        return switch (item.rule()) {
            case durationWithin ->
                (spec == null || spec.getDurationSeconds() == null ? "?" : spec.getDurationSeconds()) + " s +- "
                        + number(item.limit()) + " s";
            case resolution -> spec == null || spec.getWidth() == null ? "?" : spec.getWidth() + "x" + spec.getHeight();
            case fps ->
                (spec == null || spec.getFps() == null ? "?" : spec.getFps()) + " +- " + number(item.limit()) + " fps";
            case noBlackSegmentOver, noFrozenSegmentOver -> "no segment over " + number(item.limit()) + " s";
            case sizeUnder -> "under " + item.limit().longValue() + " bytes";
            case manual -> "a person's judgement";
        };
    }

    /** A segment's length: its duration, else end - start. */
    static double length(MediaSegment segment) {
        if (segment.getDuration() != null) {
            return segment.getDuration();
        }
        if (segment.getStart() != null && segment.getEnd() != null) {
            return segment.getEnd() - segment.getStart();
        }
        return 0;
    }

    private static double orZero(Double value) {
        return value == null ? 0 : value;
    }

    /** Rounds away the noise of subtraction (20.48 - 20 = 0.4800000000000004). */
    private static double round(double value) {
        return Math.round(value * 1e6) / 1e6;
    }

    static String number(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
