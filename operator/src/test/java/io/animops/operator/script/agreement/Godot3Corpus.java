package io.animops.operator.script.agreement;

import io.animops.operator.script.agreement.GodotAgreement.Comparison;
import io.animops.operator.script.agreement.GodotAgreement.FirstError;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The Godot 3 idioms corpus ({@code operator/src/test/resources/godot3}): scripts written the Godot 3 way, each
 * with real Godot 4.6's first error in its first line, {@code # expect: error <line> <message>}, or
 * {@code # expect: valid} where Godot 4.6 loads it (the mistake only shows at run time). Scripts are named
 * {@code godot3/<file>} in a batch, so Godot names them {@code res://godot3/<file>.gd} in its messages.
 */
public final class Godot3Corpus {
    public static final String PREFIX = "godot3/";
    private static final Pattern EXPECT = Pattern.compile("^# expect: (?:valid|error (\\d+) (.+))$");
    /** Godot names the script's own path in some messages; the validator names the job's res://scene.gd. */
    private static final Pattern SCRIPT_PATH = Pattern.compile("\"res://[^\"]+\\.gd\"");

    private Godot3Corpus() {}

    /** Batch name to source, in file order. */
    public static Map<String, String> scripts(Path repository) throws IOException {
        Map<String, String> scripts = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(repository.resolve("operator/src/test/resources/godot3"))) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".gd")).sorted().toList()) {
                scripts.put(
                        PREFIX + file.getFileName().toString().replace(".gd", ""),
                        Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        return scripts;
    }

    /** Godot 4.6's first error as the script's header states it; null for {@code valid}. */
    public static FirstError expected(String source) {
        Matcher m = EXPECT.matcher(source.lines().findFirst().orElse(""));
        if (!m.matches()) {
            throw new IllegalArgumentException("no '# expect: valid|error <line> <message>' header: " + source);
        }
        return m.group(1) == null ? null : new FirstError(Integer.parseInt(m.group(1)), m.group(2));
    }

    /** Whether the validator found Godot's first error at Godot's line. */
    public static boolean caught(Comparison c) {
        return c.godot() != null
                && c.validator() != null
                && c.godot().line() == c.validator().line();
    }

    /** {@link #caught} with Godot's very message (the script's own path aside). */
    public static boolean sameMessage(Comparison c) {
        return caught(c)
                && withoutPath(c.godot().message())
                        .equals(withoutPath(c.validator().message()));
    }

    /** {@code Godot 3 idioms: caught X/N, same message Y/N}, over the N scripts Godot 4.6 rejects when loading. */
    public static String summary(List<Comparison> comparisons) {
        List<Comparison> rejected =
                comparisons.stream().filter(c -> c.godot() != null).toList();
        long caught = rejected.stream().filter(Godot3Corpus::caught).count();
        long same = rejected.stream().filter(Godot3Corpus::sameMessage).count();
        long loads = comparisons.size() - rejected.size();
        return "Godot 3 idioms: caught " + caught + "/" + rejected.size() + ", same message " + same + "/"
                + rejected.size() + " (" + loads + " more load in Godot 4.6 and fail only at run time)";
    }

    private static String withoutPath(String message) {
        return SCRIPT_PATH.matcher(message).replaceAll("\"res://scene.gd\"");
    }
}
