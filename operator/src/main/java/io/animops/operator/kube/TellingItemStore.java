package io.animops.operator.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A controller's informer store that tells followers of every resource put in or removed, with the one it replaced:
 * another controller follows the kind through it ({@link FollowingEventSource}) instead of through an informer of its
 * own, which would watch and parse every change of the kind a second time.
 * <p>
 * Followers are told on the informer's thread, as the store changes, once the store's own index has the change (the
 * informer's indexes are updated only after the store, so a follower reading them at once could miss a new
 * resource). They must be quick, and must never write the resources they are given: the controller reads them.
 */
public class TellingItemStore<V extends HasMetadata> extends BasicItemStore<V> {
    private static final Logger LOG = Logger.getLogger(TellingItemStore.class);

    private final List<ResourceEventHandler<V>> followers = new CopyOnWriteArrayList<>();
    /** Index key to the store keys of the resources it names, for {@link #byIndex}. */
    private final Map<String, Set<String>> index = new ConcurrentHashMap<>();

    private volatile Function<V, List<String>> indexer = resource -> List.of();

    public TellingItemStore() {
        super(Cache::metaNamespaceKeyFunc);
    }

    /** What {@link #byIndex} finds a resource by; set before the informer starts, while the store is empty. */
    public void indexBy(Function<V, List<String>> indexer) {
        if (size() > 0) {
            throw new IllegalStateException("the index of a store is set before its informer fills it");
        }
        this.indexer = indexer;
    }

    public void follow(ResourceEventHandler<V> follower) {
        followers.add(follower);
    }

    public void unfollow(ResourceEventHandler<V> follower) {
        followers.remove(follower);
    }

    /** The resources the index names by the key, as stored now. */
    public List<V> byIndex(String key) {
        Set<String> keys = index.get(key);
        return keys == null
                ? List.of()
                : keys.stream().map(this::get).filter(Objects::nonNull).toList();
    }

    @Override
    public V put(String key, V resource) {
        V replaced = super.put(key, resource);
        // the new keys before the old ones go, so that a reader meanwhile finds the resource under a key it keeps
        List<String> indexKeys = indexer.apply(resource);
        for (String indexKey : indexKeys) {
            index.computeIfAbsent(indexKey, k -> ConcurrentHashMap.newKeySet()).add(key);
        }
        if (replaced != null) {
            unindex(key, replaced, indexKeys);
        }
        for (ResourceEventHandler<V> follower : followers) {
            tell(() -> {
                if (replaced == null) {
                    follower.onAdd(resource);
                } else {
                    follower.onUpdate(replaced, resource);
                }
            });
        }
        return replaced;
    }

    @Override
    public V remove(String key) {
        V removed = super.remove(key);
        if (removed != null) {
            unindex(key, removed, List.of());
            for (ResourceEventHandler<V> follower : followers) {
                tell(() -> follower.onDelete(removed, false));
            }
        }
        return removed;
    }

    private void unindex(String key, V resource, List<String> kept) {
        for (String indexKey : indexer.apply(resource)) {
            if (kept.contains(indexKey)) {
                continue;
            }
            index.computeIfPresent(indexKey, (k, keys) -> {
                keys.remove(key);
                return keys.isEmpty() ? null : keys;
            });
        }
    }

    /** A follower's failure is logged: the store must take the change whatever its followers do with it. */
    private static void tell(Runnable telling) {
        try {
            telling.run();
        } catch (RuntimeException e) {
            LOG.warnf(e, "a follower of an informer's store failed on a change");
        }
    }
}
