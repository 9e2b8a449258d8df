package io.animops.operator.events;

import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.Publication;
import io.animops.crds.v1alpha1.RenderAgent;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.ScriptAttempt;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.Informable;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.informers.cache.ReducedStateItemStore;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Feeds the live stream from informers on the pipeline's resources: one event per observed change of a resource's
 * phase or progress, or its creation or deletion. Every replica streams to its own clients, so each one informs,
 * leader or not. A deletion is also fired as a CDI {@link ResourceDeleted}.
 * <p>
 * The informers keep only what the stream compares ({@link #SUMMARY_FIELDS}): the reconcilers' informers hold the
 * whole resources already, and a third copy of every render job (with its script) and idea was a third of the
 * operator's informer memory with 1,000 ideas in flight.
 */
@ApplicationScoped
public class ResourceEvents {
    private static final Logger LOG = Logger.getLogger(ResourceEvents.class);
    private static final List<Class<? extends CustomResource<?, ?>>> KINDS =
            List.of(AnimationIdea.class, ScriptAttempt.class, RenderJob.class, Publication.class, RenderAgent.class);
    private static final List<String> SUMMARY = List.of("phase", "progress", "observedGeneration");
    /** What a live-event informer keeps of a resource (besides its name, namespace and resourceVersion). */
    static final String[] SUMMARY_FIELDS = Stream.concat(
                    Stream.of("metadata.uid"), SUMMARY.stream().map(field -> "status." + field))
            .toArray(String[]::new);

    @Inject
    KubernetesClient client;

    @Inject
    EventHub hub;

    @Inject
    Event<ResourceDeleted> deletions;

    private final List<SharedIndexInformer<?>> informers = new ArrayList<>();

    void start(@Observes StartupEvent start) {
        for (Class<? extends CustomResource<?, ?>> kind : KINDS) {
            try {
                informers.add(inform(kind));
            } catch (RuntimeException e) {
                LOG.warnf(
                        "live events: cannot watch %s (%s); the stream goes without them",
                        kind.getSimpleName(), e.getMessage());
            }
        }
    }

    void stop(@Observes ShutdownEvent stop) {
        informers.forEach(SharedIndexInformer::stop);
    }

    private <T extends CustomResource<?, ?>> SharedIndexInformer<T> inform(Class<T> kind) {
        ResourceEventHandler<T> handler = new ResourceEventHandler<>() {
            @Override
            public void onAdd(T resource) {
                send("Added", resource);
            }

            @Override
            public void onUpdate(T before, T after) {
                Map<String, Object> was = summary(before);
                Map<String, Object> now = summary(after);
                if (!Objects.equals(was, now)) {
                    send("Changed", after);
                }
            }

            @Override
            public void onDelete(T resource, boolean finalStateUnknown) {
                send("Deleted", resource);
                deletions.fire(new ResourceDeleted(resource));
            }
        };
        Informable<T> resources = kind == RenderAgent.class
                ? client.resources(kind)
                : client.resources(kind).inAnyNamespace();
        SharedIndexInformer<T> informer = resources.runnableInformer(0);
        informer.itemStore(new ReducedStateItemStore<>(
                ReducedStateItemStore.NAME_KEY_STATE, kind, client.getKubernetesSerialization(), SUMMARY_FIELDS));
        informer.addEventHandler(handler);
        // run() returns once the informer has listed what exists: those come as Added
        return informer.run();
    }

    /** The live-event informers (for tests). */
    List<SharedIndexInformer<?>> informers() {
        return informers;
    }

    private void send(String action, CustomResource<?, ?> resource) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("action", action);
        data.putAll(summary(resource));
        data.put("resourceVersion", resource.getMetadata().getResourceVersion());
        hub.publish(
                StreamEvent.CHANGE,
                resource.getKind(),
                resource.getMetadata().getNamespace(),
                resource.getMetadata().getName(),
                data);
    }

    /** Phase, progress and the summary condition's reason: what the panel shows, without the whole status. */
    static Map<String, Object> summary(HasMetadata resource) {
        Map<String, Object> summary = new LinkedHashMap<>();
        Object status = resource instanceof CustomResource<?, ?> cr ? cr.getStatus() : null;
        if (status == null) {
            return summary;
        }
        Map<?, ?> fields = SERIALIZATION.convertValue(status, Map.class);
        for (String field : SUMMARY) {
            if (fields.get(field) != null) {
                summary.put(field, fields.get(field));
            }
        }
        return summary;
    }

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();
}
