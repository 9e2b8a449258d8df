package io.animops.operator.api;

import io.animops.crds.Conditions;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.IdeaPhase;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.crds.v1alpha1.ScriptAttempt;
import io.animops.crds.v1alpha1.Selection;
import io.animops.operator.idea.IdeaChildren;
import io.animops.operator.testing.EmbeddedPostgresResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.animops.operator.api.ApiCalls.authorized;
import static io.animops.operator.testing.Pipeline.attemptsOf;
import static io.animops.operator.testing.Pipeline.get;
import static io.animops.operator.testing.Pipeline.ideasOf;
import static io.animops.operator.testing.Pipeline.renderJobsOf;
import static io.animops.operator.testing.Pipeline.schedule;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The operator actions, each followed through the real pipeline (offline ideas file and scene library, no
 * render agent: the test writes render outcomes as an agent would): approve and reject, re-render, rerun of a
 * script attempt; their refusals, their idempotence and their audit records.
 */
@QuarkusTest
@TestProfile(ApiTestProfile.class)
@WithKubernetesTestServer(crud = true)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class ApiActionsTest {
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Inject
    KubernetesClient client;

    @Test
    void approveAndRejectDecideForAPersonAndTheIdeasMoveOn() {
        String ns = "api-manual";
        List<String> names = proposedUnderManualSelection(ns, "picks");
        String chosen = names.get(0);
        String declined = names.get(1);

        authorized()
                .body("{\"reason\": \"strong hook\"}")
                .when()
                .post(ideaPath(ns, chosen) + "/approve")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("done"))
                .body("action", equalTo("approve"));
        authorized()
                .when()
                .post(ideaPath(ns, declined) + "/reject")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("done"));
        assertThat(get(client, ns, chosen).getSpec().getApproved()).isTrue();
        assertThat(get(client, ns, declined).getSpec().getApproved()).isFalse();

        await().atMost(PATIENCE)
                .until(() -> phaseOf(ns, chosen) == IdeaPhase.Rendering && phaseOf(ns, declined) == IdeaPhase.Rejected);
        assertThat(Conditions.find(get(client, ns, chosen).getStatus().getConditions(), "Selected")
                        .orElseThrow()
                        .getReason())
                .isEqualTo("Approved");
        assertThat(Conditions.find(get(client, ns, declined).getStatus().getConditions(), "Succeeded")
                        .orElseThrow()
                        .getReason())
                .isEqualTo("Declined");

        // the idea is past selection now
        authorized()
                .when()
                .post(ideaPath(ns, chosen) + "/reject")
                .then()
                .statusCode(409)
                .contentType(ApiProblemMapper.PROBLEM_JSON)
                .body("detail", containsString("is Rendering"));
        assertThat(get(client, ns, chosen).getSpec().getApproved()).isTrue();

        // the detail answer follows the live resource
        authorized()
                .when()
                .get(ideaPath(ns, chosen))
                .then()
                .statusCode(200)
                .body("live", equalTo(true))
                .body("approved", equalTo(true))
                .body("phase", equalTo("Rendering"))
                .body("similarity.threshold", equalTo(0.99f))
                .body("attempts[0].name", equalTo(chosen + "-a1"))
                .body("renderJobs[0].name", equalTo(chosen + "-a1-preview"));

        // audited once each, by the API, with the reason
        authorized()
                .queryParam("eventType", "AnimationIdea.Approved")
                .queryParam("subjectName", chosen)
                .when()
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].actor", equalTo(ApiCalls.TOKEN_ACTOR))
                .body("items[0].payload.reason", equalTo("strong hook"))
                .body("items[0].subjectNamespace", equalTo(ns));
        authorized()
                .queryParam("eventType", "AnimationIdea.Rejected")
                .queryParam("subjectName", declined)
                .when()
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1));
    }

    @Test
    void repeatingADecisionChangesNothingAndIsNotAuditedTwice() {
        String ns = "api-repeat";
        String idea = proposedUnderManualSelection(ns, "again").get(0);
        authorized()
                .when()
                .post(ideaPath(ns, idea) + "/reject")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("done"));
        // before the operator moved the idea: nothing to change; after: it is no longer Proposed
        Response again = authorized().when().post(ideaPath(ns, idea) + "/reject");
        if (again.statusCode() == 200) {
            again.then().body("outcome", equalTo("unchanged"));
        } else {
            again.then().statusCode(409).body("detail", containsString("is Rejected"));
        }
        await().atMost(PATIENCE).until(() -> phaseOf(ns, idea) == IdeaPhase.Rejected);
        authorized()
                .queryParam("eventType", "AnimationIdea.Rejected")
                .queryParam("subjectName", idea)
                .when()
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1));
    }

    @Test
    void actionBodiesAndTargetsAreChecked() {
        String ns = "api-bodies";
        String idea = proposedUnderManualSelection(ns, "bodies").get(0);
        authorized()
                .body("{not json")
                .when()
                .post(ideaPath(ns, idea) + "/approve")
                .then()
                .statusCode(400)
                .contentType(ApiProblemMapper.PROBLEM_JSON)
                .body("field", equalTo("body"))
                .body("detail", containsString("not JSON"));
        authorized()
                .body("[1, 2]")
                .when()
                .post(ideaPath(ns, idea) + "/approve")
                .then()
                .statusCode(400)
                .body("field", equalTo("body"));
        authorized()
                .body("{\"reason\": 5}")
                .when()
                .post(ideaPath(ns, idea) + "/approve")
                .then()
                .statusCode(400)
                .body("field", equalTo("body.reason"));
        authorized()
                .body("{\"reasn\": \"typo\"}")
                .when()
                .post(ideaPath(ns, idea) + "/approve")
                .then()
                .statusCode(400)
                .body("field", equalTo("body.reasn"));
        authorized()
                .body("{\"reason\": \"" + "x".repeat(ActionBody.MAX_REASON + 1) + "\"}")
                .when()
                .post(ideaPath(ns, idea) + "/reject")
                .then()
                .statusCode(400)
                .body("field", equalTo("body.reason"));
        // nothing was written by the refused requests
        assertThat(get(client, ns, idea).getSpec().getApproved()).isNull();

        for (String action : List.of("approve", "reject", "rerun-attempt")) {
            authorized()
                    .when()
                    .post(ideaPath(ns, "missing") + "/" + action)
                    .then()
                    .statusCode(404)
                    .contentType(ApiProblemMapper.PROBLEM_JSON)
                    .body("detail", containsString("missing does not exist"));
        }
        authorized()
                .when()
                .post("/api/v1/renders/" + ns + "/missing/rerender")
                .then()
                .statusCode(404);
        // a job someone created by hand belongs to no idea: the idea lifecycle cannot render it again
        RenderJob byHand = new RenderJob();
        byHand.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder()
                .withNamespace(ns)
                .withName("by-hand")
                .build());
        byHand.setSpec(new io.animops.crds.v1alpha1.RenderJobSpec());
        byHand.getSpec().setScriptAttemptRef("some-attempt");
        byHand.getSpec().setMode(io.animops.crds.v1alpha1.RenderMode.Preview);
        client.resource(byHand).create();
        authorized()
                .when()
                .post(renderPath(ns, "by-hand") + "/rerender")
                .then()
                .statusCode(409)
                .contentType(ApiProblemMapper.PROBLEM_JSON)
                .body("detail", containsString("was not made for an idea"));
        authorized()
                .when()
                .post(ideaPath("Bad_NS", idea) + "/approve")
                .then()
                .statusCode(400)
                .body("field", equalTo("namespace"));
        // a Proposed idea has nothing to rerun
        authorized()
                .when()
                .post(ideaPath(ns, idea) + "/rerun-attempt")
                .then()
                .statusCode(409)
                .body("detail", containsString("no script attempt"));
    }

    @Test
    void rerenderMakesOneNewJobOfTheSameAttemptAndRerunMakesOneNewAttempt() {
        String ns = "api-rerun";
        String idea = proposedUnderManualSelection(ns, "reruns").get(0);
        authorized().when().post(ideaPath(ns, idea) + "/approve").then().statusCode(200);
        await().atMost(PATIENCE).until(() -> phaseOf(ns, idea) == IdeaPhase.Rendering);
        String attempt = idea + "-a1";
        String firstJob = attempt + "-preview";

        // still rendering: neither a new render nor a new attempt
        authorized()
                .when()
                .post(renderPath(ns, firstJob) + "/rerender")
                .then()
                .statusCode(409)
                .body("detail", containsString("is Rendering"));
        authorized()
                .when()
                .post(ideaPath(ns, idea) + "/rerun-attempt")
                .then()
                .statusCode(409)
                .body("detail", containsString("is Rendering"));

        finishAsAnAgent(ns, firstJob);
        await().atMost(PATIENCE).until(() -> phaseOf(ns, idea) == IdeaPhase.AwaitingQc);
        authorized()
                .when()
                .get(renderPath(ns, firstJob))
                .then()
                .statusCode(200)
                .body("live", equalTo(true))
                .body("idea", equalTo(idea))
                .body("phase", equalTo("Succeeded"))
                .body("artifacts.video.key", equalTo("renders/" + firstJob + "/video.mp4"))
                .body("links.video", containsString("/api/v1/artifacts/renders/" + firstJob + "/video.mp4?"));

        // re-render, asked twice: one new job beside the finished one
        Response first = authorized()
                .body("{\"reason\": \"flicker at 0:03\"}")
                .when()
                .post(renderPath(ns, firstJob) + "/rerender");
        first.then().statusCode(202).body("outcome", equalTo("done"));
        authorized()
                .when()
                .post(renderPath(ns, firstJob) + "/rerender")
                .then()
                .statusCode(202)
                .body("outcome", equalTo("pending"));
        String request = get(client, ns, idea).getSpec().getRerenderRequest();
        String secondJob = IdeaChildren.rerenderJobName(attempt, request);
        await().atMost(PATIENCE).untilAsserted(() -> {
            AnimationIdea current = get(client, ns, idea);
            assertThat(current.getStatus().getPhase()).isEqualTo(IdeaPhase.Rendering);
            assertThat(current.getStatus().getRenderJob()).isEqualTo(secondJob);
            assertThat(current.getStatus().getRerenderHandled()).isEqualTo(request);
        });
        authorized()
                .when()
                .post(renderPath(ns, firstJob) + "/rerender")
                .then()
                .statusCode(202)
                .body("outcome", equalTo("pending"))
                .body("detail", containsString(secondJob + " of the same attempt is under way"));
        List<RenderJob> jobs = renderJobsOf(client, ns, idea);
        assertThat(jobs).extracting(j -> j.getMetadata().getName()).containsExactlyInAnyOrder(firstJob, secondJob);
        assertThat(jobs)
                .filteredOn(
                        j -> j.getStatus() == null || !j.getStatus().getPhase().isTerminal())
                .hasSize(1);
        assertThat(jobs)
                .allSatisfy(j -> assertThat(j.getSpec().getScriptAttemptRef()).isEqualTo(attempt));
        authorized()
                .queryParam("eventType", "RenderJob.RerenderRequested")
                .queryParam("subjectName", firstJob)
                .when()
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1))
                .body("items[0].payload.reason", equalTo("flicker at 0:03"));

        // rerun of the script attempt, asked twice: attempt 2, once, repairing attempt 1
        finishAsAnAgent(ns, secondJob);
        await().atMost(PATIENCE).until(() -> phaseOf(ns, idea) == IdeaPhase.AwaitingQc);
        authorized()
                .when()
                .post(ideaPath(ns, idea) + "/rerun-attempt")
                .then()
                .statusCode(202)
                .body("outcome", equalTo("done"))
                .body("detail", containsString(idea + "-a2"));
        // asked again before the operator handled the request: pending; after: the idea is no longer AwaitingQc
        Response rerunAgain = authorized().when().post(ideaPath(ns, idea) + "/rerun-attempt");
        if (rerunAgain.statusCode() == 202) {
            rerunAgain.then().body("outcome", equalTo("pending"));
        } else {
            rerunAgain.then().statusCode(409).body("detail", containsString("AwaitingQc"));
        }
        await().atMost(PATIENCE)
                .until(() -> phaseOf(ns, idea) == IdeaPhase.Rendering
                        && (idea + "-a2")
                                .equals(get(client, ns, idea).getStatus().getCurrentAttempt()));
        List<ScriptAttempt> attempts = attemptsOf(client, ns, idea);
        assertThat(attempts).extracting(a -> a.getSpec().getAttempt()).containsExactlyInAnyOrder(1, 2);
        ScriptAttempt second = attempts.stream()
                .filter(a -> a.getSpec().getAttempt() == 2)
                .findFirst()
                .orElseThrow();
        assertThat(second.getSpec().getPreviousAttemptRef()).isEqualTo(attempt);
        assertThat(get(client, ns, idea).getStatus().getAttempts()).isEqualTo(2);
        authorized()
                .queryParam("eventType", "AnimationIdea.RerunAttemptRequested")
                .queryParam("subjectName", idea)
                .when()
                .get("/api/v1/audit")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1));
        // the superseded job is no longer the idea's to render again
        authorized()
                .when()
                .post(renderPath(ns, firstJob) + "/rerender")
                .then()
                .statusCode(409)
                .body("detail", containsString("not the current render job"));
    }

    @Test
    void aSpecWriteRacingAnotherWriterReadsChecksAndWritesAgain() {
        String ns = "api-contention";
        client.resource(io.animops.operator.testing.Pipeline.idea(
                        ns,
                        "contended",
                        "Two writers at once",
                        "A spec write meets a concurrent change and must not overwrite it."))
                .create();
        int[] reads = {0};
        AnimationIdea written = SpecWrites.update(client, AnimationIdea.class, ns, "contended", idea -> {
            if (reads[0]++ == 0) {
                // another client changes the idea between this read and the write, as kubectl patch would: without
                // a resourceVersion, so that the operator's status writes of the new idea cannot refuse it
                client.resources(AnimationIdea.class)
                        .inNamespace(ns)
                        .withName("contended")
                        .patch(
                                PatchContext.of(PatchType.JSON_MERGE),
                                "{\"spec\":{\"physicsHook\":\"written by the other client\"}}");
            }
            idea.getSpec().setHook("written by the API");
            return true;
        });
        assertThat(reads[0]).isGreaterThanOrEqualTo(2);
        assertThat(written.getSpec().getPhysicsHook()).isEqualTo("written by the other client");
        AnimationIdea stored = get(client, ns, "contended");
        assertThat(stored.getSpec().getHook()).isEqualTo("written by the API");
        assertThat(stored.getSpec().getPhysicsHook()).isEqualTo("written by the other client");
    }

    /**
     * A Manual schedule's two proposals, gated and waiting for a person. Its previews wait for a person's QC review
     * (AwaitingQc), where rerender and rerun apply.
     */
    private List<String> proposedUnderManualSelection(String ns, String scheduleName) {
        var schedule = schedule(ns, scheduleName, Selection.Mode.Manual, 2, 1, 0.99);
        schedule.getSpec().setQc(new io.animops.crds.v1alpha1.QcSettings());
        schedule.getSpec().getQc().setPolicy(io.animops.crds.v1alpha1.QcSettings.Policy.RequireReview);
        client.resource(schedule).create();
        await().atMost(PATIENCE).untilAsserted(() -> {
            List<AnimationIdea> ideas = ideasOf(client, ns, scheduleName);
            assertThat(ideas).hasSize(2);
            assertThat(ideas)
                    .allSatisfy(i -> assertThat(
                                    i.getStatus() == null ? null : i.getStatus().getPhase())
                            .isEqualTo(IdeaPhase.Proposed));
        });
        return ideasOf(client, ns, scheduleName).stream()
                .map(i -> i.getMetadata().getName())
                .sorted()
                .toList();
    }

    /** What an agent writes when it has rendered and uploaded a job (a merge patch of its status fields). */
    private void finishAsAnAgent(String ns, String job) {
        await().atMost(PATIENCE).until(() -> {
            RenderJob stored = client.resources(RenderJob.class)
                    .inNamespace(ns)
                    .withName(job)
                    .get();
            return stored != null
                    && stored.getStatus() != null
                    && stored.getStatus().getScript() != null;
        });
        // media facts that pass the automatic QC items of a 540x960, 30 fps, 20 s preview
        Map<String, Object> media = Map.of(
                "durationSeconds",
                20.0,
                "width",
                540,
                "height",
                960,
                "fps",
                30.0,
                "bytes",
                400_000,
                "bitRate",
                160_000,
                "blackSegments",
                List.of(),
                "frozenSegments",
                List.of());
        Map<String, Object> status = Map.of(
                "phase",
                RenderPhase.Succeeded.name(),
                "agent",
                "mac-test",
                "media",
                media,
                "artifacts",
                Map.of("video", Map.of("key", "renders/" + job + "/video.mp4", "contentType", "video/mp4")));
        client.resources(RenderJob.class)
                .inNamespace(ns)
                .withName(job)
                .subresource("status")
                .patch(PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(Map.of("status", status)));
    }

    private IdeaPhase phaseOf(String ns, String name) {
        AnimationIdea idea = get(client, ns, name);
        return idea == null || idea.getStatus() == null
                ? null
                : idea.getStatus().getPhase();
    }

    private static String ideaPath(String ns, String name) {
        return "/api/v1/ideas/" + ns + "/" + name;
    }

    private static String renderPath(String ns, String name) {
        return "/api/v1/renders/" + ns + "/" + name;
    }
}
