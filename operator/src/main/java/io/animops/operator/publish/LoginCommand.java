package io.animops.operator.publish;

import com.sun.net.httpserver.HttpServer;
import io.animops.crds.v1alpha1.Platform;
import io.animops.operator.common.Hashes;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code youtube-login | tiktok-login --namespace NS --secret NAME --client-id ID [--project P] [--kubeconfig FILE]
 * [--port N]}: connects a platform account. Runs the OAuth authorization-code flow with PKCE and a loopback redirect
 * on 127.0.0.1, prints the URL to open, takes the code (from the redirect, or pasted), exchanges it and writes or
 * updates the account Secret through the kubeconfig. The client secret comes from ANIMOPS_OAUTH_CLIENT_SECRET (never
 * from the command line, which other users can see); no token is ever printed.
 */
public final class LoginCommand {
    public static final String YOUTUBE = "youtube-login";
    public static final String TIKTOK = "tiktok-login";
    static final String CLIENT_SECRET_ENV = "ANIMOPS_OAUTH_CLIENT_SECRET";
    private static final List<String> OPTIONS =
            List.of("--namespace", "--secret", "--client-id", "--project", "--kubeconfig", "--port");
    private static final Duration WAIT = Duration.ofMinutes(10);

    private LoginCommand() {}

    public static String commandOf(Platform platform) {
        return platform == Platform.YouTube ? YOUTUBE : TIKTOK;
    }

    public static boolean isRequested(String[] args) {
        return args.length > 0 && (YOUTUBE.equals(args[0]) || TIKTOK.equals(args[0]));
    }

    /** The platform's OAuth client, endpoints from the environment (as the operator's settings) or the defaults. */
    static OAuthClient oauth(Platform platform, Map<String, String> env) {
        return platform == Platform.YouTube
                ? PublishingProducer.youTubeOAuth(
                        env.getOrDefault("ANIMOPS_PUBLISH_YOUTUBE_TOKEN_URL", PublishingProducer.GOOGLE_TOKEN_URL),
                        env.getOrDefault(
                                "ANIMOPS_PUBLISH_YOUTUBE_AUTHORIZE_URL", PublishingProducer.GOOGLE_AUTHORIZE_URL))
                : PublishingProducer.tikTokOAuth(
                        env.getOrDefault("ANIMOPS_PUBLISH_TIKTOK_TOKEN_URL", PublishingProducer.TIKTOK_TOKEN_URL),
                        env.getOrDefault(
                                "ANIMOPS_PUBLISH_TIKTOK_AUTHORIZE_URL", PublishingProducer.TIKTOK_AUTHORIZE_URL));
    }

