package io.animops.agent.godot.web;

import io.animops.agent.process.ProcessOutcome;

import java.nio.file.Path;

/**
 * How one engine start ended.
 *
 * @param outcome Godot's output ({@code print} to stdout, {@code printerr} and errors to stderr) and how it ended:
 *                {@link ProcessOutcome.Ending#EXITED} with Godot's exit code, or the timeout or cancellation that
 *                killed the browser
 * @param failure why the engine stopped without exiting (the wasm trapped, e.g. on an integer division by zero, or
 *                the browser died), or null when it exited (or was stopped from here)
 * @param movie   the Movie Maker file copied out of the page, or null when none was asked for or written
 */
public record WebGodotRun(ProcessOutcome outcome, String failure, Path movie) {
    /** Whether Godot itself ended the run with this exit code. */
    public boolean exitedWith(int code) {
        return failure == null && outcome.exitedWith(code);
    }
}
