import io.animops.agent.godot.web.WebGodot;
import io.animops.operator.script.agreement.GodotAgreement;
import io.animops.operator.script.agreement.SyntaxMutator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Agreement of the validator with real Godot 4.6 on seeded syntax-error mutants of the bundled scenes and the
 * valid corpus. Prints {@code same first-error line X/N, same message Y/N}; with -v also every disagreement.
 */
public final class GodotAgreementBenchmark {
    public static void main(String[] args) throws Exception {
        boolean verbose = args.length > 0 && args[0].equals("-v");
        Path repository = Path.of("").toAbsolutePath();
        Map<String, String> scripts = new LinkedHashMap<>();
        new SyntaxMutator(SyntaxMutator.SEED).mutate(SyntaxMutator.defaultSources(repository))
                .forEach(m -> scripts.put(m.name(), m.source()));
        GodotAgreement.Result result = new GodotAgreement(WebGodot.fromEnvironment())
                .compare(scripts, Duration.ofMinutes(5));
        if (verbose) {
            result.disagreements().forEach(System.out::println);
        }
        System.out.println(result.summary());
    }
}
