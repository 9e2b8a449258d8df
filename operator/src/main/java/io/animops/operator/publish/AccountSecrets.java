package io.animops.operator.publish;

import io.animops.crds.v1alpha1.Platform;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;

import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** Platform accounts in Kubernetes Secrets: read, and the refresh token written back when the platform rotates it. */
public class AccountSecrets {
    private static final int WRITE_ATTEMPTS = 5;
    private final KubernetesClient client;

    public AccountSecrets(KubernetesClient client) {
        this.client = client;
    }

    /** The account, or empty when the Secret does not exist or lacks the client id or the refresh token. */
    public Optional<PlatformAccount> read(Platform platform, String namespace, String name) {
        Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
        if (secret == null) {
            return Optional.empty();
        }
        Map<String, String> data = decode(secret);
        String clientId = data.get(PlatformAccount.CLIENT_ID);
        String refreshToken = data.get(PlatformAccount.REFRESH_TOKEN);
        if (blank(clientId) || blank(refreshToken)) {
            return Optional.empty();
        }
        return Optional.of(new PlatformAccount(
                platform,
                namespace,
                name,
                secret.getMetadata().getResourceVersion(),
                clientId,
                data.getOrDefault(PlatformAccount.CLIENT_SECRET, ""),
                refreshToken,
                data.get(PlatformAccount.PROJECT)));
    }

    /** What is missing, for the condition's message; null when the account is usable. */
    public String missing(String namespace, String name) {
        Secret secret = client.secrets().inNamespace(namespace).withName(name).get();
        if (secret == null) {
            return "Secret " + namespace + "/" + name + " not found";
        }
        Map<String, String> data = decode(secret);
        if (blank(data.get(PlatformAccount.CLIENT_ID))) {
            return "Secret " + namespace + "/" + name + " has no key " + PlatformAccount.CLIENT_ID;
        }
        if (blank(data.get(PlatformAccount.REFRESH_TOKEN))) {
            return "Secret " + namespace + "/" + name + " has no key " + PlatformAccount.REFRESH_TOKEN;
        }
        return null;
    }

    /**
     * Writes a rotated refresh token against the resourceVersion the account was read at. On a conflict the
     * Secret is read again: if it still holds the token that was used, the write is repeated; if another replica
     * stored a newer one meanwhile, that one stays. An empty token is never written.
     *
     * @return the account as stored afterwards
     */
    public PlatformAccount saveRotatedRefreshToken(PlatformAccount used, String rotated) {
        if (blank(rotated) || rotated.equals(used.refreshToken())) {
            return used;
        }
        for (int attempt = 1; ; attempt++) {
            Secret secret = client.secrets()
                    .inNamespace(used.namespace())
                    .withName(used.secretName())
                    .get();
            if (secret == null) {
                return used;
            }
            String stored = decode(secret).get(PlatformAccount.REFRESH_TOKEN);
            if (!used.refreshToken().equals(stored)) {
                // another replica rotated it meanwhile: the stored token is the newer one
                return blank(stored)
                        ? used
                        : used.withRefreshToken(stored, secret.getMetadata().getResourceVersion());
            }
            Map<String, String> data = new LinkedHashMap<>(secret.getData() == null ? Map.of() : secret.getData());
            data.put(PlatformAccount.REFRESH_TOKEN, encode(rotated));
            secret.setData(data);
            if (secret.getStringData() != null) {
                secret.getStringData().remove(PlatformAccount.REFRESH_TOKEN);
            }
            try {
                Secret written = client.secrets()
                        .resource(secret)
                        .lockResourceVersion(secret.getMetadata().getResourceVersion())
                        .update();
                return used.withRefreshToken(rotated, written.getMetadata().getResourceVersion());
            } catch (KubernetesClientException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt == WRITE_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    static Map<String, String> decode(Secret secret) {
        Map<String, String> values = new LinkedHashMap<>();
        if (secret.getData() != null) {
            secret.getData()
                    .forEach((k, v) ->
                            values.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8).trim()));
        }
        if (secret.getStringData() != null) {
            secret.getStringData().forEach((k, v) -> values.put(k, v.trim()));
        }
        return values;
    }

    static String encode(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
