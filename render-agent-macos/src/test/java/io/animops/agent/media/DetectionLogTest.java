package io.animops.agent.media;

import io.animops.crds.v1alpha1.MediaSegment;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class DetectionLogTest {
    @Test
    void readsBlackdetectAndFreezedetectLines() {
        DetectionLog.Segments segments = DetectionLog.parse(
                List.of(
                        "Input #0, mov,mp4,m4a,3gp,3g2,mj2, from 'video.mp4':",
                        "[freezedetect @ 0x560570606e40] lavfi.freezedetect.freeze_start: 0",
                        "[blackdetect @ 0x560570605f00] black_start:0 black_end:1 black_duration:1",
                        "[freezedetect @ 0x560570606e40] lavfi.freezedetect.freeze_duration: 1",
                        "[freezedetect @ 0x560570606e40] lavfi.freezedetect.freeze_end: 1",
                        "[blackdetect @ 0x560570605f00] black_start:4.5 black_end:5.46667 black_duration:0.966667"),
                6.0);
        assertThat(segments.black())
                .extracting(MediaSegment::getStart, MediaSegment::getEnd, MediaSegment::getDuration)
                .containsExactly(tuple(0.0, 1.0, 1.0), tuple(4.5, 5.46667, 0.966667));
        assertThat(segments.frozen())
                .extracting(MediaSegment::getStart, MediaSegment::getEnd, MediaSegment::getDuration)
                .containsExactly(tuple(0.0, 1.0, 1.0));
    }

    @Test
    void aFreezeStillOpenAtTheEndEndsAtTheDuration() {
        DetectionLog.Segments segments = DetectionLog.parse(
                List.of(
                        "[freezedetect @ 0x5654410b5340] lavfi.freezedetect.freeze_start: 2.5",
                        "[freezedetect @ 0x5654410b5340] lavfi.freezedetect.freeze_duration: 1",
                        "[freezedetect @ 0x5654410b5340] lavfi.freezedetect.freeze_end: 3.5",
                        "[freezedetect @ 0x5654410b5340] lavfi.freezedetect.freeze_start: 8.2"),
                10.0);
        assertThat(segments.frozen())
                .extracting(MediaSegment::getStart, MediaSegment::getEnd, MediaSegment::getDuration)
                .containsExactly(tuple(2.5, 3.5, 1.0), tuple(8.2, 10.0, 1.8));
        assertThat(segments.black()).isEmpty();
    }

    @Test
    void nothingDetectedIsNoSegments() {
        DetectionLog.Segments segments = DetectionLog.parse(List.of("frame=  60 fps=0.0 q=-0.0 Lsize=N/A"), 2.0);
        assertThat(segments.black()).isEmpty();
        assertThat(segments.frozen()).isEmpty();
    }
}
