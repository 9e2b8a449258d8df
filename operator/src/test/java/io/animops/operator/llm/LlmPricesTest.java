package io.animops.operator.llm;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LlmPricesTest {
    private final LlmPrices prices = new LlmPrices(List.of("gpt-4o=2.5/10", " claude-sonnet-4.5 = 3 / 15 ", ""));

    @Test
    void aCallCostsItsTokensAtTheModelsPricesPerMillion() {
        assertThat(prices.cost("gpt-4o", 1_000_000, 0))
                .hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("2.5"));
        assertThat(prices.cost("gpt-4o", 1200, 800))
                .hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("0.011"));
        assertThat(prices.cost("claude-sonnet-4.5", 1, 1))
                .hasValueSatisfying(c -> assertThat(c).isEqualByComparingTo("0.000018"));
    }

    @Test
    void anUnpricedModelHasAnUnknownCostUnlessNoTokenWasSpent() {
        assertThat(prices.cost("llama3", 100, 50)).isEmpty();
        assertThat(prices.cost("llama3", 0, 0))
                .hasValueSatisfying(c -> assertThat(c).isZero());
    }

    @Test
    void malformedPricesNameThePropertyAndTheEntry() {
        for (String entry : List.of("gpt-4o", "gpt-4o=2.5", "=1/2", "gpt-4o=cheap/10", "gpt-4o=-1/10", "m=1/2/3")) {
            assertThatThrownBy(() -> new LlmPrices(List.of(entry)))
                    .as(entry)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining(LlmPrices.PROPERTY)
                    .hasMessageContaining(entry);
        }
        assertThatThrownBy(() -> new LlmPrices(List.of("m=1/2", "m=3/4"))).hasMessageContaining("has a price already");
    }
}
