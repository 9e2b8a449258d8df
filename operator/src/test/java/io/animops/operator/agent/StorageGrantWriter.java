package io.animops.operator.agent;

import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.RenderPhase;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Stands in for the operator's grant writing where agents run without the operator (test code only): while an
 * agent holds a job, writes {@code status.uploads} with PUT URLs of a {@link FakeObjectStore}, valid for 15 minutes,
 * by a merge patch naming the resourceVersion (on 409 the next event brings it here again). Jobs named in
 * {@link #withhold} get no grants until {@link #release}d; {@link #renew} issues new URLs, as the operator does before
 * expiry.
 */
final class StorageGrantWriter implements AutoCloseable {
    private final KubernetesClient client;
    private final FakeObjectStore store;
    private final Set<String> withheld = ConcurrentHashMap.newKeySet();
    private final SharedIndexInformer<RenderJob> informer;

    StorageGrantWriter(KubernetesClient client, FakeObjectStore store) {
        this.client = client;
        this.store = store;
        this.informer = client.resources(RenderJob.class)
                .inAnyNamespace()
                .inform(
                        new ResourceEventHandler<>() {
                            @Override
                            public void onAdd(RenderJob job) {
                                grant(job);
                            }

                            @Override
                            public void onUpdate(RenderJob before, RenderJob job) {
                                grant(job);
                            }

                            @Override
                            public void onDelete(RenderJob job, boolean unknown) {}
                        },
                        1000);
    }

    void withhold(String jobName) {
        withheld.add(jobName);
    }

    /** Grants for the job from its next event on (the informer's resync brings one within a second). */
    void release(String jobName) {
        withheld.remove(jobName);
    }

    static String keyOf(RenderJob job, String file) {
        return "renders/" + job.getMetadata().getNamespace() + "/"
                + job.getMetadata().getName() + "/" + job.getMetadata().getUid() + "/" + file;
    }

    private void grant(RenderJob job) {
        RenderPhase phase = job.getStatus() == null ? null : job.getStatus().getPhase();
        boolean held = phase != null && phase != RenderPhase.Pending && !phase.isTerminal();
        if (!held
                || job.getStatus().getUploads() != null
                || withheld.contains(job.getMetadata().getName())) {
            return;
        }
        try {
            write(job, "");
        } catch (KubernetesClientException e) {
            if (e.getCode() != 409 && e.getCode() != 404) {
                throw e;
            }
        }
    }

    /** New grants for the job (URLs ending in {@code ?renewed=1}), written against its current version. */
    void renew(String namespace, String name) {
        for (int attempt = 0; attempt < 20; attempt++) {
            try {
                write(
                        client.resources(RenderJob.class)
                                .inNamespace(namespace)
                                .withName(name)
                                .get(),
                        "?renewed=1");
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409) {
                    throw e;
                }
            }
        }
        throw new IllegalStateException(
                "render job " + namespace + "/" + name + ": grants not renewed after 20 conflicts");
    }

    private void write(RenderJob job, String urlSuffix) {
        Map<String, Object> uploads = new LinkedHashMap<>();
        uploads.put(
                "expiresAt",
                Instant.now()
                        .plus(15, ChronoUnit.MINUTES)
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString());
        uploads.put("video", grant(keyOf(job, "video.mp4"), "video/mp4", urlSuffix));
        uploads.put("thumbnail", grant(keyOf(job, "thumbnail.jpg"), "image/jpeg", urlSuffix));
        String patch = Serialization.asJson(Map.of(
                "metadata", Map.of("resourceVersion", job.getMetadata().getResourceVersion()),
                "status", Map.of("uploads", uploads)));
        client.resources(RenderJob.class)
                .inNamespace(job.getMetadata().getNamespace())
                .withName(job.getMetadata().getName())
                .subresource("status")
                .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
    }

    private Map<String, String> grant(String key, String contentType, String urlSuffix) {
        return Map.of("key", key, "url", store.urlFor(key) + urlSuffix, "contentType", contentType);
    }

    @Override
    public void close() {
        informer.close();
    }
}
