package io.animops.operator.publish;

import io.animops.crds.ConditionTypes;
import io.animops.crds.Reasons;
import io.animops.crds.v1alpha1.Publication;
import io.animops.crds.v1alpha1.PublicationPhase;
import io.animops.crds.v1alpha1.PublicationStatus;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderMode;
import io.animops.crds.v1alpha1.RenderPhase;
import io.animops.operator.audit.AuditLog;
import io.animops.operator.kube.EventRecorder;
import io.animops.operator.kube.ReconcileErrors;
import io.animops.operator.kube.SharedInformers;
import io.animops.operator.kube.StatusSupport;
import io.animops.operator.kube.TellingItemStore;
import io.animops.operator.qc.QcService;
import io.animops.operator.storage.ArtifactLinks;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import jakarta.inject.Inject;

import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Holds a publication until its final render has succeeded and the preview of the same script passed QC, then
 * hands it to {@link PublicationService}. Status is written by this operator alone, also mid-way through an
 * upload (session URI, progress, video id), so it is stored with a plain status update retried on conflicts.
 */
// the ideas follow their publications through this informer's store (SharedInformers) rather than watching them again
@ControllerConfiguration(informer = @Informer(itemStore = TellingItemStore.class))
public class PublicationReconciler implements Reconciler<Publication> {
    @Inject
    SharedInformers sharedInformers;

    @Override
    public List<EventSource<?, Publication>> prepareEventSources(EventSourceContext<Publication> context) {
        sharedInformers.share(context);
        return List.of();
    }

    @Inject
    EventRecorder events;

    @Inject
    ReconcileErrors errors;

    static final Duration RECHECK = Duration.ofSeconds(30);
    private static final int WRITE_ATTEMPTS = 5;

    @Inject
    PublicationRepository repository;

    @Inject
    AuditLog audit;

    @Inject
    QcService qc;

    @Inject
    Clock clock;

    @Inject
    PublishingProducer.Publishing publishing;

    @Inject
    ArtifactLinks links;

    @Override
    public UpdateControl<Publication> reconcile(Publication publication, Context<Publication> context) {
        PublicationStatus observed = StatusSupport.begin(publication, PublicationStatus::new);
        PublicationStatus status = publication.getStatus();
        KubernetesClient client = context.getClient();
        PublicationRun run = new PublicationRun(publication, clock, p -> writeStatus(client, p));
        String namespace = publication.getMetadata().getNamespace();
        String jobName = publication.getSpec().getRenderJobRef();
        RenderJob job = null;
        Duration requeue = RECHECK;
        if (publishing.service().handleRequests(run)) {
            requeue = null;
        } else if ((job = finalJob(client, namespace, jobName)) == null) {
            run.phase(
                    PublicationPhase.WaitingForRender,
                    Reasons.RENDER_JOB_NOT_FOUND,
                    "spec.renderJobRef: RenderJob " + jobName + " does not exist");
        } else if (job.getSpec().getMode() != RenderMode.Final) {
            run.phase(
                    PublicationPhase.Blocked,
                    Reasons.NOT_A_FINAL_RENDER,
                    "spec.renderJobRef: RenderJob " + jobName + " is a "
                            + job.getSpec().getMode() + " render; only Final renders are published");
        } else if (job.getStatus() == null || job.getStatus().getPhase() != RenderPhase.Succeeded) {
            run.phase(
                    PublicationPhase.WaitingForRender,
                    Reasons.WAITING_FOR_RENDER,
                    "RenderJob " + jobName + " is "
                            + (job.getStatus() == null || job.getStatus().getPhase() == null
                                    ? "Pending"
                                    : job.getStatus().getPhase()));
        } else if (!qc.attemptPassed(namespace, job.getSpec().getScriptAttemptRef())) {
            // a final render made by hand, bypassing the idea's pipeline, is not published unchecked
            run.phase(
                    PublicationPhase.Blocked,
                    Reasons.QC_NOT_PASSED,
                    "no render of ScriptAttempt " + job.getSpec().getScriptAttemptRef()
                            + " passed QC; a final render is published only after its preview passed");
        } else {
            RenderJob finalJob = job;
            requeue = publishing.service().advance(run, () -> new StoredMedia(links, finalJob));
        }
        if (!Objects.equals(observed, status)) {
            writeStatus(client, publication);
        }
        repository.save(publication);
        audit.phaseChange(publication, status.getPhase(), status.getConditions(), PublicationRun.SUCCEEDED);
        events.summaryChanged(publication, status.getConditions(), ConditionTypes.SUCCEEDED);
        return StatusSupport.requeue(requeue);
    }

    /**
     * The render job published: as its controller's informer has it once Succeeded (what publishing needs, and no
     * job goes back from it), else asked of the API, which confirms a job not found or not done yet.
     */
    private RenderJob finalJob(KubernetesClient client, String namespace, String name) {
        return sharedInformers.cachedOrRead(
                client,
                RenderJob.class,
                namespace,
                name,
                job -> job.getStatus() != null && job.getStatus().getPhase() == RenderPhase.Succeeded);
    }

    /** Stores the status as it is; a conflict (a spec change meanwhile) is retried on the current resourceVersion. */
    static void writeStatus(KubernetesClient client, Publication publication) {
        for (int attempt = 1; ; attempt++) {
            try {
                Publication written = client.resource(publication).updateStatus();
                publication
                        .getMetadata()
                        .setResourceVersion(written.getMetadata().getResourceVersion());
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt == WRITE_ATTEMPTS) {
                    throw e;
                }
                Publication current = client.resources(Publication.class)
                        .inNamespace(publication.getMetadata().getNamespace())
                        .withName(publication.getMetadata().getName())
                        .get();
                if (current == null) {
                    return;
                }
                publication
                        .getMetadata()
                        .setResourceVersion(current.getMetadata().getResourceVersion());
            }
        }
    }

    /** A thrown reconciliation shows as condition ReconcileError and a Warning event; JOSDK retries with backoff. */
    @Override
    public ErrorStatusUpdateControl<Publication> updateErrorStatus(
            Publication publication, Context<Publication> context, Exception e) {
        return errors.report(publication, context, e, PublicationStatus::new);
    }
}
