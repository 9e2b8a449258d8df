package io.animops.operator.publish;

import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.PublicationSpec;
import io.animops.crds.v1alpha1.PublishSettings;
import io.animops.crds.v1alpha1.PublishTarget;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;

/**
 * A publication's metadata from its idea by template (title; premise and hook as the description; the schedule's
 * tags), the audience declared by the schedule, and the start of the schedule's publish window. Each platform's
 * own limits are applied later, before its first call ({@link PlatformLimits}).
 */
public final class PublicationTemplate {
    /** The Publication CRD's limits. */
    static final int TITLE_CHARS = 100;

    static final int DESCRIPTION_CHARS = 5000;

    private PublicationTemplate() {}

    /** @param ready when the video was ready (the final render's creation): the window is counted from it */
    public static void apply(
            AnimationIdea idea,
            PublishSettings settings,
            String timeZone,
            PublishTarget target,
            PublicationSpec spec,
            Instant ready) {
        spec.setTitle(PlatformLimits.cutAtWord(idea.getSpec().getTitle(), TITLE_CHARS, PlatformLimits::chars));
        String description = idea.getSpec().getPremise()
                + (idea.getSpec().getHook() == null
                        ? ""
                        : "\n\n" + idea.getSpec().getHook());
        spec.setDescription(PlatformLimits.cutAtWord(description, DESCRIPTION_CHARS, PlatformLimits::chars));
        spec.setPrivacy(target.getPrivacy());
        spec.setMode(target.getMode());
        spec.setTikTokPostMode(target.getTikTokPostMode());
        spec.setMadeForKids(settings != null && Boolean.TRUE.equals(settings.getMadeForKids()));
        if (settings != null) {
            spec.setTags(new ArrayList<>(settings.getTags() == null ? java.util.List.of() : settings.getTags()));
            spec.setCategoryId(settings.getYouTubeCategoryId());
            Instant start = windowStart(settings, timeZone, ready);
            spec.setPublishAt(start == null ? null : start.toString());
        }
    }

    /**
     * The next opening of the window when {@code ready} falls outside it; null inside it or without a window. A
     * window whose end is before its start runs past midnight.
     */
    static Instant windowStart(PublishSettings settings, String timeZone, Instant ready) {
        if (settings.getWindowStart() == null
                || settings.getWindowEnd() == null
                || ready == null
                || ready.equals(Instant.EPOCH)) {
            return null;
        }
        ZoneId zone = ZoneId.of(timeZone == null ? "UTC" : timeZone);
        LocalTime start = LocalTime.parse(settings.getWindowStart());
        LocalTime end = LocalTime.parse(settings.getWindowEnd());
        ZonedDateTime at = ready.atZone(zone);
        LocalTime t = at.toLocalTime();
        boolean inside =
                start.isBefore(end) ? !t.isBefore(start) && t.isBefore(end) : !t.isBefore(start) || t.isBefore(end);
        if (inside || start.equals(end)) {
            return null;
        }
        ZonedDateTime next = at.with(start).withSecond(0).withNano(0);
        if (!next.isAfter(at)) {
            next = next.plusDays(1);
        }
        return next.toInstant();
    }
}
