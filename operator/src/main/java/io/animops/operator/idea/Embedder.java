package io.animops.operator.idea;

/** Turns an idea's text into a unit-length vector for cosine similarity. */
public interface Embedder {
    /** Id recorded with every vector; vectors of different models are never compared. */
    String modelId();

    float[] embed(String text);
}
