package io.animops.operator.idea;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * The offline embedding: signed feature hashing of word unigrams and bigrams into a fixed-size vector,
 * L2-normalised. It finds ideas that share wording, not paraphrases; the in-process neural model of the
 * Idea Gate (MiniLmEmbedder) replaces it where it can load; GateEmbedder falls back to it.
 */
public class HashEmbedding implements Embedder {
    static final int DIMENSIONS = 512;
    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "the", "and", "or", "of", "to", "in", "on", "at", "by", "for", "with", "from", "into", "as",
            "is", "are", "be", "it", "its", "that", "this", "then", "than", "until", "while", "each", "one", "their",
            "they", "them", "so", "up", "out", "over", "all");

    @Override
    public String modelId() {
        return "hash-uni-bigram-" + DIMENSIONS;
    }

    @Override
    public float[] embed(String text) {
        float[] vector = new float[DIMENSIONS];
        String previous = null;
        for (String raw : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{Nd}]+")) {
            if (raw.isEmpty() || STOP_WORDS.contains(raw)) {
                continue;
            }
            String word = stem(raw);
            add(vector, word, 1.0f);
            if (previous != null) {
                add(vector, previous + " " + word, 0.7f);
            }
            previous = word;
        }
        normalise(vector);
        return vector;
    }

    /** Folds the commonest English inflections so that "balls" and "ball" meet. */
    private static String stem(String word) {
        if (word.length() > 4 && word.endsWith("ing")) {
            return word.substring(0, word.length() - 3);
        }
        if (word.length() > 3 && word.endsWith("es")) {
            return word.substring(0, word.length() - 2);
        }
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss")) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    private static void add(float[] vector, String feature, float weight) {
        int h = fnv1a(feature.getBytes(StandardCharsets.UTF_8));
        int index = Math.floorMod(h, DIMENSIONS);
        // a second hash bit picks the sign, so that collisions cancel out instead of piling up
        vector[index] += ((h >>> 31) == 0 ? weight : -weight);
    }

    private static int fnv1a(byte[] bytes) {
        int hash = 0x811c9dc5;
        for (byte b : bytes) {
            hash ^= b & 0xff;
            hash *= 0x01000193;
        }
        return hash;
    }

    static void normalise(float[] vector) {
        double norm = 0;
        for (float v : vector) {
            norm += v * v;
        }
        if (norm == 0) {
            return;
        }
        float inverse = (float) (1.0 / Math.sqrt(norm));
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= inverse;
        }
    }
}
