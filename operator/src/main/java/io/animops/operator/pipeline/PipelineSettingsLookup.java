package io.animops.operator.pipeline;

import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.ContentSchedule;
import io.animops.operator.config.AnimOpsConfig;
import io.animops.operator.kube.SharedInformers;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.Optional;
import java.util.function.Function;

/** The settings that apply to an idea: those of the schedule it names, else the operator's defaults. */
@ApplicationScoped
public class PipelineSettingsLookup {
    @Inject
    AnimOpsConfig config;

    @Inject
    SharedInformers sharedInformers;

    public PipelineSettings forIdea(KubernetesClient client, AnimationIdea idea) {
        return forSchedule(scheduleOf(client, idea));
    }

    /**
     * The schedule the idea names, or null (none named, or none of that name exists): as the schedule controller's
     * informer has it, else asked of the API.
     */
    public ContentSchedule scheduleOf(KubernetesClient client, AnimationIdea idea) {
        String namespace = idea.getMetadata().getNamespace();
        return scheduleOf(client, idea, name -> sharedInformers.cached(ContentSchedule.class, namespace, name));
    }

    /**
     * The same, looked up first in an informer's cache by name (an idea is reconciled on every event of its
     * children: a request each time would cost the API server more than the reconciliation); asked of the API
     * only when the cache has no schedule of that name, so that a deletion is confirmed, not guessed.
     */
    public ContentSchedule scheduleOf(
            KubernetesClient client, AnimationIdea idea, Function<String, Optional<ContentSchedule>> cached) {
        String scheduleRef = idea.getSpec().getScheduleRef();
        if (scheduleRef == null) {
            return null;
        }
        return cached.apply(scheduleRef)
                .orElseGet(() -> client.resources(ContentSchedule.class)
                        .inNamespace(idea.getMetadata().getNamespace())
                        .withName(scheduleRef)
                        .get());
    }

    public PipelineSettings forSchedule(ContentSchedule schedule) {
        return PipelineSettings.of(schedule, config);
    }
}
