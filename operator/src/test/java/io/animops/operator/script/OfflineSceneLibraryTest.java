package io.animops.operator.script;

import io.animops.crds.v1alpha1.AnimationIdea;
import io.animops.crds.v1alpha1.ScriptAttempt;
import io.animops.crds.v1alpha1.ScriptAttemptSpec;
import io.animops.operator.script.contract.GdscriptContractValidator;
import io.animops.operator.testing.Pipeline;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class OfflineSceneLibraryTest {
    private final OfflineSceneLibrary library = new OfflineSceneLibrary();

    @Test
    void theIndexListsEveryBundledScene() throws IOException {
        Path scenes = Path.of(System.getProperty("animops.repo.dir"), "examples", "scenes");
        try (Stream<Path> files = Files.list(scenes)) {
            assertThat(library.scenes())
                    .extracting(OfflineSceneLibrary.Scene::file)
                    .as("examples/scenes/index.txt must list every scene")
                    .containsExactlyInAnyOrderElementsOf(
                            files.map(p -> p.getFileName().toString())
                                    .filter(n -> n.endsWith(".gd"))
                                    .toList());
        }
    }

    @Test
    void everyBundledScenePassesTheContractAtAnyAllowedDuration() {
        ScriptValidator validator = new GdscriptContractValidator();
        for (OfflineSceneLibrary.Scene scene : library.scenes()) {
            AnimationIdea idea = Pipeline.idea("ns", "idea", scene.title(), "A premise long enough.");
            for (int seconds : new int[] {5, 20, 60}) {
                AuthoringProvider.ScriptDraft draft =
                        library.write(idea, attempt(1), SceneExpectations.frame(seconds), null);
                assertThat(draft.authoring().getOrigin()).isEqualTo("examples/scenes/" + scene.file());
                assertThat(validator.validate(draft.source(), SceneExpectations.frame(seconds)))
                        .as(scene.file() + " at " + seconds + " s")
                        .isEmpty();
            }
        }
    }

    @Test
    void writesTheSceneMadeForTheIdeaWithTheRequestedDuration() {
        AnimationIdea idea =
                Pipeline.idea("ns", "some-idea", "Galton Board Bell Curve", "Balls through pegs draw a bell curve.");
        AuthoringProvider.ScriptDraft draft = library.write(idea, attempt(1), SceneExpectations.frame(27), null);
        assertThat(draft.authoring().getOrigin()).isEqualTo("examples/scenes/galton-board.gd");
        assertThat(draft.authoring().getOffline()).isTrue();
        assertThat(draft.authoring().getProvider()).isEqualTo(OfflineSceneLibrary.PROVIDER_ID);
        assertThat(draft.source()).contains("const DURATION_SECONDS := 27.0").contains("extends Node2D");
    }

    @Test
    void aRepairAttemptGetsAnotherSceneAndAnUnknownTitleAStablePick() {
        AnimationIdea idea =
                Pipeline.idea("ns", "unlisted", "Something no scene was written for", "A premise long enough.");
        String first = library.write(idea, attempt(1), SceneExpectations.frame(20), null)
                .authoring()
                .getOrigin();
        assertThat(library.write(idea, attempt(1), SceneExpectations.frame(20), null)
                        .authoring()
                        .getOrigin())
                .isEqualTo(first);
        assertThat(library.write(idea, attempt(2), SceneExpectations.frame(20), null)
                        .authoring()
                        .getOrigin())
                .isNotEqualTo(first);
    }

    private static ScriptAttempt attempt(int number) {
        ScriptAttempt attempt = new ScriptAttempt();
        attempt.setMetadata(new ObjectMetaBuilder()
                .withNamespace("ns")
                .withName("a" + number)
                .build());
        ScriptAttemptSpec spec = new ScriptAttemptSpec();
        spec.setAttempt(number);
        attempt.setSpec(spec);
        return attempt;
    }
}
