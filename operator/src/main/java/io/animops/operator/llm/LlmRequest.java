package io.animops.operator.llm;

/**
 * One prompt for a model, with what it is for so the call can be accounted to a schedule, idea and attempt.
 *
 * @param purpose "script" or "ideas"
 */
public record LlmRequest(
        String namespace,
        String schedule,
        String ideaName,
        String attemptName,
        String purpose,
        String promptVersion,
        String system,
        String user) {}
