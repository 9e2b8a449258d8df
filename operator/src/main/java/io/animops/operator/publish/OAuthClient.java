package io.animops.operator.publish;

import com.fasterxml.jackson.databind.JsonNode;
import io.animops.crds.Reasons;

import java.net.http.HttpRequest;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A platform's OAuth 2.0 token endpoint (Google's, TikTok's v2): refresh and authorization-code exchange with
 * PKCE. They differ only in the name of the client id field (client_id, client_key).
 */
public record OAuthClient(String tokenUrl, String authorizeUrl, String clientIdField, String scopes) {
    /** A token endpoint's answer; refreshToken is null when the platform did not send a new one. */
    public record Tokens(String accessToken, long expiresInSeconds, String refreshToken, String openId, String scope) {
        @Override
        public String toString() {
            return "Tokens[expiresIn=" + expiresInSeconds + "s, scope=" + scope + "]";
        }
    }

    public Tokens refresh(PlatformHttp http, PlatformAccount account) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put(clientIdField, account.clientId());
        form.put("client_secret", account.clientSecret());
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", account.refreshToken());
        return call(http, form, account);
    }

    public Tokens exchange(
            PlatformHttp http,
            String clientId,
            String clientSecret,
            String code,
            String redirectUri,
            String codeVerifier) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put(clientIdField, clientId);
        form.put("client_secret", clientSecret);
        form.put("code", code);
        form.put("grant_type", "authorization_code");
        form.put("redirect_uri", redirectUri);
        form.put("code_verifier", codeVerifier);
        return call(http, form, null);
    }

    private Tokens call(PlatformHttp http, Map<String, String> form, PlatformAccount account) {
        PlatformHttp.Answer answer = http.send(() -> HttpRequest.newBuilder(java.net.URI.create(tokenUrl))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(PlatformHttp.form(form))
                .build());
        JsonNode body = answer.json();
        String error = body.path("error").asText("");
        // TikTok answers some errors with 200 and an error field
        if (!answer.ok() || !error.isEmpty() && !"ok".equals(error)) {
            String description =
                    body.path("error_description").asText(error.isEmpty() ? "HTTP " + answer.status() : error);
            if ("invalid_grant".equals(error) && account != null) {
                throw new ReauthorizationRequiredException(account, "invalid_grant: " + description);
            }
            PlatformException.Kind kind = answer.status() == 429 || answer.status() >= 500
                    ? PlatformException.Kind.TRANSIENT
                    : PlatformException.Kind.FAILED;
            throw new PlatformException(
                    kind,
                    answer.status(),
                    error.isEmpty() ? Reasons.TOKEN_REFRESH_FAILED : error,
                    "token endpoint: " + description);
        }
        String accessToken = body.path("access_token").asText("");
        if (accessToken.isEmpty()) {
            throw new PlatformException(
                    PlatformException.Kind.TRANSIENT,
                    answer.status(),
                    "NoAccessToken",
                    "token endpoint answered without an access_token");
        }
        String refreshToken = body.path("refresh_token").asText("");
        return new Tokens(
                accessToken,
                body.path("expires_in").asLong(3600),
                refreshToken.isBlank() ? null : refreshToken,
                body.path("open_id").asText(null),
                body.path("scope").asText(null));
    }
}
