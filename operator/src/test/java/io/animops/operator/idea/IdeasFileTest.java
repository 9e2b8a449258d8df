package io.animops.operator.idea;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdeasFileTest {
    private static final String SOURCE = "examples/ideas.md";

    static Path repoDir() {
        String dir = System.getProperty("animops.repo.dir");
        assertThat(dir)
                .as("system property animops.repo.dir (set by surefire in operator/pom.xml)")
                .isNotBlank();
        return Path.of(dir);
    }

    @Test
    void parsesTheRealIdeasFile() throws IOException {
        String markdown = Files.readString(repoDir().resolve("examples/ideas.md"), StandardCharsets.UTF_8);

        List<IdeaProposal> ideas = IdeasFile.parse(markdown, SOURCE);

        assertThat(ideas).hasSizeGreaterThanOrEqualTo(40);
        Set<String> titles = new HashSet<>();
        for (IdeaProposal idea : ideas) {
            assertThat(titles.add(idea.title().toLowerCase(Locale.ROOT)))
                    .as("unique title %s", idea.title())
                    .isTrue();
            assertThat(idea.title().length()).isBetween(3, 80);
            assertThat(idea.premise()).as("premise of %s", idea.title()).hasSizeGreaterThanOrEqualTo(10);
            // the static file is the offline fallback: every idea there carries all three fields
            assertThat(idea.physicsHook()).as("physics of %s", idea.title()).isNotBlank();
            assertThat(idea.hook()).as("hook of %s", idea.title()).isNotBlank();
        }
        // premises must differ too, not just titles: a copy-pasted body under a new title is not a new idea
        assertThat(ideas.stream().map(IdeaProposal::premise).distinct().count()).isEqualTo(ideas.size());
        assertThat(ideas.get(0).title()).isEqualTo("Marble Funnel Race");
        assertThat(ideas.get(0).premise()).startsWith("Twelve coloured marbles drop onto a zig-zag");
    }

    /**
     * The offline authoring provider pairs a scene with its idea through the scene's first line, and the operator
     * rewrites the duration constant in place: both must be exactly as the contract spells them.
     */
    @Test
    void everyExampleSceneBelongsToADistinctIdeaOfTheIdeasFile() throws IOException {
        Set<String> titles = new HashSet<>();
        for (IdeaProposal idea : IdeasFile.parse(Files.readString(repoDir().resolve("examples/ideas.md")), SOURCE)) {
            titles.add(idea.title());
        }
        List<Path> scenes;
        try (Stream<Path> s = Files.list(repoDir().resolve("examples/scenes"))) {
            scenes = s.filter(p -> p.toString().endsWith(".gd")).sorted().toList();
        }

        assertThat(scenes).hasSizeGreaterThanOrEqualTo(10);
        List<String> sceneTitles = new ArrayList<>();
        for (Path scene : scenes) {
            List<String> lines = Files.readAllLines(scene, StandardCharsets.UTF_8);
            assertThat(lines.get(0)).as("first line of %s", scene.getFileName()).startsWith("# Scene: ");
            String title = lines.get(0).substring("# Scene: ".length());
            assertThat(titles).as("idea of %s", scene.getFileName()).contains(title);
            sceneTitles.add(title);
            assertThat(lines.size()).as("lines of %s", scene.getFileName()).isBetween(80, 220);
            assertThat(lines)
                    .as("contract lines of %s", scene.getFileName())
                    .contains(
                            "extends Node2D",
                            "const DURATION_SECONDS := 20.0",
                            "const FRAME := Vector2(1080, 1920)",
                            "\tseed(SEED)")
                    .anyMatch(l -> l.matches("const SEED := \\d+"));
        }
        assertThat(sceneTitles).doesNotHaveDuplicates();
    }

    @Test
    void readsFieldsAndIgnoresTheIntroductionIncludingFencedHeadings() {
        String md = """
                # Ideas
                Intro text, ignored.
                ```
                ## Not An Idea
                Premise: shown as an example of the format
                ```

                ## Pendulum Wave
                Premise: Fifteen pendulums drift in and out of phase.
                Physics:   Period depends on length.
                Hook: The realignment.

                ## Lone Premise
                Premise: Only the required field is here.
                """;

        List<IdeaProposal> ideas = IdeasFile.parse(md, SOURCE);

        assertThat(ideas)
                .containsExactly(
                        new IdeaProposal(
                                "Pendulum Wave",
                                "Fifteen pendulums drift in and out of phase.",
                                "Period depends on length.",
                                "The realignment."),
                        new IdeaProposal("Lone Premise", "Only the required field is here.", null, null));
    }

    @Test
    void acceptsWindowsLineEndingsAndAByteOrderMark() {
        String md = "\uFEFF## Domino Line\r\nPremise: Dominoes fall in a row.\r\nHook: Chain.\r\n";

        assertThat(IdeasFile.parse(md, SOURCE))
                .containsExactly(new IdeaProposal("Domino Line", "Dominoes fall in a row.", null, "Chain."));
    }

    @Test
    void textWithoutIdeasGivesAnEmptyList() {
        assertThat(IdeasFile.parse("# Only an intro\n\nNothing else.\n", SOURCE))
                .isEmpty();
    }

    @Test
    void missingPremiseIsReportedOnTheHeadingLine() {
        String md = """
                intro

                ## Marble Run
                Physics: Rolling.
                Hook: Race.

                ## Next Idea
                Premise: Something happens here.
                """;

        assertThatThrownBy(() -> IdeasFile.parse(md, SOURCE))
                .isInstanceOfSatisfying(IdeasFileException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("Premise");
                    assertThat(e.source()).isEqualTo(SOURCE);
                })
                .hasMessage("examples/ideas.md:3: idea \"Marble Run\": Premise is required");
    }

    @Test
    void missingPremiseInTheLastIdeaIsReportedToo() {
        String md = "## First Idea\nPremise: A complete idea.\n\n## Last Idea\nHook: No premise.\n";

        assertThatThrownBy(() -> IdeasFile.parse(md, SOURCE))
                .hasMessage("examples/ideas.md:4: idea \"Last Idea\": Premise is required");
    }

    @Test
    void titleTooShort() {
        String md = "## Ok Idea\nPremise: A complete idea.\n## Ab\nPremise: Too short a title.\n";

        assertThatThrownBy(() -> IdeasFile.parse(md, SOURCE))
                .isInstanceOfSatisfying(IdeasFileException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("Title");
                })
                .hasMessage("examples/ideas.md:3: idea \"Ab\": Title must be 3 to 80 characters, got 2");
    }

    @Test
    void emptyHeadingIsATitleTooShort() {
        assertThatThrownBy(() -> IdeasFile.parse("\n##\nPremise: No title at all.\n", SOURCE))
                .hasMessage("examples/ideas.md:2: idea \"\": Title must be 3 to 80 characters, got 0");
    }

    @Test
    void titleTooLong() {
        String title = "A".repeat(81);
        String md = "\n\n\n\n## " + title + "\nPremise: Long title here.\n";

        assertThatThrownBy(() -> IdeasFile.parse(md, SOURCE))
                .isInstanceOfSatisfying(
                        IdeasFileException.class, e -> assertThat(e.line()).isEqualTo(5))
                .hasMessage("examples/ideas.md:5: idea \"" + title + "\": Title must be 3 to 80 characters, got 81");
    }

    @Test
    void titleOfExactly80CharactersIsAccepted() {
        String title = "B".repeat(80);

        assertThat(IdeasFile.parse("## " + title + "\nPremise: At the limit.\n", SOURCE))
                .extracting(IdeaProposal::title)
                .containsExactly(title);
    }

    @Test
    void unknownKeyNamesTheKeyAndItsLine() {
        String md = """
                ## Marble Run
                Premise: Marbles roll down ramps.
                Camera: follow the leader
                """;

        assertThatThrownBy(() -> IdeasFile.parse(md, SOURCE))
                .isInstanceOfSatisfying(IdeasFileException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("Camera");
                })
                .hasMessage("examples/ideas.md:3: idea \"Marble Run\": unknown field \"Camera\"; "
                        + "known fields are Premise, Physics and Hook");
    }

    @Test
    void boldKeyIsUnknownWithAHint() {
        String md = "## Marble Run\n**Premise:** Marbles roll down ramps.\n";

        assertThatThrownBy(() -> IdeasFile.parse(md, SOURCE))
                .isInstanceOfSatisfying(
                        IdeasFileException.class, e -> assertThat(e.line()).isEqualTo(2))
                .hasMessage("examples/ideas.md:2: idea \"Marble Run\": unknown field \"**Premise\" "
                        + "(write it as plain \"Premise:\"); known fields are Premise, Physics and Hook");
    }

    @Test
    void lowercaseKeyIsUnknownWithAHint() {
        String md = "## Marble Run\n\npremise: Marbles roll down ramps.\n";

        assertThatThrownBy(() -> IdeasFile.parse(md, SOURCE))
                .isInstanceOfSatisfying(IdeasFileException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("premise");
                })
                .hasMessageContaining("unknown field \"premise\" (write it as plain \"Premise:\")");
    }

    @Test
    void lineThatIsNotAFieldIsRejected() {
        String md = "## Marble Run\nPremise: Marbles roll down ramps.\nand then they stop.\n";

        assertThatThrownBy(() -> IdeasFile.parse(md, SOURCE))
                .isInstanceOfSatisfying(
                        IdeasFileException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessage("examples/ideas.md:3: idea \"Marble Run\": expected a \"Key: value\" line "
                        + "(Premise, Physics or Hook), got \"and then they stop.\"");
    }

    @Test
    void duplicateTitleNamesBothLines() {
        String md = """
                ## Marble Run
                Premise: Marbles roll down ramps.

                ## Pendulum Wave
                Premise: Pendulums swing.

                ## marble  run
                Premise: The same idea again.
                """;

        assertThatThrownBy(() -> IdeasFile.parse(md, SOURCE))
                .isInstanceOfSatisfying(IdeasFileException.class, e -> {
                    assertThat(e.line()).isEqualTo(7);
                    assertThat(e.field()).isEqualTo("Title");
                })
                .hasMessage("examples/ideas.md:7: idea \"marble  run\": Title duplicates the idea on line 1");
    }

    @Test
    void fieldGivenTwice() {
        String md = "## Marble Run\nPremise: Marbles roll down ramps.\nHook: Race.\nHook: Colours.\n";

        assertThatThrownBy(() -> IdeasFile.parse(md, SOURCE))
                .isInstanceOfSatisfying(IdeasFileException.class, e -> {
                    assertThat(e.line()).isEqualTo(4);
                    assertThat(e.field()).isEqualTo("Hook");
                })
                .hasMessage("examples/ideas.md:4: idea \"Marble Run\": Hook is given twice (first on line 3)");
    }

    @Test
    void premiseTooShort() {
        String md = "## Marble Run\nPhysics: Rolling.\nPremise: Marbles.\n";

        assertThatThrownBy(() -> IdeasFile.parse(md, SOURCE))
                .isInstanceOfSatisfying(IdeasFileException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("Premise");
                })
                .hasMessage("examples/ideas.md:3: idea \"Marble Run\": Premise must be at least 10 characters, got 8");
    }

    @Test
    void emptyOptionalField() {
        String md = "## Marble Run\nPremise: Marbles roll down ramps.\nPhysics:\n";

        assertThatThrownBy(() -> IdeasFile.parse(md, SOURCE))
                .isInstanceOfSatisfying(
                        IdeasFileException.class, e -> assertThat(e.line()).isEqualTo(3))
                .hasMessage("examples/ideas.md:3: idea \"Marble Run\": Physics is empty");
    }

    @Test
    void hookLongerThanTheCrdAllows() {
        String md = "## Marble Run\nPremise: Marbles roll down ramps.\nHook: " + "x".repeat(1001) + "\n";

        assertThatThrownBy(() -> IdeasFile.parse(md, SOURCE))
                .isInstanceOfSatisfying(IdeasFileException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.field()).isEqualTo("Hook");
                })
                .hasMessage("examples/ideas.md:3: idea \"Marble Run\": Hook must be at most 1000 characters, got 1001");
    }

    @Test
    void sourceNameAppearsAsGiven() {
        assertThatThrownBy(() -> IdeasFile.parse("## Xy\nPremise: whatever here\n", "/etc/animops/ideas.md"))
                .hasMessageStartingWith("/etc/animops/ideas.md:1: ");
    }
}
