package io.animops.operator.api;

import java.util.HashMap;
import java.util.Map;

/**
 * The API as {@link ApiTestProfile}, with the operator's fixed threshold unset as in production: a schedule without
 * spec.similarityThreshold gates with the zones calibrated for the embedding model (the test profile's default 0.72
 * keeps other tests' similar test ideas apart). Only the model judge-same has a price.
 */
public class CalibratedZonesTestProfile extends ApiTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
        // an empty value is an absent one
        overrides.put("animops.ideas.default-similarity-threshold", "");
        // one judge's model has a price (its cost is shown), the others have none (no cost, rather than $0)
        overrides.put("animops.llm.prices", "judge-same=2.5/10");
        return overrides;
    }
}
