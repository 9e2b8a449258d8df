package io.animops.operator.idea;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.animops.crds.Reasons;
import io.animops.crds.v1alpha1.LlmSettings;
import io.animops.operator.llm.LlmAnswer;
import io.animops.operator.llm.LlmException;
import io.animops.operator.llm.LlmGateway;
import io.animops.operator.llm.LlmRequest;
import io.animops.operator.llm.PromptTemplates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Ideas proposed by the schedule's language model as structured output: a JSON array of objects with
 * title, premise, physicsHook and hook. An answer that does not parse is sent back with the parse error,
 * up to {@link #MAX_REPAIRS} more times; then the run reports MalformedIdeas.
 */
@ApplicationScoped
public class LlmIdeaSource {
    public static final int MAX_REPAIRS = 2;
    public static final String MALFORMED_IDEAS = Reasons.MALFORMED_IDEAS;
    private static final Logger LOG = Logger.getLogger(LlmIdeaSource.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    LlmGateway gateway;

    private final PromptTemplates templates = new PromptTemplates(PromptTemplates.CURRENT);

    /** What a run asks for, and what it is accounted to. */
    public record Run(String namespace, String schedule, String runId, int count, Set<String> alreadyProposed) {}

    public List<IdeaProposal> propose(LlmSettings llm, Run run) {
        String system = templates.render("ideas-system.md", Map.of());
        Map<String, String> values = new LinkedHashMap<>();
        values.put("count", Integer.toString(run.count()));
        values.put("schedule", run.namespace() + "/" + run.schedule());
        values.put("runId", run.runId());
        values.put(
                "alreadyProposed",
                run.alreadyProposed().isEmpty()
                        ? "(none yet)"
                        : run.alreadyProposed().stream()
                                .sorted()
                                .map(t -> "- " + t)
                                .collect(Collectors.joining("\n")));
        String request = templates.render("ideas-user.md", values);
        String user = request;
        String lastError = null;
        for (int call = 0; call <= MAX_REPAIRS; call++) {
            LlmAnswer answer = gateway.chat(
                    llm,
                    new LlmRequest(
                            run.namespace(), run.schedule(), null, null, "ideas", templates.versionId(), system, user));
            try {
                List<IdeaProposal> proposals = parse(answer.text());
                return proposals.size() > run.count() ? proposals.subList(0, run.count()) : proposals;
            } catch (MalformedIdeasException e) {
                lastError = e.getMessage();
                LOG.warnf(
                        "schedule %s/%s: ideas answer %d of %d unusable: %s",
                        run.namespace(), run.schedule(), call + 1, MAX_REPAIRS + 1, lastError);
                Map<String, String> repair = new LinkedHashMap<>();
                repair.put("request", request);
                repair.put("parseError", lastError);
                repair.put("previousAnswer", answer.text());
                repair.put("count", Integer.toString(run.count()));
                user = templates.render("ideas-repair-user.md", repair);
            }
        }
        throw new LlmException(
                MALFORMED_IDEAS,
                (MAX_REPAIRS + 1) + " answers were not a usable JSON array of ideas; last error: " + lastError);
    }

    /** The JSON array of ideas in an answer, tolerating a code fence or prose around it. */
    static List<IdeaProposal> parse(String answer) {
        if (answer == null || answer.isBlank()) {
            throw new MalformedIdeasException("the answer is empty");
        }
        int start = answer.indexOf('[');
        int end = answer.lastIndexOf(']');
        if (start < 0) {
            throw new MalformedIdeasException("no JSON array found in the answer");
        }
        // an array that is never closed (a cut-off answer) goes to the parser too, for its precise error
        String candidate = end < start ? answer.substring(start) : answer.substring(start, end + 1);
        JsonNode root;
        try {
            root = JSON.readTree(candidate);
        } catch (Exception e) {
            String message = e.getMessage() == null
                    ? e.toString()
                    : e.getMessage().lines().findFirst().orElse("");
            throw new MalformedIdeasException("invalid JSON: " + message);
        }
        if (!root.isArray() || root.isEmpty()) {
            throw new MalformedIdeasException("expected a non-empty JSON array of ideas");
        }
        List<IdeaProposal> proposals = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            JsonNode idea = root.get(i);
            if (!idea.isObject()) {
                throw new MalformedIdeasException("element [" + i + "] is not an object");
            }
            String title = text(idea, "title", i, 3, 200, true);
            String premise = text(idea, "premise", i, 10, 4000, true);
            String physicsHook = text(idea, "physicsHook", i, 0, 1000, false);
            String hook = text(idea, "hook", i, 0, 1000, false);
            proposals.add(new IdeaProposal(title, premise, physicsHook, hook));
        }
        return proposals;
    }

    private static String text(JsonNode idea, String field, int index, int min, int max, boolean required) {
        JsonNode value = idea.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                throw new MalformedIdeasException("element [" + index + "] has no \"" + field + "\"");
            }
            return null;
        }
        if (!value.isTextual()) {
            throw new MalformedIdeasException("element [" + index + "] field \"" + field + "\" is not a string");
        }
        String text = value.asText().trim();
        if (text.length() < min || text.length() > max) {
            throw new MalformedIdeasException("element [" + index + "] field \"" + field + "\" must have " + min
                    + " to " + max + " characters, has " + text.length());
        }
        return text;
    }

    static class MalformedIdeasException extends RuntimeException {
        MalformedIdeasException(String message) {
            super(message);
        }
    }
}
