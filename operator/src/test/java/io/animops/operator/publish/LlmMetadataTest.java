package io.animops.operator.publish;

import io.animops.crds.AnimOps;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.ContentSchedule;
import io.animops.crds.v1alpha1.Platform;
import io.animops.crds.v1alpha1.Publication;
import io.animops.crds.v1alpha1.PublicationSpec;
import io.animops.crds.v1alpha1.PublishSettings;
import io.animops.crds.v1alpha1.PublishedMetadata;
import io.animops.crds.v1alpha1.Selection;
import io.animops.operator.config.AnimOpsConfig;
import io.animops.operator.llm.LlmCallRecord;
import io.animops.operator.llm.LlmCallRepository;
import io.animops.operator.pipeline.PipelineSettings;
import io.animops.operator.testing.EmbeddedPostgresResource;
import io.animops.operator.testing.FakeOpenAiServer;
import io.animops.operator.testing.FakeOpenAiServer.Reply;
import io.animops.operator.testing.Pipeline;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Metadata written by the schedule's model (a fake OpenAI-compatible server), and the template when it cannot be. */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@QuarkusTestResource(EmbeddedPostgresResource.class)
class LlmMetadataTest {
    private static final FakeOpenAiServer FAKE = new FakeOpenAiServer();

    @Inject
    LlmMetadataAuthor author;

    @Inject
    KubernetesClient client;

    @Inject
    LlmCallRepository calls;

    @Inject
    AnimOpsConfig config;

    @AfterAll
    static void stopFake() {
        FAKE.close();
    }

    @Test
    void theSchedulesModelWritesTheMetadataWithAVersionedPromptAndItsCostIsRecorded() {
        String ns = "meta-good";
        String longTitle =
                "Forty glass marbles race down a wobbly wooden ramp that slowly breaks apart under their weight"
                        + " in glorious slow motion";
        FAKE.enqueue(
                "meta-good",
                Reply.ok(
                        "```json\n{\"title\": \"" + longTitle + "\", \"description\": \"Each marble"
                                + " carries momentum into the next.\", \"tags\": [\"marbles\", \"#momentum\", \"physics\"]}\n```",
                        400,
                        60));

        MetadataAuthor.Draft draft = author.write(idea(ns), settings(ns, "meta-good", true), publication(ns, true));

        assertThat(draft.byModel()).isTrue();
        assertThat(draft.description()).isEqualTo("Each marble carries momentum into the next.");
        // the schedule's tags first, the model's after them, none twice
        assertThat(draft.tags()).containsExactly("physics", "satisfying", "marbles", "momentum");
        assertThat(draft.note())
                .contains("OpenAi model meta-good")
                .contains("prompt v1@")
                .contains("400 prompt + 60 completion tokens");
        FakeOpenAiServer.Request request = FAKE.requestsFor("meta-good").get(0);
        assertThat(request.system())
                .contains("YouTube Shorts")
                .contains("made for kids")
                .contains("at most 100 characters");
        assertThat(request.user())
                .contains("Marbles meet a breaking ramp")
                .contains("A ramp gives way under forty marbles")
                .contains("physics, satisfying");
        LlmCallRecord row = calls.callsOf(ns, "daily").stream()
                .filter(r -> r.purpose.equals("metadata"))
                .findFirst()
                .orElseThrow();
        assertThat(row.promptTokens).isEqualTo(400);
        assertThat(row.completionTokens).isEqualTo(60);
        assertThat(row.promptVersion).startsWith("v1@");
        assertThat(row.ideaName).isEqualTo("marbles");

        // the model's title is too long for YouTube: cut at a word boundary, and the cut recorded
        PublishedMetadata sent = PlatformLimits.youTube(draft.asSpec());
        assertThat(sent.getTitle()).hasSizeLessThanOrEqualTo(100).endsWith("under their weight in");
        assertThat(sent.getCuts()).singleElement().asString().startsWith("title: cut from 118 to 97 characters");
    }

