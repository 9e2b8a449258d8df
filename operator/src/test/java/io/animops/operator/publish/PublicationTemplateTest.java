package io.animops.operator.publish;

import io.animops.crds.v1alpha1.PublishSettings;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class PublicationTemplateTest {
    private static PublishSettings window(String start, String end) {
        PublishSettings settings = new PublishSettings();
        settings.setMadeForKids(false);
        settings.setWindowStart(start);
        settings.setWindowEnd(end);
        return settings;
    }

    @Test
    void aVideoReadyOutsideTheWindowWaitsForItsNextOpeningInTheSchedulesTimeZone() {
        // 06:00 in Paris (05:00 UTC) is before the 17:00-21:00 window
        assertThat(PublicationTemplate.windowStart(
                        window("17:00", "21:00"), "Europe/Paris", Instant.parse("2026-12-01T05:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-01T16:00:00Z"));
        // 22:00 in Paris: tomorrow's opening
        assertThat(PublicationTemplate.windowStart(
                        window("17:00", "21:00"), "Europe/Paris", Instant.parse("2026-12-01T21:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-02T16:00:00Z"));
        // inside: at once
        assertThat(PublicationTemplate.windowStart(
                        window("17:00", "21:00"), "Europe/Paris", Instant.parse("2026-12-01T17:00:00Z")))
                .isNull();
        // a window past midnight
        assertThat(PublicationTemplate.windowStart(
                        window("22:00", "02:00"), "UTC", Instant.parse("2026-12-01T01:00:00Z")))
                .isNull();
        assertThat(PublicationTemplate.windowStart(
                        window("22:00", "02:00"), "UTC", Instant.parse("2026-12-01T03:00:00Z")))
                .isEqualTo(Instant.parse("2026-12-01T22:00:00Z"));
    }
}
