package io.animops.crds;

import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.ContentSchedule;
import io.animops.crds.v1alpha1.Publication;
import io.animops.crds.v1alpha1.RenderAgent;
import io.animops.crds.v1alpha1.RenderJob;
import io.animops.crds.v1alpha1.ScriptAttempt;
import io.animops.crds.validation.BundledCrds;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.crdv2.generator.CRDGenerator;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CRD manifests are generated from the Java types; the committed copies (crds/manifests and the chart)
 * must be what the generator produces now. Regenerate with
 * {@code ./mvnw -pl crds test -Danimops.crds.update=true}.
 */
class GeneratedCrdsTest {
    static final Class<?>[] KINDS = {
        ContentSchedule.class,
        AnimationIdea.class,
        ScriptAttempt.class,
        RenderJob.class,
        Publication.class,
        RenderAgent.class
    };

    @TempDir
    static Path generated;

    static final String HEADER =
            "# Generated from the Java types in crds/src/main/java by GeneratedCrdsTest: do not edit.\n";

    @BeforeAll
    static void generate() throws IOException {
        Path raw = Files.createDirectories(generated.resolve("raw"));
        new CRDGenerator()
                .customResourceClasses(castKinds())
                .forCRDVersions("v1")
                .inOutputDir(raw.toFile())
                .generate();
        for (Class<?> kind : KINDS) {
            String plural = HasMetadata.getPlural(kind.asSubclass(HasMetadata.class));
            String file = plural + "." + AnimOps.GROUP + "-v1.yml";
            CustomResourceDefinition crd =
                    Serialization.unmarshal(Files.readString(raw.resolve(file)), CustomResourceDefinition.class);
            orderPrinterColumnsAsDeclared(kind, crd);
            Files.writeString(generated.resolve(file), HEADER + Serialization.asYaml(crd));
        }
    }

    /** The generator sorts printer columns by JSON path; kubectl shows them in the order the type declares. */
    private static void orderPrinterColumnsAsDeclared(Class<?> kind, CustomResourceDefinition crd) {
        List<String> declared = Arrays.stream(kind.getAnnotationsByType(AdditionalPrinterColumn.class))
                .map(AdditionalPrinterColumn::name)
                .toList();
        for (CustomResourceDefinitionVersion v : crd.getSpec().getVersions()) {
            v.getAdditionalPrinterColumns().sort(Comparator.comparingInt(c -> declared.indexOf(c.getName())));
        }
    }

    @SuppressWarnings("unchecked")
    private static Class<? extends io.fabric8.kubernetes.api.model.HasMetadata>[] castKinds() {
        return (Class<? extends io.fabric8.kubernetes.api.model.HasMetadata>[]) KINDS;
    }

    @Test
    void committedManifestsMatchTheGenerator() throws IOException {
        try (Stream<Path> files = Files.list(generated.resolve("raw"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactlyInAnyOrderElementsOf(BundledCrds.FILES);
        }
        boolean update = Boolean.getBoolean("animops.crds.update");
        List<String> stale = new ArrayList<>();
        for (String dirProperty : List.of("animops.crds.dir", "animops.chart.crds.dir")) {
            Path dir = Path.of(System.getProperty(dirProperty));
            for (String file : BundledCrds.FILES) {
                String fresh = Files.readString(generated.resolve(file));
                Path committed = dir.resolve(file);
                if (update) {
                    Files.createDirectories(dir);
                    Files.writeString(committed, fresh);
                } else if (!Files.exists(committed)
                        || !Files.readString(committed).equals(fresh)) {
                    stale.add(committed.toString());
                }
            }
        }
        assertThat(stale)
                .as("CRD manifests differ from the generator; run ./mvnw -pl crds test -Danimops.crds.update=true")
                .isEmpty();
    }

    @Test
    void everyCrdFollowsTheConventions() throws IOException {
        for (String file : BundledCrds.FILES) {
            CustomResourceDefinition crd =
                    Serialization.unmarshal(Files.readString(generated.resolve(file)), CustomResourceDefinition.class);
            assertThat(crd.getSpec().getGroup()).isEqualTo(AnimOps.GROUP);
            assertThat(crd.getSpec().getNames().getCategories()).as(file).containsExactly(AnimOps.CATEGORY);
            assertThat(crd.getSpec().getNames().getShortNames()).as(file).isNotEmpty();
            CustomResourceDefinitionVersion v = crd.getSpec().getVersions().get(0);
            assertThat(v.getName()).isEqualTo(AnimOps.VERSION);
            assertThat(v.getSubresources().getStatus())
                    .as(file + " status subresource")
                    .isNotNull();
            assertThat(v.getAdditionalPrinterColumns())
                    .as(file)
                    .last()
                    .extracting(c -> c.getName())
                    .isEqualTo("Age");
            assertThat(v.getAdditionalPrinterColumns())
                    .as(file)
                    .anySatisfy(c -> assertThat(c.getJsonPath()).matches("\\.status\\.(phase|conditions.*)"));
            var status = v.getSchema()
                    .getOpenAPIV3Schema()
                    .getProperties()
                    .get("status")
                    .getProperties();
            assertThat(status).as(file).containsKeys("observedGeneration", "conditions");
            assertThat(status.get("conditions").getItems().getSchema().getProperties())
                    .containsKeys("type", "status", "reason", "message", "lastTransitionTime");
        }
        CustomResourceDefinition agents = Serialization.unmarshal(
                Files.readString(generated.resolve("renderagents.animops.io-v1.yml")), CustomResourceDefinition.class);
        assertThat(agents.getSpec().getScope()).isEqualTo("Cluster");
    }
}
