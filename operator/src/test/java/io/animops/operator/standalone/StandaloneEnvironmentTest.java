package io.animops.operator.standalone;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StandaloneEnvironmentTest {
    @TempDir
    Path workdir;

    @Test
    void startsEverythingAndConfiguresTheOperatorThroughRunTimeProperties() throws Exception {
        StandaloneSettings settings = StandaloneSettings.from(
                List.of(
                        "--api-port=" + FreePorts.next(), "--db-port=" + FreePorts.next(),
                        "--home=" + workdir.resolve(".animops"), "--examples=" + workdir.resolve("examples")),
                Map.of(),
                new Properties());
        StandaloneEnvironment env = StandaloneEnvironment.start(settings);
        try {
            Map<String, String> config = env.operatorConfiguration();
            assertThat(config)
                    .containsEntry("quarkus.datasource.jdbc.url", env.database().jdbcUrl())
                    .containsEntry(
                            "quarkus.datasource.reactive.url", env.database().reactiveUrl())
                    .containsEntry("quarkus.datasource.username", "postgres")
                    .containsEntry("quarkus.datasource.password", "postgres")
                    .containsEntry("animops.storage.type", "local")
                    .containsEntry(
                            "animops.storage.local.dir",
                            workdir.resolve(".animops/artifacts").toString())
                    .containsEntry("animops.standalone", "true")
                    .containsEntry("quarkus.http.host", "127.0.0.1")
                    .containsEntry("quarkus.profile", "standalone")
                    .containsEntry(
                            "kubeconfig", workdir.resolve(".animops/kubeconfig").toString())
                    .containsEntry("kubernetes.master", env.api().url());
            // build-time fixed in Quarkus: setting them at run time only earns a warning
            assertThat(config.keySet())
                    .noneMatch(
                            k -> k.startsWith("quarkus.kubernetes-client.") || k.startsWith("quarkus.operator-sdk."));
            assertThat(workdir.resolve(".animops/artifacts")).isDirectory();
            // the REST API's token: made once, kept in home, the same after a restart
            String token =
                    Files.readString(workdir.resolve(".animops/api-token")).trim();
            assertThat(token).hasSizeGreaterThanOrEqualTo(40);
            assertThat(config).containsEntry("animops.api.token", token);
            assertThat(StandaloneEnvironment.readOrCreateToken(workdir.resolve(".animops/api-token")))
                    .isEqualTo(token);
            assertThat(Files.readString(env.kubeconfig()))
                    .contains("server: " + env.api().url());

            // Quarkus builds its client with Config.autoConfigure; with these system properties it reaches the embedded
            // API
            // even when the user's own kubeconfig points elsewhere
            Map<String, String> previous = new HashMap<>();
            config.forEach((k, v) -> previous.put(k, System.setProperty(k, v)));
            try (KubernetesClient operatorClient = new KubernetesClientBuilder()
                    .withConfig(Config.autoConfigure(null))
                    .build()) {
                assertThat(operatorClient.getConfiguration().getMasterUrl())
                        .startsWith(env.api().url());
                assertThat(operatorClient.getNamespace()).isEqualTo("default");
                assertThat(operatorClient
                                .apiextensions()
                                .v1()
                                .customResourceDefinitions()
                                .list()
                                .getItems())
                        .extracting(CustomResourceDefinition::getMetadata)
                        .extracting(m -> m.getName())
                        .contains("animationideas.animops.io", "renderagents.animops.io");
            } finally {
                previous.forEach((k, v) -> {
                    if (v == null) {
                        System.clearProperty(k);
                    } else {
                        System.setProperty(k, v);
                    }
                });
            }
            try (Connection c =
                    DriverManager.getConnection(config.get("quarkus.datasource.jdbc.url"), "postgres", "postgres")) {
                assertThat(c.isValid(2)).isTrue();
            }
        } finally {
            env.stop();
        }
        int apiPort = settings.apiPort();
        assertThatThrownBy(() -> new Socket("127.0.0.1", apiPort).close()).isInstanceOf(ConnectException.class);
        assertThat(workdir.resolve(".animops/pgdata/postmaster.pid")).doesNotExist();
    }

    @Test
    void aRestartedEnvironmentServesTheObjectsOfTheLastRun() {
        StandaloneSettings settings = StandaloneSettings.from(
                List.of(
                        "--api-port=" + FreePorts.next(),
                        "--db-port=" + FreePorts.next(),
                        "--home=" + workdir.resolve("kept")),
                Map.of(),
                new Properties());
        String uid;
        try (StandaloneEnvironment env = StandaloneEnvironment.start(settings)) {
            uid = env.api()
                    .client()
                    .namespaces()
                    .resource(new io.fabric8.kubernetes.api.model.NamespaceBuilder()
                            .withNewMetadata()
                            .withName("studio")
                            .endMetadata()
                            .build())
                    .create()
                    .getMetadata()
                    .getUid();
            env.exampleHistory().recordApplied("v1/Namespace//studio");
        }
        try (StandaloneEnvironment env = StandaloneEnvironment.start(settings)) {
            assertThat(env.api()
                            .client()
                            .namespaces()
                            .withName("studio")
                            .get()
                            .getMetadata()
                            .getUid())
                    .isEqualTo(uid);
            assertThat(env.exampleHistory().wasApplied("v1/Namespace//studio")).isTrue();
            assertThat(env.exampleHistory().wasApplied("v1/Namespace//other")).isFalse();
        }
    }

    @Test
    void aTakenPortFailsTheStartAndStopsWhatHadStarted() throws Exception {
        int dbPort = FreePorts.next();
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            StandaloneSettings settings = StandaloneSettings.from(
                    List.of(
                            "--api-port=" + taken.getLocalPort(),
                            "--db-port=" + dbPort,
                            "--home=" + workdir.resolve("h")),
                    Map.of(),
                    new Properties());
            assertThatThrownBy(() -> StandaloneEnvironment.start(settings)).isInstanceOf(RuntimeException.class);
        }
        // PostgreSQL had started before the API failed; it was stopped again
        assertThat(workdir.resolve("h/pgdata/postmaster.pid")).doesNotExist();
        assertThatThrownBy(() -> new Socket("localhost", dbPort).close()).isInstanceOf(ConnectException.class);
    }
}
