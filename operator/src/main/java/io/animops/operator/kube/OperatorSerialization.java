package io.animops.operator.kube;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import io.quarkus.kubernetes.client.KubernetesClientObjectMapper;
import io.quarkus.kubernetes.client.KubernetesResources;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The Kubernetes client's serialization, with two shortcuts measured with 1,000 ideas in flight (bench/pipeline):
 * <ul>
 *   <li>{@link #clone} copies a resource through Jackson's token buffer instead of JSON text. The Operator SDK copies
 *       every resource before it is reconciled: writing it as text and parsing it again was 7 % of the operator's
 *       CPU. The copy is as deep: every value is written as tokens and read into new objects; strings are shared,
 *       as they are immutable.
 *   <li>{@link #unmarshal(String, Class)} reads JSON text as it is. Fabric8 reads every watch event this way, and
 *       its own encoded the text to bytes and wrapped them in an 8 KB buffer to look for YAML first: 8 % of the
 *       bytes the operator's JVM allocated (by JFR's allocation samples). Text that does not start as JSON still
 *       goes Fabric8's way.
 * </ul>
 * <p>
 * It replaces the serialization Quarkus produces by default, with the same mapper (and so its customizers) and the
 * same resource classes registered.
 */
public class OperatorSerialization extends KubernetesSerialization {
    /** The mapper Fabric8 configured in the constructor (its modules registered), which it keeps to itself. */
    private final ObjectMapper mapper;

    OperatorSerialization(ObjectMapper mapper) {
        super(mapper, false);
        this.mapper = mapper;
    }

    @Override
    public <T> T unmarshal(String text, Class<T> type) {
        if (!startsAsJson(text)) {
            return super.unmarshal(text, type);
        }
        try {
            return mapper.readerFor(type).readValue(text);
        } catch (JsonProcessingException e) {
            throw KubernetesClientException.launderThrowable(e);
        }
    }

    /** Whether the first character that is not white space opens a JSON object or array, as Fabric8 tells JSON. */
    private static boolean startsAsJson(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!Character.isWhitespace(c)) {
                return c == '{' || c == '[';
            }
        }
        return false;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T clone(T resource) {
        return resource == null ? null : (T) convertValue(resource, resource.getClass());
    }

    @Singleton
    static class Producer {
        @Produces
        @Singleton
        @SuppressWarnings({"rawtypes", "unchecked"})
        KubernetesSerialization kubernetesSerialization(
                @KubernetesClientObjectMapper ObjectMapper mapper, @KubernetesResources Class[] resources) {
            KubernetesSerialization serialization = new OperatorSerialization(mapper);
            for (Class resource : resources) {
                serialization.registerKubernetesResource((Class<? extends KubernetesResource>) resource);
            }
            return serialization;
        }
    }
}
