package io.animops.operator.llm;

import io.animops.operator.config.AnimOpsConfig;
import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a model call costs, from {@code animops.llm.prices}. Read at start, so that a malformed price stops the
 * operator with a message naming it instead of leaving costs silently unknown.
 */
@Startup
@Singleton
public class LlmPrices {
    public static final String PROPERTY = "animops.llm.prices";
    private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);
    /** The llm_calls.cost_usd column's scale. */
    private static final int SCALE = 6;

    /** US dollars per million tokens. */
    public record Price(BigDecimal inputPerMillion, BigDecimal outputPerMillion) {}

    private final Map<String, Price> byModel;

    @Inject
    public LlmPrices(AnimOpsConfig config) {
        this(config.llm().prices().orElse(List.of()));
    }

    LlmPrices(List<String> entries) {
        this.byModel = parse(entries);
    }

    /**
     * The cost in US dollars; zero when no token was spent (a cached or refused call), empty when the model has
     * no price.
     */
    public Optional<BigDecimal> cost(String model, long promptTokens, long completionTokens) {
        if (promptTokens == 0 && completionTokens == 0) {
            return Optional.of(BigDecimal.ZERO.setScale(SCALE));
        }
        Price price = byModel.get(model);
        if (price == null) {
            return Optional.empty();
        }
        BigDecimal micro = price.inputPerMillion()
                .multiply(BigDecimal.valueOf(promptTokens))
                .add(price.outputPerMillion().multiply(BigDecimal.valueOf(completionTokens)));
        return Optional.of(micro.divide(MILLION, SCALE, RoundingMode.HALF_UP));
    }

    static Map<String, Price> parse(List<String> entries) {
        Map<String, Price> prices = new HashMap<>();
        for (String raw : entries) {
            String entry = raw.strip();
            if (entry.isEmpty()) {
                continue;
            }
            int equals = entry.lastIndexOf('=');
            String model = equals < 0 ? "" : entry.substring(0, equals).strip();
            String[] amounts =
                    equals < 0 ? new String[0] : entry.substring(equals + 1).split("/", -1);
            if (model.isEmpty() || amounts.length != 2) {
                throw invalid(entry, "expected <model>=<input>/<output>, e.g. gpt-4o=2.5/10");
            }
            Price price = new Price(amount(entry, "input", amounts[0]), amount(entry, "output", amounts[1]));
            if (prices.put(model, price) != null) {
                throw invalid(entry, "model " + model + " has a price already");
            }
        }
        return Map.copyOf(prices);
    }

    private static BigDecimal amount(String entry, String which, String text) {
        try {
            BigDecimal value = new BigDecimal(text.strip());
            if (value.signum() >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below like a negative price
        }
        throw invalid(entry, "the " + which + " price must be a non-negative number of US dollars per million tokens");
    }

    private static IllegalArgumentException invalid(String entry, String reason) {
        return new IllegalArgumentException(PROPERTY + ": '" + entry + "': " + reason);
    }
}
