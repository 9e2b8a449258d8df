package io.animops.agent.cluster;

import io.animops.crds.v1alpha1.RenderJob;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

/** {@link JobApi} over the Fabric8 client. */
public final class KubernetesJobApi implements JobApi {
    private final KubernetesClient client;

    public KubernetesJobApi(KubernetesClient client) {
        this.client = client;
    }

    @Override
    public RenderJob patchStatus(String namespace, String name, String mergePatch) throws Refused {
        // Given the object's name only (withName), Fabric8 GETs the object before it patches; given an object, it
        // patches at once. The merge patch carries its own resourceVersion precondition, so nothing else is needed.
        RenderJob target = new RenderJob();
        target.getMetadata().setNamespace(namespace);
        target.getMetadata().setName(name);
        try {
            return client.resources(RenderJob.class)
                    .inNamespace(namespace)
                    .resource(target)
                    .subresource("status")
                    .patch(PatchContext.of(PatchType.JSON_MERGE), mergePatch);
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409 || e.getCode() == 404) {
                throw new Refused(e.getCode(), e.getMessage());
            }
            throw e;
        }
    }

    @Override
    public RenderJob get(String namespace, String name) {
        return client.resources(RenderJob.class)
                .inNamespace(namespace)
                .withName(name)
                .get();
    }
}
