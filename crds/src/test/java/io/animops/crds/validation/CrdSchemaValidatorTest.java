package io.animops.crds.validation;

import io.fabric8.kubernetes.client.utils.Serialization;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The schema check the API server would make, against the committed CRDs. */
class CrdSchemaValidatorTest {
    private final CrdSchemaValidator validator = CrdSchemaValidator.fromBundledManifests();

    private List<SchemaViolation> validate(String yaml) {
        return validator.validate(Serialization.unmarshal(yaml, Map.class));
    }

    @Test
    void aValidScheduleHasNoViolation() {
        assertThat(validate("""
                apiVersion: animops.io/v1alpha1
                kind: ContentSchedule
                metadata: {name: daily}
                spec: {cron: "0 9 * * *", ideasPerRun: 3, selection: {mode: Manual, maxAccepted: 2}}
                """)).isEmpty();
    }

    @Test
    void eachKindOfViolationNamesItsField() {
        List<SchemaViolation> violations = validate("""
                apiVersion: animops.io/v1alpha1
                kind: ContentSchedule
                metadata: {name: daily}
                spec:
                  cron: "every morning"
                  ideasPerRun: 99
                  selection: {mode: Sometimes}
                  maxScriptAttempts: "three"
                  colour: blue
                """);
        assertThat(violations)
                .extracting(SchemaViolation::field)
                .containsExactlyInAnyOrder(
                        "spec.cron",
                        "spec.ideasPerRun",
                        "spec.selection.mode",
                        "spec.maxScriptAttempts",
                        "spec.colour");
        assertThat(violations)
                .filteredOn(v -> v.field().equals("spec.ideasPerRun"))
                .singleElement()
                .extracting(SchemaViolation::reason)
                .asString()
                .contains("less than or equal to 50");
        assertThat(violations)
                .filteredOn(v -> v.field().equals("spec.selection.mode"))
                .singleElement()
                .extracting(SchemaViolation::reason)
                .asString()
                .contains("\"Auto\", \"Manual\"");
    }

    @Test
    void requiredFieldsBoundsAndLengthsAcrossKinds() {
        assertThat(validate("""
                apiVersion: animops.io/v1alpha1
                kind: ScriptAttempt
                metadata: {name: a}
                spec: {attempt: 11}
                """))
                .extracting(SchemaViolation::toString)
                .containsExactlyInAnyOrder(
                        "spec.ideaRef: Required value",
                        "spec.attempt: Invalid value: 11: spec.attempt in body should be less than or equal to 10");
        assertThat(validate("""
                apiVersion: animops.io/v1alpha1
                kind: RenderJob
                metadata: {name: r}
                spec: {scriptAttemptRef: a, mode: Final, width: 8000, height: 1920}
                """)).extracting(SchemaViolation::field).containsExactly("spec.width");
        assertThat(validate("""
                apiVersion: animops.io/v1alpha1
                kind: AnimationIdea
                metadata: {name: i}
                spec: {title: "ab", premise: "a long enough premise"}
                """)).extracting(SchemaViolation::field).containsExactly("spec.title");
        assertThat(validate("""
                apiVersion: animops.io/v1alpha1
                kind: Publication
                metadata: {name: p}
                spec: {renderJobRef: r, platform: Vimeo, title: t, publishAt: "tomorrow"}
                """))
                .extracting(SchemaViolation::field)
                .containsExactlyInAnyOrder("spec.platform", "spec.publishAt");
    }

    @Test
    void anUnknownKindOrMissingNameIsReported() {
        assertThat(validate("""
                apiVersion: animops.io/v1alpha1
                kind: Storyboard
                metadata: {name: s}
                """)).extracting(SchemaViolation::field).containsExactly("kind");
        assertThat(validate("""
                apiVersion: animops.io/v1alpha1
                kind: RenderAgent
                metadata: {}
                spec: {os: darwin, arch: arm64}
                """)).extracting(SchemaViolation::field).containsExactly("metadata.name");
    }
}
