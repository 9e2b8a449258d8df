package io.animops.operator.events;

import io.animops.crds.AnimOpsStatus;
import io.animops.crds.PhasedStatus;
import io.animops.crds.v1alpha1.RenderJobStatus;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Feeds the live stream from the reconcilers' own informers: one event per observed change of a resource's phase or
 * progress, or its creation or deletion. A deletion is also fired as a CDI {@link ResourceDeleted}.
 * <p>
 * Each kind is told by one event source a reconciler runs anyway ({@link #source}, or one following another
 * controller's informer, {@link #handler}): an informer of the stream's own was one more watch of every kind, and
 * parsing watch events was the largest single cost of the operator with 1,000 ideas in flight. JOSDK starts every
 * controller's event sources on every replica and holds back only the reconciliations of the ones not leading, so
 * each replica still streams to its own clients.
 */
@ApplicationScoped
public class ResourceEvents {

    @Inject
    EventHub hub;

    @Inject
    Event<ResourceDeleted> deletions;

    /**
     * An informer event source for a reconciler that also tells the live stream what it observes. One per kind:
     * a second would tell every change twice.
     */
    public <R extends CustomResource<?, ?>, P extends HasMetadata> InformerEventSource<R, P> source(
            InformerEventSourceConfiguration<R> configuration, EventSourceContext<P> context) {
        return new Streamed<>(configuration, context, handler());
    }

    /**
     * What the stream does with an informer's events: for {@link #source}, and for a source that follows another
     * controller's informer ({@link io.animops.operator.kube.FollowingEventSource}). One per kind.
     */
    public <T extends CustomResource<?, ?>> ResourceEventHandler<T> handler() {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T resource) {
                send("Added", resource);
            }

            @Override
            public void onUpdate(T before, T after) {
                if (!Objects.equals(summary(before), summary(after))) {
                    send("Changed", after);
                }
            }

            @Override
            public void onDelete(T resource, boolean finalStateUnknown) {
                send("Deleted", resource);
                deletions.fire(new ResourceDeleted(resource));
            }
        };
    }

    /**
     * A reconciler's informer event source whose events also go to the stream, after the reconciler has them: the
     * informer logs what the stream throws, and the reconciler is not held up by it.
     */
    private static final class Streamed<R extends HasMetadata, P extends HasMetadata>
            extends InformerEventSource<R, P> {
        private final ResourceEventHandler<R> stream;

        Streamed(
                InformerEventSourceConfiguration<R> configuration,
                EventSourceContext<P> context,
                ResourceEventHandler<R> stream) {
            super(configuration, context);
            this.stream = stream;
        }

        @Override
        public void onAdd(R resource) {
            super.onAdd(resource);
            stream.onAdd(resource);
        }

        @Override
        public void onUpdate(R before, R after) {
            super.onUpdate(before, after);
            stream.onUpdate(before, after);
        }

        @Override
        public synchronized void onDelete(R resource, boolean finalStateUnknown) {
            super.onDelete(resource, finalStateUnknown);
            stream.onDelete(resource, finalStateUnknown);
        }
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

    /**
     * Phase, progress and the observed generation: what the panel shows, without the whole status. Read from the typed
     * status: converting every status to a map, twice per informer event, was 1 % of the operator's CPU.
     */
    static Map<String, Object> summary(HasMetadata resource) {
        Map<String, Object> summary = new LinkedHashMap<>();
        if (!(resource instanceof CustomResource<?, ?> cr) || !(cr.getStatus() instanceof AnimOpsStatus status)) {
            return summary;
        }
        if (status instanceof PhasedStatus phased && phased.getPhase() != null) {
            summary.put("phase", phased.getPhase().name());
        }
        if (status instanceof RenderJobStatus job && job.getProgress() != null) {
            summary.put("progress", job.getProgress());
        }
        if (status.getObservedGeneration() != null) {
            summary.put("observedGeneration", status.getObservedGeneration());
        }
        return summary;
    }
}
