package io.animops.agent;

import java.util.logging.LogManager;

/**
 * The JDK's LogManager resets (drops every handler) in its own shutdown hook, which can run before the agent's: the
 * lines saying which jobs were handed back on SIGTERM would be lost. This one keeps its handlers until the JVM ends.
 */
public final class AgentLogManager extends LogManager {
    @Override
    public void reset() {
        // kept on purpose: see the class comment
    }
}
