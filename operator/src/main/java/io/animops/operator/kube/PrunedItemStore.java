package io.animops.operator.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;

import java.util.function.Consumer;

/**
 * An informer's store that drops, as each resource comes in, fields its readers never need: every informer keeps
 * its own copy of every resource, and a secondary informer need not keep the large fields only the resource's own
 * reconciler reads. The resource is pruned in place before the informer's event handlers see it, so its readers
 * must never write it back (a write would lose the pruned fields).
 */
public class PrunedItemStore<V extends HasMetadata> extends BasicItemStore<V> {
    private final Consumer<V> prune;

    public PrunedItemStore(Consumer<V> prune) {
        super(Cache::metaNamespaceKeyFunc);
        this.prune = prune;
    }

    @Override
    public V put(String key, V resource) {
        prune.accept(resource);
        return super.put(key, resource);
    }
}
