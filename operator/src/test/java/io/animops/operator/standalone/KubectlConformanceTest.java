package io.animops.operator.standalone;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Common kubectl commands against a fresh embedded API, with the real kubectl, each compared with what a real API
 * server makes kubectl print. The commands and their expected exit codes and outputs are in
 * {@code standalone/kubectl-conformance.txt} (test resources), run in order by bash, in one shared state:
 * <pre>
 * ## a comment
 * &gt; kubectl get namespace default        (the command; several "&gt;" lines make one script)
 * ? 0                                      (the expected exit code; 0 when left out)
 * NAME      STATUS   AGE                   (the expected output, stdout then stderr, until the next "&gt;")
 * default   Active   *
 * </pre>
 * Runs of spaces compare equal whatever their length; {@code *} stands for any text within a line and a line
 * {@code ...} for any number of lines (ages, uids, timestamps and resourceVersions change from run to run).
 * {@code -Danimops.kubectl.record=true} writes the actual outputs back into the file, for a person to review.
 */
class KubectlConformanceTest {
    private static final Path CASES = Path.of("src/test/resources/standalone/kubectl-conformance.txt");

    @TempDir
    Path dir;

    record Case(List<String> script, int exit, List<String> expected) {
        String command() {
            return String.join("\n", script);
        }
    }

    static boolean kubectlPresent() {
        return EmbeddedKubernetesApiTest.kubectlPresent();
    }

    @Test
    @EnabledIf("kubectlPresent")
    void commonKubectlCommandsBehaveAsAgainstARealApiServer() throws Exception {
        List<Case> cases = parse(Files.readAllLines(CASES, StandardCharsets.UTF_8));
        boolean record = Boolean.getBoolean("animops.kubectl.record");
        List<String> failures = new ArrayList<>();
        List<String> recorded = new ArrayList<>();
        try (EmbeddedKubernetesApi api = new EmbeddedKubernetesApi().start(FreePorts.next())) {
            api.applyCrds();
            Path kubeconfig = api.writeKubeconfig(dir.resolve("kubeconfig"));
            for (Case c : cases) {
                Run run = run(c.command(), kubeconfig);
                List<String> actual = trimmed(run.output());
                boolean passed = run.exit() == c.exit() && matches(c.expected(), actual);
                if (!passed) {
                    failures.add("$ " + c.command() + "\n  expected exit " + c.exit() + ":\n    "
                            + String.join("\n    ", c.expected()) + "\n  got exit " + run.exit() + ":\n    "
                            + String.join("\n    ", actual));
                }
                c.script().forEach(line -> recorded.add("> " + line));
                if (run.exit() != 0) {
                    recorded.add("? " + run.exit());
                }
                recorded.addAll(record && !passed ? actual : c.expected());
                recorded.add("");
            }
        }
        if (record) {
            Files.write(CASES, recorded, StandardCharsets.UTF_8);
        }
        System.out.printf("kubectl conformance: passed %d of %d%n", cases.size() - failures.size(), cases.size());
        assertThat(cases.size()).as("commands in the suite").isGreaterThanOrEqualTo(60);
        assertThat(failures)
                .as("commands whose exit code or output differ from a real API server's")
                .isEmpty();
    }

    record Run(int exit, String output) {}

    private Run run(String script, Path kubeconfig) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", "-c", script).directory(dir.toFile());
        builder.environment().put("KUBECONFIG", kubeconfig.toString());
        // a fresh HOME: no discovery cache from another run, no user configuration
        builder.environment().put("HOME", dir.toString());
        builder.environment()
                .put("PATH", Path.of(EmbeddedKubernetesApiTest.KUBECTL).getParent() + ":/usr/bin:/bin");
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Process p =
                builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Run(-1, "timed out");
        }
        return new Run(p.exitValue(), Files.readString(out) + Files.readString(err));
    }

    static List<Case> parse(List<String> lines) {
        List<Case> cases = new ArrayList<>();
        int i = 0;
        while (i < lines.size()) {
            if (!lines.get(i).startsWith(">")) {
                i++;
                continue;
            }
            List<String> script = new ArrayList<>();
            while (i < lines.size() && lines.get(i).startsWith(">")) {
                script.add(lines.get(i).substring(1).replaceFirst("^ ", ""));
                i++;
            }
            int exit = 0;
            if (i < lines.size() && lines.get(i).startsWith("? ")) {
                exit = Integer.parseInt(lines.get(i).substring(2).trim());
                i++;
            }
            List<String> expected = new ArrayList<>();
            while (i < lines.size()
                    && !lines.get(i).startsWith(">")
                    && !lines.get(i).startsWith("##")) {
                expected.add(lines.get(i));
                i++;
            }
            cases.add(new Case(script, exit, trimmed(String.join("\n", expected))));
        }
        return cases;
    }

    private static List<String> trimmed(String text) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    static boolean matches(List<String> expected, List<String> actual) {
        return matchFrom(expected, 0, actual, 0);
    }

    private static boolean matchFrom(List<String> expected, int e, List<String> actual, int a) {
        if (e == expected.size()) {
            return a == actual.size();
        }
        if (expected.get(e).equals("...")) {
            for (int skip = a; skip <= actual.size(); skip++) {
                if (matchFrom(expected, e + 1, actual, skip)) {
                    return true;
                }
            }
            return false;
        }
        return a < actual.size()
                && line(expected.get(e)).matcher(collapse(actual.get(a))).matches()
                && matchFrom(expected, e + 1, actual, a + 1);
    }

    private static Pattern line(String expected) {
        StringBuilder regex = new StringBuilder();
        for (String part : collapse(expected).split("\\*", -1)) {
            if (!regex.isEmpty()) {
                regex.append(".*");
            }
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString());
    }

    private static String collapse(String line) {
        return line.strip().replaceAll("\\s+", " ");
    }
}
