package io.animops.operator.idea;

/**
 * What the Idea Gate embeds of an idea, and how: the title, the premise and the physics hook are embedded apart
 * and added with the weights 1 : 2 : 3, then normalised (a part that is blank is left out). The hook, which says
 * what physics the animation shows, weighs most; the title, the shortest and most loosely worded, least. The
 * weights were chosen on the calibration half of the evaluation set (docs/idea-gate.md). The gate, the
 * recomputation of past vectors and bench/gate all embed through here, so a stored vector and a new one are made
 * alike; the recipe is part of the vector model id, so vectors made another way are never compared with these and
 * thresholds calibrated for another recipe are never used.
 */
public final class IdeaEmbedding {
    /** Names the parts and weights below; change it with them. */
    public static final String RECIPE = "tph-1-2-3";

    static final float TITLE_WEIGHT = 1;
    static final float PREMISE_WEIGHT = 2;
    static final float HOOK_WEIGHT = 3;

    private IdeaEmbedding() {}

    /** The id of the vectors this recipe makes with the embedder: recorded with every vector and verdict. */
    public static String modelId(Embedder embedder) {
        return embedder.modelId() + "+" + RECIPE;
    }

    /** The idea's unit vector; the title is required, premise and physics hook may be blank. */
    public static float[] embed(Embedder embedder, String title, String premise, String physicsHook) {
        float[] vector = embedder.embed(title);
        scale(vector, TITLE_WEIGHT);
        add(vector, embedder, premise, PREMISE_WEIGHT);
        add(vector, embedder, physicsHook, HOOK_WEIGHT);
        HashEmbedding.normalise(vector);
        return vector;
    }

    private static void add(float[] sum, Embedder embedder, String part, float weight) {
        if (part == null || part.isBlank()) {
            return;
        }
        float[] vector = embedder.embed(part);
        for (int i = 0; i < sum.length; i++) {
            sum[i] += weight * vector[i];
        }
    }

    private static void scale(float[] vector, float weight) {
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= weight;
        }
    }
}
