package io.animops.operator.standalone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.APIResourceList;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.GenericKubernetesResourceList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Applies the YAML manifests of a folder (and its subfolders, in path order; multi-document files allowed) to the
 * API at each start of the standalone mode. An example is created only when it is absent and was never applied
 * before: an object that exists is left as it is (the user may have changed it, and the operator works on it), and
 * one applied at an earlier start and deleted since stays deleted (a re-created idea would meet itself in the Idea
 * Gate's history). {@link History} remembers what was applied. Only animops.io resources and Namespaces are applied,
 * Namespaces first; anything else is skipped with a log line, since the standalone API has no controllers for other
 * kinds. Namespaced resources without a namespace go to {@code default}.
 */
public final class ExampleApplier {
    private static final Logger LOG = Logger.getLogger(ExampleApplier.class);
    static final String DEFAULT_NAMESPACE = "default";

    /**
     * CREATED: applied now. KEPT: exists already, left as it is. DELETED_SINCE: applied at an earlier start and
     * deleted since, not re-created. SKIPPED: not a kind the standalone mode applies. FAILED: refused by the API.
     */
    public enum Action {
        CREATED,
        KEPT,
        DELETED_SINCE,
        SKIPPED,
        FAILED
    }

    /** The examples applied at earlier starts, by kind, namespace and name. */
    public interface History {
        boolean wasApplied(String example);

        void recordApplied(String example);

        /** A history for one process only, for an API that keeps nothing either. */
        static History inMemory() {
            java.util.Set<String> applied = java.util.concurrent.ConcurrentHashMap.newKeySet();
            return new History() {
                @Override
                public boolean wasApplied(String example) {
                    return applied.contains(example);
                }

                @Override
                public void recordApplied(String example) {
                    applied.add(example);
                }
            };
        }
    }

    /** What happened to one document. {@code message} says why for SKIPPED and FAILED. */
    public record Outcome(
            Path file, String apiVersion, String kind, String namespace, String name, Action action, String message) {
        @Override
        public String toString() {
            return kind + " " + (namespace == null ? "" : namespace + "/") + name + " "
                    + action.name().toLowerCase(Locale.ROOT) + " (" + file + ")"
                    + (message == null ? "" : ": " + message);
        }
    }

    private final KubernetesClient client;
    private final History history;
    private final YAMLMapper yaml = new YAMLMapper();

    public ExampleApplier(KubernetesClient client, History history) {
        this.client = client;
        this.history = history;
    }

    /** Applies every *.yaml and *.yml under {@code directory}; a missing folder applies nothing. */
    public List<Outcome> apply(Path directory) {
        if (!Files.isDirectory(directory)) {
            LOG.infof("No examples folder at %s: nothing to apply", directory.toAbsolutePath());
            return List.of();
        }
        List<Document> documents = new ArrayList<>();
        try (Stream<Path> files = Files.walk(directory)) {
            // examples/gitops is a schedules repository for kubectl apply -k or a GitOps tool, not examples to apply
            Path gitops = directory.resolve("gitops");
            for (Path file : files.filter(Files::isRegularFile)
                    .filter(ExampleApplier::isYaml)
                    .filter(f -> !f.startsWith(gitops))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList()) {
                documents.addAll(read(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read examples in " + directory, e);
        }
        List<Outcome> outcomes = new ArrayList<>();
        // namespaces first, so that resources in them can be created in any file order
        documents.stream().filter(Document::isNamespace).forEach(d -> outcomes.add(applyOne(d)));
        documents.stream().filter(d -> !d.isNamespace()).forEach(d -> outcomes.add(applyOne(d)));
        return outcomes;
    }

    private record Document(Path file, JsonNode node) {
        String apiVersion() {
            return node.path("apiVersion").asText("");
        }

        String kind() {
            return node.path("kind").asText("");
        }

        boolean isNamespace() {
            return apiVersion().equals("v1") && kind().equals("Namespace");
        }

        boolean isAnimOps() {
            return apiVersion().startsWith(StandaloneApiDispatcher.VALIDATED_GROUP + "/");
        }
    }

    private List<Document> read(Path file) throws IOException {
        List<Document> documents = new ArrayList<>();
        try (MappingIterator<JsonNode> it = yaml.readerFor(JsonNode.class).readValues(file.toFile())) {
            while (it.hasNextValue()) {
                JsonNode node = it.nextValue();
                // "---" at the start or end of a file yields empty documents
                if (node != null && node.isObject() && !node.isEmpty()) {
                    documents.add(new Document(file, node));
                }
            }
        }
        return documents;
    }

    private Outcome applyOne(Document d) {
        String name = d.node().path("metadata").path("name").asText(null);
        if (!d.isNamespace() && !d.isAnimOps()) {
            Outcome skipped = new Outcome(
                    d.file(),
                    d.apiVersion(),
                    d.kind(),
                    null,
                    name,
                    Action.SKIPPED,
                    "only animops.io resources and Namespaces are applied in standalone mode");
            LOG.infof("%s", skipped);
            return skipped;
        }
        GenericKubernetesResource resource =
                client.getKubernetesSerialization().convertValue(d.node(), GenericKubernetesResource.class);
        String namespace = null;
        try {
            if (isNamespaced(d.apiVersion(), d.kind())) {
                namespace = resource.getMetadata().getNamespace() == null
                        ? DEFAULT_NAMESPACE
                        : resource.getMetadata().getNamespace();
                resource.getMetadata().setNamespace(namespace);
            }
            NonNamespaceOperation<
                            GenericKubernetesResource,
                            GenericKubernetesResourceList,
                            Resource<GenericKubernetesResource>>
                    op = namespace == null
                            ? client.genericKubernetesResources(d.apiVersion(), d.kind())
                            : client.genericKubernetesResources(d.apiVersion(), d.kind())
                                    .inNamespace(namespace);
            GenericKubernetesResource existing =
                    name == null ? null : op.withName(name).get();
            String example = d.apiVersion() + "/" + d.kind() + "/" + (namespace == null ? "" : namespace) + "/" + name;
            Action action;
            String message = null;
            if (existing != null) {
                action = Action.KEPT;
                message = "exists: left as it is";
            } else if (name != null && history.wasApplied(example)) {
                action = Action.DELETED_SINCE;
                message = "applied at an earlier start and deleted since: not re-created";
            } else {
                name = op.resource(resource).create().getMetadata().getName();
                action = Action.CREATED;
            }
            history.recordApplied(example);
            Outcome outcome = new Outcome(d.file(), d.apiVersion(), d.kind(), namespace, name, action, message);
            LOG.infof("%s", outcome);
            return outcome;
        } catch (KubernetesClientException e) {
            String message = e.getStatus() != null && e.getStatus().getMessage() != null
                    ? e.getStatus().getMessage()
                    : e.getMessage();
            Outcome failed = new Outcome(d.file(), d.apiVersion(), d.kind(), namespace, name, Action.FAILED, message);
            LOG.warnf("%s", failed);
            return failed;
        }
    }

    private boolean isNamespaced(String apiVersion, String kind) {
        APIResourceList resources = client.getApiResources(apiVersion);
        if (resources == null || resources.getResources() == null) {
            throw new KubernetesClientException("the API serves no " + apiVersion + "; are the CRDs applied?");
        }
        return resources.getResources().stream()
                .filter(r -> kind.equals(r.getKind()) && !r.getName().contains("/"))
                .findFirst()
                .map(r -> Boolean.TRUE.equals(r.getNamespaced()))
                .orElseThrow(() -> new KubernetesClientException("the API serves no " + kind + " in " + apiVersion));
    }

    private static boolean isYaml(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".yaml") || n.endsWith(".yml");
    }
}
