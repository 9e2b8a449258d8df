package io.animops.agent;

import io.fabric8.kubernetes.client.KubernetesClientException;

import java.io.IOException;
import java.util.logging.LogRecord;
import java.util.logging.SimpleFormatter;

/**
 * One line per record. A failure to reach the Kubernetes API or the store (the operator is down, the network is
 * gone) is an expected state that the agent rides out: it is written as the chain of messages, without a stack
 * trace; any other exception keeps its stack trace, since it is a bug to look into.
 */
final class AgentLogFormat extends SimpleFormatter {
    static final String FORMAT = "%1$tFT%1$tT.%1$tLZ %4$s [%3$s] %5$s%6$s%n";

    @Override
    public String format(LogRecord record) {
        Throwable thrown = record.getThrown();
        if (thrown == null || !unreachable(thrown)) {
            return super.format(record);
        }
        LogRecord line = new LogRecord(record.getLevel(), formatMessage(record) + ": " + messages(thrown));
        line.setLoggerName(record.getLoggerName());
        line.setInstant(record.getInstant());
        line.setSourceClassName(record.getSourceClassName());
        line.setSourceMethodName(record.getSourceMethodName());
        return super.format(line);
    }

    static boolean unreachable(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            if (t instanceof KubernetesClientException || t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** "message (cause: message)" down the cause chain. */
    static String messages(Throwable thrown) {
        StringBuilder text = new StringBuilder(String.valueOf(thrown.getMessage()));
        for (Throwable cause = thrown.getCause(); cause != null; cause = cause.getCause()) {
            text.append(" (")
                    .append(cause.getClass().getSimpleName())
                    .append(": ")
                    .append(cause.getMessage())
                    .append(')');
        }
        return text.toString();
    }
}
