package io.animops.operator.script;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.animops.crds.Conditions;
import io.animops.crds.SecretKeyRef;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.AnimationIdeaSpec;
import io.animops.crds.v1alpha1.AttemptPhase;
import io.animops.crds.v1alpha1.ContentSchedule;
import io.animops.crds.v1alpha1.IdeaPhase;
import io.animops.crds.v1alpha1.LlmSettings;
import io.animops.crds.v1alpha1.ScriptAttempt;
import io.animops.crds.v1alpha1.ScriptError;
import io.animops.crds.v1alpha1.Selection;
import io.animops.operator.db.Database;
import io.animops.operator.idea.LlmIdeaSource;
import io.animops.operator.llm.LlmAnswer;
import io.animops.operator.llm.LlmCallRecord;
import io.animops.operator.llm.LlmCallRepository;
import io.animops.operator.llm.LlmException;
import io.animops.operator.llm.LlmGateway;
import io.animops.operator.llm.LlmMetrics;
import io.animops.operator.llm.LlmRequest;
import io.animops.operator.testing.EmbeddedPostgresResource;
import io.animops.operator.testing.FakeOpenAiServer;
import io.animops.operator.testing.FakeOpenAiServer.Reply;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import static io.animops.operator.testing.Pipeline.attemptsOf;
import static io.animops.operator.testing.Pipeline.ideasOf;
import static io.animops.operator.testing.Pipeline.schedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * Schedules whose spec.llm points at a fake OpenAI-compatible server that replays recorded answers, driven
 * through the operator with the Fabric8 mock API and a real PostgreSQL. Each scenario uses its own model
 * name, so its replies, cache entries and token counters are its own.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@QuarkusTestResource(EmbeddedPostgresResource.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LlmPipelineTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final FakeOpenAiServer FAKE = new FakeOpenAiServer();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    KubernetesClient client;

    @Inject
    Database database;

    @Inject
    ScriptValidator validator;

    @Inject
    LlmCallRepository calls;

    @Inject
    MeterRegistry meters;

    @Inject
    LlmGateway gateway;

    @AfterAll
    static void stopFake() {
        FAKE.close();
    }

    @Test
    @Order(1)
    void goodScriptFirstTimeIsValidAndAccounted() {
        String ns = "llm-good";
        String model = "scenario-good";
        FAKE.enqueue(
                model,
                Reply.ok(ideas("Pendulum wave of fifteen bobs"), 300, 200),
                Reply.ok(FakeOpenAiServer.answer("good-fenced.md"), 5000, 3000));
        startSchedule(ns, model, 3, null);

        AnimationIdea idea = awaitIdeaPhase(ns, IdeaPhase.Rendering);
        assertThat(idea.getSpec().getSource()).isEqualTo(AnimationIdeaSpec.Source.Llm);
        ScriptAttempt attempt =
                attemptsOf(client, ns, idea.getMetadata().getName()).get(0);
        assertThat(attempt.getStatus().getPhase()).isEqualTo(AttemptPhase.Valid);
        assertThat(attempt.getStatus().getAuthoring().getProvider()).isEqualTo("openai");
        assertThat(attempt.getStatus().getAuthoring().getModel()).isEqualTo(model);
        assertThat(attempt.getStatus().getAuthoring().getOffline()).isFalse();
        assertThat(attempt.getStatus().getAuthoring().getPromptVersion()).startsWith("v1@");
        assertThat(attempt.getStatus().getAuthoring().getPromptTokens()).isEqualTo(5000L);
        assertThat(attempt.getStatus().getAuthoring().getCompletionTokens()).isEqualTo(3000L);

        // the system prompt carries the contract (every rule id), the design system and the scene shape
        FakeOpenAiServer.Request scriptRequest = FAKE.requestsFor(model).get(1);
        assertThat(scriptRequest.authorization()).isEqualTo("Bearer " + FakeOpenAiServer.API_KEY);
        for (io.animops.operator.script.contract.ContractRule rule :
                io.animops.operator.script.contract.ContractRule.values()) {
            assertThat(scriptRequest.system()).contains(rule.id());
        }
        assertThat(scriptRequest.system())
                .contains(
                        "#101418",
                        "#FF5D73",
                        "#FFD166",
                        "#06D6A0",
                        "#118AB2",
                        "#EF476F",
                        "#F8F9FA",
                        "180 px from the top",
                        "320 px from the bottom",
                        "60 px from the left",
                        "120 px from the right",
                        "# Design system ("
                                + io.animops.operator.design.DesignSystems.bundled()
                                        .version() + ")",
                        "extends Node2D",
                        "const DURATION_SECONDS := 20",
                        "seed(");
        assertThat(scriptRequest.user()).contains("Pendulum wave of fifteen bobs");

        List<LlmCallRecord> rows = calls.callsOf(ns, "daily");
        assertThat(rows).extracting(r -> r.purpose).containsExactly("ideas", "script");
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.outcome).isEqualTo("ok");
            assertThat(r.promptSha256).hasSize(64);
            assertThat(r.cached).isFalse();
        });
        assertThat(rows.get(1).promptTokens).isEqualTo(5000);
        // at the test profile's price of this model, 2.5 and 10 US dollars per million tokens
        assertThat(rows.get(0).costUsd).isEqualByComparingTo("0.00275");
        assertThat(rows.get(1).costUsd).isEqualByComparingTo("0.0425");
        assertThat(rows.get(1).attemptName).isEqualTo(attempt.getMetadata().getName());
        assertThat(database.first(
                        "select prompt_tokens from script_attempts where name = $1 and namespace = $2",
                        row -> row.getLong("prompt_tokens"),
                        attempt.getMetadata().getName(),
                        ns))
                .contains(5000L);
        assertThat(counter(model, "prompt")).isEqualTo(5300.0);
        assertThat(counter(model, "completion")).isEqualTo(3200.0);
    }

    @Test
    @Order(2)
    void brokenThenFixedSendsTheExactErrorPositionBack() {
        String ns = "llm-repair";
        String model = "scenario-repair";
        String broken = FakeOpenAiServer.answer("broken-syntax.md");
        FAKE.enqueue(
                model,
                Reply.ok(ideas("Galton board with two hundred beads"), 300, 200),
                Reply.ok(broken, 5000, 1000),
                Reply.ok(FakeOpenAiServer.answer("good-two-blocks.md"), 7000, 3000));
        startSchedule(ns, model, 3, null);

        AnimationIdea idea = awaitIdeaPhase(ns, IdeaPhase.Rendering);
        List<ScriptAttempt> attempts =
                sorted(attemptsOf(client, ns, idea.getMetadata().getName()));
        assertThat(attempts)
                .extracting(a -> a.getStatus().getPhase())
                .containsExactly(AttemptPhase.Invalid, AttemptPhase.Valid);
        ScriptError first = validator
                .validate(ScriptExtractor.extract(broken).orElseThrow(), SceneExpectations.frame(20))
                .get(0);
        assertThat(first.getLine() + ":" + first.getColumn()).isEqualTo("13:5");

        String repairPrompt = FAKE.requestsFor(model).get(2).user();
        assertThat(repairPrompt).contains(ScriptPrompts.errorLine(first));
        assertThat(repairPrompt).contains("parse parse.syntax 13:5");
        // the previous script, read back from PostgreSQL, is in the prompt
        assertThat(repairPrompt).contains("func spin(speed: float) -> void\n\trotation += speed");
    }

    @Test
    @Order(3)
    void alwaysBrokenIsRejectedWhenAttemptsAreExhausted() {
        String ns = "llm-exhausted";
        String model = "scenario-exhausted";
        String broken = FakeOpenAiServer.answer("broken-syntax.md");
        FAKE.enqueue(
                model,
                Reply.ok(ideas("Chain bridge under a falling load"), 300, 200),
                Reply.ok(broken, 5000, 1000),
                Reply.ok(broken, 6000, 1000));
        startSchedule(ns, model, 2, null);

        AnimationIdea idea = awaitIdeaPhase(ns, IdeaPhase.Rejected);
        assertThat(condition(idea.getStatus().getConditions(), "Succeeded").getReason())
                .isEqualTo("ScriptAttemptsExhausted");
        assertThat(attemptsOf(client, ns, idea.getMetadata().getName())).hasSize(2);
        assertThat(FAKE.requestsFor(model)).hasSize(3);
    }

    @Test
    @Order(4)
    void rateLimitedFailedAndTimedOutCallsAreRetriedWithBackoff() {
        String ns = "llm-429";
        String model = "scenario-429";
        FAKE.enqueue(
                model,
                Reply.ok(ideas("Hexagon bounce with a growing ball"), 300, 200),
                Reply.rateLimited(),
                Reply.serverError(),
                Reply.tooSlow(3000),
                Reply.ok(FakeOpenAiServer.answer("good-fenced.md"), 5000, 3000));
        startSchedule(ns, model, 3, null);

        awaitIdeaPhase(ns, IdeaPhase.Rendering);
        // 429, 503 and a timeout (animops.llm.timeout is 2s in tests), then the answer
        assertThat(FAKE.requestsFor(model)).hasSize(5);
        LlmCallRecord script = calls.callsOf(ns, "daily").stream()
                .filter(r -> r.purpose.equals("script"))
                .findFirst()
                .orElseThrow();
        assertThat(script.httpAttempts).isEqualTo(4);
        assertThat(script.latencyMs).isGreaterThanOrEqualTo(2000);
        assertThat(script.outcome).isEqualTo("ok");
        assertThat(script.costUsd)
                .as("this model has no price: its cost is unknown, not 0")
                .isNull();
        // every failed HTTP attempt is counted by what failed; the call itself once, by its outcome
        assertThat(meter(LlmMetrics.HTTP_ERRORS, model, "status", "429")).isEqualTo(1.0);
        assertThat(meter(LlmMetrics.HTTP_ERRORS, model, "status", "503")).isEqualTo(1.0);
        assertThat(meter(LlmMetrics.HTTP_ERRORS, model, "status", "timeout")).isEqualTo(1.0);
        assertThat(meter(LlmMetrics.CALLS, model, "outcome", "ok")).isEqualTo(2.0);
    }

    @Test
    @Order(4)
    void aProviderDownForAWholeCallIsTriedAgainByTheSameAttempt() {
        String ns = "llm-down";
        String model = "scenario-down";
        FAKE.enqueue(
                model,
                Reply.ok(ideas("Ring escape through a rotating gap"), 300, 200),
                Reply.serverError(),
                Reply.serverError(),
                Reply.rateLimited(),
                Reply.serverError(),
                Reply.ok(FakeOpenAiServer.answer("good-fenced.md"), 5000, 3000));
        startSchedule(ns, model, 3, null);

        AnimationIdea idea = awaitIdeaPhase(ns, IdeaPhase.Rendering);
        // the same attempt tried again: no second attempt, and the idea's attempt count is 1
        List<ScriptAttempt> attempts = attemptsOf(client, ns, idea.getMetadata().getName());
        assertThat(attempts).hasSize(1);
        assertThat(idea.getStatus().getAttempts()).isEqualTo(1);
        ScriptAttempt attempt = attempts.get(0);
        assertThat(attempt.getStatus().getPhase()).isEqualTo(AttemptPhase.Valid);
        assertThat(attempt.getStatus().getProviderRetry().getFailures()).isEqualTo(1);
        assertThat(attempt.getStatus().getProviderRetry().getFirstFailureTime()).isNotNull();
        // 1 ideas call + 4 HTTP tries (animops.llm.max-http-attempts) + the second try's answer
        assertThat(FAKE.requestsFor(model)).hasSize(6);
        List<LlmCallRecord> rows = calls.callsOf(ns, "daily");
        assertThat(rows).extracting(r -> r.outcome).containsExactly("ok", "error", "ok");
        assertThat(rows.get(1).error).contains("failed after 4 HTTP attempt(s)");
        assertThat(rows.get(1).attemptName).isEqualTo(rows.get(2).attemptName);
        assertThat(meter(LlmMetrics.HTTP_ERRORS, model, "status", "503")).isEqualTo(3.0);
    }

    @Test
    @Order(4)
    void aProviderThatStaysDownFailsTheAttemptOnceTheWindowIsSpent() {
        String ns = "llm-down-long";
        String model = "scenario-down-long";
        FAKE.enqueue(model, Reply.ok(ideas("Seesaw launching a pile of crates"), 300, 200));
        // more failures than the test profile's 3 s window (animops.llm.unavailable.*) can use
        for (int i = 0; i < 60; i++) {
            FAKE.enqueue(model, i % 2 == 0 ? Reply.serverError() : Reply.rateLimited());
        }
        startSchedule(ns, model, 3, null);

        // the attempt waits, Succeeded=Unknown, saying when it tries again; the idea shows it too
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<AnimationIdea> ideas = ideasOf(client, ns, "daily");
            assertThat(ideas).hasSize(1);
            assertThat(ideas.get(0).getStatus()).isNotNull();
            Condition waiting = condition(ideas.get(0).getStatus().getConditions(), "Succeeded");
            assertThat(waiting.getStatus()).isEqualTo(Conditions.UNKNOWN);
            assertThat(waiting.getReason()).isEqualTo("ProviderUnavailable");
            assertThat(waiting.getMessage())
                    .contains("waits for the model provider")
                    .contains("trying again at");
        });
        AnimationIdea idea = awaitIdeaPhase(ns, IdeaPhase.Failed);
        Condition ideaFailed = condition(idea.getStatus().getConditions(), "Succeeded");
        assertThat(ideaFailed.getReason()).isEqualTo("ProviderUnavailable");
        List<ScriptAttempt> attempts = attemptsOf(client, ns, idea.getMetadata().getName());
        assertThat(attempts).hasSize(1);
        ScriptAttempt attempt = attempts.get(0);
        assertThat(attempt.getStatus().getPhase()).isEqualTo(AttemptPhase.Failed);
        Condition failed = condition(attempt.getStatus().getConditions(), "Succeeded");
        assertThat(failed.getReason()).isEqualTo("ProviderUnavailable");
        assertThat(failed.getMessage())
                .contains("animops.llm.unavailable.give-up-after (PT3S)")
                .contains("failed after 4 HTTP attempt(s)");
        int tries = attempt.getStatus().getProviderRetry().getFailures();
        assertThat(tries).isGreaterThan(2);
        assertThat(attempt.getStatus().getProviderRetry().getNextTryTime()).isNull();
        // every try is one llm_calls row with its error, each after the gateway's 4 HTTP tries
        List<LlmCallRecord> rows = calls.callsOf(ns, "daily");
        assertThat(rows).hasSize(1 + tries);
        assertThat(rows.subList(1, rows.size()))
                .allSatisfy(r -> assertThat(r.outcome).isEqualTo("error"));
        assertThat(FAKE.requestsFor(model)).hasSize(1 + 4 * tries);
    }

    @Test
    @Order(4)
    void aRequestTheProviderRefusesFailsAtOnceWithProviderError() {
        String ns = "llm-refused";
        String model = "scenario-refused";
        FAKE.enqueue(
                model,
                Reply.ok(ideas("Spinning funnel sorting coloured balls"), 300, 200),
                Reply.badRequest(),
                Reply.ok(FakeOpenAiServer.answer("good-fenced.md"), 5000, 3000));
        startSchedule(ns, model, 3, null);

        AnimationIdea idea = awaitIdeaPhase(ns, IdeaPhase.Failed);
        assertThat(condition(idea.getStatus().getConditions(), "Succeeded").getReason())
                .isEqualTo("ProviderError");
        ScriptAttempt attempt =
                attemptsOf(client, ns, idea.getMetadata().getName()).get(0);
        Condition failed = condition(attempt.getStatus().getConditions(), "Succeeded");
        assertThat(failed.getReason()).isEqualTo("ProviderError");
        assertThat(failed.getMessage()).contains("failed after 1 HTTP attempt(s)");
        assertThat(attempt.getStatus().getProviderRetry()).isNull();
        // no retry of any kind: the good reply queued after the refusal was never asked for
        assertThat(FAKE.requestsFor(model)).hasSize(2);
        assertThat(calls.callsOf(ns, "daily")).extracting(r -> r.outcome).containsExactly("ok", "error");
    }

    @Test
    @Order(4)
    void aScheduleRunWhoseProviderIsDownTriesAgainBeforeFiringItsSlot() {
        String ns = "llm-run-down";
        String model = "scenario-run-down";
        FAKE.enqueue(
                model,
                Reply.serverError(),
                Reply.rateLimited(),
                Reply.serverError(),
                Reply.serverError(),
                Reply.ok(ideas("Pulley lifting a bucket of sand"), 300, 200),
                Reply.ok(FakeOpenAiServer.answer("good-fenced.md"), 5000, 3000));
        startSchedule(ns, model, 3, null);

        AnimationIdea idea = awaitIdeaPhase(ns, IdeaPhase.Rendering);
        assertThat(idea.getSpec().getTitle()).isEqualTo("Pulley lifting a bucket of sand");
        await().atMost(PATIENCE).untilAsserted(() -> {
            ContentSchedule schedule = scheduleIn(ns);
            assertThat(condition(schedule.getStatus().getConditions(), "IdeasProposed")
                            .getReason())
                    .isEqualTo("RunCompleted");
            assertThat(schedule.getStatus().getLastFiredSlot())
                    .isEqualTo(schedule.getStatus().getLastRunId());
            assertThat(schedule.getStatus().getProviderRetry().getRunId())
                    .isEqualTo(schedule.getStatus().getLastRunId());
            assertThat(schedule.getStatus().getProviderRetry().getFailures()).isEqualTo(1);
            assertThat(schedule.getStatus().getProviderRetry().getNextTryTime()).isNull();
        });
        assertThat(calls.callsOf(ns, "daily")).extracting(r -> r.outcome).containsExactly("error", "ok", "ok");
        assertThat(FAKE.requestsFor(model)).hasSize(6);
    }

    @Test
    @Order(4)
    void aScheduleRunGivesUpWhenTheProviderStaysDownThroughTheWindow() {
        String ns = "llm-run-down-long";
        String model = "scenario-run-down-long";
        for (int i = 0; i < 60; i++) {
            FAKE.enqueue(model, Reply.serverError());
        }
        startSchedule(ns, model, 3, null);

        await().atMost(PATIENCE).untilAsserted(() -> {
            Condition proposed = condition(scheduleConditions(ns), "IdeasProposed");
            assertThat(proposed.getStatus()).isEqualTo(Conditions.FALSE);
            assertThat(proposed.getReason()).isEqualTo("ProviderUnavailable");
            assertThat(proposed.getMessage()).contains("animops.llm.unavailable.give-up-after");
            assertThat(scheduleIn(ns).getStatus().getLastFiredSlot()).isNotNull();
        });
        int tries = scheduleIn(ns).getStatus().getProviderRetry().getFailures();
        assertThat(tries).isGreaterThan(2);
        // each try is the gateway's 4 HTTP tries; the slot is fired, so nothing proposes for it any more
        assertThat(FAKE.requestsFor(model)).hasSize(4 * tries);
        assertThat(ideasOf(client, ns, "daily")).isEmpty();
    }

    @Test
    @Order(5)
    void malformedIdeasAreRetriedWithTheParseError() {
        String ns = "llm-malformed";
        String model = "scenario-malformed-ideas";
        FAKE.enqueue(
                model,
                Reply.ok(FakeOpenAiServer.answer("ideas-malformed.md"), 300, 100),
                Reply.ok(FakeOpenAiServer.answer("ideas-valid.json"), 400, 200),
                Reply.ok(FakeOpenAiServer.answer("good-unfenced-prose.md"), 5000, 3000));
        startSchedule(ns, model, 3, null);

        AnimationIdea idea = awaitIdeaPhase(ns, IdeaPhase.Rendering);
        assertThat(idea.getSpec().getTitle()).isEqualTo("Marble funnel race with lanes");
        String retry = FAKE.requestsFor(model).get(1).user();
        assertThat(retry).contains("could not be used: invalid JSON");
        assertThat(retry).contains("Sand timer that flips itself");
        // the third answer has prose around an unfenced script: still extracted and valid
        ScriptAttempt attempt =
                attemptsOf(client, ns, idea.getMetadata().getName()).get(0);
        assertThat(attempt.getStatus().getPhase()).isEqualTo(AttemptPhase.Valid);
    }

    @Test
    @Order(6)
    void alwaysMalformedIdeasAreReportedOnTheSchedule() {
        String ns = "llm-malformed-always";
        String model = "scenario-malformed-always";
        Reply malformed = Reply.ok(FakeOpenAiServer.answer("ideas-malformed.md"), 300, 100);
        FAKE.enqueue(model, malformed, Reply.ok("[]", 300, 5), Reply.ok("{\"title\": \"not a list\"}", 300, 10));
        startSchedule(ns, model, 3, null);

        await().atMost(PATIENCE).untilAsserted(() -> {
            Condition proposed = condition(scheduleConditions(ns), "IdeasProposed");
            assertThat(proposed.getStatus()).isEqualTo(Conditions.FALSE);
            assertThat(proposed.getReason()).isEqualTo(LlmIdeaSource.MALFORMED_IDEAS);
            assertThat(proposed.getMessage()).contains("no JSON array found");
        });
        assertThat(FAKE.requestsFor(model)).hasSize(3);
        assertThat(ideasOf(client, ns, "daily")).isEmpty();
    }

    @Test
    @Order(16)
    void aGodot3StyleAnswerIsCaughtInTheOperatorAndRepairedWithGodotsOwnMessage() {
        String ns = "llm-godot3";
        String model = "scenario-godot3";
        FAKE.enqueue(
                model,
                Reply.ok(ideas("Twelve balls of random sizes falling"), 300, 200),
                Reply.ok(FakeOpenAiServer.answer("godot3-idioms.md"), 5000, 1000),
                Reply.ok(FakeOpenAiServer.answer("good-fenced.md"), 6000, 3000));
        startSchedule(ns, model, 3, null);

        AnimationIdea idea = awaitIdeaPhase(ns, IdeaPhase.Rendering);
        List<ScriptAttempt> attempts =
                sorted(attemptsOf(client, ns, idea.getMetadata().getName()));
        assertThat(attempts)
                .extracting(a -> a.getStatus().getPhase())
                .containsExactly(AttemptPhase.Invalid, AttemptPhase.Valid);
        // caught before any agent, at the line and in the words of real Godot 4.6 (godot3 corpus, GodotAgreementTest)
        ScriptError godot3 = attempts.get(0).getStatus().getErrors().get(0);
        assertThat(godot3.getRule()).isEqualTo("parse.names");
        assertThat(godot3.getLine()).isEqualTo(14);
        assertThat(godot3.getMessage()).startsWith("Function \"rand_range()\" not found in base self.");
        assertThat(FAKE.requestsFor(model).get(2).user()).contains("Function \"rand_range()\" not found in base self.");
    }

    @Test
    @Order(7)
    void forbiddenApiAndMissingScriptAreFedBackToTheModel() {
        String ns = "llm-forbidden";
        String model = "scenario-forbidden";
        String forbidden = FakeOpenAiServer.answer("forbidden-file-access.md");
        FAKE.enqueue(
                model,
                Reply.ok(ideas("Domino shelves falling in a spiral"), 300, 200),
                Reply.ok(forbidden, 5000, 1000),
                Reply.ok(FakeOpenAiServer.answer("no-script.md"), 5500, 50),
                Reply.ok(FakeOpenAiServer.answer("good-fenced.md"), 6000, 3000));
        startSchedule(ns, model, 3, null);

        AnimationIdea idea = awaitIdeaPhase(ns, IdeaPhase.Rendering);
        List<ScriptAttempt> attempts =
                sorted(attemptsOf(client, ns, idea.getMetadata().getName()));
        assertThat(attempts)
                .extracting(a -> a.getStatus().getPhase())
                .containsExactly(AttemptPhase.Invalid, AttemptPhase.Invalid, AttemptPhase.Valid);
        ScriptError fileAccess = attempts.get(0).getStatus().getErrors().stream()
                .filter(e -> "contract.forbidden-api".equals(e.getRule()))
                .findFirst()
                .orElseThrow();
        assertThat(fileAccess.getLine() + ":" + fileAccess.getColumn()).isEqualTo("9:14");
        assertThat(FAKE.requestsFor(model).get(2).user()).contains("contract contract.forbidden-api 9:14");
        assertThat(attempts.get(1).getStatus().getErrors())
                .extracting(ScriptError::getRule)
                .containsExactly(LlmAuthoringProvider.NO_SCRIPT_RULE);
        assertThat(attempts.get(1).getStatus().getErrors().get(0).getStage()).isEqualTo(ScriptError.Stage.author);
        assertThat(FAKE.requestsFor(model).get(3).user()).contains("author author.no-script");
    }

    @Test
    @Order(8)
    void exhaustedBudgetStopsCallsAndSaysSo() {
        String ns = "llm-budget";
        String model = "scenario-budget";
        FAKE.enqueue(
                model,
                Reply.ok(ideas("Wrecking ball through a brick tower"), 800, 400),
                Reply.ok(FakeOpenAiServer.answer("good-fenced.md"), 5000, 3000));
        startSchedule(ns, model, 3, 1000L);

        AnimationIdea idea = awaitIdeaPhase(ns, IdeaPhase.Failed);
        assertThat(condition(idea.getStatus().getConditions(), "Succeeded").getReason())
                .isEqualTo("BudgetExhausted");
        ScriptAttempt attempt =
                attemptsOf(client, ns, idea.getMetadata().getName()).get(0);
        assertThat(attempt.getStatus().getPhase()).isEqualTo(AttemptPhase.Failed);
        Condition failed = condition(attempt.getStatus().getConditions(), "Succeeded");
        assertThat(failed.getReason()).isEqualTo("BudgetExhausted");
        assertThat(failed.getMessage()).contains("1200 of its daily token budget 1000");
        await().atMost(PATIENCE).untilAsserted(() -> {
            Condition budget = condition(scheduleConditions(ns), "BudgetExhausted");
            assertThat(budget.getStatus()).isEqualTo(Conditions.TRUE);
            assertThat(budget.getMessage()).contains("1200 of 1000");
        });
        // only the ideas call went out: the script call was refused before any HTTP request
        assertThat(FAKE.requestsFor(model)).hasSize(1);
        assertThat(calls.callsOf(ns, "daily")).extracting(r -> r.outcome).containsExactly("ok", "budget-exhausted");
        assertThat(meter(LlmMetrics.CALLS, model, "outcome", "budget-exhausted"))
                .isEqualTo(1.0);
        // the gauge alerts watch: today's spend over the budget, 1200 of 1000
        assertThat(meters.find(LlmMetrics.BUDGET_USED)
                        .tags("namespace", ns, "schedule", "daily")
                        .gauge()
                        .value())
                .isEqualTo(1.2);
    }

    @Test
    @Order(9)
    void missingSecretFailsTheRunWithCredentialsMissing() {
        String ns = "llm-no-secret";
        String model = "scenario-no-secret";
        ContentSchedule schedule = llmSchedule(ns, model, 3, null);
        schedule.getSpec().getLlm().setSecretRef(new SecretKeyRef("absent-llm-key", null));
        client.resource(schedule).create();

        await().atMost(PATIENCE).untilAsserted(() -> {
            Condition proposed = condition(scheduleConditions(ns), "IdeasProposed");
            assertThat(proposed.getReason()).isEqualTo("CredentialsMissing");
            assertThat(proposed.getMessage()).contains("Secret " + ns + "/absent-llm-key");
        });
        assertThat(FAKE.requestsFor(model)).isEmpty();
    }

    @Test
    @Order(10)
    void missingModelNameIsReportedNamingTheField() {
        String ns = "llm-no-model";
        ContentSchedule schedule = llmSchedule(ns, "unused", 3, null);
        schedule.getSpec().getLlm().setModel(null);
        createKeySecret(ns, LlmGateway.DEFAULT_SECRET_KEY);
        client.resource(schedule).create();

        // the schedule's own check stops it before any run: Ready=False names the field, and nothing is proposed
        await().atMost(PATIENCE).untilAsserted(() -> {
            Condition ready = condition(scheduleConditions(ns), "Ready");
            assertThat(ready.getStatus()).isEqualTo("False");
            assertThat(ready.getReason()).isEqualTo("InvalidLlmSettings");
            assertThat(ready.getMessage()).contains("spec.llm.model");
        });
        assertThat(Conditions.find(scheduleConditions(ns), "IdeasProposed")).isEmpty();
    }

    @Test
    @Order(12)
    void theSamePromptToTheSameModelIsAnsweredFromTheCache() {
        String ns = "llm-cache";
        String model = "scenario-cache";
        createKeySecret(ns, LlmGateway.DEFAULT_SECRET_KEY);
        FAKE.enqueue(model, Reply.ok("first answer", 100, 50));
        LlmSettings llm = llmSchedule(ns, model, 3, null).getSpec().getLlm();
        llm.setSecretRef(new SecretKeyRef("llm-key", null));
        LlmRequest request = new LlmRequest(ns, "daily", null, null, "ideas", "v1@test", "system", "user");

        LlmAnswer paid = gateway.chat(llm, request);
        LlmAnswer cached = gateway.chat(llm, request);
        assertThat(paid.cached()).isFalse();
        assertThat(cached.cached()).isTrue();
        assertThat(cached.text()).isEqualTo("first answer");
        assertThat(cached.promptTokens() + cached.completionTokens()).isZero();
        assertThat(FAKE.requestsFor(model)).hasSize(1);
        assertThat(calls.callsOf(ns, "daily")).extracting(r -> r.cached).containsExactly(false, true);
        // another model is another cache entry
        llm.setModel(model + "-other");
        assertThatThrownBy(() -> gateway.chat(llm, request)).isInstanceOf(LlmException.class);
        assertThat(FAKE.requestsFor(model + "-other")).hasSize(1);
    }

    @Test
    @Order(13)
    void credentialsMissingNamesWhatWasLookedFor() {
        String ns = "llm-credentials";
        LlmSettings llm =
                llmSchedule(ns, "scenario-credentials", 3, null).getSpec().getLlm();
        LlmRequest request = new LlmRequest(ns, "daily", null, null, "ideas", "v1@test", "system", "user");
        // no secretRef and no operator Secret configured
        assertThatThrownBy(() -> gateway.chat(llm, request))
                .isInstanceOf(LlmException.class)
                .hasMessageContaining("spec.llm.secretRef")
                .hasMessageContaining("ANIMOPS_LLM_SECRET_NAME")
                .extracting(e -> ((LlmException) e).reason())
                .isEqualTo("CredentialsMissing");
        // a Secret without the key
        createKeySecret(ns, "other-key");
        llm.setSecretRef(new SecretKeyRef("llm-key", null));
        assertThatThrownBy(() -> gateway.chat(llm, request))
                .isInstanceOf(LlmException.class)
                .hasMessageContaining("Secret " + ns + "/llm-key")
                .hasMessageContaining("no key 'api-key'");
        assertThat(FAKE.requestsFor("scenario-credentials")).isEmpty();
    }

    @Test
    @Order(14)
    void aZeroBudgetProposesNoIdeasAndMakesNoCall() {
        String ns = "llm-budget-zero";
        String model = "scenario-budget-zero";
        FAKE.enqueue(model, Reply.ok(ideas("Never asked for"), 300, 200));
        startSchedule(ns, model, 3, 0L);

        await().atMost(PATIENCE).untilAsserted(() -> {
            Condition proposed = condition(scheduleConditions(ns), "IdeasProposed");
            assertThat(proposed.getStatus()).isEqualTo(Conditions.FALSE);
            assertThat(proposed.getReason()).isEqualTo("BudgetExhausted");
            assertThat(condition(scheduleConditions(ns), "BudgetExhausted").getStatus())
                    .isEqualTo(Conditions.TRUE);
        });
        assertThat(FAKE.requestsFor(model)).isEmpty();
        assertThat(ideasOf(client, ns, "daily")).isEmpty();
    }

    /**
     * Anthropic and Ollama are wired through their own LangChain4j clients and protocols: pointed at a server
     * that speaks neither, they reach it (their paths are not served) and fail at once, without retries.
     */
    @Test
    @Order(15)
    void anthropicAndOllamaCallTheirOwnEndpoints() {
        String ns = "llm-providers";
        createKeySecret(ns, LlmGateway.DEFAULT_SECRET_KEY);
        LlmRequest request = new LlmRequest(ns, "daily", null, null, "ideas", "v1@test", "system", "user");
        String root = FAKE.baseUrl().replace("/v1", "");
        for (LlmSettings.Provider provider : List.of(LlmSettings.Provider.Anthropic, LlmSettings.Provider.Ollama)) {
            LlmSettings llm = new LlmSettings();
            llm.setProvider(provider);
            llm.setModel("scenario-" + provider);
            llm.setBaseUrl(provider == LlmSettings.Provider.Anthropic ? root + "/anthropic/v1" : root + "/ollama");
            // Ollama needs no key; Anthropic takes it from the Secret
            llm.setSecretRef(provider == LlmSettings.Provider.Anthropic ? new SecretKeyRef("llm-key", null) : null);
            assertThatThrownBy(() -> gateway.chat(llm, request))
                    .isInstanceOf(LlmException.class)
                    .hasMessageContaining(provider + " model scenario-" + provider + " failed after 1 HTTP attempt(s)")
                    .extracting(e -> ((LlmException) e).reason())
                    .isEqualTo(LlmException.PROVIDER_ERROR);
        }
    }

    /** First-try and after-repair success rates, computed from the idea_authoring_outcomes view. */
    @Test
    @Order(11)
    void successRatesComeFromTheOutcomesView() {
        long[] row = database.first(
                        "select count(*), sum(case when first_try_valid then 1 else 0 end), "
                                + "sum(case when valid_after_repair then 1 else 0 end), sum(total_tokens) "
                                + "from idea_authoring_outcomes where namespace in ('llm-good', 'llm-repair', 'llm-exhausted')",
                        r -> new long[] {r.getLong(0), r.getLong(1), r.getLong(2), r.getLong(3)})
                .orElseThrow();
        long ideas = row[0];
        double firstTryRate = (double) row[1] / ideas;
        double afterRepairRate = (double) (row[1] + row[2]) / ideas;
        assertThat(ideas).isEqualTo(3);
        assertThat(firstTryRate).isEqualTo(1.0 / 3);
        assertThat(afterRepairRate).isEqualTo(2.0 / 3);
        // 8000 (good) + 16000 (repair) + 13000 (exhausted)
        assertThat(row[3]).isEqualTo(37000L);
    }

    private void startSchedule(String ns, String model, int maxScriptAttempts, Long dailyTokenBudget) {
        createKeySecret(ns, "token");
        ContentSchedule schedule = llmSchedule(ns, model, maxScriptAttempts, dailyTokenBudget);
        schedule.getSpec().getLlm().setSecretRef(new SecretKeyRef("llm-key", "token"));
        client.resource(schedule).create();
    }

    private void createKeySecret(String ns, String key) {
        client.resource(new SecretBuilder()
                        .withNewMetadata()
                        .withNamespace(ns)
                        .withName("llm-key")
                        .endMetadata()
                        .withData(Map.of(
                                key,
                                Base64.getEncoder()
                                        .encodeToString(FakeOpenAiServer.API_KEY.getBytes(StandardCharsets.UTF_8))))
                        .build())
                .create();
    }

    private static ContentSchedule llmSchedule(String ns, String model, int maxScriptAttempts, Long dailyTokenBudget) {
        ContentSchedule schedule = schedule(ns, "daily", Selection.Mode.Auto, 1, 1, 0.99);
        schedule.getSpec().setMaxScriptAttempts(maxScriptAttempts);
        LlmSettings llm = new LlmSettings();
        llm.setProvider(LlmSettings.Provider.OpenAi);
        llm.setModel(model);
        llm.setBaseUrl(FAKE.baseUrl());
        llm.setDailyTokenBudget(dailyTokenBudget);
        schedule.getSpec().setLlm(llm);
        return schedule;
    }

    private AnimationIdea awaitIdeaPhase(String ns, IdeaPhase phase) {
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<AnimationIdea> ideas = ideasOf(client, ns, "daily");
            assertThat(ideas).hasSize(1);
            assertThat(ideas.get(0).getStatus()).isNotNull();
            assertThat(ideas.get(0).getStatus().getPhase()).isEqualTo(phase);
        });
        return ideasOf(client, ns, "daily").get(0);
    }

    private ContentSchedule scheduleIn(String ns) {
        return client.resources(ContentSchedule.class)
                .inNamespace(ns)
                .withName("daily")
                .get();
    }

    /** The schedule's conditions, empty until its first status is written (so awaits keep polling). */
    private List<Condition> scheduleConditions(String ns) {
        ContentSchedule schedule = scheduleIn(ns);
        return schedule == null
                        || schedule.getStatus() == null
                        || schedule.getStatus().getConditions() == null
                ? List.of()
                : schedule.getStatus().getConditions();
    }

    private double meter(String name, String model, String tag, String value) {
        Counter counter = meters.find(name)
                .tags("provider", "OpenAi", "model", model, tag, value)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private double counter(String model, String kind) {
        Counter counter = meters.find(LlmGateway.TOKENS_METER)
                .tags("provider", "OpenAi", "model", model, "kind", kind)
                .counter();
        return counter == null ? 0 : counter.count();
    }

    private static List<ScriptAttempt> sorted(List<ScriptAttempt> attempts) {
        return attempts.stream()
                .sorted(Comparator.comparingInt(a -> a.getSpec().getAttempt()))
                .toList();
    }

    private static Condition condition(List<Condition> conditions, String type) {
        return Conditions.find(conditions, type)
                .orElseThrow(() -> new AssertionError("no condition " + type + " in " + conditions));
    }

    /** A recorded-style ideas answer: one idea, as the model is asked to give it. */
    private static String ideas(String title) {
        try {
            return JSON.writeValueAsString(List.of(Map.of(
                    "title",
                    title,
                    "premise",
                    "A scene about " + title.toLowerCase() + ", shown from start to finish in one take.",
                    "physicsHook",
                    "gravity and collisions",
                    "hook",
                    "how it ends")));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
