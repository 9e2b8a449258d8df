package io.animops.operator.standalone;

import com.sun.management.OperatingSystemMXBean;
import io.fabric8.kubernetes.client.utils.Serialization;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import javax.sql.DataSource;

/**
 * Times the standalone mode's embedded Kubernetes API as the standalone mode runs it (objects written through to an
 * embedded PostgreSQL, no operator). The objects are written straight into its SQL tables and loaded back at start,
 * as after a restart: ideas, render jobs, config maps and events spread over namespaces. Then each operation runs
 * sequentially over HTTP, after a warm-up, and its requests per second, p50 and p99 are printed.
 * Arguments: the number of stored objects (default 20,000), the timed requests per operation (default 1,000).
 */
public final class EmbeddedApiBenchmark {
    private static final int NAMESPACES = 20;
    /** Watches open on the ideas during the watched cases, as the operator's informers and the panel hold them. */
    private static final int WATCHERS = 8;
    private static final String[][] KINDS = {
        // apiVersion, plural, kind
        {"animops.io/v1alpha1", "animationideas", "AnimationIdea"},
        {"animops.io/v1alpha1", "renderjobs", "RenderJob"},
        {"v1", "configmaps", "ConfigMap"},
        {"v1", "events", "Event"},
    };

    public static void main(String[] args) throws Exception {
        int objects = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        int requests = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        Path home = Files.createTempDirectory("embedded-api-bench");
        try (EmbeddedDatabase database = new EmbeddedDatabase().start(home.resolve("pg"), freePort())) {
            DataSource kube = database.dataSource(EmbeddedDatabase.KUBE_DATABASE);
            try (SqlObjectStore store = new SqlObjectStore(kube)) {
                long seeded = System.nanoTime();
                seed(kube, objects);
                long loading = System.nanoTime();
                try (EmbeddedKubernetesApi api = new EmbeddedKubernetesApi().start(freePort(), store)) {
                    long loaded = System.nanoTime();
                    api.applyCrds();
                    System.out.printf(
                            "embedded-api: %d objects written in %.1f s, loaded at start in %.1f s%n",
                            objects, (loading - seeded) / 1e9, (loaded - loading) / 1e9);
                    run(api.url(), objects, requests);
                }
            }
        }
        // everything is closed, but a Vert.x instance the HTTP clients started keeps non-daemon threads running
        System.exit(0);
    }

