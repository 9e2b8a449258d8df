package io.animops.agent.media;

import io.animops.crds.v1alpha1.MediaFacts;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FfprobeReportTest {
    /** Trimmed from ffprobe 5.1 on an encoded 90x160 render. */
    private static final String PROBE = """
            {
                "streams": [
                    {"index": 0, "codec_name": "h264", "codec_type": "video", "width": 90, "height": 160,
                     "pix_fmt": "yuv420p", "r_frame_rate": "30/1", "avg_frame_rate": "30/1", "duration": "2.000000"},
                    {"index": 1, "codec_name": "aac", "codec_type": "audio"}
                ],
                "format": {"filename": "video.mp4", "nb_streams": 2, "duration": "2.000000", "size": "20806",
                           "bit_rate": "83224", "probe_score": 100}
            }
            """;

    @Test
    void readsTheVideoStreamAndFormat() throws MediaException {
        MediaFacts facts = FfprobeReport.parse(PROBE);
        assertThat(facts.getDurationSeconds()).isEqualTo(2.0);
        assertThat(facts.getWidth()).isEqualTo(90);
        assertThat(facts.getHeight()).isEqualTo(160);
        assertThat(facts.getFps()).isEqualTo(30.0);
        assertThat(facts.getBitRate()).isEqualTo(83224L);
        assertThat(facts.getBytes()).isEqualTo(20806L);
        assertThat(facts.getVideoCodec()).isEqualTo("h264");
        assertThat(facts.getPixelFormat()).isEqualTo("yuv420p");
        assertThat(facts.getBlackSegments()).isEmpty();
    }

    @Test
    void frameRatesAreFractions() {
        assertThat(FfprobeReport.rate("30000/1001")).isCloseTo(29.97, org.assertj.core.data.Offset.offset(0.001));
        assertThat(FfprobeReport.rate("0/0")).isNull();
        assertThat(FfprobeReport.rate("N/A")).isNull();
        assertThat(FfprobeReport.rate("60")).isEqualTo(60.0);
    }

    @Test
    void unavailableNumbersAreLeftOut() throws MediaException {
        MediaFacts facts = FfprobeReport.parse("""
                {"streams": [{"codec_type": "video", "codec_name": "h264", "avg_frame_rate": "0/0"}],
                 "format": {"duration": "N/A"}}
                """);
        assertThat(facts.getDurationSeconds()).isNull();
        assertThat(facts.getFps()).isNull();
        assertThat(facts.getWidth()).isNull();
    }

    @Test
    void noVideoStreamOrNoJsonIsAMediaException() {
        assertThatThrownBy(() -> FfprobeReport.parse("{\"streams\": [{\"codec_type\": \"audio\"}], \"format\": {}}"))
                .isInstanceOf(MediaException.class)
                .hasMessage("ffprobe: the file has no video stream");
        assertThatThrownBy(() -> FfprobeReport.parse("Invalid data found when processing input"))
                .isInstanceOf(MediaException.class)
                .hasMessageStartingWith("ffprobe: output is not JSON");
    }
}
