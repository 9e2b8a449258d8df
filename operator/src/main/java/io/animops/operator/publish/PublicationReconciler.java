package io.animops.operator.publish;

import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.animops.operator.kube.ReconcileErrors;
import io.animops.operator.kube.EventRecorder;
import io.animops.crds.ConditionTypes;
import io.animops.crds.Conditions;
import io.animops.crds.Reasons;
import io.animops.crds.v1alpha1.Publication;
import io.animops.crds.v1alpha1.PublicationPhase;
import io.animops.crds.v1alpha1.PublicationStatus;
import io.animops.crds.v1alpha1.PublishMode;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderMode;
import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.operator.audit.AuditLog;
import io.animops.operator.kube.StatusSupport;
import io.animops.operator.qc.QcService;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import jakarta.inject.Inject;

import java.time.Clock;
import java.time.Duration;

/**
 * Holds a publication until its final render has succeeded, the preview of the same script passed QC, and its
 * credentials exist. The platform
 * uploaders plug in behind this gate; until one is installed the publication says so and stays Blocked.
 */
public class PublicationReconciler implements Reconciler<Publication> {
    @Inject
    EventRecorder events;
    @Inject
    ReconcileErrors errors;
    private static final Duration RECHECK = Duration.ofSeconds(30);

    @Inject
    PublicationRepository repository;
    @Inject
    AuditLog audit;
    @Inject
    QcService qc;
    @Inject
    Clock clock;

    @Override
    public UpdateControl<Publication> reconcile(Publication publication, Context<Publication> context) {
        PublicationStatus observed = StatusSupport.begin(publication, PublicationStatus::new);
        PublicationStatus status = publication.getStatus();
        PublicationPhase before = status.getPhase();
        if (before == PublicationPhase.Published || before == PublicationPhase.Failed) {
            return StatusSupport.patchIfChanged(publication, observed, null);
        }
        String namespace = publication.getMetadata().getNamespace();
        String jobName = publication.getSpec().getRenderJobRef();
        RenderJob job = context.getClient().resources(RenderJob.class).inNamespace(namespace).withName(jobName).get();
        if (job == null) {
            holdIn(status, PublicationPhase.WaitingForRender, Reasons.RENDER_JOB_NOT_FOUND, "spec.renderJobRef: RenderJob " + jobName + " does not exist");
        } else if (job.getSpec().getMode() != RenderMode.Final) {
            holdIn(status, PublicationPhase.Blocked, Reasons.NOT_A_FINAL_RENDER,
                    "spec.renderJobRef: RenderJob " + jobName + " is a " + job.getSpec().getMode() + " render; only Final renders are published");
        } else if (job.getStatus() == null || job.getStatus().getPhase() != RenderPhase.Succeeded) {
            holdIn(status, PublicationPhase.WaitingForRender, Reasons.WAITING_FOR_RENDER, "RenderJob " + jobName + " is "
                    + (job.getStatus() == null || job.getStatus().getPhase() == null ? "Pending" : job.getStatus().getPhase()));
        } else if (!qc.attemptPassed(namespace, job.getSpec().getScriptAttemptRef())) {
            // a final render made by hand, bypassing the idea's pipeline, is not published unchecked
            holdIn(status, PublicationPhase.Blocked, Reasons.QC_NOT_PASSED, "no render of ScriptAttempt " + job.getSpec().getScriptAttemptRef()
                    + " passed QC; a final render is published only after its preview passed");
        } else if (publication.getSpec().getMode() == PublishMode.Manual) {
            holdIn(status, PublicationPhase.AwaitingManualPost, Reasons.AWAITING_MANUAL_POST,
                    "post the video on " + publication.getSpec().getPlatform() + " and confirm its URL");
        } else if (!credentialsPresent(publication, context)) {
            holdIn(status, PublicationPhase.Blocked, Reasons.CREDENTIALS_MISSING, "spec.accountSecretRef: Secret "
                    + (publication.getSpec().getAccountSecretRef() == null ? "(none named)" : publication.getSpec().getAccountSecretRef().getName())
                    + " not found; publishing is blocked until it exists");
        } else {
            holdIn(status, PublicationPhase.Blocked, Reasons.PUBLISHER_UNAVAILABLE,
                    "no " + publication.getSpec().getPlatform() + " uploader is installed in this operator version");
        }
        repository.save(publication);
        audit.phaseChange(publication, before, status.getPhase(), status.getConditions(), ConditionTypes.SUCCEEDED);
        events.summaryChanged(publication, status.getConditions(), ConditionTypes.SUCCEEDED);
        return StatusSupport.patchIfChanged(publication, observed, RECHECK);
    }

    private void holdIn(PublicationStatus status, PublicationPhase phase, String reason, String message) {
        status.setPhase(phase);
        Conditions.set(status, clock, ConditionTypes.SUCCEEDED, Conditions.UNKNOWN, reason, message);
    }

    private static boolean credentialsPresent(Publication publication, Context<Publication> context) {
        if (publication.getSpec().getAccountSecretRef() == null) {
            return false;
        }
        Secret secret = context.getClient().secrets().inNamespace(publication.getMetadata().getNamespace())
                .withName(publication.getSpec().getAccountSecretRef().getName()).get();
        return secret != null;
    }

    /** A thrown reconciliation shows as condition ReconcileError and a Warning event; JOSDK retries with backoff. */
    @Override
    public ErrorStatusUpdateControl<Publication> updateErrorStatus(Publication publication, Context<Publication> context, Exception e) {
        return errors.report(publication, context, e, PublicationStatus::new);
    }
}
