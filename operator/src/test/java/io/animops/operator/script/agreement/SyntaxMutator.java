package io.animops.operator.script.agreement;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Seeded syntax-error mutants of real scripts: for every source and every kind of mistake, one line where the
 * mistake can be made is picked at random and broken. The same seed gives the same mutants, so a measured
 * agreement with the engine can be held as a floor.
 */
public final class SyntaxMutator {

    /** One broken script: its batch name, the kind of mistake, the source it came from and the line broken. */
    public record Mutant(String name, String kind, String origin, int line, String source) {}

    /**
     * A kind of mistake: which lines can take it, and the broken line. {@code afterSibling}: only a line whose
     * previous code line has the same indentation and opens no block, so that the mistake stays a syntax error
     * (an extra indent after a deeper block would just join that block).
     */
    private record Kind(String name, Pattern eligible, UnaryOperator<String> breakLine, boolean afterSibling) {
        Kind(String name, Pattern eligible, UnaryOperator<String> breakLine) {
            this(name, eligible, breakLine, false);
        }

        boolean canBreak(String[] lines, int index) {
            return eligible.matcher(lines[index]).matches()
                    && !lines[index].startsWith("# expect")
                    && (!afterSibling || followsSibling(lines, index));
        }
    }

    private static boolean followsSibling(String[] lines, int index) {
        for (int i = index - 1; i >= 0; i--) {
            String line = lines[i];
            if (line.isBlank() || line.strip().startsWith("#")) {
                continue;
            }
            return indentation(line).equals(indentation(lines[index]))
                    && !line.stripTrailing().endsWith(":")
                    && !line.stripTrailing().endsWith(",")
                    && !line.stripTrailing().endsWith("(")
                    && !line.stripTrailing().endsWith("[")
                    && !line.stripTrailing().endsWith("{");
        }
        return false;
    }

    private static String indentation(String line) {
        return line.substring(0, line.length() - line.stripLeading().length());
    }

    private static final Pattern HEADER =
            Pattern.compile("^\\s*(func|if|elif|else|for|while|match|class)\\b[^#\"]*:\\s*$");
    private static final Pattern BINARY = Pattern.compile(" (\\+|-|\\*|/|==|!=|<=|>=|<|>|and|or) (?=[^\"#]*$)");

    private static final List<Kind> KINDS = List.of(
            new Kind("missing-colon", HEADER, line -> {
                int colon = line.lastIndexOf(':');
                return line.substring(0, colon) + line.substring(colon + 1);
            }),
            new Kind("missing-close-paren", Pattern.compile("^[^\"#]*\\)[^\"#]*$"), line -> {
                int close = line.lastIndexOf(')');
                return line.substring(0, close) + line.substring(close + 1);
            }),
            new Kind(
                    "missing-open-paren",
                    Pattern.compile("^\\s*(static )?func \\w+\\(.*$"),
                    line -> line.replaceFirst("(func \\w+)\\(", "$1 ")),
            new Kind("missing-close-bracket", Pattern.compile("^[^\"#]*\\][^\"#]*$"), line -> {
                int close = line.lastIndexOf(']');
                return line.substring(0, close) + line.substring(close + 1);
            }),
            new Kind(
                    "extra-indent",
                    Pattern.compile("^\\t+(var|const|if|for|while|return|[a-z_]+\\.|[a-z_]+ [-+*/]?= )[^#]*$"),
                    line -> "\t" + line,
                    true),
            new Kind("space-indent", Pattern.compile("^\\t+[a-z][^#]*$"), line -> {
                int tabs = 0;
                while (line.charAt(tabs) == '\t') {
                    tabs++;
                }
                return "    ".repeat(tabs) + line.substring(tabs);
            }),
            new Kind("unterminated-string", Pattern.compile("^[^#\"]*\"[^\"\\\\]*\"[^#]*$"), line -> {
                int open = line.indexOf('"');
                int close = line.indexOf('"', open + 1);
                return line.substring(0, close) + line.substring(close + 1);
            }),
            new Kind(
                    "var-without-name",
                    Pattern.compile("^\\s*(@\\w+ )?var \\w+.*$"),
                    line -> line.replaceFirst("var \\w+", "var")),
            new Kind(
                    "operator-without-operand",
                    Pattern.compile("^[^\"#]* (\\+|-|\\*|/|==|!=|<=|>=|<|>|and|or) [^\"#]*$"),
                    line -> {
                        Matcher m = BINARY.matcher(line);
                        if (!m.find()) {
                            return line;
                        }
                        return line.substring(0, m.end() - 1)
                                + (line.stripTrailing().endsWith(":") ? ":" : "");
                    }),
            // not before a sign: "f(a, -b)" without its comma is "f(a - b)", valid syntax
            new Kind(
                    "missing-comma",
                    Pattern.compile("^[^\"#]*\\([^()\"#]*, [^-+()\"#][^()\"#]*\\).*$"),
                    line -> line.replaceFirst("\\(([^(),\"#]*), (?=[^-+(),\"#][^()\"#]*\\))", "($1 ")),
            new Kind(
                    "keyword-typo",
                    Pattern.compile("^(func|var|const|signal) .*$"),
                    line -> line.replaceFirst("^(func|var|const|signal)", "$1x").replaceFirst("^funcx", "fucn")),
            new Kind(
                    "stray-question-mark",
                    Pattern.compile("^\\t+\\w+ = [^\"#]*$"),
                    line -> line.replaceFirst(" = ", " = ? ")),
            new Kind(
                    "assignment-in-condition",
                    Pattern.compile("^\\s*(if|elif|while) [^\"#=]*==[^\"#]*:\\s*$"),
                    line -> line.replaceFirst("==", "=")));

    /** The seed of the measured mutants (the benchmark's and the agreement test's). */
    public static final long SEED = 46;

    private final Random random;

    public SyntaxMutator(long seed) {
        this.random = new Random(seed);
    }

    /** Every kind of mistake applied once (where it can be) to each source, in a stable order. */
    public List<Mutant> mutate(List<Path> sources) {
        List<Mutant> mutants = new ArrayList<>();
        for (Path source : sources) {
            String text = read(source);
            String[] lines = text.split("\n", -1);
            String origin = source.getFileName().toString().replace(".gd", "");
            for (Kind kind : KINDS) {
                List<Integer> eligible = new ArrayList<>();
                for (int i = 0; i < lines.length; i++) {
                    if (kind.canBreak(lines, i)) {
                        eligible.add(i);
                    }
                }
                if (eligible.isEmpty()) {
                    continue;
                }
                int index = eligible.get(random.nextInt(eligible.size()));
                String broken = kind.breakLine().apply(lines[index]);
                if (broken.equals(lines[index])) {
                    continue;
                }
                String[] mutated = lines.clone();
                mutated[index] = broken;
                String name = String.format(
                        "m%03d_%s_%s", mutants.size() + 1, kind.name().replace('-', '_'), origin.replace('-', '_'));
                mutants.add(new Mutant(name, kind.name(), origin, index + 1, String.join("\n", mutated)));
            }
        }
        return mutants;
    }

    /** The bundled scenes and the valid corpus, the scripts mutants are made from. */
    public static List<Path> defaultSources(Path repository) {
        List<Path> sources = new ArrayList<>();
        sources.addAll(gdFiles(repository.resolve("examples/scenes")));
        sources.addAll(gdFiles(repository.resolve("operator/src/test/resources/gdscript/valid")));
        return sources;
    }

    static List<Path> gdFiles(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".gd")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
