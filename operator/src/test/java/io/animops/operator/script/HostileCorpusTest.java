package io.animops.operator.script;

import io.animops.crds.v1alpha1.ScriptError;
import io.animops.operator.script.contract.ContractRule;
import io.animops.operator.script.contract.GdscriptContractValidator;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract as a wall: every script of {@code gdscript-hostile/} reaches a forbidden capability by its own route
 * and must be refused by the rule named in its {@code # expect-rule:} header; every bundled scene and every valid
 * corpus script must stay accepted, so the allowlist is not too tight.
 */
class HostileCorpusTest {
    private static final Pattern EXPECT_RULE = Pattern.compile("(?m)^# expect-rule: ([a-z.-]+)\\s*$");
    private static final Pattern ROUTE = Pattern.compile("(?m)^# route: ([a-z ]+): (.+)$");
    private static final Pattern DURATION =
            Pattern.compile("(?m)^(?:# duration: |const DURATION_SECONDS[^=\\n]*=\\s*)(\\d+)");
    /** The capabilities issue 18 names; each must be reached by at least one route. */
    private static final Set<String> FAMILIES = Set.of(
            "files",
            "processes",
            "network",
            "environment",
            "other scripts",
            "deserialization",
            "dynamic dispatch",
            "reflection",
            "aliasing",
            "resource paths",
            "unbounded cpu or memory");

    private final GdscriptContractValidator validator = new GdscriptContractValidator();

    @Test
    void hostileScriptsAreRefusedAndValidScenesAccepted() throws Exception {
        List<Path> hostile = scripts("/gdscript-hostile");
        List<String> notRefused = new ArrayList<>();
        Set<String> families = new HashSet<>();
        Set<String> routes = new HashSet<>();
        for (Path script : hostile) {
            String source = Files.readString(script);
            Matcher rule = EXPECT_RULE.matcher(source);
            Matcher route = ROUTE.matcher(source);
            assertThat(rule.find() && route.find())
                    .as("expect-rule and route headers in " + script.getFileName())
                    .isTrue();
            assertThat(ContractRule.byId(rule.group(1)))
                    .as(script.getFileName() + " names a rule")
                    .isPresent();
            families.add(route.group(1));
            assertThat(routes.add(route.group(2)))
                    .as("a new route in " + script.getFileName())
                    .isTrue();
            List<String> found = validator.validate(source, SceneExpectations.frame(20)).stream()
                    .map(ScriptError::getRule)
                    .toList();
            if (!found.contains(rule.group(1))) {
                notRefused.add(script.getFileName() + " expected " + rule.group(1) + " but got " + found);
            }
        }
        List<String> notAccepted = new ArrayList<>();
        List<String> valid = new ArrayList<>();
        for (OfflineSceneLibrary.Scene scene : new OfflineSceneLibrary().scenes()) {
            valid.add(scene.file());
            check(scene.file(), scene.source(), notAccepted);
        }
        for (Path script : scripts("/gdscript/valid")) {
            valid.add(script.getFileName().toString());
            check(script.getFileName().toString(), Files.readString(script), notAccepted);
        }

        System.out.printf(
                "hostile corpus: refused %d/%d; valid corpus: accepted %d/%d%n",
                hostile.size() - notRefused.size(), hostile.size(), valid.size() - notAccepted.size(), valid.size());
        assertThat(hostile).hasSizeGreaterThanOrEqualTo(80);
        assertThat(families).containsExactlyInAnyOrderElementsOf(FAMILIES);
        assertThat(notRefused).as("hostile scripts not refused by their rule").isEmpty();
        assertThat(notAccepted).as("valid scripts refused").isEmpty();
    }

    private void check(String name, String source, List<String> notAccepted) {
        Matcher duration = DURATION.matcher(source);
        int seconds = duration.find() ? Integer.parseInt(duration.group(1)) : 20;
        List<ScriptError> findings = validator.validate(source, SceneExpectations.frame(seconds));
        if (!findings.isEmpty()) {
            notAccepted.add(name + ": " + findings);
        }
    }

    private static List<Path> scripts(String folder) throws IOException, URISyntaxException {
        Path root = Path.of(HostileCorpusTest.class.getResource(folder).toURI());
        try (Stream<Path> files = Files.list(root)) {
            return files.filter(p -> p.toString().endsWith(".gd")).sorted().toList();
        }
    }
}
