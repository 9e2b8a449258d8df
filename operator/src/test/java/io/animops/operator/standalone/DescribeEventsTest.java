package io.animops.operator.standalone;

import io.animops.crds.Reasons;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.AnimationIdeaSpec;
import io.animops.operator.kube.EventRecorder;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The embedded API keeps the operator's events as a real one does: one Event per series, with its count. */
class DescribeEventsTest {
    static EmbeddedKubernetesApi api;
    static KubernetesClient client;

    @TempDir
    static Path dir;

    static Path kubeconfig;

    @BeforeAll
    static void start() {
        api = new EmbeddedKubernetesApi().start(FreePorts.next());
        api.applyCrds();
        client = api.client();
        kubeconfig = api.writeKubeconfig(dir.resolve("kubeconfig"));
        EventRecorder events = new EventRecorder(client, Clock.systemUTC());
        AnimationIdea copy = client.resource(idea("copy")).create();
        AnimationIdea other = client.resource(idea("other")).create();
        events.normal(copy, Reasons.PROPOSED, "proposed (source File)");
        events.warning(copy, Reasons.DUPLICATE, "similarity 0.97 to original");
        events.warning(copy, Reasons.DUPLICATE, "similarity 0.97 to original");
        events.normal(other, Reasons.TOP_BY_NOVELTY, "rank 1 by novelty");
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.stop();
        }
    }

    static boolean kubectlPresent() {
        return EmbeddedKubernetesApiTest.kubectlPresent();
    }

    @Test
    void aRepeatedWarningIsOneEventWithItsCount() {
        List<Event> events = client.v1()
                .events()
                .inNamespace("default")
                .withField("involvedObject.name", "copy")
                .list()
                .getItems();
        assertThat(events)
                .extracting(Event::getReason, Event::getCount)
                .containsExactlyInAnyOrder(tuple(Reasons.PROPOSED, 1), tuple(Reasons.DUPLICATE, 2));
    }

    @Test
    @EnabledIf("kubectlPresent")
    void kubectlDescribeShowsTheIdeasOwnEventsOnly() throws Exception {
        EmbeddedKubernetesApiTest.Result r =
                EmbeddedKubernetesApiTest.kubectl(kubeconfig, "describe", "idea", "copy", "-n", "default");
        assertThat(r.exit()).as(r.toString()).isZero();
        String events = r.out().substring(r.out().indexOf("Events:"));
        assertThat(events)
                .contains("Normal", Reasons.PROPOSED, "proposed (source File)")
                .contains("Warning", Reasons.DUPLICATE, "(x2 over", "similarity 0.97 to original")
                .doesNotContain(Reasons.TOP_BY_NOVELTY);
        assertThat(events.lines().filter(line -> line.contains(Reasons.DUPLICATE)))
                .hasSize(1);
    }

    private static AnimationIdea idea(String name) {
        AnimationIdea idea = new AnimationIdea();
        idea.setMetadata(
                new ObjectMetaBuilder().withName(name).withNamespace("default").build());
        AnimationIdeaSpec spec = new AnimationIdeaSpec();
        spec.setTitle("Falling dominoes " + name);
        spec.setPremise("A spiral of dominoes topples into a heart shape.");
        idea.setSpec(spec);
        return idea;
    }
}
