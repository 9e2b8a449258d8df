package io.animops.operator.auth;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Token buckets of failed sign-in and TOTP attempts, one per client IP and one per user name, in this replica's
 * memory (each replica counts its own; docs/security.md). An attempt is refused while either bucket is empty, and
 * each failure takes a token from both: a person who signs in right costs nothing. A bucket is per key, never
 * global, so an attacker exhausts only his own IP's bucket and the names he tries. The number of buckets kept is
 * bounded: the least recently used go.
 */
public class SignInRateLimiter {
    private static final int MAX_KEYS = 100_000;
    private final Bandwidth perIp;
    private final Bandwidth perName;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_KEYS;
        }
    };

    public SignInRateLimiter(int ipAttempts, Duration ipPeriod, int nameAttempts, Duration namePeriod) {
        this.perIp = Bandwidth.builder()
                .capacity(ipAttempts)
                .refillGreedy(ipAttempts, ipPeriod)
                .build();
        this.perName = Bandwidth.builder()
                .capacity(nameAttempts)
                .refillGreedy(nameAttempts, namePeriod)
                .build();
    }

    /**
     * Takes an attempt from the IP's and the name's bucket: empty when allowed, else the seconds until an attempt
     * will be.
     */
    public OptionalLong tryAttempt(String ip, String name) {
        Bucket byIp = bucket(ipKey(ip), perIp);
        if (!byIp.tryConsume(1)) {
            return OptionalLong.of(secondsUntilRefill(byIp));
        }
        Bucket byName = bucket(nameKey(name), perName);
        if (!byName.tryConsume(1)) {
            byIp.addTokens(1);
            return OptionalLong.of(secondsUntilRefill(byName));
        }
        return OptionalLong.empty();
    }

    /** Gives a successful attempt's tokens back. */
    public void succeeded(String ip, String name) {
        bucket(ipKey(ip), perIp).addTokens(1);
        bucket(nameKey(name), perName).addTokens(1);
    }

    private static String ipKey(String ip) {
        return "ip:" + ip;
    }

    private static String nameKey(String name) {
        return "name:" + (name == null ? "" : name.toLowerCase(Locale.ROOT));
    }

    /** Whole seconds until the bucket holds a token again, at least 1. */
    private static long secondsUntilRefill(Bucket bucket) {
        long nanos = bucket.estimateAbilityToConsume(1).getNanosToWaitForRefill();
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }

    private synchronized Bucket bucket(String key, Bandwidth limit) {
        return buckets.computeIfAbsent(
                key, k -> Bucket.builder().addLimit(limit).build());
    }
}
