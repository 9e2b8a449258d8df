package io.animops.operator.kube;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.quarkus.kubernetes.client.KubernetesClientObjectMapperCustomizer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * The Kubernetes client reads short strings as one shared instance each. Every informer keeps its own copy of
 * every resource, and most of a resource's strings are short and repeated across resources and copies: namespace,
 * kinds, API versions, labels, owners, condition types, reasons and phases. With 1,000 ideas' resources cached,
 * a million strings made 100 MB of the operator's 177 MB live heap. Long strings (messages, scripts) stay apart.
 */
@Singleton
public class SharedShortStrings implements KubernetesClientObjectMapperCustomizer {
    /** Strings up to this length are shared; identifiers, names and enum-like values fit. */
    static final int SHARED_UP_TO = 64;

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.registerModule(new SimpleModule("animops-shared-short-strings")
                .addDeserializer(String.class, new SharingStringDeserializer()));
    }

    static final class SharingStringDeserializer extends StdScalarDeserializer<String> {
        SharingStringDeserializer() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            return value != null && value.length() <= SHARED_UP_TO ? value.intern() : value;
        }
    }
}
