package io.animops.operator.events;

import io.animops.crds.v1alpha1.JobScript;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderJobSpec;
import io.animops.crds.v1alpha1.RenderJobStatus;
import io.animops.crds.v1alpha1.RenderMode;
import io.animops.crds.v1alpha1.RenderPhase;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.NotificationOptions;
import jakarta.enterprise.util.TypeLiteral;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.annotation.Annotation;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@EnableKubernetesMockClient(crud = true)
class ResourceEventsTest {
    static KubernetesClient client;

    private final List<StreamEvent> published = new CopyOnWriteArrayList<>();
    private final List<ResourceDeleted> deleted = new CopyOnWriteArrayList<>();
    private final ResourceEvents events = new ResourceEvents();

    @BeforeEach
    void start() {
        events.client = client;
        events.hub = new EventHub(100, 50) {
            @Override
            public synchronized void publish(
                    String type, String kind, String namespace, String name, Map<String, Object> data) {
                published.add(new StreamEvent("", type, kind, namespace, name, data));
            }
        };
        events.deletions = new Recorded<>(deleted);
        events.start(null);
    }

    @AfterEach
    void stop() {
        events.stop(null);
    }

    @Test
    void theInformersKeepTheSummaryOnlyAndStillTellEachChangeAndTheDeletion() {
        RenderJob job = client.resource(job("keeps-little")).create();
        job.setStatus(new RenderJobStatus());
        job.getStatus().setPhase(RenderPhase.Pending);
        job.getStatus().setScript(new JobScript("abc", "extends Node2D\n".repeat(400), "1"));
        job = client.resource(job).updateStatus();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> changes("keeps-little").contains("Changed Pending"));

        RenderJob cached = renderJobsCached().get(0);
        assertThat(cached.getMetadata().getName()).isEqualTo("keeps-little");
        assertThat(cached.getMetadata().getUid()).isEqualTo(job.getMetadata().getUid());
        assertThat(cached.getStatus().getPhase()).isEqualTo(RenderPhase.Pending);
        // the script and the spec stay with the reconcilers' informers
        assertThat(cached.getStatus().getScript()).isNull();
        assertThat(cached.getSpec()).isNull();

        // a write that changes nothing the stream shows is not told; the next phase is
        job.getStatus().setAgent("mac-1");
        job = client.resource(job).updateStatus();
        job.getStatus().setPhase(RenderPhase.Claimed);
        client.resource(job).updateStatus();
        await().atMost(Duration.ofSeconds(10))
                .until(() -> changes("keeps-little").contains("Changed Claimed"));
        assertThat(changes("keeps-little")).containsExactly("Added -", "Changed Pending", "Changed Claimed");

        client.resource(job).delete();
        await().atMost(Duration.ofSeconds(10)).until(() -> !deleted.isEmpty());
        assertThat(deleted.get(0).resource().getMetadata().getUid())
                .isEqualTo(job.getMetadata().getUid());
        assertThat(changes("keeps-little")).endsWith("Deleted Claimed");
    }

    private List<String> changes(String name) {
        return published.stream()
                .filter(e -> e.name().equals(name))
                .map(e -> e.data().get("action") + " " + e.data().getOrDefault("phase", "-"))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private List<RenderJob> renderJobsCached() {
        return events.informers().stream()
                .flatMap(i -> i.getStore().list().stream())
                .filter(RenderJob.class::isInstance)
                .map(r -> (RenderJob) r)
                .toList();
    }

    private static RenderJob job(String name) {
        RenderJob job = new RenderJob();
        job.setMetadata(
                new ObjectMetaBuilder().withNamespace("live").withName(name).build());
        RenderJobSpec spec = new RenderJobSpec();
        spec.setScriptAttemptRef("attempt-1");
        spec.setMode(RenderMode.Preview);
        job.setSpec(spec);
        return job;
    }

    /** A CDI event that keeps what is fired. */
    private record Recorded<T>(List<T> fired) implements Event<T> {
        @Override
        public void fire(T event) {
            fired.add(event);
        }

        @Override
        public <U extends T> CompletionStage<U> fireAsync(U event) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends T> CompletionStage<U> fireAsync(U event, NotificationOptions options) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Event<T> select(Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends T> Event<U> select(Class<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }

        @Override
        public <U extends T> Event<U> select(TypeLiteral<U> subtype, Annotation... qualifiers) {
            throw new UnsupportedOperationException();
        }
    }
}