    /** Runs the command; 0 done, 2 bad usage, 1 failed. {@code input} is where a pasted code is read from. */
    public static int run(String[] args, Map<String, String> env, InputStream input, PrintStream out, PrintStream err) {
        Platform platform = YOUTUBE.equals(args[0]) ? Platform.YouTube : Platform.TikTok;
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (!OPTIONS.contains(args[i]) || i + 1 >= args.length) {
                err.println(args[0] + ": unknown option or missing value: " + args[i]);
                err.println("usage: " + args[0]
                        + " --namespace NS --secret NAME --client-id ID [--project P] [--kubeconfig FILE] [--port N]"
                        + " (client secret in " + CLIENT_SECRET_ENV + ")");
                return 2;
            }
            options.put(args[i], args[++i]);
        }
        for (String required : List.of("--namespace", "--secret", "--client-id")) {
            if (!options.containsKey(required)) {
                err.println(args[0] + ": " + required + " is required");
                return 2;
            }
        }
        String clientSecret = env.get(CLIENT_SECRET_ENV);
        if (clientSecret == null || clientSecret.isBlank()) {
            err.println(args[0] + ": " + CLIENT_SECRET_ENV + " must hold the OAuth client secret");
            return 2;
        }
        OAuthClient oauth = oauth(platform, env);
        String verifier = randomUrlSafe(64);
        String state = randomUrlSafe(24);
        CompletableFuture<String> code = new CompletableFuture<>();
        HttpServer server;
        try {
            server = HttpServer.create(
                    new InetSocketAddress("127.0.0.1", Integer.parseInt(options.getOrDefault("--port", "0"))), 0);
        } catch (IOException | NumberFormatException e) {
            err.println(args[0] + ": --port: cannot listen on 127.0.0.1: " + e.getMessage());
            return 2;
        }
        String redirectUri = "http://127.0.0.1:" + server.getAddress().getPort() + "/callback";
        server.createContext("/callback", exchange -> {
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            boolean accepted = state.equals(query.get("state")) && query.get("code") != null;
            byte[] page = (accepted
                            ? "Signed in: you can close this tab and go back to the terminal."
                            : "Sign-in failed: " + query.getOrDefault("error", "wrong state or no code"))
                    .getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(accepted ? 200 : 400, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
            if (accepted) {
                code.complete(query.get("code"));
            }
        });
        server.start();
        try {
            out.println("Open this URL in a browser and sign in with the " + platform + " account:");
            out.println();
            out.println(
                    authorizeUrl(platform, oauth, options.get("--client-id"), redirectUri, state, challenge(verifier)));
            out.println();
            out.println("Waiting for the redirect to " + redirectUri
                    + " (or paste the code, or the whole redirect URL, here):");
            Thread reader = new Thread(() -> readPasted(input, state, code), "login-code-reader");
            reader.setDaemon(true);
            reader.start();
            String authorizationCode = code.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            PlatformHttp http = new PlatformHttp(
                    new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(5), RetryPolicy.THREAD_SLEEP));
            OAuthClient.Tokens tokens = oauth.exchange(
                    http, options.get("--client-id"), clientSecret, authorizationCode, redirectUri, verifier);
            if (tokens.refreshToken() == null) {
                err.println(
                        args[0]
                                + ": the platform sent no refresh token; revoke the app's access in the account and sign in again");
                return 1;
            }
            Config config = options.containsKey("--kubeconfig")
                    ? Config.fromKubeconfig(Files.readString(Path.of(options.get("--kubeconfig"))))
                    : Config.autoConfigure(null);
            try (KubernetesClient client =
                    new KubernetesClientBuilder().withConfig(config).build()) {
                boolean created = write(
                        client,
                        platform,
                        options.get("--namespace"),
                        options.get("--secret"),
                        options.get("--client-id"),
                        clientSecret,
                        tokens.refreshToken(),
                        options.get("--project"));
                out.println((created ? "Created" : "Updated") + " Secret " + options.get("--namespace") + "/"
                        + options.get("--secret") + " with the " + platform + " account (scope " + tokens.scope()
                        + ")");
            }
            return 0;
        } catch (java.util.concurrent.TimeoutException e) {
            err.println(args[0] + ": no code within " + WAIT.toMinutes() + " minutes");
            return 1;
        } catch (ReauthorizationRequiredException | PlatformException e) {
            err.println(args[0] + ": the code exchange failed: " + e.getMessage());
            return 1;
        } catch (Exception e) {
            err.println(args[0] + ": " + e.getMessage());
            return 1;
        } finally {
            server.stop(0);
        }
    }

    /** Creates the account Secret, or updates its keys keeping any others; true when created. */
    static boolean write(
            KubernetesClient client,
            Platform platform,
            String namespace,
            String name,
            String clientId,
            String clientSecret,
            String refreshToken,
            String project) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put(PlatformAccount.CLIENT_ID, AccountSecrets.encode(clientId));
        data.put(PlatformAccount.CLIENT_SECRET, AccountSecrets.encode(clientSecret));
        data.put(PlatformAccount.REFRESH_TOKEN, AccountSecrets.encode(refreshToken));
        if (project != null) {
            data.put(PlatformAccount.PROJECT, AccountSecrets.encode(project));
        }
        Secret existing = client.secrets().inNamespace(namespace).withName(name).get();
        if (existing == null) {
            client.secrets()
                    .inNamespace(namespace)
                    .resource(new SecretBuilder()
                            .withMetadata(new ObjectMetaBuilder()
                                    .withName(name)
                                    .withNamespace(namespace)
                                    .addToLabels(PlatformAccount.PLATFORM_LABEL, platform.name())
                                    .build())
                            .withType("Opaque")
                            .withData(data)
                            .build())
                    .create();
            return true;
        }
        Map<String, String> merged = new LinkedHashMap<>(existing.getData() == null ? Map.of() : existing.getData());
        merged.putAll(data);
        existing.setData(merged);
        existing.getMetadata().getLabels().put(PlatformAccount.PLATFORM_LABEL, platform.name());
        client.secrets()
                .resource(existing)
                .lockResourceVersion(existing.getMetadata().getResourceVersion())
                .update();
        return false;
    }

    static String authorizeUrl(
            Platform platform, OAuthClient oauth, String clientId, String redirectUri, String state, String challenge) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put(oauth.clientIdField(), clientId);
        params.put("redirect_uri", redirectUri);
        params.put("response_type", "code");
        params.put("scope", oauth.scopes());
        params.put("state", state);
        params.put("code_challenge", challenge);
        params.put("code_challenge_method", "S256");
        if (platform == Platform.YouTube) {
            // a refresh token is only issued for offline access, and again only with consent
            params.put("access_type", "offline");
            params.put("prompt", "consent");
        }
        return oauth.authorizeUrl() + PlatformHttp.query(params);
    }

    /** A line pasted by the person: the code itself, or the redirect URL holding it. */
    private static void readPasted(InputStream input, String state, CompletableFuture<String> code) {
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(input, StandardCharsets.UTF_8));
            for (String line; (line = reader.readLine()) != null; ) {
                line = line.trim();
                if (line.isEmpty()) {
                    continue;
                }
                if (line.contains("code=")) {
                    Map<String, String> query = query(URI.create(line).getRawQuery());
                    if (state.equals(query.get("state")) && query.get("code") != null) {
                        code.complete(query.get("code"));
                        return;
                    }
                    continue;
                }
                code.complete(line);
                return;
            }
        } catch (IOException | IllegalArgumentException e) {
            code.completeExceptionally(e);
        }
    }

    static Map<String, String> query(String raw) {
        Map<String, String> values = new HashMap<>();
        if (raw == null) {
            return values;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    static String randomUrlSafe(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** PKCE S256: base64url(sha256(verifier)). */
    static String challenge(String verifier) {
        // the verifier is base64url, so its UTF-8 bytes are its ASCII bytes
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Hashes.digest(verifier));
    }
}
