package io.animops.operator.idea;

import io.animops.crds.validation.CrdSchemaValidator;
import io.animops.crds.validation.SchemaViolation;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Every manifest under examples/ must be accepted by the CRD schemas users will apply it against. */
class ExamplesAreValidTest {
    private static final CrdSchemaValidator VALIDATOR = CrdSchemaValidator.fromBundledManifests();

    /** One YAML document of an example file, with where it came from for assertion messages. */
    record ExampleDoc(String file, int index, Map<String, Object> resource) {
        @Override
        public String toString() {
            return file + "#" + index;
        }
    }

    @Test
    void everyExampleManifestIsValidAgainstItsCrd() throws IOException {
        List<ExampleDoc> docs = loadExamples();

        assertThat(docs)
                .extracting(ExampleDoc::file)
                .contains("schedule-daily.yaml", "schedule-manual.yaml", "idea-manual.yaml");
        for (ExampleDoc doc : docs) {
            assertThat(doc.resource().get("apiVersion"))
                    .as("apiVersion of %s", doc)
                    .isEqualTo("animops.io/v1alpha1");
            assertThat(VALIDATOR.validate(doc.resource()))
                    .as("violations in %s", doc)
                    .isEmpty();
        }
    }

    @Test
    void dailyScheduleSaysWhatTheDocsPromise() throws IOException {
        Map<String, Object> daily = example("schedule-daily.yaml");

        assertThat(daily.get("kind")).isEqualTo("ContentSchedule");
        assertThat(path(daily, "metadata", "name")).isEqualTo("daily-shorts");
        Map<String, Object> spec = map(daily.get("spec"));
        assertThat(spec)
                .containsEntry("cron", "0 9 * * *")
                .containsEntry("timeZone", "Europe/Paris")
                .containsEntry("runOnCreate", true)
                .containsEntry("ideasPerRun", 4)
                .doesNotContainKey("llm")
                // the calibrated zones of the Idea Gate, not one fixed threshold (docs/idea-gate.md)
                .doesNotContainKey("similarityThreshold");
        assertThat(map(spec.get("selection"))).containsEntry("mode", "Auto").containsEntry("maxAccepted", 2);
        assertThat(map(spec.get("agentSelector"))).containsEntry("animops.io/os", "darwin");
        List<?> publish = (List<?>) spec.get("publish");
        assertThat(publish).hasSize(2);
        assertThat(map(publish.get(0))).containsEntry("platform", "YouTube").containsEntry("privacy", "Private");
        assertThat(map(publish.get(1)))
                .containsEntry("platform", "TikTok")
                .containsEntry("mode", "Manual")
                .containsEntry("privacy", "SelfOnly");
    }

    @Test
    void manualIdeaIsNotOneOfTheStaticIdeas() throws IOException {
        Map<String, Object> idea = example("idea-manual.yaml");
        String title = (String) path(idea, "spec", "title");
        List<IdeaProposal> fileIdeas = IdeasFile.parse(
                Files.readString(IdeasFileTest.repoDir().resolve("examples/ideas.md")), "examples/ideas.md");

        assertThat(path(idea, "spec", "source")).isEqualTo("Manual");
        assertThat(fileIdeas).extracting(i -> i.title().toLowerCase()).doesNotContain(title.toLowerCase());
    }

    @Test
    void tooManyIdeasPerRunIsRejected() throws IOException {
        assertThat(violationsOfModified("schedule-daily.yaml", spec -> spec.put("ideasPerRun", 99)))
                .extracting(SchemaViolation::field)
                .containsExactly("spec.ideasPerRun");
    }

    @Test
    void badCronIsRejected() throws IOException {
        List<SchemaViolation> violations =
                violationsOfModified("schedule-daily.yaml", spec -> spec.put("cron", "every day at nine"));

        assertThat(violations).extracting(SchemaViolation::field).containsExactly("spec.cron");
        assertThat(violations.get(0).reason()).contains("should match");
    }

