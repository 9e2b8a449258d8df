package io.animops.operator.kube;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.animops.crds.AnimOpsStatus;
import io.animops.crds.ConditionTypes;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;

import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/** Status written only when it changed, always stamped with the generation it was computed from. */
public final class StatusSupport {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** After a status write met a newer version: soon, deciding again on what is stored. */
    public static final Duration CONFLICT_RETRY = Duration.ofSeconds(1);

    private StatusSupport() {}

    /** A deep copy, to compare the status after reconciliation with the one observed. */
    @SuppressWarnings("unchecked")
    public static <S> S copy(S status) {
        return status == null ? null : (S) MAPPER.convertValue(status, status.getClass());
    }

    /**
     * Starts a reconciliation: makes sure there is a status to write into, stamps it with the generation
     * being reconciled, and returns a copy of the status as observed (null when there was none).
     */
    public static <S extends AnimOpsStatus> S begin(CustomResource<?, S> resource, Supplier<S> empty) {
        S observed = copy(resource.getStatus());
        if (resource.getStatus() == null) {
            resource.setStatus(empty.get());
        }
        resource.getStatus().setObservedGeneration(resource.getMetadata().getGeneration());
        // a reconciliation that completes clears the error a failed one reported (ReconcileErrors)
        if (resource.getStatus().getConditions() != null) {
            resource.getStatus().getConditions().removeIf(c -> ConditionTypes.RECONCILE_ERROR.equals(c.getType()));
        }
        return observed;
    }

    /**
     * Writes the status now, not when the reconciliation returns, and only against the resourceVersion it was
     * computed from. False on a conflict (the resource changed meanwhile): nothing was written, and the caller decides
     * again on what is stored. This is for a reconciliation that records what it wrote (the audit trail), and for
     * kinds whose status has a second writer (render agents write RenderJob and RenderAgent status), whose newer
     * write must never be overwritten with older values. It goes through JOSDK, so that the next reconciliation sees
     * what was written and the watch event of this write reconciles nothing again (a controller that reconciles on
     * status changes would otherwise run once more for each of its own writes).
     */
    public static <R extends CustomResource<?, S>, S extends AnimOpsStatus> boolean writeNow(
            R resource, S observed, Context<R> context) {
        if (Objects.equals(observed, resource.getStatus())) {
            return true;
        }
        return unlessConflict(() -> context.resourceOperations().updatePrimaryStatus(resource));
    }

    /** True when the write went through, false when the API answered 409 Conflict. */
    private static boolean unlessConflict(Runnable write) {
        try {
            write.run();
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                return false;
            }
            throw e;
        }
    }

    /** Look again after a while, or only on events when {@code requeue} is null. */
    public static <R extends HasMetadata> UpdateControl<R> requeue(Duration requeue) {
        UpdateControl<R> control = UpdateControl.noUpdate();
        return requeue == null ? control : control.rescheduleAfter(requeue);
    }

    public static <R extends CustomResource<?, S>, S extends AnimOpsStatus> UpdateControl<R> patchIfChanged(
            R resource, S observed, Duration requeue) {
        if (Objects.equals(observed, resource.getStatus())) {
            return requeue(requeue);
        }
        UpdateControl<R> control = UpdateControl.patchStatus(resource);
        return requeue == null ? control : control.rescheduleAfter(requeue);
    }
}
