package io.animops.operator.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.DryRun;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.Release;
import com.marcnuri.helm.TemplateCommand;
import io.animops.operator.standalone.StandaloneJvm;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.api.model.rbac.RoleBinding;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Runs the real Helm (bundled in helm-java) against charts/animops: lint, show crds and
 * template, then checks the rendered Kubernetes objects.
 */
class HelmChartTest {

    private static final Path REPO_DIR = Path.of(System.getProperty("animops.repo.dir", ".."))
            .toAbsolutePath()
            .normalize();
    private static final Path CHART_DIR = REPO_DIR.resolve("charts/animops");
    private static final Path S3_VALUES = CHART_DIR.resolve("ci/s3-existing-secrets-values.yaml");

    private static final String RELEASE = "studio";
    private static final String NAMESPACE = "animops-system";
    private static final String FULLNAME = "studio-animops";
    private static final String AGENT = FULLNAME + "-render-agent";
    private static final String APP_VERSION = "0.1.0";
    private static final String KUBE_VERSION_LINE = "kubeVersion: \">=1.27.0-0\"\n";

    private static final Set<String> CRD_NAMES = Set.of(
            "contentschedules.animops.io",
            "animationideas.animops.io",
            "scriptattempts.animops.io",
            "renderjobs.animops.io",
            "publications.animops.io",
            "renderagents.animops.io");

    /**
     * The chart as rendered by the tests. helm-java runs Helm's client-only install, which
     * assumes Kubernetes v1.20.0 and has no --kube-version option, so the chart's own
     * kubeVersion constraint (>=1.27) would refuse to render; this copy drops that one line.
     */
    private static Path renderableChartDir;

    private static List<HasMetadata> defaultObjects;
    private static List<HasMetadata> s3Objects;

    @BeforeAll
    static void renderChart(@TempDir Path workDir) throws IOException {
        renderableChartDir = copyChart(workDir);
        Path chartYaml = renderableChartDir.resolve("Chart.yaml");
        String metadata = Files.readString(chartYaml);
        assertThat(metadata).contains(KUBE_VERSION_LINE);
        Files.writeString(chartYaml, metadata.replace(KUBE_VERSION_LINE, ""));

        defaultObjects = parse(template().call());
        s3Objects = parse(template().withValuesFile(S3_VALUES).call());
    }

    // ---------------------------------------------------------------- lint

