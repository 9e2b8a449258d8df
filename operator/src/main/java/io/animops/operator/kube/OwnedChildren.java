package io.animops.operator.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.javaoperatorsdk.operator.api.reconciler.Context;

import java.net.HttpURLConnection;
import java.util.Map;

/**
 * Children along the chain idea -> attempt -> render job -> publication: owned by their parent (deleting it
 * cascades) and named deterministically (a restarted operator finds, not duplicates, them). A schedule's ideas are
 * named so too but linked by label, not owned (ScheduleService).
 */
public final class OwnedChildren {
    private OwnedChildren() {}

    public static ObjectMeta metadata(HasMetadata parent, String name, Map<String, String> labels) {
        return new ObjectMetaBuilder()
                .withName(name)
                .withNamespace(parent.getMetadata().getNamespace())
                .withLabels(labels)
                .withOwnerReferences(new OwnerReferenceBuilder()
                        .withApiVersion(parent.getApiVersion())
                        .withKind(parent.getKind())
                        .withName(parent.getMetadata().getName())
                        .withUid(parent.getMetadata().getUid())
                        .withController(true)
                        .withBlockOwnerDeletion(true)
                        .build())
                .build();
    }

    /** A child as stored, and whether this call created it or found it already there. */
    public record Stored<C>(C resource, boolean created) {}

    /** Creates the child unless it exists; either way returns the child as stored. */
    public static <C extends HasMetadata> Stored<C> createIfAbsent(Context<?> context, C child) {
        try {
            return new Stored<>(context.getClient().resource(child).create(), true);
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                return new Stored<>(context.getClient().resource(child).get(), false);
            }
            throw e;
        }
    }

    /** A Kubernetes name: lower case, at most 63 characters so it also fits in a label value. */
    public static String name(String... parts) {
        String joined = String.join("-", parts).toLowerCase().replaceAll("[^a-z0-9-]", "-");
        if (joined.length() <= 63) {
            return joined;
        }
        String hash = Integer.toHexString(joined.hashCode() & 0x7fffffff);
        return joined.substring(0, 62 - hash.length()).replaceAll("-+$", "") + "-" + hash;
    }
}
