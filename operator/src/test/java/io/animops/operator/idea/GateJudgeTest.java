package io.animops.operator.idea;

import io.animops.crds.SecretKeyRef;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.AnimationIdeaStatus;
import io.animops.crds.v1alpha1.GateJudgement;
import io.animops.crds.v1alpha1.LlmSettings;
import io.animops.crds.v1alpha1.SimilarIdea;
import io.animops.crds.v1alpha1.Similarity;
import io.animops.operator.llm.LlmCallRepository;
import io.animops.operator.llm.LlmException;
import io.animops.operator.testing.EmbeddedPostgresResource;
import io.animops.operator.testing.FakeOpenAiServer;
import io.animops.operator.testing.FakeOpenAiServer.Reply;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The LLM judge of the review zone against a fake model over the real OpenAI protocol. The fake reads the two ideas
 * back out of the prompt, finds the pair of the evaluation set they form (every field must have come through
 * intact, the past idea's premise and hook from PostgreSQL included), and answers with its label, as a model that
 * understood the prompt would; so each near-miss pair is judged distinct and each duplicate a duplicate only if the
 * prompt carried both ideas whole and the answer was read right.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class GateJudgeTest {
    private static final String NS = "gate-judge";
    private static final Pattern IDEA = Pattern.compile("Title: (.*)\\nPremise: (.*)\\nPhysics: (.*)\\n");
    private static final List<GateEvaluation.Pair> PAIRS = GateEvaluation.pairs();
    private static final FakeOpenAiServer FAKE = new FakeOpenAiServer(GateJudgeTest::answer);

    @Inject
    GateJudge judge;

    @Inject
    IdeaGateService gate;

    @Inject
    KubernetesClient client;

    @Inject
    LlmCallRepository calls;

    @AfterAll
    static void stopFake() {
        FAKE.close();
    }

    /** The fake model: the label of the pair whose two ideas the prompt holds, or prose when it holds no known pair. */
    private static Reply answer(FakeOpenAiServer.Request request) {
        Matcher m = IDEA.matcher(request.user());
        if (!request.system().contains("sameAnimation") || !m.find()) {
            return Reply.ok("I cannot tell.", 300, 5);
        }
        GateEvaluation.Idea past = new GateEvaluation.Idea(m.group(1), none(m.group(2)), nullIfNone(m.group(3)));
        if (!m.find()) {
            return Reply.ok("I cannot tell.", 300, 5);
        }
        GateEvaluation.Idea proposal = new GateEvaluation.Idea(m.group(1), none(m.group(2)), nullIfNone(m.group(3)));
        Optional<GateEvaluation.Pair> pair = PAIRS.stream()
                .filter(p -> p.a().equals(past) && p.b().equals(proposal))
                .findFirst();
        return pair.map(p -> Reply.ok(
                        "```json\n{\"sameAnimation\": " + p.duplicate() + ", \"reason\": \"pair " + p.id() + "\"}\n```",
                        420,
                        30))
                .orElse(Reply.ok("I cannot tell.", 300, 5));
    }

    private static String none(String text) {
        return "(none)".equals(text) ? "" : text;
    }

    private static String nullIfNone(String text) {
        return "(none)".equals(text) ? null : text;
    }

    @Test
    void everyNearMissIsJudgedDistinctAndEveryDuplicateTheSame() {
        client.resource(new SecretBuilder()
                        .withNewMetadata()
                        .withNamespace(NS)
                        .withName("llm-key")
                        .endMetadata()
                        .withData(Map.of(
                                "api-key",
                                Base64.getEncoder()
                                        .encodeToString(FakeOpenAiServer.API_KEY.getBytes(StandardCharsets.UTF_8))))
                        .build())
                .create();
        LlmSettings llm = llm("judge-model");
        int judged = 0;
        for (GateEvaluation.Pair pair : PAIRS) {
            if (pair.kind().equals(GateEvaluation.CLEARLY_DIFFERENT)) {
                continue;
            }
            GateJudgement judgement = judge.judge(proposalAfter(pair), llm);
            GateJudgement.Verdict expected =
                    pair.duplicate() ? GateJudgement.Verdict.Duplicate : GateJudgement.Verdict.Distinct;
            assertThat(judgement.getVerdict())
                    .as(pair.id() + " " + pair.kind() + ": " + judgement.getReason())
                    .isEqualTo(expected);
            assertThat(judgement.getReason()).isEqualTo("pair " + pair.id());
            judged++;
        }
        assertThat(judged).isGreaterThanOrEqualTo(100);
        GateJudgement last = judge.judge(proposalAfter(PAIRS.get(0)), llm);
        assertThat(last.getModel()).isEqualTo("OpenAi/judge-model");
        assertThat(last.getPromptVersion()).startsWith(GateJudge.PROMPT_VERSION + "@");
        assertThat(last.getComparedWith()).isEqualTo("past-" + PAIRS.get(0).id());
        // recorded with its cost: the same prompt a second time is answered from the cache, at no cost
        assertThat(last.getPromptTokens()).isZero();
        assertThat(calls.callsOf(NS, "daily"))
                .filteredOn(c -> GateJudge.PURPOSE.equals(c.purpose))
                .hasSizeGreaterThan(judged)
                .anySatisfy(c -> {
                    assertThat(c.promptTokens).isEqualTo(420);
                    assertThat(c.completionTokens).isEqualTo(30);
                    assertThat(c.response).contains("sameAnimation");
                    assertThat(c.promptVersion).isEqualTo(last.getPromptVersion());
                });
    }

    @Test
    void anAnswerThatDoesNotParseOrNoAnswerLeavesItToAPerson() {
        GateJudgement prose = new GateJudgement();
        GateJudge.read("They look the same to me.", prose);
        assertThat(prose.getVerdict()).isEqualTo(GateJudgement.Verdict.Unusable);
        assertThat(prose.getReason()).contains("\"sameAnimation\"").contains("They look the same to me.");
        GateJudgement notBoolean = new GateJudgement();
        GateJudge.read("{\"sameAnimation\": \"maybe\"}", notBoolean);
        assertThat(notBoolean.getVerdict()).isEqualTo(GateJudgement.Verdict.Unusable);

        // a provider that refuses the call: no answer, and none to wait for
        FAKE.enqueue("refusing-model", Reply.badRequest());
        GateJudgement refused = judge.judge(proposalAfter(PAIRS.get(1)), llm("refusing-model"));
        assertThat(refused.getVerdict()).isEqualTo(GateJudgement.Verdict.Unusable);
        assertThat(refused.getReason()).startsWith("no answer (ProviderError)");
    }

    @Test
    void aProviderUnavailableThroughTheGatewaysRetriesIsLeftToTheCallerToAskAgain() {
        FAKE.enqueue(
                "failing-model",
                Reply.serverError(),
                Reply.serverError(),
                Reply.serverError(),
                Reply.serverError(),
                Reply.serverError());
        assertThatThrownBy(() -> judge.judge(proposalAfter(PAIRS.get(2)), llm("failing-model")))
                .isInstanceOf(LlmException.class)
                .extracting(e -> ((LlmException) e).reason())
                .isEqualTo(LlmException.PROVIDER_UNAVAILABLE);
    }

    /** The pair's first idea stored as a past idea of its own namespace, and the second as a proposal near it. */
    private AnimationIdea proposalAfter(GateEvaluation.Pair pair) {
        AnimationIdea past = IdeaGatePairsTest.idea(NS, "past-" + pair.id(), pair.a());
        gate.gate(past, null, 1.0);
        AnimationIdea proposal = IdeaGatePairsTest.idea(NS, "new-" + pair.id(), pair.b());
        proposal.getSpec().setScheduleRef("daily");
        proposal.setStatus(new AnimationIdeaStatus());
        Similarity similarity = new Similarity();
        similarity.setScore(0.6);
        similarity.setNearest(
                List.of(new SimilarIdea("past-" + pair.id(), pair.a().title(), 0.6)));
        proposal.getStatus().setSimilarity(similarity);
        return proposal;
    }

    private static LlmSettings llm(String model) {
        LlmSettings llm = new LlmSettings();
        llm.setProvider(LlmSettings.Provider.OpenAi);
        llm.setBaseUrl(FAKE.baseUrl());
        llm.setModel(model);
        llm.setSecretRef(new SecretKeyRef("llm-key", null));
        return llm;
    }
}
