package io.animops.operator.pipeline;

import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.ContentSchedule;
import io.animops.operator.config.AnimOpsConfig;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The settings that apply to an idea: those of the schedule it names, else the operator's defaults. */
@ApplicationScoped
public class PipelineSettingsLookup {
    @Inject
    AnimOpsConfig config;

    public PipelineSettings forIdea(KubernetesClient client, AnimationIdea idea) {
        return forSchedule(scheduleOf(client, idea));
    }

    /** The schedule the idea names, or null (none named, or none of that name exists). */
    public ContentSchedule scheduleOf(KubernetesClient client, AnimationIdea idea) {
        String scheduleRef = idea.getSpec().getScheduleRef();
        return scheduleRef == null
                ? null
                : client.resources(ContentSchedule.class)
                        .inNamespace(idea.getMetadata().getNamespace())
                        .withName(scheduleRef)
                        .get();
    }

    public PipelineSettings forSchedule(ContentSchedule schedule) {
        return PipelineSettings.of(schedule, config);
    }
}
