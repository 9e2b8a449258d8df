package io.animops.operator.schedule;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The lint command over the example schedules repository and over broken schedule files. */
class ScheduleLintTest {
    private static final Path LINT = Path.of("src/test/resources/lint");
    private static final Path GITOPS = Path.of("../examples/gitops");
    private static final String KUBECTL = System.getenv().getOrDefault("KUBECTL", "/usr/bin/kubectl");

    record Run(int exit, List<String> lines, String err) {}

    private static Run lint(InputStream stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] full = new String[args.length + 1];
        full[0] = "lint";
        System.arraycopy(args, 0, full, 1, args.length);
        int exit = ScheduleLintCommand.run(
                full,
                Map.of(),
                stdin,
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        List<String> lines = text.isEmpty() ? List.of() : List.of(text.split("\n"));
        return new Run(exit, lines, err.toString(StandardCharsets.UTF_8));
    }

    private static Run lint(String... args) {
        return lint(InputStream.nullInputStream(), args);
    }

    @Test
    void theExampleSchedulesRepositoryIsClean() {
        Run run = lint(GITOPS.toString(), "../examples/schedule-daily.yaml", "../examples/schedule-manual.yaml");
        assertThat(run.lines()).isEmpty();
        assertThat(run.exit()).isZero();
        // four base schedules, three patches, the two top-level examples
        assertThat(run.err()).contains("9 animops.io resource(s): 0 error(s), 0 warning(s)");
    }

    @Test
    void eachProblemIsPrintedAtItsFileLineAndFieldAcrossTheDocumentsOfAFile() {
        String file = LINT.resolve("broken-schedules.yaml").toString();
        Run run = lint(file);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.lines()).hasSize(7);
        assertThat(run.lines().get(0)).startsWith(file + ":7: spec.cron: invalid cron expression \"0 25 * * *\"");
        assertThat(run.lines().get(1)).isEqualTo(file + ":16: spec.timeZone: unknown time zone \"Mars/Olympus_Mons\"");
        assertThat(run.lines().get(2))
                .startsWith(file + ":18: spec.qc.checklist: no QC checklist named"
                        + " \"no-such-checklist\" is registered; known: shorts");
        // schema violations, in the API server's words (the schedule's own checks wait until the schema passes)
        assertThat(run.lines().subList(3, 7))
                .containsExactlyInAnyOrder(
                        file
                                + ":26: spec.ideasPerRun: Invalid value: 80: spec.ideasPerRun in body should be less than or"
                                + " equal to 50",
                        file + ":28: spec.selection.mode: Unsupported value: \"Sometimes\": supported values: \"Auto\","
                                + " \"Manual\"",
                        file
                                + ":32: spec.publish[0].accountSecretRef.name: Invalid value: \"Not_A_Name\": spec.publish[0]"
                                + ".accountSecretRef.name in body should match '^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$'",
                        file + ":33: spec.extra: unknown field \"spec.extra\"");
        assertThat(run.err()).contains("3 animops.io resource(s): 7 error(s)");
    }

    @Test
    void llmSettingsBudgetsAndPublishTargetsAreCheckedAsTheOperatorDoes() {
        String file = LINT.resolve("broken-llm-and-publish.yaml").toString();
        Run run = lint(file);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.lines())
                .containsExactly(
                        file
                                + ":7: spec.llm.model: spec.llm.model is required for provider Anthropic (the model name as the"
                                + " provider spells it)",
                        file
                                + ":9: spec.llm.dailyTokenBudget: warning: 0 tokens a day allows no model call: every run proposes"
                                + " nothing; remove it for no limit",
                        file
                                + ":16: spec.publish[2]: publishes every video a second time to the account of spec.publish[0]"
                                + " (YouTube/channel-a)");
    }

    @Test
    void warningsArePrintedButDoNotFail() {
        String file = LINT.resolve("warnings-only.yaml").toString();
        Run run = lint(file);
        assertThat(run.exit()).isZero();
        assertThat(run.lines())
                .containsExactly(
                        file
                                + ":9: spec.llm.model: warning: has no effect: spec.llm.provider is Offline, no model is called",
                        file
                                + ":11: spec.publish[0].accountSecretRef: warning: no account Secret named; publishing is blocked"
                                + " until one is",
                        file
                                + ":12: spec.publishing.windowEnd: warning: is missing: a publish window needs both windowStart"
                                + " and windowEnd, so this one is ignored");
    }

    @Test
    void aYamlSyntaxErrorIsAProblemAtItsLine() {
        String file = LINT.resolve("not-yaml.yaml").toString();
        Run run = lint(file);
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.lines())
                .singleElement()
                .satisfies(line -> assertThat(line).matches(java.util.regex.Pattern.quote(file) + ":[6-8]: yaml: .+"));
    }

    @Test
    void aKustomizationsMissingFilesAreErrorsAndItsPatchesNeedNoRequiredFields() {
        Path dir = LINT.resolve("broken-kustomize");
        Run run = lint(dir.toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.lines())
                .containsExactly(
                        dir.resolve("kustomization.yaml") + ":5: resources[1]: no such file or folder: missing.yaml",
                        dir.resolve("patch.yaml") + ":7: spec.ideasPerRunn: unknown field \"spec.ideasPerRunn\"");
    }

    @Test
    void aMissingFileABadOptionAndNoInputAreReported() {
        Run missing = lint("no/such/schedules");
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.lines()).containsExactly("no/such/schedules:0: file: no such file or folder");
        assertThat(lint("--frobnicate", "x.yaml").exit()).isEqualTo(2);
        Run none = lint();
        assertThat(none.exit()).isEqualTo(2);
        assertThat(none.err()).contains("name the files or folders to check");
    }

    @Test
    void aChecklistsFileDecidesWhichChecklistsExist() throws Exception {
        Path checklists = Files.createTempFile("checklists", ".json");
        Files.writeString(
                checklists,
                Files.readString(Path.of("../examples/qc-checklists.json")).replace("\"shorts\"", "\"reels\""));
        Run run = lint(
                "--checklists",
                checklists.toString(),
                "--default-checklist",
                "reels",
                GITOPS.resolve("schedules/base/kids-lab-weekend.yaml").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.lines())
                .singleElement()
                .satisfies(line -> assertThat(line)
                        .endsWith(":15: spec.qc.checklist: no QC checklist named \"shorts\" is registered;"
                                + " known: reels, shorts-reviewed"));
    }

    static boolean kubectlPresent() {
        return Files.isExecutable(Path.of(KUBECTL));
    }

    /** What CI runs: each overlay built by kustomize, linted whole from stdin (patches merged). */
    @Test
    @EnabledIf("kubectlPresent")
    void eachBuiltOverlayIsCleanOnStdin() throws Exception {
        for (String overlay : List.of("staging", "production")) {
            Path dir = GITOPS.resolve("schedules/overlays/" + overlay);
            Process p = new ProcessBuilder(KUBECTL, "kustomize", dir.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            byte[] built = p.getInputStream().readAllBytes();
            assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(p.exitValue()).isZero();
            Run run = lint(new ByteArrayInputStream(built), "-");
            assertThat(run.lines()).as(overlay).isEmpty();
            assertThat(run.exit()).isZero();
            assertThat(run.err()).contains("4 animops.io resource(s): 0 error(s)");
        }
    }
}
