package io.animops.operator.llm;

import io.fabric8.kubernetes.api.model.Secret;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;

/**
 * Secrets read for API keys, reused for {@link #REUSE}: every language model call needs its schedule's key, and a GET
 * per call is one API request per script attempt. A key rotated in its Secret is used within {@link #REUSE}; a
 * missing Secret or key is never cached, so that an error is always confirmed by a fresh read.
 */
final class RecentSecrets {
    static final Duration REUSE = Duration.ofSeconds(30);

    private record Read(Secret secret, Instant at) {}

    private final Map<String, Read> reads = new ConcurrentHashMap<>();
    private final BiFunction<String, String, Secret> reader;
    private final Clock clock;

    /** @param reader the Secret of a namespace and name as stored, or null when it does not exist */
    RecentSecrets(BiFunction<String, String, Secret> reader, Clock clock) {
        this.reader = reader;
        this.clock = clock;
    }

    /** The Secret as read within {@link #REUSE}, when it has the key; else as read now (null when absent). */
    Secret get(String namespace, String name, String key) {
        String id = namespace + "/" + name;
        Instant now = clock.instant();
        Read read = reads.get(id);
        if (read != null && now.isBefore(read.at().plus(REUSE)) && LlmGateway.valueOf(read.secret(), key) != null) {
            return read.secret();
        }
        Secret secret = reader.apply(namespace, name);
        if (secret == null) {
            reads.remove(id);
        } else {
            reads.put(id, new Read(secret, now));
        }
        return secret;
    }
}
