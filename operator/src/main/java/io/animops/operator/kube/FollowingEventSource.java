package io.animops.operator.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.javaoperatorsdk.operator.OperatorException;
import io.javaoperatorsdk.operator.processing.event.Event;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.AbstractEventSource;

import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * A secondary event source that follows another controller's informer ({@link SharedInformers}) instead of running
 * one of its own: the kind is watched, parsed and kept once. Its changes reconcile the primaries they map to, as an
 * informer event source's do, through the same filters; its secondary resources are the followed controller's
 * cached ones, which a reconciler reads and never writes.
 *
 * @param <R> the followed kind
 * @param <P> the primary kind of the reconciler it serves
 */
public class FollowingEventSource<R extends HasMetadata, P extends HasMetadata> extends AbstractEventSource<R, P>
        implements ResourceEventHandler<R> {
    private final SharedInformers informers;
    private final Function<R, Set<ResourceID>> toPrimaries;
    private final ResourceEventHandler<R> alsoTold;
    private final Duration syncTimeout;
    private volatile TellingItemStore<R> store;

    /**
     * @param toPrimaries the primaries a resource concerns, which its changes reconcile and which read it
     * @param alsoTold told of every change after the primaries are (the live stream)
     * @param syncTimeout how long {@link #start} waits for the followed informer to sync
     */
    public FollowingEventSource(
            Class<R> kind,
            SharedInformers informers,
            Function<R, Set<ResourceID>> toPrimaries,
            ResourceEventHandler<R> alsoTold,
            Duration syncTimeout) {
        super(kind, "following-" + kind.getSimpleName().toLowerCase());
        this.informers = informers;
        this.toPrimaries = toPrimaries;
        this.alsoTold = alsoTold;
        this.syncTimeout = syncTimeout;
        informers.indexBy(
                kind,
                resource -> toPrimaries.apply(resource).stream()
                        .map(FollowingEventSource::indexKey)
                        .toList());
    }

    /**
     * Waits for the followed informer to sync, then follows its store. A change before this source runs reconciles
     * nothing through it, and needs not: JOSDK reconciles every primary once all its event sources have started.
     */
    @Override
    public void start() throws OperatorException {
        SharedInformers.Shared<R> shared = informers.awaitSynced(resourceType(), syncTimeout);
        shared.store().follow(this);
        store = shared.store();
        super.start();
    }

    @Override
    public void stop() throws OperatorException {
        TellingItemStore<R> followed = store;
        if (followed != null) {
            followed.unfollow(this);
        }
        super.stop();
    }

    @Override
    public Set<R> getSecondaryResources(P primary) {
        TellingItemStore<R> followed = store;
        return followed == null ? Set.of() : identitySet(followed.byIndex(indexKey(ResourceID.fromResource(primary))));
    }

    /**
     * The store keeps one object per resource, so identity tells them apart: a hash set would hash every resource
     * whole (its spec and status, a render job's script with them) on every read.
     */
    private static <R> Set<R> identitySet(List<R> resources) {
        Set<R> set = Collections.newSetFromMap(new IdentityHashMap<>(resources.size() * 2));
        set.addAll(resources);
        return set;
    }

    @Override
    public void onAdd(R resource) {
        if (accepted(onAddFilter == null || onAddFilter.accept(resource), resource)) {
            reconcilePrimaries(resource);
        }
        alsoTold.onAdd(resource);
    }

    @Override
    public void onUpdate(R before, R after) {
        if (accepted(onUpdateFilter == null || onUpdateFilter.accept(after, before), after)) {
            reconcilePrimaries(after);
        }
        alsoTold.onUpdate(before, after);
    }

    @Override
    public void onDelete(R resource, boolean finalStateUnknown) {
        if (accepted(onDeleteFilter == null || onDeleteFilter.accept(resource, finalStateUnknown), resource)) {
            reconcilePrimaries(resource);
        }
        alsoTold.onDelete(resource, finalStateUnknown);
    }

    private boolean accepted(boolean byOwnFilter, R resource) {
        return byOwnFilter && (genericFilter == null || genericFilter.accept(resource));
    }

    private void reconcilePrimaries(R resource) {
        if (!isRunning()) {
            return;
        }
        for (ResourceID primary : toPrimaries.apply(resource)) {
            getEventHandler().handleEvent(new Event(primary));
        }
    }

    private static String indexKey(ResourceID primary) {
        return Cache.namespaceKeyFunc(primary.getNamespace().orElse(null), primary.getName());
    }
}