    @Test
    void lintPassesStrictlyWithDefaultValues() {
        LintResult result = new Helm(CHART_DIR).lint().strict().call();

        assertThat(result.isFailed())
                .as("lint messages: %s", result.getMessages())
                .isFalse();
        assertThat(result.getMessages())
                .noneMatch(message -> message.startsWith("[ERROR]") || message.startsWith("[WARNING]"));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "'  type: local'|'  type: ftp'|storage.type",
                "replicas: 1|replicas: -1|replicas",
                "'  port: 5432'|'  port: 70000'|database.port",
                "'  json: true'|'  json: \"yes\"'|logging.json",
            })
    void lintFailsWhenValuesFileBreaksTheSchema(String original, String broken, String field, @TempDir Path workDir)
            throws IOException {
        Path chartCopy = copyChart(workDir);
        Path valuesFile = chartCopy.resolve("values.yaml");
        String values = Files.readString(valuesFile);
        assertThat(values).contains("\n" + original + "\n");
        Files.writeString(valuesFile, values.replace("\n" + original + "\n", "\n" + broken + "\n"));

        LintResult result = new Helm(chartCopy).lint().call();

        assertThat(result.isFailed()).isTrue();
        assertThat(String.join("\n", result.getMessages())).contains(field);
    }

    @Test
    void chartRefusesKubernetesOlderThan127() {
        // helm-java's client-only rendering assumes Kubernetes v1.20.0
        assertThatThrownBy(() -> new Helm(CHART_DIR)
                        .template()
                        .withName(RELEASE)
                        .withNamespace(NAMESPACE)
                        .call())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chart requires kubeVersion: >=1.27.0-0")
                .hasMessageContaining("v1.20.0");
    }

    // ---------------------------------------------------------------- CRDs

    @Test
    void chartShipsTheSixGeneratedCrds() throws IOException {
        List<HasMetadata> shown = parse(new Helm(CHART_DIR).show().crds().call());

        assertThat(shown).allMatch(CustomResourceDefinition.class::isInstance);
        assertThat(names(shown)).containsExactlyInAnyOrderElementsOf(CRD_NAMES);
        assertThat(shown)
                .extracting(crd -> ((CustomResourceDefinition) crd).getSpec().getGroup())
                .containsOnly("animops.io");

        try (Stream<Path> files = Files.list(CHART_DIR.resolve("crds"))) {
            Set<String> fileNames =
                    files.map(path -> path.getFileName().toString()).collect(Collectors.toSet());
            assertThat(fileNames)
                    .containsExactlyInAnyOrderElementsOf(
                            CRD_NAMES.stream().map(name -> name + "-v1.yml").collect(Collectors.toSet()));
        }
    }

    @Test
    void templatesDoNotDuplicateTheCrds() {
        // CRDs come from crds/ (installed before the templates, never upgraded or deleted by Helm)
        assertThat(defaultObjects).noneMatch(CustomResourceDefinition.class::isInstance);
    }

    // ---------------------------------------------------------------- objects and labels

    @Test
    void defaultValuesRenderTheOperatorObjects() {
        assertThat(defaultObjects)
                .extracting(
                        object -> object.getKind() + "/" + object.getMetadata().getName())
                .containsExactlyInAnyOrder(
                        "ServiceAccount/" + FULLNAME,
                        "Secret/" + FULLNAME + "-api-token",
                        "Secret/" + FULLNAME + "-storage-signing-key",
                        "ConfigMap/" + FULLNAME + "-ideas",
                        "PersistentVolumeClaim/" + FULLNAME + "-artifacts",
                        "ClusterRole/" + FULLNAME,
                        "ClusterRoleBinding/" + FULLNAME,
                        "Role/" + FULLNAME + "-leader-election",
                        "RoleBinding/" + FULLNAME + "-leader-election",
                        "Service/" + FULLNAME,
                        "Deployment/" + FULLNAME,
                        "ServiceAccount/" + AGENT,
                        "ClusterRole/" + AGENT,
                        "ClusterRoleBinding/" + AGENT,
                        "Secret/" + AGENT + "-token");
    }

    @Test
    void everyObjectCarriesTheStandardLabels() {
        for (HasMetadata object : defaultObjects) {
            assertThat(object.getMetadata().getLabels())
                    .as(object.getKind())
                    .containsEntry("app.kubernetes.io/name", "animops")
                    .containsEntry("app.kubernetes.io/instance", RELEASE)
                    .containsEntry("app.kubernetes.io/version", APP_VERSION)
                    .containsEntry("app.kubernetes.io/managed-by", "Helm")
                    .containsEntry(
                            "app.kubernetes.io/component",
                            object.getMetadata().getName().startsWith(AGENT) ? "render-agent" : "operator");
            if (!(object instanceof ClusterRole) && !(object instanceof ClusterRoleBinding)) {
                assertThat(object.getMetadata().getNamespace())
                        .as(object.getKind())
                        .isEqualTo(NAMESPACE);
            }
        }
    }

    // ---------------------------------------------------------------- RBAC

    @Test
    void clusterRoleGrantsExactlyWhatTheOperatorUses() {
        ClusterRole clusterRole = named(defaultObjects, ClusterRole.class, FULLNAME);

        Set<String> expected = new HashSet<>();
        grant(expected, "animops.io", List.of("contentschedules"), "get", "list", "watch");
        grant(
                expected,
                "animops.io",
                List.of("animationideas", "scriptattempts", "renderjobs", "publications"),
                "get",
                "list",
                "watch",
                "create");
        grant(expected, "animops.io", List.of("animationideas", "publications"), "update");
        grant(expected, "animops.io", List.of("renderagents"), "get", "list", "watch");
        grant(
                expected,
                "animops.io",
                List.of(
                        "contentschedules/status",
                        "animationideas/status",
                        "scriptattempts/status",
                        "publications/status"),
                "patch");
        grant(expected, "animops.io", List.of("renderjobs/status", "renderagents/status"), "update");
        grant(expected, "animops.io", List.of("publications/status"), "update");
        grant(expected, "", List.of("secrets"), "get", "update");
        grant(expected, "", List.of("events"), "get", "create", "patch");

        assertThat(grantsOf(clusterRole.getRules())).containsExactlyInAnyOrderElementsOf(expected);
        assertThat(clusterRole.getRules()).allSatisfy(rule -> {
            assertThat(rule.getResourceNames()).isNullOrEmpty();
            assertThat(rule.getNonResourceURLs()).isNullOrEmpty();
        });
    }

    @Test
    void renderAgentsGetExactlyWhatTheProtocolNeeds() {
        ClusterRole clusterRole = named(defaultObjects, ClusterRole.class, AGENT);
        Set<String> expected = new HashSet<>();
        grant(expected, "animops.io", List.of("renderjobs"), "get", "list", "watch");
        grant(expected, "animops.io", List.of("renderjobs/status"), "patch");
        grant(expected, "animops.io", List.of("renderagents"), "get", "create", "update");
        grant(expected, "animops.io", List.of("renderagents/status"), "update");
        assertThat(grantsOf(clusterRole.getRules())).containsExactlyInAnyOrderElementsOf(expected);

        ClusterRoleBinding binding = named(defaultObjects, ClusterRoleBinding.class, AGENT);
        assertThat(binding.getRoleRef().getName()).isEqualTo(AGENT);
        assertThat(binding.getSubjects()).singleElement().satisfies(subject -> {
            assertThat(subject.getKind()).isEqualTo("ServiceAccount");
            assertThat(subject.getName()).isEqualTo(AGENT);
            assertThat(subject.getNamespace()).isEqualTo(NAMESPACE);
        });
        Secret token = named(defaultObjects, Secret.class, AGENT + "-token");
        assertThat(token.getType()).isEqualTo("kubernetes.io/service-account-token");
        assertThat(token.getMetadata().getAnnotations()).containsEntry("kubernetes.io/service-account.name", AGENT);
    }

    @Test
    void renderAgentIdentityCanBeLeftOut() {
        List<HasMetadata> objects =
                parse(template().set("renderAgents.rbac.create", false).call());
        assertThat(names(objects)).noneMatch(name -> name.startsWith(AGENT));
        List<HasMetadata> withoutToken =
                parse(template().set("renderAgents.tokenSecret.create", false).call());
        assertThat(names(withoutToken)).contains(AGENT).doesNotContain(AGENT + "-token");
    }

    @Test
    void webRenderAgentsRunAsADeploymentWithTheAgentsIdentityWhenEnabled() {
        String name = FULLNAME + "-web-render-agent";
        assertThat(names(defaultObjects)).doesNotContain(name);

        List<HasMetadata> objects = parse(template()
                .set("renderAgents.web.enabled", true)
                .set("renderAgents.web.replicas", 3)
                .set("renderAgents.web.namespaces[0]", "studio")
                .set("renderAgents.web.namespaces[1]", "shorts")
                .call());

        Deployment agents = named(objects, Deployment.class, name);
        assertThat(agents.getSpec().getReplicas()).isEqualTo(3);
        PodSpec pod = agents.getSpec().getTemplate().getSpec();
        assertThat(pod.getServiceAccountName()).isEqualTo(AGENT);
        Container agent = pod.getContainers().get(0);
        assertThat(agent.getImage()).isEqualTo("animops/render-agent-web:" + APP_VERSION);
        assertThat(value(agent, "ANIMOPS_AGENT_EXECUTOR")).isEqualTo("web");
        assertThat(env(agent, "ANIMOPS_AGENT_NAME").getValueFrom().getFieldRef().getFieldPath())
                .isEqualTo("metadata.name");
        assertThat(value(agent, "ANIMOPS_AGENT_LABELS")).isEqualTo("animops.io/godot=web,animops.io/os=linux");
        assertThat(value(agent, "ANIMOPS_AGENT_NAMESPACES")).isEqualTo("studio,shorts");
        assertThat(agent.getResources().getRequests())
                .containsEntry("cpu", new Quantity("2"))
                .containsEntry("memory", new Quantity("1536Mi"));
        assertThat(agent.getResources().getLimits()).containsEntry("memory", new Quantity("3Gi"));
        assertThat(mount(agent, "/var/lib/animops/jobs").getName()).isEqualTo("jobs");
        assertThat(volume(pod, "jobs").getEmptyDir()).isNotNull();
        assertThat(agents.getSpec().getSelector().getMatchLabels())
                .isEqualTo(agents.getSpec().getTemplate().getMetadata().getLabels());
    }

    @Test
    void leaderElectionIsANamespacedRoleOnLeases() {
        Role role = single(defaultObjects, Role.class);
        assertThat(role.getMetadata().getNamespace()).isEqualTo(NAMESPACE);
        Set<String> expected = new HashSet<>();
        grant(expected, "coordination.k8s.io", List.of("leases"), "get", "create", "update");
        assertThat(grantsOf(role.getRules())).containsExactlyInAnyOrderElementsOf(expected);

        RoleBinding roleBinding = single(defaultObjects, RoleBinding.class);
        assertThat(roleBinding.getRoleRef().getKind()).isEqualTo("Role");
        assertThat(roleBinding.getRoleRef().getName())
                .isEqualTo(role.getMetadata().getName());
        assertThat(roleBinding.getSubjects()).singleElement().satisfies(subject -> {
            assertThat(subject.getKind()).isEqualTo("ServiceAccount");
            assertThat(subject.getName()).isEqualTo(FULLNAME);
            assertThat(subject.getNamespace()).isEqualTo(NAMESPACE);
        });
    }

    @Test
    void clusterRoleIsBoundToTheOperatorServiceAccount() {
        ClusterRoleBinding binding = named(defaultObjects, ClusterRoleBinding.class, FULLNAME);
        ServiceAccount serviceAccount = named(defaultObjects, ServiceAccount.class, FULLNAME);
        Deployment deployment = single(defaultObjects, Deployment.class);

        assertThat(binding.getRoleRef().getKind()).isEqualTo("ClusterRole");
        assertThat(binding.getRoleRef().getName())
                .isEqualTo(named(defaultObjects, ClusterRole.class, FULLNAME)
                        .getMetadata()
                        .getName());
        assertThat(binding.getSubjects()).singleElement().satisfies(subject -> {
            assertThat(subject.getKind()).isEqualTo("ServiceAccount");
            assertThat(subject.getName()).isEqualTo(serviceAccount.getMetadata().getName());
            assertThat(subject.getNamespace()).isEqualTo(NAMESPACE);
        });
        assertThat(deployment.getSpec().getTemplate().getSpec().getServiceAccountName())
                .isEqualTo(serviceAccount.getMetadata().getName());
    }

    // ---------------------------------------------------------------- Deployment, default values

    @Test
    void deploymentRunsTheOperatorImageWithLeaderElection() {
        Deployment deployment = single(defaultObjects, Deployment.class);
        Container operator = operatorContainer(deployment);

        assertThat(deployment.getSpec().getReplicas()).isEqualTo(1);
        assertThat(operator.getImage()).isEqualTo("animops/operator:" + APP_VERSION);
        assertThat(envNames(operator)).doesNotContain("ANIMOPS_LEADER_ELECTION_ENABLED");
        assertThat(env(operator, "ANIMOPS_LEADER_ELECTION_NAMESPACE")
                        .getValueFrom()
                        .getFieldRef()
                        .getFieldPath())
                .isEqualTo("metadata.namespace");
        assertThat(value(operator, "ANIMOPS_LEADER_ELECTION_LEASE_NAME")).isEqualTo(FULLNAME + "-leader");
    }

    @Test
    void deploymentIsLockedDown() {
        Deployment deployment = single(defaultObjects, Deployment.class);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container operator = operatorContainer(deployment);

        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(operator.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(operator.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(operator.getSecurityContext().getAllowPrivilegeEscalation()).isFalse();
        assertThat(operator.getSecurityContext().getCapabilities().getDrop()).containsExactly("ALL");
        assertThat(operator.getSecurityContext().getCapabilities().getAdd()).isNullOrEmpty();
        assertThat(operator.getSecurityContext().getSeccompProfile().getType()).isEqualTo("RuntimeDefault");
        assertThat(operator.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(operator.getResources().getLimits()).containsKey("memory");

        // the read-only root filesystem needs a writable /tmp
        assertThat(mount(operator, "/tmp").getReadOnly()).isNotEqualTo(Boolean.TRUE);
        assertThat(volume(pod, mount(operator, "/tmp").getName()).getEmptyDir()).isNotNull();
    }

    @Test
    void deploymentProbesQuarkusHealthOnTheHttpPort() {
        Container operator = operatorContainer(single(defaultObjects, Deployment.class));

        assertThat(operator.getPorts()).singleElement().satisfies(port -> {
            assertThat(port.getName()).isEqualTo("http");
            assertThat(port.getContainerPort()).isEqualTo(8080);
            assertThat(port.getProtocol()).isEqualTo("TCP");
        });
        assertThat(operator.getLivenessProbe().getHttpGet().getPath()).isEqualTo("/q/health/live");
        assertThat(operator.getLivenessProbe().getHttpGet().getPort().getStrVal())
                .isEqualTo("http");
        assertThat(operator.getReadinessProbe().getHttpGet().getPath()).isEqualTo("/q/health/ready");
        assertThat(operator.getReadinessProbe().getHttpGet().getPort().getStrVal())
                .isEqualTo("http");
    }

    @Test
    void podsCarryPrometheusScrapeHints() {
        Map<String, String> annotations = single(defaultObjects, Deployment.class)
                .getSpec()
                .getTemplate()
                .getMetadata()
                .getAnnotations();

        assertThat(annotations)
                .containsEntry("prometheus.io/scrape", "true")
                .containsEntry("prometheus.io/port", "8080")
                .containsEntry("prometheus.io/path", "/q/metrics")
                .containsKey("checksum/ideas");
    }

    @Test
    void deploymentConnectsToPostgresqlWithThePasswordFromASecret() {
        Container operator = operatorContainer(single(defaultObjects, Deployment.class));

        assertThat(value(operator, "QUARKUS_DATASOURCE_JDBC_URL"))
                .isEqualTo("jdbc:postgresql://animops-postgresql:5432/animops");
        assertThat(value(operator, "QUARKUS_DATASOURCE_REACTIVE_URL"))
                .isEqualTo("postgresql://animops-postgresql:5432/animops");
        assertThat(value(operator, "QUARKUS_DATASOURCE_USERNAME")).isEqualTo("animops");
        assertSecretRef(operator, "QUARKUS_DATASOURCE_PASSWORD", "animops-database", "password");
    }

    @Test
    void localStorageUsesAPersistentVolumeClaim() {
        Deployment deployment = single(defaultObjects, Deployment.class);
        PodSpec pod = deployment.getSpec().getTemplate().getSpec();
        Container operator = operatorContainer(deployment);
        PersistentVolumeClaim claim = single(defaultObjects, PersistentVolumeClaim.class);

        assertThat(value(operator, "ANIMOPS_STORAGE_TYPE")).isEqualTo("local");
        assertThat(value(operator, "ANIMOPS_STORAGE_LOCAL_DIR")).isEqualTo("/var/lib/animops/artifacts");
        assertThat(envNames(operator)).noneMatch(name -> name.startsWith("ANIMOPS_STORAGE_S3_"));
        Volume artifacts =
                volume(pod, mount(operator, "/var/lib/animops/artifacts").getName());
        assertThat(artifacts.getPersistentVolumeClaim().getClaimName())
                .isEqualTo(claim.getMetadata().getName());
        assertThat(claim.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
        assertThat(claim.getSpec().getResources().getRequests().get("storage").toString())
                .isEqualTo("20Gi");
        assertThat(claim.getSpec().getStorageClassName()).isNull();
        // a ReadWriteOnce volume cannot be attached to the old and the new pod on different nodes
        assertThat(deployment.getSpec().getStrategy().getType()).isEqualTo("Recreate");
    }

    @Test
    void localStorageSignsItsLinksWithAGeneratedKeyAndAgentsReachTheService() {
        Container operator = operatorContainer(single(defaultObjects, Deployment.class));
        Secret signingKey = named(defaultObjects, Secret.class, FULLNAME + "-storage-signing-key");

        assertSecretRef(
                operator,
                "ANIMOPS_STORAGE_SIGNING_KEY",
                signingKey.getMetadata().getName(),
                "signingKey");
        String key =
                new String(Base64.getDecoder().decode(signingKey.getData().get("signingKey")), StandardCharsets.UTF_8);
        assertThat(key).matches("[A-Za-z0-9]{48}");
        assertThat(named(parse(template().call()), Secret.class, FULLNAME + "-storage-signing-key")
                        .getData()
                        .get("signingKey"))
                .isNotEqualTo(signingKey.getData().get("signingKey"));
        assertThat(value(operator, "ANIMOPS_STORAGE_PUBLIC_URL"))
                .isEqualTo("http://" + FULLNAME + "." + NAMESPACE + ".svc:8080");
        assertThat(value(operator, "ANIMOPS_STORAGE_MAX_UPLOAD_BYTES")).isEqualTo("1073741824");
        assertThat(value(operator, "ANIMOPS_STORAGE_GRANT_TTL")).isEqualTo("30m");
        assertThat(value(operator, "ANIMOPS_STORAGE_RETENTION_INTERVAL")).isEqualTo("1h");
        assertThat(value(operator, "ANIMOPS_STORAGE_RETENTION_PREVIEW_DAYS")).isEqualTo("14");
        assertThat(value(operator, "ANIMOPS_STORAGE_RETENTION_REJECTED_DAYS")).isEqualTo("7");
    }

    @Test
    void localStorageTakesAnExistingSigningKeySecretAndAPublicUrl() {
        List<HasMetadata> objects = parse(template()
                .set("storage.local.signingKey.existingSecret", "studio-signing")
                .set("storage.local.signingKey.key", "hmac")
                .set("storage.publicUrl", "https://animops.example.com/")
                .set("storage.retention.interval", "off")
                .set("storage.retention.previewDays", 30)
                .call());
        Container operator = operatorContainer(single(objects, Deployment.class));

        assertThat(objects)
                .noneMatch(o -> o instanceof Secret && o.getMetadata().getName().endsWith("-storage-signing-key"));
        assertSecretRef(operator, "ANIMOPS_STORAGE_SIGNING_KEY", "studio-signing", "hmac");
        assertThat(value(operator, "ANIMOPS_STORAGE_PUBLIC_URL")).isEqualTo("https://animops.example.com");
        assertThat(value(operator, "ANIMOPS_STORAGE_RETENTION_INTERVAL")).isEqualTo("off");
        assertThat(value(operator, "ANIMOPS_STORAGE_RETENTION_PREVIEW_DAYS")).isEqualTo("30");
    }

    @Test
    void thePanelIsServedByDefaultWithoutAnIngressOrSecureCookie() {
        Container operator = operatorContainer(single(defaultObjects, Deployment.class));
        assertThat(defaultObjects).noneMatch(io.fabric8.kubernetes.api.model.networking.v1.Ingress.class::isInstance);
        assertThat(value(operator, "ANIMOPS_PANEL_ENABLED")).isEqualTo("true");
        assertThat(value(operator, "ANIMOPS_AUTH_SESSION_SECURE_COOKIE")).isEqualTo("false");
        assertThat(envNames(operator)).doesNotContain("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING");
    }

    @Test
    void anIngressWithTlsServesThePublicUrlAndMakesTheCookieSecure() {
        List<HasMetadata> objects = parse(template()
                .set("panel.publicUrl", "https://animops.example.com/")
                .set("ingress.enabled", true)
                .set("ingress.className", "nginx")
                .set("ingress.tls.enabled", true)
                .call());
        var ingress = single(objects, io.fabric8.kubernetes.api.model.networking.v1.Ingress.class);
        assertThat(ingress.getSpec().getIngressClassName()).isEqualTo("nginx");
        assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> {
            assertThat(tls.getHosts()).containsExactly("animops.example.com");
            assertThat(tls.getSecretName()).isEqualTo(FULLNAME + "-tls");
        });
        var rule = ingress.getSpec().getRules().get(0);
        assertThat(rule.getHost()).isEqualTo("animops.example.com");
        var path = rule.getHttp().getPaths().get(0);
        assertThat(path.getPath()).isEqualTo("/");
        assertThat(path.getBackend().getService().getName()).isEqualTo(FULLNAME);
        assertThat(path.getBackend().getService().getPort().getName()).isEqualTo("http");

        Container operator = operatorContainer(single(objects, Deployment.class));
        assertThat(value(operator, "ANIMOPS_AUTH_SESSION_SECURE_COOKIE")).isEqualTo("true");
        assertThat(value(operator, "QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING"))
                .isEqualTo("true");
        // the panel's address is where browsers fetch the signed video links too
        assertThat(value(operator, "ANIMOPS_STORAGE_PUBLIC_URL")).isEqualTo("https://animops.example.com");
    }

    @Test
    void thePanelCanBeTurnedOffAndTheCookieSetExplicitly() {
        Container operator = operatorContainer(single(
                parse(template()
                        .set("panel.enabled", false)
                        .set("panel.publicUrl", "https://animops.example.com")
                        .set("panel.secureCookie", false)
                        .call()),
                Deployment.class));
        assertThat(value(operator, "ANIMOPS_PANEL_ENABLED")).isEqualTo("false");
        assertThat(value(operator, "ANIMOPS_AUTH_SESSION_SECURE_COOKIE")).isEqualTo("false");
        List<HasMetadata> plain = parse(template()
                .set("ingress.enabled", true)
                .set("ingress.host", "animops.lan")
                .call());
        var ingress = single(plain, io.fabric8.kubernetes.api.model.networking.v1.Ingress.class);
        assertThat(ingress.getSpec().getTls()).isNullOrEmpty();
        assertThat(ingress.getSpec().getRules().get(0).getHost()).isEqualTo("animops.lan");
    }

    @Test
    void tlsWithoutAHostIsRefused() {
        assertThatThrownBy(() -> template()
                        .set("ingress.enabled", true)
                        .set("ingress.tls.enabled", true)
                        .call())
                .hasMessageContaining("ingress.tls.enabled needs a host");
    }

    @Test
    void localStorageWithoutPersistenceUsesAnEmptyDir() {
        List<HasMetadata> objects =
                parse(template().set("storage.local.persistence.enabled", false).call());
        Deployment deployment = single(objects, Deployment.class);
        Container operator = operatorContainer(deployment);

        assertThat(objects).noneMatch(PersistentVolumeClaim.class::isInstance);
        Volume artifacts = volume(
                deployment.getSpec().getTemplate().getSpec(),
                mount(operator, "/var/lib/animops/artifacts").getName());
        assertThat(artifacts.getEmptyDir()).isNotNull();
        assertThat(artifacts.getPersistentVolumeClaim()).isNull();
    }

    @Test
    void chartCreatesARandomApiTokenSecretWhenNoneIsGiven() {
        Container operator = operatorContainer(single(defaultObjects, Deployment.class));
        Secret secret = named(defaultObjects, Secret.class, FULLNAME + "-api-token");

        assertSecretRef(operator, "ANIMOPS_API_TOKEN", secret.getMetadata().getName(), "token");
        String token = new String(Base64.getDecoder().decode(secret.getData().get("token")), StandardCharsets.UTF_8);
        assertThat(token).hasSize(40).matches("[A-Za-z0-9]{40}");
        // nothing in the chart may hold a fixed token
        Secret renderedAgain = named(parse(template().call()), Secret.class, FULLNAME + "-api-token");
        assertThat(renderedAgain.getData().get("token"))
                .isNotEqualTo(secret.getData().get("token"));
    }

    @Test
    void ideasFileIsMountedFromAConfigMap() {
        Deployment deployment = single(defaultObjects, Deployment.class);
        Container operator = operatorContainer(deployment);
        ConfigMap ideas = single(defaultObjects, ConfigMap.class);

        assertThat(value(operator, "ANIMOPS_IDEAS_FILE")).isEqualTo("/etc/animops/ideas.md");
        VolumeMount mount = mount(operator, "/etc/animops");
        assertThat(mount.getReadOnly()).isTrue();
        assertThat(volume(deployment.getSpec().getTemplate().getSpec(), mount.getName())
                        .getConfigMap()
                        .getName())
                .isEqualTo(ideas.getMetadata().getName());
        String content = ideas.getData().get("ideas.md");
        assertThat(content.lines().filter(line -> line.startsWith("## "))).hasSize(3);
        assertThat(content.lines().filter(line -> line.startsWith("Premise: "))).hasSize(3);
    }

    @Test
    void fullExampleIdeasFileCanBeLoaded(@TempDir Path workDir) throws IOException {
        // what --set-file ideas.content=examples/ideas.md does, through a values file
        String exampleIdeas =
                "# Ideas\n\n## Ball in a Spinning Hexagon\nPremise: A ball: \"bouncy\", {fast} & 100% elastic.\n"
                        + "Physics: Collisions.\nHook: Tension.\n";
        Path valuesFile = workDir.resolve("ideas-values.yaml");
        Files.writeString(valuesFile, Serialization.asYaml(Map.of("ideas", Map.of("content", exampleIdeas))));

        ConfigMap ideas = single(parse(template().withValuesFile(valuesFile).call()), ConfigMap.class);

        assertThat(ideas.getData().get("ideas.md")).isEqualTo(exampleIdeas);
    }

    @Test
    void loggingIsJsonAndLlmSecretIsOptionalByDefault() {
        Container operator = operatorContainer(single(defaultObjects, Deployment.class));

        assertThat(value(operator, "QUARKUS_LOG_CONSOLE_JSON_ENABLED")).isEqualTo("true");
        assertThat(envNames(operator)).doesNotContain("ANIMOPS_LLM_SECRET_NAME");
    }

    @Test
    void llmPricesReachTheOperatorAsOneVariable(@TempDir Path workDir) throws IOException {
        assertThat(envNames(operatorContainer(single(defaultObjects, Deployment.class))))
                .doesNotContain("ANIMOPS_LLM_PRICES");
        // a values file: --set would pass the prices as strings, which the schema refuses
        Path prices = workDir.resolve("prices.yaml");
        Files.writeString(prices, """
                llm:
                  prices:
                    gpt-4o: {input: 2.5, output: 10}
                    local-llama: {input: 0, output: 0}
                """);
        Container operator =
                operatorContainer(single(parse(template().withValuesFile(prices).call()), Deployment.class));
        assertThat(value(operator, "ANIMOPS_LLM_PRICES")).isEqualTo("gpt-4o=2.5/10,local-llama=0/0");
        Files.writeString(prices, "llm: {prices: {gpt-4o: {input: 2.5}}}\n");
        assertThatThrownBy(() -> template().withValuesFile(prices).call())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("output");
    }

    @Test
    void everyEnvironmentVariableIsSetOnce() {
        for (List<HasMetadata> objects : List.of(defaultObjects, s3Objects)) {
            List<String> names = envNames(operatorContainer(single(objects, Deployment.class)));
            assertThat(names).doesNotHaveDuplicates();
        }
    }

    // ---------------------------------------------------------------- Service and ServiceMonitor

    @Test
    void serviceSelectsTheOperatorPods() {
        for (List<HasMetadata> objects : List.of(defaultObjects, s3Objects)) {
            Service service = single(objects, Service.class);
            Deployment deployment = single(objects, Deployment.class);

            assertThat(service.getSpec().getType()).isEqualTo("ClusterIP");
            assertThat(service.getSpec().getSelector()).isNotEmpty();
            assertThat(deployment.getSpec().getTemplate().getMetadata().getLabels())
                    .containsAllEntriesOf(service.getSpec().getSelector());
            assertThat(deployment.getSpec().getSelector().getMatchLabels())
                    .isEqualTo(service.getSpec().getSelector());
            assertThat(service.getSpec().getPorts()).singleElement().satisfies(port -> {
                assertThat(port.getName()).isEqualTo("http");
                assertThat(port.getPort()).isEqualTo(8080);
                assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
            });
            List<String> containerPorts = operatorContainer(deployment).getPorts().stream()
                    .map(ContainerPort::getName)
                    .toList();
            assertThat(containerPorts).contains("http");
        }
    }

    @Test
    void serviceMonitorIsOffByDefault() {
        assertThat(defaultObjects).noneMatch(object -> "ServiceMonitor".equals(object.getKind()));
    }

    // ---------------------------------------------------------------- S3 and existing Secrets

    @Test
    void s3VariantReadsEveryCredentialFromExistingSecrets() {
        Deployment deployment = single(s3Objects, Deployment.class);
        Container operator = operatorContainer(deployment);

        assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
        assertThat(operator.getImage()).isEqualTo("animops/operator:0.2.0-test");
        assertThat(value(operator, "QUARKUS_DATASOURCE_JDBC_URL"))
                .isEqualTo("jdbc:postgresql://db.example.internal:6543/studio");
        assertThat(value(operator, "QUARKUS_DATASOURCE_REACTIVE_URL"))
                .isEqualTo("postgresql://db.example.internal:6543/studio");
        assertThat(value(operator, "QUARKUS_DATASOURCE_USERNAME")).isEqualTo("studio_operator");
        assertSecretRef(operator, "QUARKUS_DATASOURCE_PASSWORD", "studio-db", "db-password");

        assertThat(value(operator, "ANIMOPS_STORAGE_TYPE")).isEqualTo("s3");
        assertThat(value(operator, "ANIMOPS_STORAGE_S3_ENDPOINT")).isEqualTo("https://minio.example.internal:9000");
        assertThat(value(operator, "ANIMOPS_STORAGE_S3_BUCKET")).isEqualTo("studio-artifacts");
        assertThat(value(operator, "ANIMOPS_STORAGE_S3_REGION")).isEqualTo("eu-central-1");
        assertSecretRef(operator, "ANIMOPS_STORAGE_S3_ACCESS_KEY", "studio-s3", "AWS_ACCESS_KEY_ID");
        assertSecretRef(operator, "ANIMOPS_STORAGE_S3_SECRET_KEY", "studio-s3", "AWS_SECRET_ACCESS_KEY");
        assertThat(envNames(operator)).doesNotContain("ANIMOPS_STORAGE_LOCAL_DIR", "ANIMOPS_STORAGE_SIGNING_KEY");

        assertThat(value(operator, "ANIMOPS_LLM_SECRET_NAME")).isEqualTo("studio-llm");
        assertSecretRef(operator, "ANIMOPS_API_TOKEN", "studio-api", "bearer");
        assertThat(value(operator, "QUARKUS_LOG_CONSOLE_JSON_ENABLED")).isEqualTo("false");
        assertThat(value(operator, "QUARKUS_LOG_LEVEL")).isEqualTo("DEBUG");
        // leader election does not depend on the variant
        assertThat(value(operator, "ANIMOPS_LEADER_ELECTION_LEASE_NAME")).endsWith("-leader");
    }

    @Test
    void s3VariantCreatesNoVolumeOrSecretOfItsOwn() {
        Deployment deployment = single(s3Objects, Deployment.class);

        assertThat(s3Objects).noneMatch(PersistentVolumeClaim.class::isInstance);
        // the only Secret is the render agents' token, which does not depend on the storage variant
        assertThat(s3Objects)
                .filteredOn(Secret.class::isInstance)
                .extracting(object -> object.getMetadata().getName())
                .containsExactly(AGENT + "-token");
        assertThat(operatorContainer(deployment).getVolumeMounts())
                .extracting(VolumeMount::getMountPath)
                .containsExactlyInAnyOrder("/tmp", "/etc/animops");
        // no volume to hand over: rolling updates keep a standby pod running
        assertThat(deployment.getSpec().getStrategy()).isNull();
    }

    @Test
    void serviceMonitorScrapesTheServiceWhenEnabled() {
        GenericKubernetesResource monitor = s3Objects.stream()
                .filter(object -> "ServiceMonitor".equals(object.getKind()))
                .map(GenericKubernetesResource.class::cast)
                .collect(single());
        Service service = single(s3Objects, Service.class);

        assertThat(monitor.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "prometheus");
        Map<String, String> matchLabels = monitor.get("spec", "selector", "matchLabels");
        assertThat(service.getMetadata().getLabels()).containsAllEntriesOf(matchLabels);
        List<Map<String, Object>> endpoints = monitor.get("spec", "endpoints");
        assertThat(endpoints).singleElement().satisfies(endpoint -> {
            assertThat(endpoint).containsEntry("port", "http").containsEntry("path", "/q/metrics");
        });
    }

    // ---------------------------------------------------------------- dashboard, alerts, JVM memory

    @Test
    void dashboardAndAlertsAreOffByDefault() {
        assertThat(defaultObjects).noneMatch(object -> "PrometheusRule".equals(object.getKind()));
        assertThat(names(defaultObjects)).doesNotContain(FULLNAME + "-dashboard");
    }

    @Test
    void dashboardConfigMapCarriesTheSidecarLabelAndChartsEveryOperationalSignal() throws IOException {
        List<HasMetadata> objects = parse(template()
                .set("metrics.grafanaDashboard.enabled", "true")
                .set("metrics.grafanaDashboard.annotations.grafana_folder", "AnimOps")
                .call());
        ConfigMap dashboard = named(objects, ConfigMap.class, FULLNAME + "-dashboard");

        assertThat(dashboard.getMetadata().getLabels())
                .containsEntry("grafana_dashboard", "1")
                .containsEntry("app.kubernetes.io/name", "animops");
        assertThat(dashboard.getMetadata().getAnnotations()).containsEntry("grafana_folder", "AnimOps");
        JsonNode json = new ObjectMapper().readTree(dashboard.getData().get("animops.json"));
        assertThat(json.path("title").asText()).isEqualTo("AnimOps");
        List<String> expressions =
                json.findValues("expr").stream().map(JsonNode::asText).toList();
        String all = String.join("\n", expressions);
        // the funnel, the render queue, agents, the LLM, publications, the metrics pull and the reconcilers
        assertThat(all)
                .contains(
                        "animops_ideas",
                        "animops_renderjobs",
                        "animops_renderjobs_oldest_pending_seconds",
                        "animops_render_wait_seconds_bucket",
                        "animops_render_duration_seconds_bucket",
                        "animops_agents",
                        "animops_llm_tokens_total",
                        "animops_llm_calls_total",
                        "animops_llm_http_errors_total",
                        "animops_llm_budget_used_ratio",
                        "animops_publications_total",
                        "animops_account_reauthorization_required",
                        "animops_metrics_pull_failures_total",
                        "animops_metrics_pull_last_success_timestamp_seconds",
                        "reconciliations_failed_total");
        assertThat(json.findValues("uid")).extracting(JsonNode::asText).contains("${datasource}");
        assertThat(json.findValues("id")).extracting(JsonNode::asInt).doesNotHaveDuplicates();
    }

    @Test
    void prometheusRuleAlertsOnEveryOperationalFailureWithTheConfiguredLimits() {
        List<HasMetadata> objects = parse(template()
                .set("metrics.prometheusRule.enabled", "true")
                .set("metrics.prometheusRule.pendingJobMinutes", "45")
                .set("metrics.prometheusRule.labels.release", "prometheus")
                .call());
        GenericKubernetesResource rule = objects.stream()
                .filter(object -> "PrometheusRule".equals(object.getKind()))
                .map(GenericKubernetesResource.class::cast)
                .collect(single());

        assertThat(rule.getApiVersion()).isEqualTo("monitoring.coreos.com/v1");
        assertThat(rule.getMetadata().getLabels()).containsEntry("release", "prometheus");
        List<Map<String, Object>> groups = rule.get("spec", "groups");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> rules =
                (List<Map<String, Object>>) groups.get(0).get("rules");
        Map<String, String> expressions =
                rules.stream().collect(Collectors.toMap(r -> (String) r.get("alert"), r -> (String) r.get("expr")));
        assertThat(expressions)
                .containsOnlyKeys(
                        "AnimOpsNoReadyAgent",
                        "AnimOpsRenderJobPendingTooLong",
                        "AnimOpsLlmBudgetNearlySpent",
                        "AnimOpsAccountReauthorizationRequired",
                        "AnimOpsMetricsPullFailing",
                        "AnimOpsMetricsPullStale",
                        "AnimOpsReconcileErrors");
        assertThat(expressions.get("AnimOpsNoReadyAgent"))
                .contains("animops_agents{ready=\"true\"}", "animops_renderjobs{phase=\"Pending\"}");
        assertThat(expressions.get("AnimOpsRenderJobPendingTooLong")).endsWith("> 2700");
        assertThat(expressions.get("AnimOpsLlmBudgetNearlySpent")).endsWith(">= 0.9");
        assertThat(expressions.get("AnimOpsAccountReauthorizationRequired"))
                .contains("animops_account_reauthorization_required");
        assertThat(expressions.get("AnimOpsMetricsPullFailing")).contains("animops_metrics_pull_failures_total");
        assertThat(expressions.get("AnimOpsMetricsPullStale")).endsWith("> 93600");
        assertThat(expressions.get("AnimOpsReconcileErrors"))
                .contains("reconciliations_failed_total")
                .endsWith("> 0.1");
        // Prometheus' own templating reaches the annotations untouched by Helm's
        assertThat(rules)
                .filteredOn(r -> "AnimOpsLlmBudgetNearlySpent".equals(r.get("alert")))
                .singleElement()
                .satisfies(r -> assertThat(((Map<?, ?>) r.get("annotations"))
                                .get("description")
                                .toString())
                        .contains(
                                "{{ $labels.namespace }}/{{ $labels.schedule }}", "{{ $value | humanizePercentage }}"))
                .satisfies(r -> assertThat(((Map<?, ?>) r.get("annotations"))
                                .get("summary")
                                .toString())
                        .contains("90 %"));
    }

    @Test
    void jvmHeapIsAShareOfAMemoryLimitEqualToTheRequestWithTheStandaloneModesSettings() {
        Container operator = operatorContainer(single(defaultObjects, Deployment.class));

        // the settings measured with the standalone mode apply in a pod too; only the heap's size differs
        assertThat(value(operator, "JAVA_TOOL_OPTIONS"))
                .isEqualTo("-XX:MaxRAMPercentage=40 " + String.join(" ", StandaloneJvm.RUNTIME_OPTIONS));
        assertThat(value(operator, "MALLOC_ARENA_MAX")).isEqualTo("2");
        assertThat(operator.getResources().getRequests().get("memory"))
                .isEqualTo(operator.getResources().getLimits().get("memory"));

        Container tuned = operatorContainer(single(
                parse(template()
                        .set("jvm.maxRamPercentage", "65")
                        .set("jvm.extraOptions", "-XX:+UseSerialGC")
                        .call()),
                Deployment.class));
        assertThat(value(tuned, "JAVA_TOOL_OPTIONS"))
                .startsWith("-XX:MaxRAMPercentage=65 ")
                .endsWith(" -XX:+ExitOnOutOfMemoryError -XX:+UseSerialGC");
    }

    // ---------------------------------------------------------------- NOTES

    @Test
    void installNotesTellHowToCheckTheOperator() {
        // a client-only dry-run install renders NOTES.txt, which helm template leaves out
        Release release = new Helm(renderableChartDir)
                .install()
                .withName(RELEASE)
                .withNamespace(NAMESPACE)
                .clientOnly()
                .dryRun()
                .withDryRunOption(DryRun.CLIENT)
                .call();
        String notes = release.getOutput().substring(release.getOutput().indexOf("NOTES:"));

        assertThat(notes)
                .contains("kubectl get animops -A")
                .contains("kubectl -n " + NAMESPACE + " port-forward svc/" + FULLNAME + " 8080:8080")
                .contains("/q/health/live", "/q/health/ready", "/q/metrics")
                .contains("secret generic animops-database --from-literal=password=")
                .contains("--set-file ideas.content=examples/ideas.md");
    }

    // ---------------------------------------------------------------- bad values

    @ParameterizedTest(name = "{0}={1} is rejected")
    @CsvSource({
        "storage.type, ftp, storage.type",
        "replicas, -1, replicas",
        "database.port, 0, database.port",
        "image.pullPolicy, Sometimes, image.pullPolicy",
        "logging.json, maybe, logging.json",
        "databse.host, db, databse",
        "storage.s3.bucket, x, storage.s3.bucket",
        "storage.retention.interval, weekly, storage.retention.interval",
        "storage.maxUploadBytes, 4294967296, storage.maxUploadBytes",
        "storage.publicUrl, animops.example.com, storage.publicUrl",
        "jvm.maxRamPercentage, 95, jvm.maxRamPercentage",
        "metrics.prometheusRule.llmBudgetRatio, 1.5, metrics.prometheusRule.llmBudgetRatio",
        "metrics.prometheusRule.pendingJobMinutes, 0, metrics.prometheusRule.pendingJobMinutes",
    })
    void templateRejectsValuesTheSchemaForbids(String key, String badValue, String field) {
        assertThatThrownBy(() -> template().set(key, badValue).call())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("values don't meet the specifications of the schema")
                .hasMessageContaining(field);
    }

    @Test
    void s3StorageWithoutEndpointOrSecretIsRejected() {
        assertThatThrownBy(() -> template().set("storage.type", "s3").call())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("storage.s3.endpoint")
                .hasMessageContaining("storage.s3.existingSecret");
    }

    // ---------------------------------------------------------------- helpers

    private static TemplateCommand template() {
        return new Helm(renderableChartDir).template().withName(RELEASE).withNamespace(NAMESPACE);
    }

    /** Splits Helm's multi-document output and reads each document as a Kubernetes object. */
    private static List<HasMetadata> parse(String manifests) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : manifests.split("(?m)^---\\s*$")) {
            boolean onlyComments =
                    document.lines().map(String::trim).allMatch(line -> line.isEmpty() || line.startsWith("#"));
            if (!onlyComments) {
                objects.add(Serialization.unmarshal(document, HasMetadata.class));
            }
        }
        return objects;
    }

    private static Path copyChart(Path workDir) throws IOException {
        Path target = workDir.resolve("animops");
        assertThat(target).doesNotExist();
        try (Stream<Path> paths = Files.walk(CHART_DIR)) {
            for (Path source : paths.toList()) {
                Path destination = target.resolve(CHART_DIR.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(destination);
                } else {
                    Files.copy(source, destination);
                }
            }
        }
        return target;
    }

    private static <T extends HasMetadata> T single(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).collect(single());
    }

    private static <T extends HasMetadata> T named(List<HasMetadata> objects, Class<T> type, String name) {
        return objects.stream()
                .filter(type::isInstance)
                .map(type::cast)
                .filter(object -> object.getMetadata().getName().equals(name))
                .collect(single());
    }

    private static <T> java.util.stream.Collector<T, ?, T> single() {
        return Collectors.collectingAndThen(Collectors.toList(), list -> {
            assertThat(list).hasSize(1);
            return list.get(0);
        });
    }

    private static Set<String> names(List<HasMetadata> objects) {
        return objects.stream().map(object -> object.getMetadata().getName()).collect(Collectors.toSet());
    }

    private static void grant(Set<String> grants, String apiGroup, List<String> resources, String... verbs) {
        for (String resource : resources) {
            for (String verb : verbs) {
                grants.add(apiGroup + "|" + resource + "|" + verb);
            }
        }
    }

    /** Flattens rules into (apiGroup, resource, verb) triples. */
    private static List<String> grantsOf(List<PolicyRule> rules) {
        List<String> grants = new ArrayList<>();
        for (PolicyRule rule : rules) {
            for (String apiGroup : rule.getApiGroups()) {
                for (String resource : rule.getResources()) {
                    for (String verb : rule.getVerbs()) {
                        grants.add(apiGroup + "|" + resource + "|" + verb);
                    }
                }
            }
        }
        return grants;
    }

    private static Container operatorContainer(Deployment deployment) {
        List<Container> containers =
                deployment.getSpec().getTemplate().getSpec().getContainers();
        assertThat(containers).hasSize(1);
        return containers.get(0);
    }

    private static List<String> envNames(Container container) {
        return container.getEnv().stream().map(EnvVar::getName).toList();
    }

    private static EnvVar env(Container container, String name) {
        return container.getEnv().stream()
                .filter(env -> env.getName().equals(name))
                .collect(single());
    }

    private static String value(Container container, String name) {
        EnvVar env = env(container, name);
        assertThat(env.getValueFrom()).as(name).isNull();
        return env.getValue();
    }

    private static void assertSecretRef(Container container, String name, String secretName, String key) {
        EnvVar env = env(container, name);
        assertThat(env.getValue()).as(name).isNull();
        SecretKeySelector selector = env.getValueFrom().getSecretKeyRef();
        assertThat(selector).as(name).isNotNull();
        assertThat(selector.getName()).as(name).isEqualTo(secretName);
        assertThat(selector.getKey()).as(name).isEqualTo(key);
    }

    private static VolumeMount mount(Container container, String mountPath) {
        return container.getVolumeMounts().stream()
                .filter(mount -> mount.getMountPath().equals(mountPath))
                .collect(single());
    }

    private static Volume volume(PodSpec pod, String name) {
        return pod.getVolumes().stream()
                .filter(volume -> volume.getName().equals(name))
                .collect(single());
    }
}
