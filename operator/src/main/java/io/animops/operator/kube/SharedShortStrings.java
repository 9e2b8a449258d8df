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
                .addDeserializer(String.class, new SharingStringDeserializer(new SharedInstances())));
    }

    static final class SharingStringDeserializer extends StdScalarDeserializer<String> {
        private final SharedInstances shared;

        SharingStringDeserializer(SharedInstances shared) {
            super(String.class);
            this.shared = shared;
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            String value = StringDeserializer.instance.deserialize(parser, context);
            return value != null && value.length() <= SHARED_UP_TO ? shared.of(value) : value;
        }
    }

    /**
     * A fixed table of shared instances, one per slot by hash, a newcomer taking its slot's place. Not
     * {@link String#intern}: the JVM's string table cost 2.7 % of the operator's CPU in the 1,000-idea bench
     * (bench/pipeline/README.md), and it kept every unique string (uids, names) until collected. A repeated string
     * keeps its slot for as long as no other string of its slot comes between two reads of it; the few hundred
     * that make the bulk (namespaces, kinds, reasons) rarely meet one in 16,384 slots. Races are harmless: a
     * string is immutable, so a thread sees either instance or null, and either way answers an equal string.
     */
    static final class SharedInstances {
        private static final int SLOTS = 1 << 14;
        private final String[] slots = new String[SLOTS];

        String of(String value) {
            int hash = value.hashCode();
            int slot = (hash ^ (hash >>> 16)) & (SLOTS - 1);
            String held = slots[slot];
            if (value.equals(held)) {
                return held;
            }
            slots[slot] = value;
            return value;
        }
    }
}
