package io.animops.agent.job;

/** Godot, or what runs it (the wrappers, the browser), could not run at all: the machine's fault. */
final class GodotUnavailableException extends Exception {
    GodotUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
