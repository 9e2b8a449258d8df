package io.animops.operator.kube;

import io.animops.crds.AnimOps;
import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderJobSpec;
import io.animops.crds.v1alpha1.RenderJobStatus;
import io.animops.crds.v1alpha1.RenderMode;
import io.animops.crds.v1alpha1.RenderPhase;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.javaoperatorsdk.operator.OperatorException;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** A source following a render job informer's store, as the ideas follow the render job controller's. */
@EnableKubernetesMockClient(crud = true)
class FollowingEventSourceTest {
    static KubernetesClient client;

    private final SharedInformers informers = new SharedInformers();
    private final List<ResourceID> reconciled = new CopyOnWriteArrayList<>();
    private final List<String> streamed = new CopyOnWriteArrayList<>();
    private SharedIndexInformer<RenderJob> informer;
    private FollowingEventSource<RenderJob, AnimationIdea> source;

    @AfterEach
    void stop() {
        if (source != null) {
            source.stop();
        }
        if (informer != null) {
            informer.stop();
        }
    }

    @Test
    void changesReconcileTheirIdeaThroughTheFiltersAndTheIdeaReadsItsJobsFromTheFollowedStore() throws Exception {
        client.resource(job("before-start", "idea-a")).create();
        source = follower(Duration.ofSeconds(10));
        // the follower starts only once the followed informer has listed the kind, as JOSDK's own informers do
        CompletableFuture<Void> started = CompletableFuture.runAsync(source::start);
        TellingItemStore<RenderJob> store = new TellingItemStore<>();
        informer = client.resources(RenderJob.class)
                .inAnyNamespace()
                .runnableInformer(0)
                .itemStore(store);
        informers.share(RenderJob.class, store, informer::hasSynced);
        assertThat(started).isNotDone();
        informer.start();
        started.get();
        assertThat(source.getSecondaryResources(idea("idea-a")))
                .extracting(j -> j.getMetadata().getName())
                .containsExactly("before-start");

        RenderJob job = client.resource(job("preview", "idea-a")).create();
        await().atMost(Duration.ofSeconds(10)).until(() -> reconciled.size() == 1);
        assertThat(source.getSecondaryResources(idea("idea-a")))
                .extracting(j -> j.getMetadata().getName())
                .containsExactlyInAnyOrder("before-start", "preview");
        assertThat(source.getSecondaryResources(idea("idea-b"))).isEmpty();

        // a change the filter lets through reconciles the idea; one it stops is only streamed
        job.setStatus(new RenderJobStatus());
        job.getStatus().setPhase(RenderPhase.Claimed);
        job = client.resource(job).updateStatus();
        job.getStatus().setAgent("mac-1");
        job = client.resource(job).updateStatus();
        await().atMost(Duration.ofSeconds(10)).until(() -> streamed("preview").size() == 3);
        assertThat(reconciled).containsExactly(ideaId("idea-a"), ideaId("idea-a"));

        client.resource(job).delete();
        await().atMost(Duration.ofSeconds(10)).until(() -> reconciled.size() == 3);
        assertThat(source.getSecondaryResources(idea("idea-a")))
                .extracting(j -> j.getMetadata().getName())
                .containsExactly("before-start");
        assertThat(streamed("preview"))
                .containsExactly("add preview", "update preview", "update preview", "delete preview");
        // what the informer listed before the source followed it was not told as new
        assertThat(streamed).doesNotContain("add before-start");
    }

    @Test
    void aFollowedInformerThatNeverSyncsFailsTheStartInTime() {
        source = follower(Duration.ofMillis(300));
        informers.share(RenderJob.class, new TellingItemStore<>(), () -> false);

        assertThatThrownBy(source::start)
                .isInstanceOf(OperatorException.class)
                .hasMessage("the informer of RenderJob did not sync within PT0.3S");
        assertThat(source.isRunning()).isFalse();
    }

    @Test
    void aKindIsIndexedForOneFollowerOnly() {
        source = follower(Duration.ofSeconds(1));

        assertThatThrownBy(() -> follower(Duration.ofSeconds(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("the shared store of RenderJob is indexed once");
    }

    private List<String> streamed(String job) {
        return streamed.stream().filter(change -> change.endsWith(" " + job)).toList();
    }

    private FollowingEventSource<RenderJob, AnimationIdea> follower(Duration syncTimeout) {
        FollowingEventSource<RenderJob, AnimationIdea> following = new FollowingEventSource<>(
                RenderJob.class, informers, FollowingEventSourceTest::ideaOf, streamHandler(), syncTimeout);
        following.setEventHandler(event -> reconciled.add(event.getRelatedCustomResourceID()));
        following.setOnUpdateFilter((after, before) -> !Objects.equals(phase(after), phase(before)));
        return following;
    }

    private ResourceEventHandler<RenderJob> streamHandler() {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(RenderJob job) {
                streamed.add("add " + job.getMetadata().getName());
            }

            @Override
            public void onUpdate(RenderJob before, RenderJob after) {
                streamed.add("update " + after.getMetadata().getName());
            }

            @Override
            public void onDelete(RenderJob job, boolean finalStateUnknown) {
                streamed.add("delete " + job.getMetadata().getName());
            }
        };
    }

    private static RenderPhase phase(RenderJob job) {
        return job.getStatus() == null ? null : job.getStatus().getPhase();
    }

    private static Set<ResourceID> ideaOf(HasMetadata job) {
        return Set.of(ideaId(job.getMetadata().getAnnotations().get(AnimOps.LABEL_IDEA)));
    }

    private static ResourceID ideaId(String name) {
        return new ResourceID(name, "studio");
    }

    private static AnimationIdea idea(String name) {
        AnimationIdea idea = new AnimationIdea();
        idea.setMetadata(
                new ObjectMetaBuilder().withNamespace("studio").withName(name).build());
        return idea;
    }

    private static RenderJob job(String name, String idea) {
        RenderJob job = new RenderJob();
        job.setMetadata(new ObjectMetaBuilder()
                .withNamespace("studio")
                .withName(name)
                .withAnnotations(Map.of(AnimOps.LABEL_IDEA, idea))
                .build());
        RenderJobSpec spec = new RenderJobSpec();
        spec.setScriptAttemptRef("attempt-1");
        spec.setMode(RenderMode.Preview);
        job.setSpec(spec);
        return job;
    }
}
