package io.animops.crds;

import java.util.Map;

/** Matching of a job's agentSelector against an agent's labels (equality on every key, like matchLabels). */
public final class AgentSelectors {
    private AgentSelectors() {}

    public static boolean matches(Map<String, String> selector, Map<String, String> labels) {
        if (selector == null || selector.isEmpty()) {
            return true;
        }
        if (labels == null) {
            return false;
        }
        return selector.entrySet().stream().allMatch(e -> e.getValue().equals(labels.get(e.getKey())));
    }
}
