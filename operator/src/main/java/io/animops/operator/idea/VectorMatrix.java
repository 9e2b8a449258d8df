package io.animops.operator.idea;

import io.animops.crds.v1alpha1.SimilarIdea;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The vectors of one namespace's ideas under one model, in memory: rows of one contiguous float[], and a 4-bit copy
 * of them (Int4Planes). The nearest ideas are found in two passes: the 4-bit copy is scanned for the CANDIDATES
 * best, which are then scored exactly in float, so the scores reported (and the gate's decision) are the exact
 * ones. When the candidates may not hold the exact nearest (the exact scores of the nearest are within the 4-bit
 * error of the lowest approximate score kept, as when many ideas tie), the exact scan decides instead. bench/gate
 * measures both. Not thread-safe: IdeaGateService gates one idea of a namespace at a time.
 */
public final class VectorMatrix {
    /**
     * Candidates of the approximate pass scored exactly. On random unit vectors (the hardest case: the nearest barely
     * stand out) 50 hold the exact 5 nearest; 2000 leave room for the check below, for well under a millisecond of
     * float products.
     */
    static final int CANDIDATES = 2000;
    /**
     * A row left out of the candidates could still be among the nearest if its 4-bit score were off by this many
     * standard deviations of the errors measured on the candidates (about 1 in 10^9 for a normal error).
     */
    static final float ERROR_SIGMAS = 6f;

    private final int dimensions;
    private float[] rows;
    private final Int4Planes codes;
    private UUID[] uids;
    private String[] names;
    private String[] titles;
    private int size;
    private final Map<UUID, Integer> rowOf = new HashMap<>();
    private long exactFallbacks;

    public VectorMatrix(int dimensions) {
        this.dimensions = dimensions;
        int capacity = 64;
        rows = new float[capacity * dimensions];
        codes = new Int4Planes(dimensions, capacity);
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

    /** Bytes per row of the float32 rows (kept for the exact scores) and of the 4-bit copy scanned first. */
    public long floatBytesPerRow() {
        return (long) dimensions * Float.BYTES;
    }

    public long quantizedBytesPerRow() {
        return codes.bytesPerRow();
    }

    /** How many searches of the approximate path fell back to the exact scan (bench/gate prints it). */
    public long exactFallbacks() {
        return exactFallbacks;
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
        codes.set(row, vector);
    }

    private void grow() {
        int capacity = uids.length * 2;
        rows = Arrays.copyOf(rows, capacity * dimensions);
        codes.grow(capacity);
        uids = Arrays.copyOf(uids, capacity);
        names = Arrays.copyOf(names, capacity);
        titles = Arrays.copyOf(titles, capacity);
    }

    /**
     * The k ideas most similar to the query (a unit vector), most similar first, with their exact scores; ties by
     * name. Approximate first pass, exact re-rank of its candidates; the same ideas as exactNearest unless a row's
     * 4-bit error exceeds ERROR_SIGMAS standard deviations (bench/gate measures the recall).
     */
    public List<SimilarIdea> nearest(float[] query, UUID exclude, int k) {
        checkQuery(query);
        int skip = rowToSkip(exclude);
        int candidates = Math.max(CANDIDATES, 2 * k);
        if (k <= 0 || size <= candidates) {
            return exactNearest(query, exclude, k);
        }
        Int4Planes.Query encoded = codes.encode(query);
        Ranking approximate = new Ranking(candidates);
        for (int row = 0; row < size; row++) {
            if (row != skip) {
                approximate.offer(codes.score(encoded, row), row);
            }
        }
        Ranking exact = new Ranking(k);
        double squaredErrors = 0;
        for (int i = 0; i < approximate.found; i++) {
            int row = approximate.rows[i];
            float score = dot(query, row * dimensions);
            exact.offer(score, row);
            squaredErrors += (score - approximate.scores[i]) * (score - approximate.scores[i]);
        }
        // a row left out scored at most the lowest approximate score kept: it can be among the nearest only if its
        // error is as large as the distance from there to the k-th exact score
        double error = Math.sqrt(squaredErrors / approximate.found);
        if (approximate.lowest() + ERROR_SIGMAS * error >= exact.lowest()) {
            exactFallbacks++;
            return exactNearest(query, exclude, k);
        }
        return exact.ideas();
    }

    /** The k nearest by a float scan of every row: the reference of nearest, and its answer for small matrices. */
    public List<SimilarIdea> exactNearest(float[] query, UUID exclude, int k) {
        checkQuery(query);
        if (k <= 0) {
            return List.of();
        }
        int skip = rowToSkip(exclude);
        Ranking best = new Ranking(k);
        for (int row = 0; row < size; row++) {
            if (row != skip) {
                best.offer(dot(query, row * dimensions), row);
            }
        }
        return best.ideas();
    }

    private void checkQuery(float[] query) {
        if (query.length != dimensions) {
            throw new IllegalArgumentException("query of " + query.length + " dimensions in a matrix of " + dimensions);
        }
    }

    private int rowToSkip(UUID exclude) {
        Integer excluded = exclude == null ? null : rowOf.get(exclude);
        return excluded == null ? -1 : excluded;
    }

    /**
     * The best rows offered so far, at most a capacity of them, as a binary heap whose root is the worst kept (so a
     * row that does not beat it is turned away after one comparison).
     */
    private final class Ranking {
        final int[] rows;
        final float[] scores;
        int found;

        Ranking(int capacity) {
            rows = new int[capacity];
            scores = new float[capacity];
        }

        void offer(float score, int row) {
            if (found < rows.length) {
                int at = found++;
                while (at > 0) {
                    int parent = (at - 1) / 2;
                    if (!ranksBefore(scores[parent], rows[parent], score, row)) {
                        break;
                    }
                    scores[at] = scores[parent];
                    rows[at] = rows[parent];
                    at = parent;
                }
                scores[at] = score;
                rows[at] = row;
            } else if (ranksBefore(score, row, scores[0], rows[0])) {
                siftDown(score, row);
            }
        }

        /** Replaces the root (the worst kept) with the row and moves it down to its place. */
        private void siftDown(float score, int row) {
            int at = 0;
            while (true) {
                int child = 2 * at + 1;
                if (child >= found) {
                    break;
                }
                if (child + 1 < found && ranksBefore(scores[child], rows[child], scores[child + 1], rows[child + 1])) {
                    child++;
                }
                if (!ranksBefore(score, row, scores[child], rows[child])) {
                    break;
                }
                scores[at] = scores[child];
                rows[at] = rows[child];
                at = child;
            }
            scores[at] = score;
            rows[at] = row;
        }

        /** The score of the worst row kept. */
        float lowest() {
            return scores[0];
        }

        /** The rows kept, best first, as the gate reports them. */
        List<SimilarIdea> ideas() {
            Integer[] order = new Integer[found];
            for (int i = 0; i < found; i++) {
                order[i] = i;
            }
            Arrays.sort(
                    order, (a, b) -> a.equals(b) ? 0 : ranksBefore(scores[a], rows[a], scores[b], rows[b]) ? -1 : 1);
            List<SimilarIdea> nearest = new ArrayList<>(found);
            for (int i : order) {
                nearest.add(new SimilarIdea(names[rows[i]], titles[rows[i]], IdeaGate.round(scores[i])));
            }
            return nearest;
        }
    }

    /** Higher score first, then by name (then by row, so that the order is total). */
    private boolean ranksBefore(float score, int row, float otherScore, int otherRow) {
        if (score != otherScore) {
            return score > otherScore;
        }
        int byName = names[row].compareTo(names[otherRow]);
        return byName < 0 || (byName == 0 && row < otherRow);
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
