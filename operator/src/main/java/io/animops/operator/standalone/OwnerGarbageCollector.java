package io.animops.operator.standalone;

import org.jboss.logging.Logger;

/**
 * What Kubernetes' garbage collector does and the mock server does not: when an object is deleted, its
 * dependents (objects whose ownerReferences name its uid) are deleted too, and theirs in turn. Along the pipeline's
 * chain ({@code OwnedChildren}) deleting an idea removes its script attempts, their render jobs and the final jobs'
 * publications. A schedule owns none of its ideas (they link to it by label and {@code spec.scheduleRef}), so
 * deleting it keeps them; only an idea made before that change, whose owner reference to the schedule its next
 * reconcile has not yet removed, goes with it. Dependents are found
 * through the {@link ObjectIndex}'s owner index, without reading any other object.
 */
final class OwnerGarbageCollector {
    private static final Logger LOG = Logger.getLogger(OwnerGarbageCollector.class);

    private final WatchedCrudDispatcher crud;

    OwnerGarbageCollector(WatchedCrudDispatcher crud) {
        this.crud = crud;
    }

    /** Deletes, depth first, every object owned by {@code ownerUid}. */
    void deleteDependentsOf(String ownerUid) {
        for (ObjectIndex.Key key : crud.objects().ownedBy(ownerUid)) {
            // a dependent of two deleted owners may be gone already
            crud.objects().get(key).ifPresent(dependent -> {
                crud.delete(dependent);
                LOG.debugf("garbage-collected %s (owner %s)", key, ownerUid);
                if (!dependent.uid().isEmpty()) {
                    deleteDependentsOf(dependent.uid());
                }
            });
        }
    }
}
