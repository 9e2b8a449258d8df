package io.animops.agent;

import io.fabric8.kubernetes.client.KubernetesClientException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static org.assertj.core.api.Assertions.assertThat;

class AgentLogFormatTest {
    static {
        System.setProperty("java.util.logging.SimpleFormatter.format", AgentLogFormat.FORMAT);
    }

    @Test
    void anUnreachableApiIsOneLineWithTheCauses() {
        LogRecord record = new LogRecord(Level.WARNING, "heartbeat of RenderAgent mac-1 failed");
        record.setLoggerName("io.animops.agent.cluster.RenderAgentRuntime");
        record.setThrown(
                new KubernetesClientException("An error has occurred.", new ConnectException("Connection refused")));
        String text = new AgentLogFormat().format(record);
        assertThat(text)
                .isEqualTo(text.strip() + System.lineSeparator())
                .contains("WARNING [io.animops.agent.cluster.RenderAgentRuntime] heartbeat of RenderAgent mac-1 "
                        + "failed: An error has occurred. (ConnectException: Connection refused)")
                .doesNotContain("\tat ");
    }

    @Test
    void anyOtherFailureKeepsItsStackTrace() {
        LogRecord record = new LogRecord(Level.WARNING, "render job j: executor failed");
        record.setLoggerName("io.animops.agent.cluster.JobRun");
        record.setThrown(new IllegalStateException("a bug"));
        assertThat(new AgentLogFormat().format(record))
                .contains("java.lang.IllegalStateException: a bug")
                .contains("\tat io.animops.agent.AgentLogFormatTest");
    }
}