    @Test
    void unknownFieldIsRejected() throws IOException {
        assertThat(violationsOfModified(
                        "schedule-manual.yaml",
                        spec -> map(spec.get("selection")).put("strategy", "random")))
                .extracting(SchemaViolation::field)
                .containsExactly("spec.selection.strategy");
    }

    @Test
    void unknownPlatformIsRejected() throws IOException {
        assertThat(violationsOfModified(
                        "schedule-daily.yaml",
                        spec -> map(((List<?>) spec.get("publish")).get(1)).put("platform", "Vine")))
                .extracting(SchemaViolation::field)
                .containsExactly("spec.publish[1].platform");
    }

    @Test
    void everyScheduleNamesABundledQcChecklistAndAKnownPolicy() throws IOException {
        List<String> checklists = io.animops.operator.qc.QcChecklist.parseFile(
                        Files.readString(IdeasFileTest.repoDir().resolve("examples/qc-checklists.json")),
                        "examples/qc-checklists.json")
                .stream()
                .map(io.animops.operator.qc.QcChecklist::name)
                .toList();
        for (String file : List.of("schedule-daily.yaml", "schedule-manual.yaml")) {
            Map<String, Object> qc = map(map(example(file).get("spec")).get("qc"));
            assertThat(checklists).as("checklist of %s", file).contains((String) qc.get("checklist"));
        }
        assertThat(map(map(example("schedule-daily.yaml").get("spec")).get("qc")))
                .containsEntry("policy", "AutoPass");
        assertThat(violationsOfModified(
                        "schedule-daily.yaml", spec -> map(spec.get("qc")).put("policy", "Whenever")))
                .extracting(SchemaViolation::field)
                .containsExactly("spec.qc.policy");
    }

    @Test
    void ideaWithoutPremiseIsRejected() throws IOException {
        assertThat(violationsOfModified("idea-manual.yaml", spec -> spec.remove("premise")))
                .extracting(SchemaViolation::field)
                .containsExactly("spec.premise");
    }

    private static List<SchemaViolation> violationsOfModified(String file, Consumer<Map<String, Object>> change)
            throws IOException {
        Map<String, Object> copy = example(file);
        assertThat(VALIDATOR.validate(copy)).as("%s before the change", file).isEmpty();
        change.accept(map(copy.get("spec")));
        return VALIDATOR.validate(copy);
    }

    /** A fresh, mutable copy of the single resource in an example file. */
    private static Map<String, Object> example(String file) throws IOException {
        List<ExampleDoc> docs =
                loadExamples().stream().filter(d -> d.file().equals(file)).toList();
        assertThat(docs).as("documents in %s", file).hasSize(1);
        return docs.get(0).resource();
    }

    private static List<ExampleDoc> loadExamples() throws IOException {
        Path examples = IdeasFileTest.repoDir().resolve("examples");
        List<Path> files;
        try (Stream<Path> s = Files.list(examples)) {
            files = s.filter(p -> p.getFileName().toString().matches(".*\\.ya?ml"))
                    .sorted()
                    .toList();
        }
        List<ExampleDoc> docs = new ArrayList<>();
        for (Path file : files) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int index = 0;
            for (String doc : text.split("(?m)^---\\s*$")) {
                if (doc.lines().allMatch(l -> l.isBlank() || l.stripLeading().startsWith("#"))) {
                    continue; // a separator before the first document, or a comment-only block
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> resource = Serialization.unmarshal(doc, LinkedHashMap.class);
                docs.add(new ExampleDoc(file.getFileName().toString(), index++, resource));
            }
        }
        return docs;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value) {
        assertThat(value).isInstanceOf(Map.class);
        return (Map<String, Object>) value;
    }

    private static Object path(Map<String, Object> root, String... keys) {
        Object current = root;
        for (String key : keys) {
            current = map(current).get(key);
        }
        return current;
    }
}
