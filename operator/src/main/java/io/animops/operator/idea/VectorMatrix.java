package io.animops.operator.idea;

import io.animops.crds.v1alpha1.SimilarIdea;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

/**
 * The vectors of one namespace's ideas under one model, in memory, rows of one contiguous float[] so that exact
 * nearest neighbours are a dot-product scan over every row (about 40 million multiply-adds for 100,000 ideas of
 * 384 dimensions; bench/gate measures it). Not thread-safe: IdeaGateService gates one idea of a namespace at a time.
 */
public final class VectorMatrix {
    private final int dimensions;
    private float[] rows;
    private UUID[] uids;
    private String[] names;
    private String[] titles;
    private int size;
    private final Map<UUID, Integer> rowOf = new HashMap<>();
    /** Below this many rows per slice, splitting the scan costs more than it saves. */
    static final int ROWS_PER_SLICE = 20_000;

    public VectorMatrix(int dimensions) {
        this.dimensions = dimensions;
        int capacity = 64;
        rows = new float[capacity * dimensions];
        uids = new UUID[capacity];
        names = new String[capacity];
        titles = new String[capacity];
    }

    public int size() {
        return size;
    }

    public int dimensions() {
        return dimensions;
    }

    /** Adds an idea's unit vector, or replaces it when the idea is already here (an idea gated again). */
    public void put(UUID uid, String name, String title, float[] vector) {
        if (vector.length != dimensions) {
            throw new IllegalArgumentException(
                    "vector of " + vector.length + " dimensions in a matrix of " + dimensions);
        }
        Integer row = rowOf.get(uid);
        if (row == null) {
            if (size == uids.length) {
                grow();
            }
            row = size++;
            rowOf.put(uid, row);
            uids[row] = uid;
        }
        names[row] = name;
        titles[row] = title;
        System.arraycopy(vector, 0, rows, row * dimensions, dimensions);
    }

    private void grow() {
        int capacity = uids.length * 2;
        rows = Arrays.copyOf(rows, capacity * dimensions);
        uids = Arrays.copyOf(uids, capacity);
        names = Arrays.copyOf(names, capacity);
        titles = Arrays.copyOf(titles, capacity);
    }

    /**
     * The k ideas most similar to the query (a unit vector), most similar first; ties by name. A large matrix is
     * scanned in slices on the common fork-join pool: the scan is bound by memory and by multiply-adds, and a gate
     * runs a few times a day, so it may take every core for those milliseconds.
     */
    public List<SimilarIdea> nearest(float[] query, UUID exclude, int k) {
        if (query.length != dimensions) {
            throw new IllegalArgumentException("query of " + query.length + " dimensions in a matrix of " + dimensions);
        }
        if (k <= 0) {
            return List.of();
        }
        Integer excluded = exclude == null ? null : rowOf.get(exclude);
        int skip = excluded == null ? -1 : excluded;
        int slices = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), size / ROWS_PER_SLICE));
        Best best;
        if (slices == 1) {
            best = scan(query, 0, size, skip, k);
        } else {
            best = IntStream.range(0, slices)
                    .parallel()
                    .mapToObj(slice -> scan(
                            query,
                            (int) ((long) size * slice / slices),
                            (int) ((long) size * (slice + 1) / slices),
                            skip,
                            k))
                    .reduce(Best::merge)
                    .orElseThrow();
        }
        List<SimilarIdea> nearest = new ArrayList<>(best.found);
        for (int i = 0; i < best.found; i++) {
            nearest.add(new SimilarIdea(names[best.rows[i]], titles[best.rows[i]], IdeaGate.round(best.scores[i])));
        }
        return nearest;
    }

    private Best scan(float[] query, int from, int to, int skip, int k) {
        Best best = new Best(k);
        for (int row = from; row < to; row++) {
            if (row != skip) {
                best.offer(dot(query, row * dimensions), row);
            }
        }
        return best;
    }

    /** The best k rows of a slice, kept sorted in two short arrays. */
    private final class Best {
        final int[] rows;
        final float[] scores;
        int found;

        Best(int k) {
            rows = new int[k];
            scores = new float[k];
        }

        void offer(float score, int row) {
            int k = rows.length;
            if (found < k) {
                found++;
            } else if (!ranksBefore(score, row, scores[k - 1], rows[k - 1])) {
                return;
            }
            int at = found - 1;
            while (at > 0 && ranksBefore(score, row, scores[at - 1], rows[at - 1])) {
                scores[at] = scores[at - 1];
                rows[at] = rows[at - 1];
                at--;
            }
            scores[at] = score;
            rows[at] = row;
        }

        Best merge(Best other) {
            for (int i = 0; i < other.found; i++) {
                offer(other.scores[i], other.rows[i]);
            }
            return this;
        }
    }

    private boolean ranksBefore(float score, int row, float otherScore, int otherRow) {
        return score > otherScore || (score == otherScore && names[row].compareTo(names[otherRow]) < 0);
    }

    /** Four partial sums: independent additions the processor can overlap, about twice as fast as one sum. */
    private float dot(float[] query, int offset) {
        float s0 = 0, s1 = 0, s2 = 0, s3 = 0;
        int i = 0;
        for (; i + 3 < dimensions; i += 4) {
            s0 += query[i] * rows[offset + i];
            s1 += query[i + 1] * rows[offset + i + 1];
            s2 += query[i + 2] * rows[offset + i + 2];
            s3 += query[i + 3] * rows[offset + i + 3];
        }
        for (; i < dimensions; i++) {
            s0 += query[i] * rows[offset + i];
        }
        return (s0 + s1) + (s2 + s3);
    }
}
