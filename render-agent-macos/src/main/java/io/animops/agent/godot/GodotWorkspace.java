package io.animops.agent.godot;

import io.animops.agent.job.JobRequest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One job's Godot project folder under the agent's work directory: {@code project.godot}, {@code main.tscn} (a
 * Node2D running the job's {@code scene.gd}), the probe autoload and the design system. Closing it deletes the
 * folder with everything Godot and FFmpeg wrote into it.
 */
public final class GodotWorkspace implements AutoCloseable {
    public static final String PROJECT_FILE = "project.godot";
    public static final String MAIN_SCENE_FILE = "main.tscn";
    public static final String SCENE_SCRIPT_FILE = "scene.gd";
    public static final String PROBE_FILE = "animops_probe.gd";
    public static final String DESIGN_SYSTEM_FILE = "design_system.json";

    /** A Node2D root with the job's script; format 3 is Godot 4's text scene format. */
    static final String MAIN_SCENE = """
            [gd_scene load_steps=2 format=3]

            [ext_resource type="Script" path="res://scene.gd" id="1_scene"]

            [node name="Main" type="Node2D"]
            script = ExtResource("1_scene")
            """;

    private final Path dir;
    private final AtomicBoolean deleted = new AtomicBoolean();

    private GodotWorkspace(Path dir) {
        this.dir = dir;
    }

    /** Creates the folder {@code <namespace>-<name>-<uid8>} (replacing a leftover of a crashed run) and its files. */
    public static GodotWorkspace create(Path workDir, JobRequest job) throws IOException {
        if (job.script() == null || job.script().getSource() == null) {
            throw new IllegalArgumentException(
                    "script.source: the job has no script to write into " + SCENE_SCRIPT_FILE);
        }
        Files.createDirectories(workDir);
        Path dir = workDir.resolve(folderName(job));
        deleteTree(dir);
        GodotWorkspace workspace = new GodotWorkspace(Files.createDirectory(dir));
        try {
            write(dir.resolve(PROJECT_FILE), projectFile(job));
            write(dir.resolve(MAIN_SCENE_FILE), MAIN_SCENE);
            write(dir.resolve(SCENE_SCRIPT_FILE), job.script().getSource());
            write(dir.resolve(PROBE_FILE), probeScript());
            if (job.designSystem() != null && job.designSystem().getJson() != null) {
                write(dir.resolve(DESIGN_SYSTEM_FILE), job.designSystem().getJson());
            }
            return workspace;
        } catch (IOException | RuntimeException e) {
            workspace.close();
            throw e;
        }
    }

    static String folderName(JobRequest job) {
        String uid = job.uid() == null ? "" : job.uid().replace("-", "");
        if (uid.isEmpty()) {
            throw new IllegalArgumentException("uid: the job has no uid to name its workspace after");
        }
        return job.namespace() + "-" + job.name() + "-" + uid.substring(0, Math.min(8, uid.length()));
    }

    /**
     * Window size = the job's frame, physics at the job's frame rate (one physics step per rendered frame),
     * stdout flushed on every print (the agent reads progress live through a pipe, which is otherwise buffered),
     * no log files (they would land outside the workspace, in Godot's user folder).
     */
    static String projectFile(JobRequest job) {
        return projectFile(
                "job " + job.namespace() + "/" + job.name() + "; removed with the workspace",
                "res://" + MAIN_SCENE_FILE,
                job.width(),
                job.height(),
                job.fps());
    }

    /**
     * The project settings of every project the agent hands Godot (see {@link #projectFile(JobRequest)}).
     *
     * @param about what the project is for, in its header comment
     */
    public static String projectFile(String about, String mainScene, int width, int height, int fps) {
        return """
                ; Written by the AnimOps render agent for %s.
                config_version=5

                [application]

                config/name="AnimOps job"
                run/main_scene="%s"
                run/flush_stdout_on_print=true

                [autoload]

                AnimOpsProbe="*res://animops_probe.gd"

                [debug]

                file_logging/enable_file_logging=false
                file_logging/enable_file_logging.pc=false

                [display]

                window/size/viewport_width=%d
                window/size/viewport_height=%d
                window/stretch/mode="canvas_items"
                window/stretch/aspect="keep"

                [physics]

                common/physics_ticks_per_second=%d
                """.formatted(about, mainScene, width, height, fps);
    }

    public static String probeScript() throws IOException {
        try (InputStream in = GodotWorkspace.class.getResourceAsStream(PROBE_FILE)) {
            if (in == null) {
                throw new IOException(PROBE_FILE + ": missing from the agent's jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void write(Path file, String text) throws IOException {
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    public Path dir() {
        return dir;
    }

    /** Where Movie Maker writes the render. */
    public Path movie() {
        return dir.resolve("out.avi");
    }

    public Path video() {
        return dir.resolve("video.mp4");
    }

    public Path thumbnail() {
        return dir.resolve("thumbnail.jpg");
    }

    /** Deletes the folder; safe to call more than once. */
    @Override
    public void close() {
        if (deleted.get()) {
            return;
        }
        try {
            deleteTree(dir);
            deleted.set(true);
        } catch (IOException e) {
            throw new UncheckedIOException("could not remove workspace " + dir + ": " + e.getMessage(), e);
        }
    }

    public static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                if (e != null && !(e instanceof NoSuchFileException)) {
                    throw e;
                }
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
