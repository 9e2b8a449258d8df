package io.animops.operator.standalone;

import io.animops.crds.Reasons;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.AnimationIdeaSpec;
import io.animops.operator.kube.EventRecorder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;

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
