package io.animops.agent.media;

import io.animops.agent.process.ExecutionBudget;
import io.animops.agent.process.LineListener;
import io.animops.agent.process.ProcessOutcome;
import io.animops.agent.process.ProcessRunner;
import io.animops.agent.process.ProcessStoppedException;
import io.animops.crds.v1alpha1.MediaFacts;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** FFmpeg and ffprobe: encoding Godot's AVI for the platforms, a thumbnail, and the facts QC checks. */
public final class Ffmpeg {
    /** blackdetect: stretches of at least 0.1 s whose pixels are at most 10 % bright. */
    static final String BLACK_DETECT = "blackdetect=d=0.1:pix_th=0.10";
    /** freezedetect: stretches of at least 0.5 s in which frames differ by less than -60 dB of noise. */
    static final String FREEZE_DETECT = "freezedetect=n=-60dB:d=0.5";

    private final ProcessRunner runner;
    private final Path ffmpeg;
    private final Path ffprobe;
    private final int crf;

    /** @param crf x264's constant rate factor: lower is better and bigger, 18-23 looks good on phones */
    public Ffmpeg(ProcessRunner runner, Path ffmpeg, Path ffprobe, int crf) {
        this.runner = runner;
        this.ffmpeg = ffmpeg;
        this.ffprobe = ffprobe;
        this.crf = crf;
    }

    /**
     * H.264 in yuv420p (what every phone and both platforms play) with the index at the front, so playback can
     * start before the download ends. Godot's silent audio track is dropped: scenes have no sound.
     */
    public void encode(Path movie, Path video, ExecutionBudget budget)
            throws MediaException, ProcessStoppedException, InterruptedException {
        run(
                "encoding",
                List.of(
                        ffmpeg.toString(),
                        "-nostdin",
                        "-hide_banner",
                        "-nostats",
                        "-y",
                        "-i",
                        movie.toString(),
                        "-an",
                        "-c:v",
                        "libx264",
                        "-crf",
                        Integer.toString(crf),
                        "-pix_fmt",
                        "yuv420p",
                        "-movflags",
                        "+faststart",
                        video.toString()),
                video.toAbsolutePath().getParent(),
                budget);
        requireFile("encoding", video);
    }

    /** One JPEG frame at {@code atSeconds}. */
    public void thumbnail(Path video, Path thumbnail, double atSeconds, ExecutionBudget budget)
            throws MediaException, ProcessStoppedException, InterruptedException {
        run(
                "thumbnail",
                List.of(
                        ffmpeg.toString(),
                        "-nostdin",
                        "-hide_banner",
                        "-nostats",
                        "-y",
                        "-ss",
                        String.format(Locale.ROOT, "%.3f", atSeconds),
                        "-i",
                        video.toString(),
                        "-frames:v",
                        "1",
                        "-q:v",
                        "3",
                        thumbnail.toString()),
                thumbnail.toAbsolutePath().getParent(),
                budget);
        requireFile("thumbnail", thumbnail);
    }

    /** Duration, size, frame rate, codec and the like, without black or frozen stretches. */
    public MediaFacts probe(Path video, ExecutionBudget budget)
            throws MediaException, ProcessStoppedException, InterruptedException {
        ProcessOutcome outcome = run(
                "ffprobe",
                List.of(
                        ffprobe.toString(),
                        "-v",
                        "error",
                        "-print_format",
                        "json",
                        "-show_format",
                        "-show_streams",
                        video.toString()),
                video.toAbsolutePath().getParent(),
                budget);
        MediaFacts facts = FfprobeReport.parse(outcome.stdout().text());
        if (facts.getBytes() == null) {
            facts.setBytes(size(video));
        }
        return facts;
    }

    /** Black and frozen stretches, decoding the whole video once through both detectors. */
    public DetectionLog.Segments detect(Path video, double durationSeconds, ExecutionBudget budget)
            throws MediaException, ProcessStoppedException, InterruptedException {
        ProcessOutcome outcome = run(
                "black and freeze detection",
                List.of(
                        ffmpeg.toString(),
                        "-nostdin",
                        "-hide_banner",
                        "-nostats",
                        "-i",
                        video.toString(),
                        "-vf",
                        BLACK_DETECT + "," + FREEZE_DETECT,
                        "-an",
                        "-f",
                        "null",
                        "-"),
                video.toAbsolutePath().getParent(),
                budget);
        return DetectionLog.parse(outcome.stderr().lines(), durationSeconds);
    }

    /** The first line of {@code ffmpeg -version}, e.g. "ffmpeg version 7.1 Copyright (c) 2000-2024 ...". */
    public String version(Path directory, ExecutionBudget budget)
            throws MediaException, ProcessStoppedException, InterruptedException {
        ProcessOutcome outcome = run("ffmpeg -version", List.of(ffmpeg.toString(), "-version"), directory, budget);
        List<String> lines = outcome.stdout().lines();
        if (lines.isEmpty() || lines.get(0).isBlank()) {
            throw new MediaException("ffmpeg -version: printed nothing (ffmpeg: " + ffmpeg + ")");
        }
        return lines.get(0).trim();
    }

    /** Runs in {@code directory}: the workspace, so stray files FFmpeg might write are removed with it. */
    private ProcessOutcome run(String step, List<String> command, Path directory, ExecutionBudget budget)
            throws MediaException, ProcessStoppedException, InterruptedException {
        ProcessOutcome outcome;
        try {
            outcome = runner.runStep(step, command, directory, budget, LineListener.NONE);
        } catch (IOException e) {
            throw new MediaException(
                    step + ": cannot run " + command.get(0) + " (agent setting "
                            + (command.get(0).equals(ffprobe.toString()) ? "ffprobe" : "ffmpeg") + "): "
                            + e.getMessage(),
                    e);
        }
        if (outcome.exitCode() != 0) {
            throw new MediaException(step + ": " + Path.of(command.get(0)).getFileName() + " exited with "
                    + outcome.exitCode() + ": " + outcome.diagnosticTail());
        }
        return outcome;
    }

    private static void requireFile(String step, Path file) throws MediaException {
        if (size(file) == 0) {
            throw new MediaException(step + ": FFmpeg exited 0 but wrote no " + file.getFileName());
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
