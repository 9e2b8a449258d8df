package io.animops.operator.llm;

import io.animops.crds.Reasons;
import io.animops.crds.v1alpha1.LlmSettings;
import io.animops.operator.common.SpecProblem;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The checks of a schedule's spec.llm that need no cluster: the gateway refuses a call on them, the schedule's
 * Ready condition and the {@code lint} command report them before any call.
 */
public final class LlmSettingsCheck {
    private LlmSettingsCheck() {}

    /** Why no call can be made with these settings' model, if so. */
    public static Optional<SpecProblem> modelProblem(LlmSettings llm) {
        if (llm.getProvider() != LlmSettings.Provider.Offline
                && (llm.getModel() == null || llm.getModel().isBlank())) {
            return Optional.of(SpecProblem.error(
                    "spec.llm.model",
                    Reasons.INVALID_LLM_SETTINGS,
                    "spec.llm.model is required for provider " + llm.getProvider()
                            + " (the model name as the provider spells it)"));
        }
        return Optional.empty();
    }

    /** Every problem of spec.llm (absent: Offline, none). */
    public static List<SpecProblem> problems(LlmSettings llm) {
        List<SpecProblem> problems = new ArrayList<>();
        if (llm == null) {
            return problems;
        }
        modelProblem(llm).ifPresent(problems::add);
        boolean offline = llm.getProvider() == null || llm.getProvider() == LlmSettings.Provider.Offline;
        if (offline) {
            Map<String, Object> modelFields = new LinkedHashMap<>();
            modelFields.put("model", llm.getModel());
            modelFields.put("baseUrl", llm.getBaseUrl());
            modelFields.put("secretRef", llm.getSecretRef());
            modelFields.put("dailyTokenBudget", llm.getDailyTokenBudget());
            modelFields.forEach((field, value) -> {
                if (value != null) {
                    problems.add(SpecProblem.warning(
                            "spec.llm." + field,
                            Reasons.INVALID_LLM_SETTINGS,
                            "has no effect: spec.llm.provider is Offline, no model is called"));
                }
            });
        } else if (llm.getDailyTokenBudget() != null && llm.getDailyTokenBudget() == 0) {
            // allowed (it stops a schedule's spending), but rarely meant: every run then proposes nothing
            problems.add(SpecProblem.warning(
                    "spec.llm.dailyTokenBudget",
                    Reasons.BUDGET_EXHAUSTED,
                    "0 tokens a day allows no model call: every run proposes nothing; remove it for no limit"));
        }
        return problems;
    }
}
