package io.animops.operator.standalone;

import java.net.URI;
import java.util.Arrays;
import java.util.Optional;

/**
 * A request path of the Kubernetes REST API taken apart:
 * {@code /apis/{group}/{version}[/namespaces/{ns}]/{plural}[/{name}[/{subresource}]]} or the same under
 * {@code /api/v1} for the core group. Discovery paths ({@code /api}, {@code /apis/{group}/{version}}) do not parse.
 */
record ResourcePath(
        String group, String version, String namespace, String plural, String name, String subresource, String query) {

    static Optional<ResourcePath> parse(String rawPath) {
        URI uri = URI.create(rawPath);
        String path = uri.getRawPath();
        String query = uri.getRawQuery();
        String[] parts =
                Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toArray(String[]::new);
        int i;
        String group;
        String version;
        if (parts.length >= 3 && parts[0].equals("api")) {
            group = "";
            version = parts[1];
            i = 2;
        } else if (parts.length >= 4 && parts[0].equals("apis")) {
            group = parts[1];
            version = parts[2];
            i = 3;
        } else {
            return Optional.empty();
        }
        String namespace = null;
        // "namespaces/x/pods" is a namespaced collection, but "namespaces/x" alone is the Namespace object itself
        if (parts.length - i >= 3 && parts[i].equals("namespaces")) {
            namespace = parts[i + 1];
            i += 2;
        }
        String plural = parts[i++];
        String name = i < parts.length ? parts[i++] : null;
        String subresource = i < parts.length ? parts[i] : null;
        return Optional.of(new ResourcePath(group, version, namespace, plural, name, subresource, query));
    }

    boolean isCollection() {
        return name == null;
    }

    boolean isWatch() {
        return query != null && Arrays.asList(query.split("&")).contains("watch=true");
    }

    String queryParameter(String key) {
        if (query == null) {
            return null;
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && pair.substring(0, eq).equals(key)) {
                return java.net.URLDecoder.decode(pair.substring(eq + 1), java.nio.charset.StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
