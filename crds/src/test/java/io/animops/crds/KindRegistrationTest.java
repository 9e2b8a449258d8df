package io.animops.crds;

import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderPhase;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.ServiceLoader;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind is listed for the Kubernetes client's deserializer (META-INF/services), so that a watch event's object
 * is read straight into its type: unlisted, the client reads it as a generic resource and then converts it, twice the
 * work for every event every informer receives.
 */
class KindRegistrationTest {
    @Test
    void everyKindIsRegisteredWithTheClientsDeserializer() {
        var registered = ServiceLoader.load(KubernetesResource.class).stream()
                .map(ServiceLoader.Provider::type)
                .filter(type -> type.getPackageName().startsWith("io.animops."))
                .toList();
        assertThat(registered)
                .containsExactlyInAnyOrder(
                        Arrays.asList(GeneratedCrdsTest.KINDS).toArray(Class[]::new));
    }

    @Test
    void aWatchEventIsReadIntoTheKindItNames() {
        String event = """
                {"type":"MODIFIED","object":{"apiVersion":"animops.io/v1alpha1","kind":"RenderJob",
                 "metadata":{"name":"idea-1-final","namespace":"default","resourceVersion":"42"},
                 "spec":{"mode":"Final"},"status":{"phase":"Rendering"}}}
                """;
        WatchEvent read = new KubernetesSerialization().unmarshal(event, WatchEvent.class);

        assertThat(read.getObject()).isInstanceOf(RenderJob.class);
        RenderJob job = (RenderJob) read.getObject();
        assertThat(job.getStatus().getPhase()).isEqualTo(RenderPhase.Rendering);
        assertThat(job.getMetadata().getResourceVersion()).isEqualTo("42");
    }
}
