package io.animops.operator.kube;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.animops.crds.AnimOpsStatus;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/** Status written only when it changed, always stamped with the generation it was computed from. */
public final class StatusSupport {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StatusSupport() {
    }

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
        return observed;
    }

    public static <R extends CustomResource<?, S>, S extends AnimOpsStatus> UpdateControl<R> patchIfChanged(
            R resource, S observed, Duration requeue) {
        UpdateControl<R> control = Objects.equals(observed, resource.getStatus())
                ? UpdateControl.noUpdate()
                : UpdateControl.patchStatus(resource);
        return requeue == null ? control : control.rescheduleAfter(requeue);
    }
}
