package io.animops.operator.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.fabric8.kubernetes.client.informers.cache.ItemStore;
import io.javaoperatorsdk.operator.OperatorException;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.health.InformerHealthIndicator;
import io.javaoperatorsdk.operator.processing.event.source.informer.ManagedInformerEventSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The controllers' informers that other controllers follow ({@link FollowingEventSource}) instead of watching the
 * kind themselves. A kind's own reconciler shares its informer's {@link TellingItemStore} while its event sources are
 * prepared; a follower indexes it then too, and waits at its start until the informer has synced, as JOSDK waits for
 * an informer of its own before the first reconciliation.
 */
@ApplicationScoped
public class SharedInformers {
    private static final Duration POLL = Duration.ofMillis(50);

    /** A kind's shared store, and whether its informer has listed the kind. */
    public record Shared<R extends HasMetadata>(TellingItemStore<R> store, BooleanSupplier synced) {}

    private final Map<Class<?>, CompletableFuture<Shared<?>>> shared = new ConcurrentHashMap<>();
    private final Map<Class<?>, Function<?, List<String>>> indexers = new ConcurrentHashMap<>();

    /**
     * Shares the informer of a reconciler's primary kind; called from its {@code prepareEventSources}. Its controller
     * must keep the kind in a {@link TellingItemStore} ({@code @Informer(itemStore = TellingItemStore.class)}).
     */
    public synchronized <R extends HasMetadata> void share(EventSourceContext<R> context) {
        Class<R> kind = context.getPrimaryResourceClass();
        ItemStore<R> store =
                context.getControllerConfiguration().getInformerConfig().getItemStore();
        if (!(store instanceof TellingItemStore<R> telling)) {
            throw new IllegalStateException("the controller of " + kind.getSimpleName()
                    + " keeps no TellingItemStore (@Informer(itemStore = TellingItemStore.class)):"
                    + " others cannot follow it");
        }
        if (!(context.getPrimaryCache() instanceof ManagedInformerEventSource<?, ?, ?> informer)) {
            throw new IllegalStateException("the primary cache of " + kind.getSimpleName() + " is no informer");
        }
        share(kind, telling, () -> {
            Map<String, InformerHealthIndicator> informers = informer.informerHealthIndicators();
            return !informers.isEmpty() && informers.values().stream().allMatch(InformerHealthIndicator::hasSynced);
        });
    }

    /** Shares a kind's store, which its informer has filled once {@code synced} says so. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    synchronized <R extends HasMetadata> void share(Class<R> kind, TellingItemStore<R> store, BooleanSupplier synced) {
        Function indexer = indexers.get(kind);
        if (indexer != null) {
            store.indexBy(indexer);
        }
        // asked on every cached read: once listed, an informer stays so, and JOSDK builds its indicators per call
        AtomicBoolean listed = new AtomicBoolean();
        future(kind).complete(new Shared<>(store, () -> {
            if (!listed.get() && synced.getAsBoolean()) {
                listed.set(true);
            }
            return listed.get();
        }));
    }

    /** Indexes a kind's shared store; called while event sources are prepared, before the store fills. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public synchronized <R extends HasMetadata> void indexBy(Class<R> kind, Function<R, List<String>> indexer) {
        if (indexers.putIfAbsent(kind, indexer) != null) {
            throw new IllegalStateException("the shared store of " + kind.getSimpleName() + " is indexed once");
        }
        CompletableFuture<Shared<?>> already = future(kind);
        if (already.isDone()) {
            ((TellingItemStore) already.join().store()).indexBy(indexer);
        }
    }

    /** The kind's shared store once its informer has synced. */
    @SuppressWarnings("unchecked")
    public <R extends HasMetadata> Shared<R> awaitSynced(Class<R> kind, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            Shared<R> found = (Shared<R>) future(kind).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            while (!found.synced().getAsBoolean()) {
                if (System.nanoTime() > deadline) {
                    throw new TimeoutException();
                }
                Thread.sleep(POLL.toMillis());
            }
            return found;
        } catch (TimeoutException e) {
            throw new OperatorException("the informer of " + kind.getSimpleName() + " did not sync within " + timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OperatorException("interrupted while waiting for the informer of " + kind.getSimpleName());
        } catch (ExecutionException e) {
            throw new OperatorException(e.getCause());
        }
    }

    /**
     * The object as the kind's controller's informer has it now, to be read and never written; empty when the kind is
     * not shared, its informer has not synced, or it has no such object. The cache may lag the API by a watch event:
     * a caller asks the API when what it found is not what it needs (absent, or not yet in the phase it waits for).
     */
    @SuppressWarnings("unchecked")
    public <R extends HasMetadata> Optional<R> cached(Class<R> kind, String namespace, String name) {
        CompletableFuture<Shared<?>> found = shared.get(kind);
        if (found == null || !found.isDone()) {
            return Optional.empty();
        }
        Shared<R> kindShared = (Shared<R>) found.join();
        return kindShared.synced().getAsBoolean()
                ? Optional.ofNullable(kindShared.store().get(Cache.namespaceKeyFunc(namespace, name)))
                : Optional.empty();
    }

    /**
     * The object as {@link #cached} has it when {@code enough} holds for it, else as the API has it now (null when it
     * does not exist): the API confirms an absence, or a phase the cache has not caught up with yet.
     */
    public <R extends HasMetadata> R cachedOrRead(
            KubernetesClient client, Class<R> kind, String namespace, String name, Predicate<? super R> enough) {
        return cached(kind, namespace, name)
                .filter(enough)
                .orElseGet(() -> client.resources(kind)
                        .inNamespace(namespace)
                        .withName(name)
                        .get());
    }

    private CompletableFuture<Shared<?>> future(Class<?> kind) {
        return shared.computeIfAbsent(kind, k -> new CompletableFuture<>());
    }
}
