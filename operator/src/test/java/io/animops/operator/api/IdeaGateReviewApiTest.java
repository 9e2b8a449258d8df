package io.animops.operator.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.animops.crds.ConditionTypes;
import io.animops.crds.Conditions;
import io.animops.crds.Reasons;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.ContentSchedule;
import io.animops.crds.v1alpha1.GateJudgement;
import io.animops.crds.v1alpha1.IdeaPhase;
import io.animops.crds.v1alpha1.Selection;
import io.animops.operator.idea.GateJudge;
import io.animops.operator.idea.GateThresholds;
import io.animops.operator.idea.GateZones;
import io.animops.operator.idea.IdeaGateService;
import io.animops.operator.idea.IdeaProposal;
import io.animops.operator.idea.IdeasFile;
import io.animops.operator.llm.LlmCallRecord;
import io.animops.operator.llm.LlmCallRepository;
import io.animops.operator.testing.EmbeddedPostgresResource;
import io.animops.operator.testing.FakeOpenAiServer;
import io.animops.operator.testing.FakeOpenAiServer.Reply;
import io.animops.operator.testing.Pipeline;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.animops.operator.api.ApiCalls.authorized;
import static io.animops.operator.testing.Pipeline.ideasOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The Idea Gate's review zone through the operator, with the calibrated zones (no fixed threshold on the schedule):
 * a past idea is stored, then a schedule proposes one close to it (Galton Board against Marble Funnel Race, from the
 * bundled ideas file: in the review zone of MiniLM and of the hash fallback). With an LLM (a fake OpenAI-compatible
 * server) the judge is asked once and its answer decides; offline, or with no usable answer, a person does, through
 * the REST API. The API shows the zone, both thresholds with their model, the nearest ideas and the judgement, from
 * the live resource and from PostgreSQL once the resource is deleted.
 */
