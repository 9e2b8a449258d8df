package io.animops.agent.process;

/** Which stream of a child a line came from. */
public enum OutputStream {
    STDOUT,
    STDERR
}
