package io.animops.operator.schedule;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.animops.crds.AnimOps;
import io.animops.crds.v1alpha1.ContentSchedule;
import io.animops.crds.validation.CrdSchemaValidator;
import io.animops.crds.validation.SchemaViolation;
import io.animops.operator.common.SpecProblem;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Checks schedule files as the API server and the operator would, without a cluster: every animops.io resource
 * against its generated CRD schema ({@link CrdSchemaValidator}, as the API server), and every ContentSchedule's spec
 * with {@link ScheduleSpecChecks} (as the operator's Ready condition). Kustomization files are checked for the
 * files they name; patches they apply are partial resources, checked for unknown fields and wrong values but not
 * for required ones. Other kinds (Secrets, Argo CD or Flux objects) are left alone.
 */
public final class ScheduleLint {
    /** A problem at a line of a file. */
    public record Finding(String file, int line, String field, String message, boolean error) {
        @Override
        public String toString() {
            return file + ":" + line + ": " + field + ": " + (error ? "" : "warning: ") + message;
        }
    }

    /** The findings of a run, and what was read. */
    public record Report(List<Finding> findings, int files, int resources) {
        public long errors() {
            return findings.stream().filter(Finding::error).count();
        }
    }

    private static final Set<String> KUSTOMIZATION_FILES =
            Set.of("kustomization.yaml", "kustomization.yml", "Kustomization");
    private static final ObjectMapper MAPPER =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final CrdSchemaValidator validator;
    private final String defaultChecklist;
    private final Collection<String> checklists;

    /**
     * @param defaultChecklist the operator's default QC checklist (animops.qc.default-checklist)
     * @param checklists       the names of the QC checklists the operator registers
     */
    public ScheduleLint(CrdSchemaValidator validator, String defaultChecklist, Collection<String> checklists) {
        this.validator = validator;
        this.defaultChecklist = defaultChecklist;
        this.checklists = checklists;
    }

    /** Lints files and folders (YAML files under them, recursively). */
    public Report lint(List<Path> paths) {
        List<Path> files = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile)
                            .filter(ScheduleLint::isYaml)
                            .sorted(Comparator.comparing(Path::toString))
                            .forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read " + path, e);
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                findings.add(new Finding(path.toString(), 0, "file", "no such file or folder", true));
            }
        }
        Set<Path> patches = new HashSet<>();
        for (Path file : files) {
            if (isKustomization(file)) {
                findings.addAll(lintKustomization(file, patches));
            }
        }
        int resources = 0;
        for (Path file : files) {
            if (!isKustomization(file)) {
                try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    Report one = lint(
                            file.toString(),
                            reader,
                            patches.contains(file.toAbsolutePath().normalize()));
                    findings.addAll(one.findings());
                    resources += one.resources();
                } catch (IOException e) {
                    findings.add(new Finding(file.toString(), 0, "file", "cannot read: " + e.getMessage(), true));
                }
            }
        }
        return new Report(findings, files.size(), resources);
    }

    /**
     * Lints one stream of YAML documents.
     *
     * @param patch the documents are patches (kustomize): required fields may be absent, spec checks are skipped
     */
    public Report lint(String file, Reader reader, boolean patch) {
        List<Finding> findings = new ArrayList<>();
        List<YamlDocuments.Document> documents;
        try {
            documents = YamlDocuments.read(reader);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
            String context = e.getContext() == null ? "" : " " + e.getContext();
            findings.add(new Finding(file, line, "yaml", e.getProblem() + context, true));
            return new Report(findings, 1, 0);
        } catch (YAMLException e) {
            findings.add(new Finding(file, 0, "yaml", e.getMessage(), true));
            return new Report(findings, 1, 0);
        }
        int resources = 0;
        for (YamlDocuments.Document document : documents) {
            JsonNode tree = document.tree();
            if (!tree.isObject() || !tree.path("apiVersion").asText("").startsWith(AnimOps.GROUP + "/")) {
                continue;
            }
            resources++;
            List<SchemaViolation> violations = validator.validate(tree).stream()
                    .filter(v -> !patch || !v.reason().startsWith("Required value"))
                    .toList();
            for (SchemaViolation v : violations) {
                findings.add(new Finding(file, document.lineOf(v.field()), v.field(), v.reason(), true));
            }
            boolean isSchedule = ContentSchedule.class
                    .getSimpleName()
                    .equals(tree.path("kind").asText());
            if (violations.isEmpty() && !patch && isSchedule) {
                ContentSchedule schedule = MAPPER.convertValue(tree, ContentSchedule.class);
                for (SpecProblem p : ScheduleSpecChecks.problems(schedule.getSpec(), defaultChecklist, checklists)) {
                    findings.add(new Finding(file, document.lineOf(p.field()), p.field(), p.message(), p.isError()));
                }
            }
        }
        return new Report(findings, 1, resources);
    }

    /** The files a kustomization names must exist; the patches it applies are remembered as such. */
    private List<Finding> lintKustomization(Path file, Set<Path> patches) {
        List<Finding> findings = new ArrayList<>();
        List<YamlDocuments.Document> documents;
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            documents = YamlDocuments.read(reader);
        } catch (IOException | YAMLException e) {
            findings.add(new Finding(file.toString(), 0, "yaml", e.getMessage(), true));
            return findings;
        }
        Path dir = file.toAbsolutePath().getParent();
        for (YamlDocuments.Document document : documents) {
            JsonNode tree = document.tree();
            for (String list : List.of("resources", "components", "patchesStrategicMerge")) {
                JsonNode entries = tree.path(list);
                for (int i = 0; i < entries.size(); i++) {
                    String field = list + "[" + i + "]";
                    String entry = entries.get(i).asText();
                    if (entry.contains("://") || entry.contains("?ref=")) {
                        continue; // a remote base: not on this disk
                    }
                    Path target = dir.resolve(entry).normalize();
                    if (!Files.exists(target)) {
                        findings.add(new Finding(
                                file.toString(),
                                document.lineOf(field),
                                field,
                                "no such file or folder: " + entry,
                                true));
                    } else if (list.equals("patchesStrategicMerge")) {
                        patches.add(target);
                    }
                }
            }
            JsonNode patchList = tree.path("patches");
            for (int i = 0; i < patchList.size(); i++) {
                String field = "patches[" + i + "].path";
                String entry = patchList.get(i).path("path").asText(null);
                if (entry == null) {
                    continue;
                }
                Path target = dir.resolve(entry).normalize();
                if (Files.exists(target)) {
                    patches.add(target);
                } else {
                    findings.add(new Finding(
                            file.toString(), document.lineOf(field), field, "no such file: " + entry, true));
                }
            }
        }
        return findings;
    }

    private static boolean isKustomization(Path file) {
        return KUSTOMIZATION_FILES.contains(file.getFileName().toString());
    }

    private static boolean isYaml(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".yaml") || name.endsWith(".yml") || name.equals("kustomization");
    }
}