    @Test
    void aModelThatStaysDownLeavesTheTemplatesMetadata() {
        String ns = "meta-down";
        FAKE.enqueue(
                "meta-down",
                Reply.serverError(),
                Reply.serverError(),
                Reply.serverError(),
                Reply.serverError(),
                Reply.serverError(),
                Reply.serverError());

        MetadataAuthor.Draft draft = author.write(idea(ns), settings(ns, "meta-down", false), publication(ns, false));

        assertThat(draft.byModel()).isFalse();
        assertThat(draft.title()).isEqualTo("Marbles meet a breaking ramp");
        assertThat(draft.tags()).containsExactly("physics", "satisfying");
        assertThat(draft.note())
                .startsWith("the model failed (ProviderUnavailable")
                .endsWith("the template wrote the metadata");
    }

    @Test
    void anAnswerThatIsNoMetadataLeavesTheTemplatesAndSaysWhy() {
        String ns = "meta-prose";
        FAKE.enqueue(
                "meta-prose",
                Reply.ok("Sure! A great title would be: Marbles!", 300, 20),
                Reply.ok("{\"title\": \"Marbles\", \"tags\": \"marbles\"}", 300, 20));

        MetadataAuthor.Draft prose = author.write(idea(ns), settings(ns, "meta-prose", false), publication(ns, false));
        MetadataAuthor.Draft badTags = author.write(idea(ns), settings(ns, "meta-prose", false), publication(ns, true));

        assertThat(prose.byModel()).isFalse();
        assertThat(prose.note()).contains("was not usable: no JSON object in the answer");
        assertThat(badTags.byModel()).isFalse();
        assertThat(badTags.note()).contains("\"tags\" is not an array");
    }

    @Test
    void offlineSchedulesAndPublicationsWithoutAnIdeaUseTheTemplateWithoutAModelCall() {
        PipelineSettings offline = PipelineSettings.of(null, config);
        Publication publication = publication("meta-offline", false);

        MetadataAuthor.Draft byTemplate = author.write(idea("meta-offline"), offline, publication);
        MetadataAuthor.Draft noIdea = author.write(publication);

        assertThat(byTemplate.byModel()).isFalse();
        assertThat(byTemplate.note()).contains("spec.llm is Offline");
        assertThat(noIdea.byModel()).isFalse();
        assertThat(noIdea.note()).contains("idea meta-offline/marbles not found");
        assertThat(calls.callsOf("meta-offline", "daily")).isEmpty();
    }

    private static AnimationIdea idea(String ns) {
        AnimationIdea idea =
                Pipeline.idea(ns, "marbles", "Marbles meet a breaking ramp", "A ramp gives way under forty marbles.");
        idea.getSpec().setScheduleRef("daily");
        return idea;
    }

    private PipelineSettings settings(String ns, String model, boolean madeForKids) {
        client.resource(FakeOpenAiServer.keySecret(ns)).createOr(r -> r.update());
        ContentSchedule schedule = Pipeline.schedule(ns, "daily", Selection.Mode.Auto, 1, 1, 0.99);
        schedule.getSpec().setLlm(FAKE.llm(model));
        PublishSettings publishing = new PublishSettings();
        publishing.setMadeForKids(madeForKids);
        publishing.setTags(List.of("physics", "satisfying"));
        schedule.getSpec().setPublishing(publishing);
        return PipelineSettings.of(schedule, config);
    }

    /** The publication as the idea's pipeline makes it: the template's metadata in its spec. */
    private static Publication publication(String ns, boolean madeForKids) {
        Publication publication = new Publication();
        publication.setMetadata(new ObjectMetaBuilder()
                .withNamespace(ns)
                .withName("marbles-youtube")
                .withAnnotations(Map.of(AnimOps.LABEL_IDEA, "marbles"))
                .build());
        PublicationSpec spec = new PublicationSpec();
        spec.setPlatform(Platform.YouTube);
        spec.setRenderJobRef("marbles-final");
        spec.setTitle("Marbles meet a breaking ramp");
        spec.setDescription("A ramp gives way under forty marbles.");
        spec.setTags(List.of("physics", "satisfying"));
        spec.setMadeForKids(madeForKids);
        publication.setSpec(spec);
        return publication;
    }
}
