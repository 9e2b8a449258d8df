package io.animops.crds.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.animops.crds.SecretKeyRef;
import io.fabric8.generator.annotation.Default;
import io.fabric8.generator.annotation.Min;
import io.fabric8.generator.annotation.Pattern;
import lombok.Data;
import lombok.NoArgsConstructor;

/** Which language model proposes ideas and writes scripts. */
@Data
@NoArgsConstructor
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LlmSettings {
    public enum Provider {
        /** No model: ideas from the static ideas file, scripts from the bundled example scenes. */
        Offline,
        OpenAi,
        Anthropic,
        Ollama
    }

    @Default("Offline")
    @JsonPropertyDescription("Offline, OpenAi (or any OpenAI-compatible baseUrl), Anthropic or Ollama.")
    private Provider provider = Provider.Offline;

    @JsonPropertyDescription("Model name as the provider spells it.")
    private String model;

    @Pattern("^https?://.+")
    @JsonPropertyDescription("Base URL of an OpenAI-compatible or Ollama endpoint.")
    private String baseUrl;

    @JsonPropertyDescription("Secret holding the API key (key defaults to 'api-key').")
    private SecretKeyRef secretRef;

    @Min(0)
    @JsonPropertyDescription("Tokens (prompt + completion) the schedule may spend per UTC day; no limit when absent. "
            + "Once spent, no new model calls are made until the next day.")
    private Long dailyTokenBudget;
}
