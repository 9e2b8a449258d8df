package io.animops.operator.publish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

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
        // a refresh token this process rotated since the account was read is the one that still works
        PlatformAccount refreshing = cached != null && cached.matches(account)
                ? account.withRefreshToken(cached.refreshToken(), account.resourceVersion())
                : account;
        OAuthClient.Tokens tokens;
        try {
            tokens = oauth.refresh(http, refreshing);
        } catch (ReauthorizationRequiredException e) {
            cache.remove(account.key());
            metrics.reauthorizationRequired(account, true);
            throw e;
        }
        metrics.reauthorizationRequired(account, false);
        PlatformAccount stored = tokens.refreshToken() == null
                ? refreshing
                : secrets.saveRotatedRefreshToken(refreshing, tokens.refreshToken());
        cache.put(
                account.key(),
                new Cached(
                        stored.refreshToken(),
                        account.refreshToken(),
                        tokens.accessToken(),
                        now.plusSeconds(tokens.expiresInSeconds()).minus(EARLY)));
        return tokens.accessToken();
    }

    /**
     * Forgets the account's access token (the platform refused it); the newest refresh token stays known, so the
     * next refresh uses it even when the caller still holds the account as read before a rotation.
     */
    public void forget(PlatformAccount account) {
        cache.computeIfPresent(
                account.key(),
                (key, cached) -> new Cached(
                        cached.refreshToken(), cached.usedRefreshToken(), cached.accessToken(), Instant.MIN));
    }

    /**
     * A call with the account's access token. When the platform refuses the token with the error {@code refusal}
     * (revoked or expired early), the token is refreshed once (a rotated refresh token is saved) and the call made
     * again; a second refusal goes to the caller.
     */
    public <T> T withRefreshOnRefusal(
            PlatformAccount account, OAuthClient oauth, String refusal, Function<String, T> call) {
        try {
            return call.apply(accessToken(account, oauth));
        } catch (PlatformException e) {
            if (!refusal.equals(e.reason())) {
                throw e;
            }
            forget(account);
            return call.apply(accessToken(account, oauth));
        }
    }
}
