package io.animops.agent.process;

/** Sees every line a child prints, as it prints it (called from the stream's reader thread). */
@FunctionalInterface
public interface LineListener {
    LineListener NONE = (stream, line) -> {};

    void line(OutputStream stream, String line);
}
