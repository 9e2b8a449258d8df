package io.animops.operator.standalone;

import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.AnimationIdeaSpec;
import io.animops.crds.v1alpha1.AnimationIdeaStatus;
import io.animops.crds.v1alpha1.IdeaPhase;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.Operator;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A real JOSDK 5 operator with its defaults (server-side apply for status and finalizers) against the embedded API:
 * what the operator does in standalone mode, minus Quarkus.
 */
class JosdkOnEmbeddedApiTest {
    EmbeddedKubernetesApi api;
    Operator operator;
    KubernetesClient client;
    final AtomicInteger cleanups = new AtomicInteger();

    /** Accepts every idea, through a status patch; cleans up before deletion, so JOSDK manages a finalizer. */
    class AcceptingReconciler implements Reconciler<AnimationIdea>, Cleaner<AnimationIdea> {
        @Override
        public UpdateControl<AnimationIdea> reconcile(AnimationIdea idea, Context<AnimationIdea> context) {
            if (idea.getStatus() != null && idea.getStatus().getPhase() == IdeaPhase.Accepted) {
                return UpdateControl.noUpdate();
            }
            AnimationIdea patch = new AnimationIdea();
            patch.setMetadata(new ObjectMetaBuilder().withName(idea.getMetadata().getName())
                    .withNamespace(idea.getMetadata().getNamespace()).build());
            AnimationIdeaStatus status = new AnimationIdeaStatus();
            status.setPhase(IdeaPhase.Accepted);
            status.setAttempts(0);
            patch.setStatus(status);
            return UpdateControl.patchStatus(patch);
        }

        @Override
        public DeleteControl cleanup(AnimationIdea idea, Context<AnimationIdea> context) {
            cleanups.incrementAndGet();
            return DeleteControl.defaultDelete();
        }
    }

    @BeforeEach
    void start() {
        api = new EmbeddedKubernetesApi().start(FreePorts.next());
        api.applyCrds();
        client = api.client();
        operator = new Operator(o -> o.withKubernetesClient(client).withCloseClientOnStop(false));
        operator.register(new AcceptingReconciler());
        operator.start();
    }

    @AfterEach
    void stop() {
        if (operator != null) {
            operator.stop();
        }
        api.stop();
    }

    @Test
    void statusIsWrittenByServerSideApplyAndTheFinalizerIsHonouredOnDelete() {
        AnimationIdea idea = new AnimationIdea();
        idea.setMetadata(new ObjectMetaBuilder().withName("bouncing-balls").withNamespace("default").build());
        AnimationIdeaSpec spec = new AnimationIdeaSpec();
        spec.setTitle("Bouncing balls");
        spec.setPremise("Balls of different elasticity bounce in a glass box.");
        idea.setSpec(spec);
        client.resource(idea).create();

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            AnimationIdea stored = client.resources(AnimationIdea.class).inNamespace("default").withName("bouncing-balls").get();
            assertThat(stored.getStatus()).isNotNull();
            assertThat(stored.getStatus().getPhase()).isEqualTo(IdeaPhase.Accepted);
            assertThat(stored.getMetadata().getFinalizers()).isNotEmpty();
            assertThat(stored.getSpec().getTitle()).isEqualTo("Bouncing balls");
        });

        client.resources(AnimationIdea.class).inNamespace("default").withName("bouncing-balls").delete();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(client.resources(AnimationIdea.class).inNamespace("default").withName("bouncing-balls").get()).isNull());
        assertThat(cleanups.get()).isEqualTo(1);
    }
}
