package io.animops.operator.idea;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.GateJudgement;
import io.animops.crds.v1alpha1.LlmSettings;
import io.animops.crds.v1alpha1.SimilarIdea;
import io.animops.operator.llm.LlmAnswer;
import io.animops.operator.llm.LlmException;
import io.animops.operator.llm.LlmGateway;
import io.animops.operator.llm.LlmRequest;
import io.animops.operator.llm.PromptTemplates;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The Idea Gate's judge: for a proposal in the review zone, the schedule's language model is asked once whether
 * it and its nearest past idea are the same animation (prompts/gate-judge/VERSION). Its answer decides; no answer,
 * or one that does not parse, leaves the decision to a person. The call is accounted like every other one
 * (llm_calls: purpose gate-judge, tokens, cost, the answer); status keeps the verdict, reason, tokens and cost.
 */
@ApplicationScoped
public class GateJudge {
    public static final String PURPOSE = "gate-judge";
    static final String PROMPT_VERSION = "gate-judge/v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NONE = "(none)";

    @Inject
    LlmGateway gateway;

    @Inject
    IdeaRepository repository;

    private final PromptTemplates templates = new PromptTemplates(PROMPT_VERSION, List.of("system.md", "user.md"));

    /**
     * The judge's verdict; Unusable when the model answered nothing usable or refused the call.
     *
     * @throws LlmException when the provider was unavailable ({@link LlmException#isTransient()}): asked again later
     */
    public GateJudgement judge(AnimationIdea idea, LlmSettings llm) {
        SimilarIdea nearest = idea.getStatus().getSimilarity().getNearest().get(0);
        IdeaRecord past = repository.findByName(idea.getMetadata().getNamespace(), nearest.getName());
        GateJudgement judgement = newJudgement(idea);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("pastTitle", nearest.getTitle());
        values.put("pastPremise", past == null ? NONE : orNone(past.premise));
        values.put("pastPhysicsHook", past == null ? NONE : orNone(past.physicsHook));
        values.put("title", idea.getSpec().getTitle());
        values.put("premise", orNone(idea.getSpec().getPremise()));
        values.put("physicsHook", orNone(idea.getSpec().getPhysicsHook()));
        values.put("score", String.format(Locale.ROOT, "%.2f", nearest.getScore()));
        try {
            LlmAnswer answer = gateway.chat(
                    llm,
                    new LlmRequest(
                            idea.getMetadata().getNamespace(),
                            idea.getSpec().getScheduleRef(),
                            idea.getMetadata().getName(),
                            null,
                            PURPOSE,
                            templates.versionId(),
                            templates.render("system.md", Map.of()),
                            templates.render("user.md", values)));
            judgement.setModel(answer.provider() + "/" + answer.model());
            judgement.setPromptTokens(answer.promptTokens());
            judgement.setCompletionTokens(answer.completionTokens());
            judgement.setCostUsd(answer.costUsd());
            read(answer.text(), judgement);
        } catch (LlmException e) {
            if (e.isTransient()) {
                throw e;
            }
            return unanswered(judgement, e.reason(), e.getMessage());
        }
        return judgement;
    }

    /** The judgement left to a person because the model gave no answer, for {@code reason}. */
    public GateJudgement unanswered(AnimationIdea idea, String reason, String message) {
        return unanswered(newJudgement(idea), reason, message);
    }

    private GateJudgement newJudgement(AnimationIdea idea) {
        GateJudgement judgement = new GateJudgement();
        judgement.setComparedWith(
                idea.getStatus().getSimilarity().getNearest().get(0).getName());
        judgement.setPromptVersion(templates.versionId());
        return judgement;
    }

    private static GateJudgement unanswered(GateJudgement judgement, String reason, String message) {
        judgement.setVerdict(GateJudgement.Verdict.Unusable);
        judgement.setReason("no answer (" + reason + "): " + message);
        return judgement;
    }

    /** The verdict and reason of an answer: one JSON object, tolerating a code fence or prose around it. */
    static void read(String answer, GateJudgement judgement) {
        int start = answer == null ? -1 : answer.indexOf('{');
        int end = answer == null ? -1 : answer.lastIndexOf('}');
        JsonNode same = null;
        JsonNode root = null;
        if (start >= 0 && end > start) {
            try {
                root = JSON.readTree(answer.substring(start, end + 1));
                same = root.get("sameAnimation");
            } catch (Exception e) {
                root = null;
            }
        }
        if (same == null || !same.isBoolean()) {
            judgement.setVerdict(GateJudgement.Verdict.Unusable);
            judgement.setReason("the answer has no JSON object with a boolean \"sameAnimation\": "
                    + abbreviate(answer == null ? "" : answer));
            return;
        }
        judgement.setVerdict(same.booleanValue() ? GateJudgement.Verdict.Duplicate : GateJudgement.Verdict.Distinct);
        judgement.setReason(abbreviate(root.path("reason").asText("")));
    }

    private static String orNone(String text) {
        return text == null || text.isBlank() ? NONE : text;
    }

    private static String abbreviate(String text) {
        return text.length() <= 300 ? text : text.substring(0, 300) + "...";
    }
}