@QuarkusTest
@TestProfile(CalibratedZonesTestProfile.class)
@WithKubernetesTestServer(crud = true)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class IdeaGateReviewApiTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final FakeOpenAiServer FAKE = new FakeOpenAiServer();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<IdeaProposal> BUNDLED = bundledIdeas();
    private static final IdeaProposal MARBLES = named("Marble Funnel Race");
    private static final IdeaProposal GALTON = named("Galton Board Bell Curve");

    @Inject
    KubernetesClient client;

    @Inject
    IdeaGateService gate;

    @Inject
    LlmCallRepository calls;

    @AfterAll
    static void stopFake() {
        FAKE.close();
    }

    @Test
    void theJudgeAnsweringSameRejectsTheIdeaAsADuplicateAndIsAskedOnce() {
        String ns = "review-same";
        String model = "judge-same";
        FAKE.enqueue(
                model,
                Reply.ok(ideas(GALTON), 300, 200),
                Reply.ok("{\"sameAnimation\": true, \"reason\": \"balls falling through a sorting field\"}", 420, 30));
        startSchedule(ns, model);

        AnimationIdea idea = awaitPhase(ns, IdeaPhase.Rejected);
        String name = idea.getMetadata().getName();
        Condition gated = condition(idea, ConditionTypes.GATED);
        assertThat(gated.getReason()).isEqualTo(Reasons.JUDGED_DUPLICATE);
        assertThat(gated.getMessage())
                .contains("is in the review zone")
                .contains("OpenAi/" + model + " judged them the same animation: balls falling through a sorting field");
        Condition succeeded = condition(idea, ConditionTypes.SUCCEEDED);
        assertThat(succeeded.getReason()).isEqualTo(Reasons.DUPLICATE);
        assertThat(succeeded.getMessage()).isEqualTo(gated.getMessage());

        // asked exactly once, with the versioned prompt, and the call recorded with its tokens and answer
        assertThat(judgeRequests(model)).hasSize(1);
        assertThat(judgeRequests(model).get(0).user()).contains(MARBLES.title(), GALTON.title());
        List<LlmCallRecord> judged = judgeCalls(ns);
        assertThat(judged).hasSize(1);
        LlmCallRecord call = judged.get(0);
        assertThat(call.outcome).isEqualTo("ok");
        assertThat(call.ideaName).isEqualTo(name);
        assertThat(call.promptVersion).startsWith("gate-judge/v1@");
        assertThat(call.promptTokens).isEqualTo(420);
        assertThat(call.completionTokens).isEqualTo(30);
        assertThat(call.response).contains("sameAnimation");
        // at 2.5 and 10 dollars per million prompt and completion tokens (CalibratedZonesTestProfile)
        assertThat(call.costUsd).isEqualByComparingTo("0.00135");

        // the API shows the zone, the thresholds and their model, the nearest ideas and the judgement
        JsonPath live = detail(ns, name);
        assertThat(live.getBoolean("live")).isTrue();
        assertSimilarity(live, "similarity.", ns);
        assertThat(live.getString("similarity.judgement.verdict")).isEqualTo("Duplicate");
        assertThat(live.getString("similarity.judgement.reason")).isEqualTo("balls falling through a sorting field");
        assertThat(live.getString("similarity.judgement.model")).isEqualTo("OpenAi/" + model);
        assertThat(live.getString("similarity.judgement.promptVersion")).isEqualTo(call.promptVersion);
        assertThat(live.getLong("similarity.judgement.promptTokens")).isEqualTo(420);
        assertThat(live.getLong("similarity.judgement.completionTokens")).isEqualTo(30);
        assertThat(live.getDouble("similarity.judgement.costUsd")).isEqualTo(0.00135);

        // the list (the Idea Gate page) and, once the resource is deleted, the detail come from PostgreSQL
        JsonPath list = authorized()
                .queryParam("namespace", ns)
                .queryParam("schedule", "daily")
                .when()
                .get("/api/v1/ideas")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(list.getList("items")).hasSize(1);
        assertThat(list.getString("items[0].zone")).isEqualTo("Review");
        assertThat(list.getDouble("items[0].reviewThreshold"))
                .isEqualTo(zonesOf(live.getString("similarity.model")).review());
        assertThat(list.getString("items[0].judgement.verdict")).isEqualTo("Duplicate");
        assertThat(list.getLong("items[0].judgement.promptTokens")).isEqualTo(420);
        assertThat(list.getDouble("items[0].judgement.costUsd")).isEqualTo(0.00135);

        client.resource(idea).delete();
        await().atMost(PATIENCE)
                .until(() -> client.resources(AnimationIdea.class)
                                .inNamespace(ns)
                                .withName(name)
                                .get()
                        == null);
        JsonPath stored = detail(ns, name);
        assertThat(stored.getBoolean("live")).isFalse();
        assertSimilarity(stored, "similarity.", ns);
        assertThat(stored.getString("similarity.judgement.verdict")).isEqualTo("Duplicate");
        assertThat(stored.getString("similarity.judgement.reason")).isEqualTo("balls falling through a sorting field");
        assertThat(stored.getString("similarity.judgement.promptVersion")).isEqualTo(call.promptVersion);
        assertThat(stored.getLong("similarity.judgement.completionTokens")).isEqualTo(30);
        assertThat(stored.getDouble("similarity.judgement.costUsd")).isEqualTo(0.00135);
    }

    @Test
    void theJudgeAnsweringDifferentLetsTheIdeaGoOn() {
        String ns = "review-distinct";
        String model = "judge-distinct";
        FAKE.enqueue(
                model,
                Reply.ok(ideas(GALTON), 300, 200),
                Reply.ok(
                        "```json\n{\"sameAnimation\": false, \"reason\": \"a race against a distribution\"}\n```",
                        410,
                        25),
                Reply.ok(FakeOpenAiServer.answer("good-fenced.md"), 5000, 3000));
        startSchedule(ns, model);

        AnimationIdea idea = awaitPastTheGate(ns);
        Condition gated = condition(idea, ConditionTypes.GATED);
        assertThat(gated.getStatus()).isEqualTo(Conditions.TRUE);
        assertThat(gated.getReason()).isEqualTo(Reasons.JUDGED_DISTINCT);
        assertThat(gated.getMessage()).contains("a race against a distribution");
        assertThat(condition(idea, ConditionTypes.SELECTED).getReason()).isEqualTo(Reasons.TOP_BY_NOVELTY);
        assertThat(judgeRequests(model)).hasSize(1);
        assertThat(judgeCalls(ns)).singleElement().satisfies(c -> {
            assertThat(c.promptTokens).isEqualTo(410);
            assertThat(c.costUsd).isNull();
        });
        JsonPath shown = detail(ns, idea.getMetadata().getName());
        assertThat(shown.getString("similarity.judgement.verdict")).isEqualTo("Distinct");
        // this judge's model has no price: the cost is absent, not 0, in the answer as in llm_calls
        assertThat(shown.getLong("similarity.judgement.promptTokens")).isEqualTo(410);
        assertThat(shown.getMap("similarity.judgement")).doesNotContainKey("costUsd");
    }

    @Test
    void theJudgesProviderDownForAWholeCallIsAskedAgainAndTheIdeaGoesOn() {
        String ns = "review-down-once";
        String model = "judge-down-once";
        FAKE.enqueue(
                model,
                Reply.ok(ideas(GALTON), 300, 200),
                Reply.serverError(),
                Reply.rateLimited(),
                Reply.serverError(),
                Reply.serverError(),
                Reply.ok("{\"sameAnimation\": false, \"reason\": \"a race against a distribution\"}", 410, 25),
                Reply.ok(FakeOpenAiServer.answer("good-fenced.md"), 5000, 3000));
        startSchedule(ns, model);

        AnimationIdea idea = awaitPastTheGate(ns);
        assertThat(condition(idea, ConditionTypes.GATED).getReason()).isEqualTo(Reasons.JUDGED_DISTINCT);
        assertThat(idea.getStatus().getSimilarity().getJudgeRetry().getFailures())
                .isEqualTo(1);
        assertThat(idea.getStatus().getSimilarity().getJudgeRetry().getNextTryTime())
                .isNull();
        // the one failed call (its 4 HTTP tries), then the answer
        assertThat(judgeRequests(model)).hasSize(5);
        assertThat(judgeCalls(ns)).extracting(c -> c.outcome).containsExactly("error", "ok");
    }

    @Test
    void anAnswerThatDoesNotParseOrAFailedCallLeavesItToAPerson() {
        String prose = "review-prose";
        FAKE.enqueue(
                "judge-prose",
                Reply.ok(ideas(GALTON), 300, 200),
                Reply.ok("They look like the same video to me.", 400, 12));
        startSchedule(prose, "judge-prose");
        String refused = "review-refused";
        // a refusal (400) is not asked again
        FAKE.enqueue("judge-refused", Reply.ok(ideas(GALTON), 300, 200), Reply.badRequest());
        startSchedule(refused, "judge-refused");
        String down = "review-down";
        // more failed HTTP tries than the test profile's window (animops.llm.unavailable.give-up-after 3s) uses
        FAKE.enqueue("judge-down", Reply.ok(ideas(GALTON), 300, 200));
        for (int i = 0; i < 60; i++) {
            FAKE.enqueue("judge-down", Reply.serverError());
        }
        startSchedule(down, "judge-down");

        for (String ns : List.of(prose, refused, down)) {
            await().atMost(PATIENCE)
                    .untilAsserted(() -> assertThat(awaitNeedsReview(ns)
                                    .getStatus()
                                    .getSimilarity()
                                    .getJudgement())
                            .as(ns)
                            .isNotNull());
            AnimationIdea idea = awaitNeedsReview(ns);
            assertThat(idea.getStatus().getSimilarity().getJudgement().getVerdict())
                    .as(ns)
                    .isEqualTo(GateJudgement.Verdict.Unusable);
            assertThat(condition(idea, ConditionTypes.NEEDS_REVIEW).getMessage())
                    .contains("the LLM judge gave no usable answer")
                    .contains("a person decides");
            assertThat(Conditions.find(idea.getStatus().getConditions(), ConditionTypes.SELECTED))
                    .isEmpty();
            assertThat(idea.getSpec().getApproved()).isNull();
        }
        assertThat(judgeRequests("judge-prose")).hasSize(1);
        assertThat(condition(awaitNeedsReview(prose), ConditionTypes.NEEDS_REVIEW)
                        .getMessage())
                .contains("They look like the same video to me.");
        assertThat(condition(awaitNeedsReview(refused), ConditionTypes.NEEDS_REVIEW)
                        .getMessage())
                .contains("no answer (ProviderError)");
        assertThat(judgeCalls(refused))
                .singleElement()
                .satisfies(c -> assertThat(c.outcome).isEqualTo("error"));
        assertThat(condition(awaitNeedsReview(down), ConditionTypes.NEEDS_REVIEW)
                        .getMessage())
                .contains("no answer (ProviderUnavailable)")
                .contains("animops.llm.unavailable.give-up-after");
        int tries = awaitNeedsReview(down)
                .getStatus()
                .getSimilarity()
                .getJudgeRetry()
                .getFailures();
        assertThat(tries).isGreaterThan(2);
        assertThat(judgeCalls(down))
                .hasSize(tries)
                .allSatisfy(c -> assertThat(c.outcome).isEqualTo("error"));
    }

    @Test
    void offlineAPersonDecidesThroughTheApiWithTheNearestIdeasShown() {
        String ns = "review-offline";
        // the offline schedule proposes the first idea of the bundled file: Marble Funnel Race
        storePastIdea(ns, GALTON);
        ContentSchedule schedule = Pipeline.schedule(ns, "daily", Selection.Mode.Auto, 1, 1, 0);
        schedule.getSpec().setSimilarityThreshold(null);
        client.resource(schedule).create();

        AnimationIdea idea = awaitNeedsReview(ns);
        String name = idea.getMetadata().getName();
        assertThat(idea.getSpec().getTitle()).isEqualTo(MARBLES.title());
        Condition review = condition(idea, ConditionTypes.NEEDS_REVIEW);
        assertThat(review.getReason()).isEqualTo(Reasons.IN_REVIEW_ZONE);
        assertThat(review.getMessage()).contains("no LLM judge").contains("past-galton-board-bell-curve");
        JsonPath shown = detail(ns, name);
        assertSimilarity(shown, "similarity.", ns);
        assertThat(shown.getString("similarity.judgement")).isNull();

        authorized()
                .body("{\"reason\": \"a race, not a distribution\"}")
                .when()
                .post("/api/v1/ideas/" + ns + "/" + name + "/approve")
                .then()
                .statusCode(200);
        await().atMost(PATIENCE).untilAsserted(() -> {
            AnimationIdea decided = onlyIdea(ns);
            assertThat(decided.getStatus().getPhase()).isIn(IdeaPhase.Scripting, IdeaPhase.Rendering);
            assertThat(condition(decided, ConditionTypes.NEEDS_REVIEW).getStatus())
                    .isEqualTo(Conditions.FALSE);
            assertThat(condition(decided, ConditionTypes.NEEDS_REVIEW).getReason())
                    .isEqualTo(Reasons.REVIEWED);
            assertThat(condition(decided, ConditionTypes.SELECTED).getReason()).isEqualTo(Reasons.APPROVED);
        });
        assertThat(judgeCalls(ns)).isEmpty();
    }

    /** The zone, both thresholds (those calibrated for the model named) and the nearest past idea with its score. */
    private static void assertSimilarity(JsonPath idea, String prefix, String ns) {
        String model = idea.getString(prefix + "model");
        GateZones zones = zonesOf(model);
        assertThat(idea.getString(prefix + "zone")).isEqualTo("Review");
        assertThat(idea.getDouble(prefix + "reviewThreshold")).isEqualTo(zones.review());
        assertThat(idea.getDouble(prefix + "threshold")).isEqualTo(zones.duplicate());
        double score = idea.getDouble(prefix + "score");
        assertThat(score).isGreaterThanOrEqualTo(zones.review()).isLessThan(zones.duplicate());
        assertThat(idea.getString(prefix + "nearest[0].name")).startsWith("past-");
        assertThat(idea.getDouble(prefix + "nearest[0].score")).isEqualTo(score);
    }

    private static GateZones zonesOf(String model) {
        return GateThresholds.forModel(model).orElseThrow(() -> new AssertionError("no zones for " + model));
    }

    private static JsonPath detail(String ns, String name) {
        return authorized()
                .when()
                .get("/api/v1/ideas/" + ns + "/" + name)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** A past idea of the namespace, gated and stored as every idea is (its own verdict does not matter here). */
    private void storePastIdea(String ns, IdeaProposal text) {
        AnimationIdea past = Pipeline.idea(ns, "past-" + slug(text.title()), text.title(), text.premise());
        past.getSpec().setPhysicsHook(text.physicsHook());
        past.getMetadata().setUid(UUID.randomUUID().toString());
        gate.gate(past, null, 1.0);
    }

    /** A schedule with the calibrated zones whose LLM is the fake's model; Marble Funnel Race is its past. */
    private void startSchedule(String ns, String model) {
        storePastIdea(ns, MARBLES);
        client.resource(FakeOpenAiServer.keySecret(ns)).create();
        ContentSchedule schedule = Pipeline.schedule(ns, "daily", Selection.Mode.Auto, 1, 1, 0);
        schedule.getSpec().setSimilarityThreshold(null);
        schedule.getSpec().setLlm(FAKE.llm(model));
        client.resource(schedule).create();
    }

    private AnimationIdea onlyIdea(String ns) {
        List<AnimationIdea> ideas = ideasOf(client, ns, "daily");
        assertThat(ideas).hasSize(1);
        assertThat(ideas.get(0).getStatus()).isNotNull();
        return ideas.get(0);
    }

    private AnimationIdea awaitPhase(String ns, IdeaPhase phase) {
        await().atMost(PATIENCE)
                .untilAsserted(
                        () -> assertThat(onlyIdea(ns).getStatus().getPhase()).isEqualTo(phase));
        return onlyIdea(ns);
    }

    /** The schedule's only idea once the gate let it through: Scripting or further. */
    private AnimationIdea awaitPastTheGate(String ns) {
        await().atMost(PATIENCE)
                .untilAsserted(() ->
                        assertThat(onlyIdea(ns).getStatus().getPhase()).isIn(IdeaPhase.Scripting, IdeaPhase.Rendering));
        return onlyIdea(ns);
    }

    private AnimationIdea awaitNeedsReview(String ns) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            AnimationIdea idea = onlyIdea(ns);
            assertThat(idea.getStatus().getPhase()).isEqualTo(IdeaPhase.Proposed);
            assertThat(Conditions.find(idea.getStatus().getConditions(), ConditionTypes.NEEDS_REVIEW))
                    .hasValueSatisfying(c -> assertThat(c.getStatus()).isEqualTo(Conditions.TRUE));
        });
        return onlyIdea(ns);
    }

    private List<FakeOpenAiServer.Request> judgeRequests(String model) {
        return FAKE.requestsFor(model).stream()
                .filter(r -> r.system() != null && r.system().contains("sameAnimation"))
                .toList();
    }

    private List<LlmCallRecord> judgeCalls(String ns) {
        return calls.callsOf(ns, "daily").stream()
                .filter(c -> GateJudge.PURPOSE.equals(c.purpose))
                .toList();
    }

    private static Condition condition(AnimationIdea idea, String type) {
        return Conditions.find(idea.getStatus().getConditions(), type)
                .orElseThrow(() -> new AssertionError(
                        "no " + type + " on " + idea.getMetadata().getName()));
    }

    private static String ideas(IdeaProposal idea) {
        try {
            return JSON.writeValueAsString(List.of(Map.of(
                    "title", idea.title(),
                    "premise", idea.premise(),
                    "physicsHook", idea.physicsHook(),
                    "hook", idea.hook())));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    private static IdeaProposal named(String title) {
        return BUNDLED.stream()
                .filter(i -> i.title().equals(title))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("examples/ideas.md has no idea " + title));
    }

    private static List<IdeaProposal> bundledIdeas() {
        Path file = Path.of(System.getProperty("animops.repo.dir", "..")).resolve("examples/ideas.md");
        try {
            return IdeasFile.parse(Files.readString(file), "examples/ideas.md");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
