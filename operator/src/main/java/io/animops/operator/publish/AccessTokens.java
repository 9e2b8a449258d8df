package io.animops.operator.publish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens per account, refreshed when they are about to expire. A refresh token the platform rotates is
 * written back to the Secret; one it refuses for good turns the account's reauthorization gauge on.
 */
public class AccessTokens {
    private static final Duration EARLY = Duration.ofMinutes(2);

    /** usedRefreshToken: the token refreshed with, which an account read before a rotation still holds. */
    private record Cached(String refreshToken, String usedRefreshToken, String accessToken, Instant expiresAt) {
        boolean matches(PlatformAccount account) {
            return refreshToken.equals(account.refreshToken()) || usedRefreshToken.equals(account.refreshToken());
        }
    }

    private final PlatformHttp http;
    private final AccountSecrets secrets;
    private final Clock clock;
    private final PublishMetrics metrics;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public AccessTokens(PlatformHttp http, AccountSecrets secrets, Clock clock, PublishMetrics metrics) {
        this.http = http;
        this.secrets = secrets;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** A valid access token; refreshes (and saves a rotated refresh token) when needed. */
    public synchronized String accessToken(PlatformAccount account, OAuthClient oauth) {
        Cached cached = cache.get(account.key());
        Instant now = Instant.now(clock);
        if (cached != null && cached.matches(account) && now.isBefore(cached.expiresAt())) {
            return cached.accessToken();
        }
        OAuthClient.Tokens tokens;
        try {
            tokens = oauth.refresh(http, account);
        } catch (ReauthorizationRequiredException e) {
            cache.remove(account.key());
            metrics.reauthorizationRequired(account, true);
            throw e;
        }
        metrics.reauthorizationRequired(account, false);
        PlatformAccount stored = tokens.refreshToken() == null ? account
                : secrets.saveRotatedRefreshToken(account, tokens.refreshToken());
        cache.put(account.key(), new Cached(stored.refreshToken(), account.refreshToken(), tokens.accessToken(),
                now.plusSeconds(tokens.expiresInSeconds()).minus(EARLY)));
        return tokens.accessToken();
    }

    /** Forgets the account's access token (the platform answered 401 with it). */
    public void forget(PlatformAccount account) {
        cache.remove(account.key());
    }
}