    private static void run(String url, int objects, int requests) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        int perKind = objects / KINDS.length;
        String ideas = "/apis/animops.io/v1alpha1/namespaces/ns-%d/animationideas";
        IntFunction<HttpRequest> get = i -> {
            int n = (i * 7919) % perKind;
            return HttpRequest.newBuilder(URI.create(url + ideas.formatted(n % NAMESPACES) + "/idea-" + n))
                    .GET()
                    .build();
        };
        IntFunction<HttpRequest> list = i -> HttpRequest.newBuilder(URI.create(url + ideas.formatted(i % NAMESPACES)))
                .GET()
                .build();
        IntFunction<HttpRequest> patchStatus = i -> {
            int n = (i * 7919) % perKind;
            return HttpRequest.newBuilder(URI.create(
                            url + ideas.formatted(n % NAMESPACES) + "/idea-" + n + "/status"))
                    .header("Content-Type", "application/merge-patch+json")
                    .method(
                            "PATCH",
                            HttpRequest.BodyPublishers.ofString(
                                    "{\"status\":{\"phase\":\"Scripting\",\"observedGeneration\":" + i + "}}"))
                    .build();
        };
        int[] created = {0};
        IntFunction<HttpRequest> create = i -> {
            String name = "created-" + created[0]++;
            return HttpRequest.newBuilder(URI.create(url + "/api/v1/namespaces/ns-" + (i % NAMESPACES) + "/configmaps"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
                            + "\"metadata\":{\"name\":\"" + name + "\"},\"data\":{\"k\":\"v\"}}"))
                    .build();
        };
        // server-side apply of the status, as the Operator SDK patches a primary resource's status
        IntFunction<HttpRequest> applyStatus = i -> {
            int n = (i * 7919) % perKind;
            return HttpRequest.newBuilder(URI.create(url + ideas.formatted(n % NAMESPACES) + "/idea-" + n
                            + "/status?fieldManager=bench&force=true"))
                    .header("Content-Type", "application/apply-patch+yaml")
                    .method(
                            "PATCH",
                            HttpRequest.BodyPublishers.ofString("{\"apiVersion\":\"animops.io/v1alpha1\","
                                    + "\"kind\":\"AnimationIdea\",\"metadata\":{\"name\":\"idea-" + n
                                    + "\",\"namespace\":\"ns-" + (n % NAMESPACES) + "\"},\"status\":{\"phase\":"
                                    + "\"Scripting\",\"observedGeneration\":" + i + "}}"))
                    .build();
        };
        int warmUp = Math.min(200, requests / 5);
        time(http, "get", get, warmUp, requests);
        time(http, "list-in-namespace", list, warmUp / 10, Math.max(20, requests / 10));
        time(http, "patch-status", patchStatus, warmUp, requests);
        time(http, "create", create, warmUp, requests);
        List<InputStream> watches = new ArrayList<>();
        AtomicLong events = watchIdeas(http, url, watches);
        // other observedGenerations than the patches before, so that every patch changes the idea
        time(http, "patch-status-watched", i -> patchStatus.apply(i + 10_000), warmUp, requests);
        time(http, "apply-status-watched", i -> applyStatus.apply(i + 20_000), warmUp, requests);
        System.out.printf("embedded-api: %d watch events received by %d watches%n", events.get(), WATCHERS);
        synchronized (watches) {
            for (InputStream watch : watches) {
                watch.close();
            }
        }
    }

    /**
     * Opens {@link #WATCHERS} plain-HTTP watches on every namespace's ideas, from the current resourceVersion, each
     * read by a daemon thread counting its events; their streams are added to {@code watches}, to be closed.
     */
    private static AtomicLong watchIdeas(HttpClient http, String url, List<InputStream> watches) throws Exception {
        String listed = http.send(
                        HttpRequest.newBuilder(URI.create(url + "/api/v1/namespaces")).GET().build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        String resourceVersion = Serialization.jsonMapper()
                .readTree(listed)
                .path("metadata")
                .path("resourceVersion")
                .asText();
        AtomicLong events = new AtomicLong();
        for (int w = 0; w < WATCHERS; w++) {
            // the answer starts with the first event: not awaited here
            CompletableFuture<HttpResponse<InputStream>> watch = http.sendAsync(
                    HttpRequest.newBuilder(URI.create(url + "/apis/animops.io/v1alpha1/animationideas?watch=true"
                                    + "&resourceVersion=" + resourceVersion))
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            Thread reader = new Thread(() -> {
                try (InputStream in = watch.join().body()) {
                    synchronized (watches) {
                        watches.add(in);
                    }
                    byte[] buffer = new byte[65536];
                    for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                        for (int i = 0; i < read; i++) {
                            if (buffer[i] == '\n') {
                                events.incrementAndGet();
                            }
                        }
                    }
                } catch (Exception e) {
                    // the watch ends with the benchmark
                }
            });
            reader.setDaemon(true);
            reader.start();
        }
        return events;
    }

    private static void time(HttpClient http, String operation, IntFunction<HttpRequest> request, int warmUp, int runs)
            throws Exception {
        for (int i = 0; i < warmUp; i++) {
            send(http, request.apply(i));
        }
        long[] nanos = new long[runs];
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long cpu = os.getProcessCpuTime();
        long start = System.nanoTime();
        for (int i = 0; i < runs; i++) {
            long t = System.nanoTime();
            send(http, request.apply(warmUp + i));
            nanos[i] = System.nanoTime() - t;
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuPerRequest = (os.getProcessCpuTime() - cpu) / 1e6 / runs;
        Arrays.sort(nanos);
        System.out.printf(
                "embedded-api: %-20s %6.0f requests/s  p50 %7.2f ms  p99 %7.2f ms  cpu %5.2f ms/request"
                        + "  (%d requests)%n",
                operation,
                runs / seconds,
                nanos[runs / 2] / 1e6,
                nanos[(int) (runs * 0.99)] / 1e6,
                cpuPerRequest,
                runs);
    }

    private static void send(HttpClient http, HttpRequest request) throws Exception {
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                    + response.statusCode() + ": " + response.body());
        }
    }

    /** Writes namespaces and objects as the store keeps them, each with its own uid and resourceVersion. */
    private static void seed(DataSource kube, int objects) throws Exception {
        try (Connection c = kube.getConnection();
                PreparedStatement insert = c.prepareStatement("insert into kube_objects "
                        + "(api_version, plural, namespace, name, uid, resource_version, object) "
                        + "values (?, ?, ?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            long resourceVersion = 0;
            for (int ns = 0; ns < NAMESPACES; ns++) {
                String name = "ns-" + ns;
                add(insert, "v1", "namespaces", "", name, ++resourceVersion, "{\"apiVersion\":\"v1\","
                        + "\"kind\":\"Namespace\",\"metadata\":" + metadata(name, null, resourceVersion)
                        + ",\"status\":{\"phase\":\"Active\"}}");
            }
            for (int i = 0; i < objects; i++) {
                String[] kind = KINDS[i % KINDS.length];
                int n = i / KINDS.length;
                String namespace = "ns-" + (n % NAMESPACES);
                String name = kind[1].substring(0, kind[1].length() - 1).replace("animation", "") + "-" + n;
                String body = switch (kind[1]) {
                    case "animationideas" -> ",\"spec\":{\"title\":\"Idea number " + n
                            + "\",\"premise\":\"A ball rolls down a ramp and hits a row of dominoes.\"},"
                            + "\"status\":{\"phase\":\"Pending\"}";
                    case "renderjobs" -> ",\"spec\":{\"mode\":\"Preview\",\"ideaRef\":\"idea-" + n
                            + "\"},\"status\":{\"phase\":\"Pending\"}";
                    case "configmaps" -> ",\"data\":{\"scene\":\"extends Node2D\"}";
                    default -> ",\"involvedObject\":{\"kind\":\"AnimationIdea\",\"name\":\"idea-" + n
                            + "\",\"namespace\":\"" + namespace + "\"},\"reason\":\"Accepted\",\"message\":\"m\","
                            + "\"type\":\"Normal\",\"lastTimestamp\":\"2026-12-01T00:00:00Z\"";
                };
                add(insert, kind[0], kind[1], namespace, name, ++resourceVersion, "{\"apiVersion\":\"" + kind[0]
                        + "\",\"kind\":\"" + kind[2] + "\",\"metadata\":"
                        + metadata(name, namespace, resourceVersion) + body + "}");
                if (i % 1000 == 999) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
            try (Statement s = c.createStatement()) {
                s.execute("update kube_revision set resource_version = " + resourceVersion);
            }
            c.commit();
        }
    }

    private static String metadata(String name, String namespace, long resourceVersion) {
        return "{\"name\":\"" + name + "\"," + (namespace == null ? "" : "\"namespace\":\"" + namespace + "\",")
                + "\"uid\":\"" + UUID.nameUUIDFromBytes((namespace + "/" + name).getBytes())
                + "\",\"resourceVersion\":\"" + resourceVersion
                + "\",\"generation\":1,\"creationTimestamp\":\"2026-12-01T00:00:00Z\",\"labels\":{\"bench\":\"yes\"}}";
    }

    private static void add(
            PreparedStatement insert,
            String apiVersion,
            String plural,
            String namespace,
            String name,
            long resourceVersion,
            String json)
            throws Exception {
        insert.setString(1, apiVersion);
        insert.setString(2, plural);
        insert.setString(3, namespace);
        insert.setString(4, name);
        insert.setString(5, UUID.nameUUIDFromBytes((namespace + "/" + name).getBytes()).toString());
        insert.setLong(6, resourceVersion);
        insert.setString(7, json);
        insert.addBatch();
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private EmbeddedApiBenchmark() {}
}
