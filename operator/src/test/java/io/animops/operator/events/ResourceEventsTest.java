package io.animops.operator.events;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.animops.crds.v1alpha1.ContentSchedule;
import io.animops.crds.v1alpha1.ContentScheduleStatus;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderJobSpec;
import io.animops.crds.v1alpha1.RenderJobStatus;
import io.animops.crds.v1alpha1.RenderMode;
import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.crds.v1alpha1.RenderProgress;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
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

/** The stream's handler, on an informer of the kind as a reconciler's event source runs one. */
@EnableKubernetesMockClient(crud = true)
class ResourceEventsTest {
    static KubernetesClient client;

    private final List<StreamEvent> published = new CopyOnWriteArrayList<>();
    private final List<ResourceDeleted> deleted = new CopyOnWriteArrayList<>();
    private final ResourceEvents events = new ResourceEvents();
    private SharedIndexInformer<RenderJob> informer;

    @BeforeEach
    void start() {
        events.hub = new EventHub(100, 50) {
            @Override
            public synchronized void publish(
                    String type, String kind, String namespace, String name, Map<String, Object> data) {
                published.add(new StreamEvent("", type, kind, namespace, name, data));
            }
        };
        events.deletions = new Recorded<>(deleted);
        informer = client.resources(RenderJob.class).inAnyNamespace().inform(events.handler());
    }

    @AfterEach
    void stop() {
        informer.stop();
    }

    @Test
    void eachChangeTheStreamShowsIsToldOnceAndTheDeletionIsFired() {
        RenderJob job = client.resource(job("told")).create();
        job.setStatus(new RenderJobStatus());
        job.getStatus().setPhase(RenderPhase.Pending);
        job = client.resource(job).updateStatus();
        await().atMost(Duration.ofSeconds(10)).until(() -> changes("told").contains("Changed Pending"));

        // a write that changes nothing the stream shows is not told; the next phase is
        job.getStatus().setAgent("mac-1");
        job = client.resource(job).updateStatus();
        job.getStatus().setPhase(RenderPhase.Claimed);
        client.resource(job).updateStatus();
        await().atMost(Duration.ofSeconds(10)).until(() -> changes("told").contains("Changed Claimed"));
        assertThat(changes("told")).containsExactly("Added -", "Changed Pending", "Changed Claimed");
        assertThat(published.get(published.size() - 1).kind()).isEqualTo("RenderJob");

        client.resource(job).delete();
        await().atMost(Duration.ofSeconds(10)).until(() -> !deleted.isEmpty());
        assertThat(deleted.get(0).resource().getMetadata().getUid())
                .isEqualTo(job.getMetadata().getUid());
        assertThat(changes("told")).endsWith("Deleted Claimed");
    }

    @Test
    void theSummaryReadsAsTheStatusFieldsItNames() throws Exception {
        RenderJob job = job("summarised");
        RenderJobStatus status = new RenderJobStatus();
        status.setPhase(RenderPhase.Rendering);
        status.setObservedGeneration(3L);
        status.setAgent("mac-1");
        RenderProgress progress = new RenderProgress();
        progress.setPercent(42);
        progress.setFrames(126);
        status.setProgress(progress);
        job.setStatus(status);

        // as the panel reads it: the fields of the status, in JSON, and nothing else of it
        assertThat(new ObjectMapper().writeValueAsString(ResourceEvents.summary(job)))
                .isEqualTo("{\"phase\":\"Rendering\",\"progress\":{\"frames\":126,\"percent\":42},"
                        + "\"observedGeneration\":3}");
        // a status without a phase (a schedule's), and a resource without a status, have what they have
        ContentSchedule schedule = new ContentSchedule();
        schedule.setStatus(new ContentScheduleStatus());
        schedule.getStatus().setObservedGeneration(1L);
        assertThat(ResourceEvents.summary(schedule)).isEqualTo(Map.of("observedGeneration", 1L));
        assertThat(ResourceEvents.summary(job("bare"))).isEmpty();
    }

    private List<String> changes(String name) {
        return published.stream()
                .filter(e -> e.name().equals(name))
                .map(e -> e.data().get("action") + " " + e.data().getOrDefault("phase", "-"))
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
