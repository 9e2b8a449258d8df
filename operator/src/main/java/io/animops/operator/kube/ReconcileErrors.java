package io.animops.operator.kube;

import io.animops.crds.AnimOpsStatus;
import io.animops.crds.ConditionTypes;
import io.animops.crds.Conditions;
import io.animops.crds.Reasons;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.function.Supplier;

/**
 * What every reconciler does when it throws: condition {@code ReconcileError} (True, reason ReconcileFailed, the
 * exception's message) and a Warning event on the resource, so the failure shows in {@code kubectl describe} and
 * not only in the logs. JOSDK then retries with its exponential backoff. The condition is dropped again by the
 * next reconciliation that completes ({@link StatusSupport#begin}).
 */
@ApplicationScoped
public class ReconcileErrors {
    /** The API server's limit on a condition message is 32 KiB; a stack of causes fits in far less. */
    private static final int MAX_MESSAGE = 2000;

    private static final Logger LOG = Logger.getLogger(ReconcileErrors.class);

    @Inject
    Clock clock;

    @Inject
    EventRecorder events;

    /** For kinds whose status only the operator writes: the status is patched. */
    public <R extends CustomResource<?, S>, S extends AnimOpsStatus> ErrorStatusUpdateControl<R> report(
            R resource, Context<R> context, Exception error, Supplier<S> empty) {
        return ErrorStatusUpdateControl.patchStatus(withError(resource, context, error, empty));
    }

    /**
     * For kinds render agents write too (RenderJob, RenderAgent): the status is replaced only against the
     * resourceVersion read, as {@link StatusSupport#writeNow} does, so an agent's newer write stays.
     * On a conflict nothing is written; the retry reconciles what the agent wrote.
     */
    public <R extends CustomResource<?, S>, S extends AnimOpsStatus> ErrorStatusUpdateControl<R> reportShared(
            R resource, Context<R> context, Exception error, Supplier<S> empty) {
        R copy = withError(resource, context, error, empty);
        try {
            context.getClient()
                    .resource(copy)
                    .lockResourceVersion(copy.getMetadata().getResourceVersion())
                    .updateStatus();
        } catch (KubernetesClientException e) {
            LOG.debugf(
                    "ReconcileError of %s/%s not written: %s",
                    copy.getMetadata().getNamespace(), copy.getMetadata().getName(), e.getMessage());
        }
        return ErrorStatusUpdateControl.noStatusUpdate();
    }

    private <R extends CustomResource<?, S>, S extends AnimOpsStatus> R withError(
            R resource, Context<R> context, Exception error, Supplier<S> empty) {
        // the status as stored, not the half-changed one the failed reconciliation left behind
        R stored =
                context.getPrimaryCache().get(ResourceID.fromResource(resource)).orElse(resource);
        R copy = context.getClient().getKubernetesSerialization().clone(stored);
        if (copy.getStatus() == null) {
            copy.setStatus(empty.get());
        }
        String message = message(error);
        Conditions.set(
                copy.getStatus(),
                clock,
                ConditionTypes.RECONCILE_ERROR,
                Conditions.TRUE,
                Reasons.RECONCILE_FAILED,
                message);
        events.warning(copy, Reasons.RECONCILE_FAILED, message);
        return copy;
    }

    static String message(Throwable error) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = error; t != null && text.length() < MAX_MESSAGE; t = t.getCause()) {
            if (!text.isEmpty()) {
                text.append("; caused by ");
            }
            text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
            if (t.getCause() == t) {
                break;
            }
        }
        return text.length() > MAX_MESSAGE ? text.substring(0, MAX_MESSAGE) : text.toString();
    }
}
