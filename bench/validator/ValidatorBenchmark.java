import io.animops.crds.v1alpha1.ScriptError;
import io.animops.operator.script.SceneExpectations;
import io.animops.operator.script.contract.GdscriptContractValidator;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Throughput of the static validator (parse + Script Contract v1) on one thread. Every script must
 * validate cleanly, so the figure measures complete validations rather than early rejections.
 * Arguments: script files (each may carry a "# duration: N" header, default 20).
 */
public final class ValidatorBenchmark {
    private static final Pattern DURATION = Pattern.compile("(?m)^# duration: (\\d+)");
    private static final long WARM_UP_NANOS = 3_000_000_000L;
    private static final long ROUND_NANOS = 2_000_000_000L;
    private static final int ROUNDS = 5;

    public static void main(String[] args) throws Exception {
        List<String> sources = new ArrayList<>();
        List<SceneExpectations> expectations = new ArrayList<>();
        long lines = 0;
        for (String arg : args) {
            String source = Files.readString(Path.of(arg));
            Matcher m = DURATION.matcher(source);
            int duration = m.find() ? Integer.parseInt(m.group(1)) : 20;
            sources.add(source);
            expectations.add(SceneExpectations.frame(duration));
            lines += source.lines().count();
        }
        if (sources.isEmpty()) {
            throw new IllegalArgumentException("usage: ValidatorBenchmark script.gd...");
        }
        GdscriptContractValidator validator = new GdscriptContractValidator();
        for (int i = 0; i < sources.size(); i++) {
            List<ScriptError> findings = validator.validate(sources.get(i), expectations.get(i));
            if (!findings.isEmpty()) {
                throw new IllegalStateException(args[i] + " is not a clean script: " + findings);
            }
        }
        run(validator, sources, expectations, WARM_UP_NANOS);
        // the median of several rounds resists a busy neighbour stealing the core for a moment
        double[] rates = new double[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            long validated = run(validator, sources, expectations, ROUND_NANOS);
            rates[round] = validated / ((System.nanoTime() - start) / 1e9);
        }
        Arrays.sort(rates);
        System.out.printf("validator: %d scripts/s (parse+contract, ~%d-line scripts, 1 thread)%n",
                Math.round(rates[ROUNDS / 2]), Math.round((double) lines / sources.size()));
    }

    private static long run(GdscriptContractValidator validator, List<String> sources,
                            List<SceneExpectations> expectations, long nanos) {
        long end = System.nanoTime() + nanos;
        long count = 0;
        int sink = 0;
        while (System.nanoTime() < end) {
            for (int i = 0; i < sources.size(); i++) {
                sink += validator.validate(sources.get(i), expectations.get(i)).size();
                count++;
            }
        }
        if (sink != 0) {
            throw new IllegalStateException("findings appeared during the run");
        }
        return count;
    }
}
