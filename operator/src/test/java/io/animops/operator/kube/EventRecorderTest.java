package io.animops.operator.kube;

import io.animops.crds.Conditions;
import io.animops.crds.Reasons;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.RenderAgent;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderJobStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the recorder keeps an object's events: its namespace, or {@code default} for a cluster-scoped one. */
@EnableKubernetesMockClient(crud = true)
class EventRecorderTest {
    KubernetesClient client;
    KubernetesMockServer server;

    @Test
    void anAgentsEventsAreKeptInTheDefaultNamespaceAndNameNoNamespaceForTheAgent() {
        RenderAgent agent = named(new RenderAgent(), "mac-1", null);
        EventRecorder events = new EventRecorder(client, Clock.systemUTC());

        events.warning(agent, Reasons.HEARTBEAT_EXPIRED, "no heartbeat for 90 s");
        events.warning(agent, Reasons.HEARTBEAT_EXPIRED, "no heartbeat for 90 s");

        List<Event> kept = client.v1().events().inAnyNamespace().list().getItems();
        assertThat(kept).singleElement().satisfies(e -> {
            assertThat(e.getMetadata().getNamespace()).isEqualTo("default");
            assertThat(e.getInvolvedObject().getKind()).isEqualTo("RenderAgent");
            assertThat(e.getInvolvedObject().getName()).isEqualTo("mac-1");
            assertThat(e.getInvolvedObject().getNamespace()).isNull();
            assertThat(e.getReason()).isEqualTo(Reasons.HEARTBEAT_EXPIRED);
            assertThat(e.getCount()).as("the repeat counted on the same event").isEqualTo(2);
        });
    }

    @Test
    void aNamespacedObjectsEventsAreKeptInItsNamespace() {
        AnimationIdea idea = named(new AnimationIdea(), "dominoes", "studio");

        new EventRecorder(client, Clock.systemUTC()).normal(idea, Reasons.PROPOSED, "proposed (source File)");

        List<Event> kept = client.v1().events().inAnyNamespace().list().getItems();
        assertThat(kept).singleElement().satisfies(e -> {
            assertThat(e.getMetadata().getNamespace()).isEqualTo("studio");
            assertThat(e.getInvolvedObject().getNamespace()).isEqualTo("studio");
            assertThat(e.getInvolvedObject().getName()).isEqualTo("dominoes");
        });
    }

    @Test
    void aRepeatIsOneMergePatchOfTheSeriesWithoutReadingItFirst() throws InterruptedException {
        AnimationIdea idea = named(new AnimationIdea(), "dominoes", "studio");
        EventRecorder events = new EventRecorder(client, Clock.systemUTC());
        events.warning(idea, Reasons.DUPLICATE, "similarity 0.97 to original");
        int before = server.getRequestCount();

        events.warning(idea, Reasons.DUPLICATE, "similarity 0.97 to original");

        assertThat(server.getRequestCount() - before).isEqualTo(1);
        RecordedRequest update = server.getLastRequest();
        assertThat(update.getMethod()).isEqualTo("PATCH");
        assertThat(update.getHeader("Content-Type")).startsWith("application/merge-patch+json");
        assertThat(client.v1().events().inNamespace("studio").list().getItems())
                .singleElement()
                .satisfies(e -> assertThat(e.getCount()).isEqualTo(2));
    }

    @Test
    void aRepeatOfASeriesDeletedMeanwhileCreatesItAgainWithTheFullCount() {
        AnimationIdea idea = named(new AnimationIdea(), "dominoes", "studio");
        EventRecorder events = new EventRecorder(client, Clock.systemUTC());
        events.warning(idea, Reasons.DUPLICATE, "similarity 0.97 to original");
        client.v1().events().inNamespace("studio").delete();

        events.warning(idea, Reasons.DUPLICATE, "similarity 0.97 to original");

        assertThat(client.v1().events().inNamespace("studio").list().getItems())
                .singleElement()
                .satisfies(e -> {
                    assertThat(e.getReason()).isEqualTo(Reasons.DUPLICATE);
                    assertThat(e.getCount()).isEqualTo(2);
                    assertThat(e.getInvolvedObject().getName()).isEqualTo("dominoes");
                });
    }

    @Test
    void aJobWaitingForAClaimIsToldByItsConditionAndTheClaimByAnEvent() {
        RenderJob job = named(new RenderJob(), "idea-a1-preview", "studio");
        EventRecorder events = new EventRecorder(client, Clock.systemUTC());
        RenderJobStatus status = new RenderJobStatus();
        Conditions.set(status, Clock.systemUTC(), "Succeeded", Conditions.UNKNOWN, Reasons.WAITING_FOR_CLAIM, "w");
        events.summaryChanged(job, status.getConditions(), "Succeeded");
        Conditions.set(status, Clock.systemUTC(), "Succeeded", Conditions.UNKNOWN, Reasons.CLAIMED, "by mac-1");
        events.summaryChanged(job, status.getConditions(), "Succeeded");

        assertThat(client.v1().events().inNamespace("studio").list().getItems())
                .extracting(Event::getReason)
                .containsExactly(Reasons.CLAIMED);
    }

    private static <T extends HasMetadata> T named(T resource, String name, String namespace) {
        resource.setMetadata(new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(namespace)
                .withUid(name + "-uid")
                .build());
        return resource;
    }
}
