package io.animops.agent.media;

import io.animops.agent.job.Cancellation;
import io.animops.agent.process.ExecutionBudget;
import io.animops.agent.process.ProcessOutcome;
import io.animops.agent.process.ProcessRunner;
import io.animops.agent.process.ProcessStoppedException;
import io.animops.crds.v1alpha1.MediaFacts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

/** Against the machine's real FFmpeg and ffprobe. */
class FfmpegTest {
    private static final ProcessRunner RUNNER = new ProcessRunner(1024 * 1024, Duration.ofSeconds(2));
    private static final Ffmpeg FFMPEG = new Ffmpeg(RUNNER, Path.of("ffmpeg"), Path.of("ffprobe"), 20);

    @TempDir
    static Path dir;
    /** One second of black, then one of a moving test pattern: an MJPEG AVI like Godot's Movie Maker writes. */
    private static Path movie;

    @BeforeAll
    static void makeMovie() throws Exception {
        movie = dir.resolve("out.avi");
        ProcessOutcome made = RUNNER.run(
                List.of(
                        "ffmpeg",
                        "-nostdin",
                        "-v",
                        "error",
                        "-f",
                        "lavfi",
                        "-i",
                        "color=c=black:size=90x160:rate=30",
                        "-f",
                        "lavfi",
                        "-i",
                        "testsrc2=size=90x160:rate=30",
                        "-filter_complex",
                        "[0:v]trim=duration=1[a];[1:v]trim=duration=1,setpts=PTS-STARTPTS[b];[a][b]concat=n=2:v=1[v]",
                        "-map",
                        "[v]",
                        "-frames:v",
                        "60",
                        "-c:v",
                        "mjpeg",
                        "-q:v",
                        "5",
                        movie.toString()),
                dir,
                java.util.Map.of(),
                Duration.ofSeconds(30),
                new Cancellation(),
                (s, l) -> {});
        assertThat(made.exitCode()).as(made.diagnosticTail()).isZero();
    }

    private static ExecutionBudget budget() {
        return ExecutionBudget.startingNow(Duration.ofSeconds(30), new Cancellation());
    }

    @Test
    void encodesProbesThumbnailsAndDetects() throws Exception {
        Path video = dir.resolve("video.mp4");
        FFMPEG.encode(movie, video, budget());
        MediaFacts facts = FFMPEG.probe(video, budget());
        assertThat(facts.getWidth()).isEqualTo(90);
        assertThat(facts.getHeight()).isEqualTo(160);
        assertThat(facts.getFps()).isEqualTo(30.0);
        assertThat(facts.getDurationSeconds()).isCloseTo(2.0, offset(0.1));
        assertThat(facts.getVideoCodec()).isEqualTo("h264");
        assertThat(facts.getPixelFormat()).isEqualTo("yuv420p");
        assertThat(facts.getBytes()).isEqualTo(Files.size(video));
        assertThat(facts.getBitRate()).isPositive();
        assertThat(moovBeforeMdat(video)).as("faststart puts the index first").isTrue();

        Path thumbnail = dir.resolve("thumbnail.jpg");
        FFMPEG.thumbnail(video, thumbnail, 1.5, budget());
        byte[] jpeg = Files.readAllBytes(thumbnail);
        assertThat(jpeg).startsWith((byte) 0xFF, (byte) 0xD8);

        DetectionLog.Segments segments = FFMPEG.detect(video, facts.getDurationSeconds(), budget());
        assertThat(segments.black()).hasSize(1);
        assertThat(segments.black().get(0).getStart()).isZero();
        assertThat(segments.black().get(0).getEnd()).isCloseTo(1.0, offset(0.1));
        assertThat(segments.frozen()).hasSize(1);
        assertThat(segments.frozen().get(0).getEnd()).isCloseTo(1.0, offset(0.1));
    }

    @Test
    void readsTheVersionLine() throws Exception {
        assertThat(FFMPEG.version(dir, budget())).startsWith("ffmpeg version ");
    }

    @Test
    void aBrokenInputIsAMediaExceptionNamingTheStep() throws IOException {
        Path notAMovie = Files.writeString(dir.resolve("broken.avi"), "not a movie");
        assertThatThrownBy(() -> FFMPEG.encode(notAMovie, dir.resolve("broken.mp4"), budget()))
                .isInstanceOf(MediaException.class)
                .hasMessageStartingWith("encoding: ffmpeg exited with ")
                .hasMessageContaining("broken.avi");
        assertThatThrownBy(() -> FFMPEG.probe(notAMovie, budget()))
                .isInstanceOf(MediaException.class)
                .hasMessageStartingWith("ffprobe: ffprobe exited with ");
    }

    @Test
    void aMissingExecutableNamesTheSetting() {
        Ffmpeg missing = new Ffmpeg(RUNNER, dir.resolve("no-ffmpeg"), dir.resolve("no-ffprobe"), 20);
        assertThatThrownBy(() -> missing.encode(movie, dir.resolve("x.mp4"), budget()))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining("(agent setting ffmpeg)");
        assertThatThrownBy(() -> missing.probe(movie, budget()))
                .isInstanceOf(MediaException.class)
                .hasMessageContaining("(agent setting ffprobe)");
    }

    @Test
    void anExhaustedBudgetStopsTheStep() {
        ExecutionBudget spent = ExecutionBudget.startingNow(Duration.ZERO, new Cancellation());
        assertThatThrownBy(() -> FFMPEG.encode(movie, dir.resolve("late.mp4"), spent))
                .isInstanceOfSatisfying(
                        ProcessStoppedException.class,
                        e -> assertThat(e.ending()).isEqualTo(ProcessOutcome.Ending.TIMED_OUT))
                .hasMessage("encoding ran past the job's timeout");
    }

    private static boolean moovBeforeMdat(Path mp4) throws IOException {
        String head = new String(Files.readAllBytes(mp4), java.nio.charset.StandardCharsets.ISO_8859_1);
        return head.indexOf("moov") >= 0 && head.indexOf("moov") < head.indexOf("mdat");
    }
}
