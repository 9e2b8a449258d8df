import io.animops.agent.godot.web.WebGodot;
import io.animops.operator.script.agreement.Godot3Corpus;
import io.animops.operator.script.agreement.GodotAgreement;
import io.animops.operator.script.agreement.SyntaxMutator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Agreement of the validator with real Godot 4.6 on seeded syntax-error mutants of the bundled scenes and the
 * valid corpus, and on the Godot 3 idioms corpus, in one engine start. Prints
 * {@code same first-error line X/N, same message Y/N} and {@code Godot 3 idioms: caught X/N, same message Y/N};
 * with -v also every disagreement.
 */
public final class GodotAgreementBenchmark {
    public static void main(String[] args) throws Exception {
        boolean verbose = args.length > 0 && args[0].equals("-v");
        Path repository = Path.of("").toAbsolutePath();
        Map<String, String> scripts = new LinkedHashMap<>();
        new SyntaxMutator(SyntaxMutator.SEED).mutate(SyntaxMutator.defaultSources(repository))
                .forEach(m -> scripts.put(m.name(), m.source()));
        scripts.putAll(Godot3Corpus.scripts(repository));
        GodotAgreement.Result all = new GodotAgreement(WebGodot.fromEnvironment())
                .compare(scripts, Duration.ofMinutes(5));
        GodotAgreement.Result mutants = new GodotAgreement.Result(all.comparisons().stream()
                .filter(c -> !c.name().startsWith(Godot3Corpus.PREFIX)).toList());
        List<GodotAgreement.Comparison> idioms = all.comparisons().stream()
                .filter(c -> c.name().startsWith(Godot3Corpus.PREFIX)).toList();
        if (verbose) {
            mutants.disagreements().forEach(System.out::println);
            idioms.stream().filter(c -> c.godot() != null && !Godot3Corpus.sameMessage(c)).forEach(System.out::println);
        }
        System.out.println(mutants.summary());
        System.out.println(Godot3Corpus.summary(idioms));
    }
}
