package io.animops.operator.kube;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.animops.crds.v1alpha1.JobScript;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderJobSpec;
import io.animops.crds.v1alpha1.RenderJobStatus;
import io.animops.crds.v1alpha1.RenderMode;
import io.animops.crds.v1alpha1.RenderPhase;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.WatchEvent;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The copy the Operator SDK reconciles, as deep as one through JSON text; watch events read as Fabric8 reads them. */
class OperatorSerializationTest {
    private final KubernetesSerialization serialization = new OperatorSerialization(new ObjectMapper());
    private final KubernetesSerialization fabric8s = new KubernetesSerialization(new ObjectMapper(), false);

    {
        serialization.registerKubernetesResource(RenderJob.class);
        fabric8s.registerKubernetesResource(RenderJob.class);
    }

    @Test
    void aCopyEqualsTheOriginalAndSharesNoMutableState() {
        RenderJob job = job();
        RenderJob copy = serialization.clone(job);

        assertThat(copy).isNotSameAs(job);
        assertThat(serialization.asJson(copy)).isEqualTo(new KubernetesSerialization().asJson(job));
        assertThat(copy.getKind()).isEqualTo("RenderJob");

        copy.getMetadata().getLabels().put("changed", "yes");
        copy.getStatus().setPhase(RenderPhase.Failed);
        copy.getStatus().getConditions().get(0).setStatus("False");
        copy.getStatus().getScript().setSource("changed");
        assertThat(job.getMetadata().getLabels()).doesNotContainKey("changed");
        assertThat(job.getStatus().getPhase()).isEqualTo(RenderPhase.Rendering);
        assertThat(job.getStatus().getConditions().get(0).getStatus()).isEqualTo("True");
        assertThat(job.getStatus().getScript().getSource()).isEqualTo("extends Node2D\n");
    }

    @Test
    void aWatchEventReadsAsFabric8ReadsIt() {
        String event = "  {\"type\":\"MODIFIED\",\"object\":" + fabric8s.asJson(job()) + "}";

        WatchEvent read = serialization.unmarshal(event, WatchEvent.class);
        WatchEvent expected = fabric8s.unmarshal(event, WatchEvent.class);

        assertThat(read.getObject()).isInstanceOf(RenderJob.class);
        assertThat(serialization.asJson(read)).isEqualTo(fabric8s.asJson(expected));
    }

    @Test
    void textThatIsNotJsonStillReadsAsYaml() {
        ConfigMap read = serialization.unmarshal(
                "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\ndata:\n  title: Bounce\n", ConfigMap.class);
        assertThat(read.getData()).containsEntry("title", "Bounce");
    }

    @Test
    void brokenJsonIsTheClientsErrorAsFabric8sIs() {
        String broken = "{\"type\":\"MODIFIED\",\"object\":{\"kind\":";
        assertThatThrownBy(() -> serialization.unmarshal(broken, WatchEvent.class))
                .isInstanceOf(KubernetesClientException.class);
        assertThatThrownBy(() -> fabric8s.unmarshal(broken, WatchEvent.class))
                .isInstanceOf(KubernetesClientException.class);
    }

    @Test
    void nothingCopiesToNothing() {
        assertThat(serialization.<RenderJob>clone(null)).isNull();
    }

    private static RenderJob job() {
        RenderJob job = new RenderJob();
        job.setMetadata(new ObjectMetaBuilder()
                .withNamespace("copies")
                .withName("job-1")
                .withResourceVersion("7")
                .addToLabels("animops.io/idea", "idea-1")
                .build());
        RenderJobSpec spec = new RenderJobSpec();
        spec.setScriptAttemptRef("attempt-1");
        spec.setMode(RenderMode.Final);
        job.setSpec(spec);
        RenderJobStatus status = new RenderJobStatus();
        status.setPhase(RenderPhase.Rendering);
        status.setScript(new JobScript("abc", "extends Node2D\n", "1"));
        status.setConditions(new ArrayList<>(List.of(new ConditionBuilder()
                .withType("Succeeded")
                .withStatus("True")
                .withReason("Rendered")
                .build())));
        job.setStatus(status);
        return job;
    }
}
