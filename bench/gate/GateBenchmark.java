import io.animops.operator.idea.Embedder;
import io.animops.operator.idea.GateEvaluation;
import io.animops.operator.idea.GateThresholds;
import io.animops.operator.idea.GateZones;
import io.animops.operator.idea.IdeaEmbedding;
import io.animops.operator.idea.HashEmbedding;
import io.animops.operator.idea.IdeaGate;
import io.animops.operator.idea.MiniLmEmbedder;
import io.animops.operator.idea.VectorMatrix;
import io.animops.operator.idea.Vectors;
import io.animops.crds.v1alpha1.SimilarIdea;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.flywaydb.core.Flyway;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

/**
 * The Idea Gate's quality and costs; with {@code --pairs FILE}, only the quality of a pairs file of one's own at the
 * shipped zones. Quality: the evaluation set (operator test resources, gate/eval-pairs.jsonl)
 * scored with each model, the zones the calibration rule makes of the calibration half (printed as the lines of
 * idea-gate-thresholds.properties, and compared with the shipped ones), and the held-out figures at those zones. Embedding: the mean time of MiniLmEmbedder.embed over 1000 distinct idea sentences
 * after 100 untimed ones (the hash embedding beside it). Nearest neighbours: N ideas (default 100,000) with random
 * unit vectors of 384 dimensions are written to an embedded PostgreSQL migrated with the operator's Flyway scripts,
 * read back into a VectorMatrix as the gate loads a namespace, and 200 queries (after 20 untimed) are timed, the
 * gate's search (4-bit candidates re-ranked in float) beside the exact scan, with its recall@5 against it; then the
 * same over N clustered vectors made of real MiniLM sentence vectors (random ones are the hardest case for a
 * quantized first pass: their nearest barely stand out).
 */
public final class GateBenchmark {
    private static final int WARM_UP = 100;
    private static final int SENTENCES = 1000;
    private static final int QUERY_WARM_UP = 20;
    private static final int QUERIES = 200;
    private static final String[] THINGS = {"marbles", "dominoes", "a pendulum", "a red cloth", "steel balls",
            "a spring", "a jelly cube", "sand", "a wrecking ball", "a slinky", "confetti", "a rope bridge", "gears"};
    private static final String[] ACTIONS = {"race down a zigzag track", "fall into a gravity well", "bounce off a rotating hexagon",
            "swing over a field of magnets", "topple in a spiral", "drape over a sphere", "pile into a cone",
            "orbit a tiny planet", "slide down a tilted ramp", "burst through a brick wall", "sink into a trampoline"};
    private static final String[] ENDINGS = {"until one is left", "in slow motion", "while a counter climbs",
            "and the colours sort themselves", "to a giant final piece", "as gravity flips", "in perfect sync",
            "on a loop", "under a strobe light"};

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--pairs")) {
            if (args.length != 2) {
                throw new IllegalArgumentException("usage: bench/gate/run --pairs FILE.jsonl");
            }
            evaluateAtShippedZones(java.nio.file.Path.of(args[1]), List.of(MiniLmEmbedder.load(), new HashEmbedding()));
            return;
        }
        int stored = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        List<String> sentences = sentences(WARM_UP + SENTENCES);

        long loadStart = System.nanoTime();
        MiniLmEmbedder minilm = MiniLmEmbedder.load();
        double loadMs = (System.nanoTime() - loadStart) / 1e6;
        double minilmMs = msPerEmbedding(minilm, sentences);
        double hashMs = msPerEmbedding(new HashEmbedding(), sentences);
        System.out.printf("model %s loaded in %.0f ms%n", minilm.modelId(), loadMs);
        System.out.printf("gate: embedding %s = %.2f ms mean over %d sentences (hash embedding %.3f ms)%n",
                minilm.modelId(), minilmMs, SENTENCES, hashMs);
        evaluate(List.of(minilm, new HashEmbedding()));

        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            Flyway.configure().dataSource(postgres.getPostgresDatabase()).locations("classpath:db/migration").load().migrate();
            try (Connection c = postgres.getPostgresDatabase().getConnection()) {
                long start = System.nanoTime();
                store(c, stored, minilm.modelId());
                long written = System.nanoTime();
                long heapBefore = usedHeap();
                VectorMatrix matrix = load(c, minilm.modelId());
                long loaded = System.nanoTime();
                long heapGrowth = usedHeap() - heapBefore;
                System.out.printf("store: %d vectors written in %.1f s, loaded into memory in %.0f ms%n",
                        matrix.size(), (written - start) / 1e9, (loaded - written) / 1e6);

                List<String> all = sentences(THINGS.length * ACTIONS.length * ENDINGS.length);
                List<float[]> queries = new ArrayList<>();
                for (int i = -QUERY_WARM_UP; i < QUERIES; i++) {
                    queries.add(minilm.embed(all.get(Math.floorMod(i, WARM_UP + SENTENCES))));
                }
                search("random unit vectors", matrix, queries);
                System.out.printf("gate: memory per 100,000 ideas of %d dimensions = %.1f MB of float32 rows (the "
                                + "exact scores) + %.1f MB of 4-bit codes (the first pass); the heap grew by %.1f MB "
                                + "loading %d ideas, names, titles and spare capacity included%n",
                        matrix.dimensions(), 100_000.0 * matrix.floatBytesPerRow() / 1e6,
                        100_000.0 * matrix.quantizedBytesPerRow() / 1e6, heapGrowth / 1e6, matrix.size());
                search("clustered MiniLM vectors", clustered(minilm, all, stored), queries);
                // wall-clock figures: on a shared machine they depend on what else runs, so the load is printed too
                System.out.printf("machine: %d cores, load average %s%n", Runtime.getRuntime().availableProcessors(),
                        java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0]);
            }
        }
    }

    /**
     * Times the gate's search (VectorMatrix.nearest) and the exact scan on the same queries, one after the other, and
     * prints their p50 and p95 and the recall@5 of the gate's search against the exact one.
     */
    private static void search(String data, VectorMatrix matrix, List<float[]> queries) {
        double[] gate = new double[QUERIES];
        double[] exact = new double[QUERIES];
        double found = 0;
        long fallbacksBefore = matrix.exactFallbacks();
        for (int i = -QUERY_WARM_UP; i < QUERIES; i++) {
            float[] query = queries.get(i + QUERY_WARM_UP);
            long t0 = System.nanoTime();
            List<SimilarIdea> approximate = matrix.nearest(query, null, IdeaGate.NEAREST);
            long t1 = System.nanoTime();
            List<SimilarIdea> reference = matrix.exactNearest(query, null, IdeaGate.NEAREST);
            long t2 = System.nanoTime();
            if (reference.size() != IdeaGate.NEAREST) {
                throw new IllegalStateException("fewer than " + IdeaGate.NEAREST + " neighbours");
            }
            if (i >= 0) {
                gate[i] = (t1 - t0) / 1e6;
                exact[i] = (t2 - t1) / 1e6;
                Set<String> names = new HashSet<>();
                reference.forEach(idea -> names.add(idea.getName()));
                found += approximate.stream().filter(idea -> names.contains(idea.getName())).count();
            }
        }
        Arrays.sort(gate);
        Arrays.sort(exact);
        System.out.printf("gate: nearest %d over %d stored vectors (%s): 4-bit candidates + exact re-rank p50 = "
                        + "%.1f ms (p95 %.1f ms), recall@5 %.3f, %d of %d queries answered by the exact scan; "
                        + "exact scan p50 = %.1f ms (p95 %.1f ms)%n",
                IdeaGate.NEAREST, matrix.size(), data, gate[QUERIES / 2], gate[QUERIES * 95 / 100],
                found / (QUERIES * IdeaGate.NEAREST), matrix.exactFallbacks() - fallbacksBefore,
                QUERIES + QUERY_WARM_UP,
                exact[QUERIES / 2], exact[QUERIES * 95 / 100]);
    }

    /**
     * Count vectors shaped like a studio's ideas: each the MiniLM vector of a sentence that is not a query, plus up
     * to a third of another's and a little noise, normalised; so ideas come in clusters of variations on a theme.
     */
    private static VectorMatrix clustered(MiniLmEmbedder minilm, List<String> all, int count) {
        List<float[]> themes = new ArrayList<>();
        for (String sentence : all.subList(QUERIES, WARM_UP + SENTENCES - QUERY_WARM_UP)) {
            themes.add(minilm.embed(sentence));
        }
        for (String sentence : all.subList(WARM_UP + SENTENCES, all.size())) {
            themes.add(minilm.embed(sentence));
        }
        Random random = new Random(43);
        VectorMatrix matrix = new VectorMatrix(MiniLmEmbedder.DIMENSIONS);
        for (int i = 0; i < count; i++) {
            float[] theme = themes.get(random.nextInt(themes.size()));
            float[] other = themes.get(random.nextInt(themes.size()));
            float mix = random.nextFloat() / 3;
            float[] v = new float[theme.length];
            double norm = 0;
            for (int d = 0; d < v.length; d++) {
                v[d] = theme[d] + mix * other[d] + (float) (0.02 * random.nextGaussian());
                norm += v[d] * v[d];
            }
            for (int d = 0; d < v.length; d++) {
                v[d] /= (float) Math.sqrt(norm);
            }
            matrix.put(UUID.randomUUID(), "idea-" + i, "Idea " + i, v);
        }
        return matrix;
    }

    private static long usedHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory();
    }

    /** Calibration on the calibration half, held-out figures at the zones it makes, for each model. */
    private static void evaluate(List<Embedder> embedders) {
        List<GateEvaluation.Pair> pairs = GateEvaluation.pairs();
        for (Embedder embedder : embedders) {
            String model = IdeaEmbedding.modelId(embedder);
            List<GateEvaluation.Scored> scored = GateEvaluation.score(embedder, pairs);
            GateZones zones = GateEvaluation.calibrate(model, scored.stream()
                    .filter(s -> s.pair().split().equals(GateEvaluation.CALIBRATION)).toList());
            System.out.printf("calibrated (idea-gate-thresholds.properties):%n%s.review=%.2f%n%s.duplicate=%.2f%n%s%n",
                    model, zones.review(), model, zones.duplicate(),
                    GateThresholds.forModel(model).filter(zones::equals).isPresent() ? "(the shipped thresholds)"
                            : "(DIFFERENT from the shipped thresholds: paste the lines above)");
            System.out.println(GateEvaluation.report(model, zones, GateEvaluation.figures(scored.stream()
                    .filter(s -> s.pair().split().equals(GateEvaluation.HELD_OUT)).toList(), zones)));
        }
    }

    /**
     * A pairs file of one's own (a second held-out set) through the gate at the shipped zones of each model: nothing is
     * calibrated on it. Every pair is scored, whatever its split.
     */
    private static void evaluateAtShippedZones(java.nio.file.Path file, List<Embedder> embedders) {
        List<GateEvaluation.Pair> pairs = GateEvaluation.pairs(file);
        for (Embedder embedder : embedders) {
            String model = IdeaEmbedding.modelId(embedder);
            GateZones zones = GateThresholds.forModel(model)
                    .orElseThrow(() -> new IllegalStateException("no shipped thresholds for " + model));
            List<GateEvaluation.Scored> scored = GateEvaluation.score(embedder, pairs);
            System.out.println(GateEvaluation.report(model, "pairs of " + file + " at the shipped zones", zones,
                    GateEvaluation.figures(scored, zones)));
            System.out.println(GateEvaluation.zonesByKind(scored, zones));
        }
    }

    /** Distinct idea sentences from the product of a few lists, in a shuffled order. */
    private static List<String> sentences(int count) {
        List<String> all = new ArrayList<>();
        for (String thing : THINGS) {
            for (String action : ACTIONS) {
                for (String ending : ENDINGS) {
                    all.add(thing + " " + action + " " + ending);
                }
            }
        }
        java.util.Collections.shuffle(all, new Random(7));
        if (all.size() < count) {
            throw new IllegalStateException("only " + all.size() + " sentences");
        }
        return all.subList(0, count);
    }

    private static double msPerEmbedding(Embedder embedder, List<String> sentences) {
        for (int i = 0; i < WARM_UP; i++) {
            embedder.embed(sentences.get(i));
        }
        long start = System.nanoTime();
        for (int i = WARM_UP; i < sentences.size(); i++) {
            embedder.embed(sentences.get(i));
        }
        return (System.nanoTime() - start) / 1e6 / (sentences.size() - WARM_UP);
    }

    private static void store(Connection c, int count, String model) throws Exception {
        Random random = new Random(42);
        Timestamp now = Timestamp.from(Instant.now());
        c.setAutoCommit(false);
        try (PreparedStatement idea = c.prepareStatement("insert into ideas (uid, namespace, name, title, premise, source, "
                + "phase, embedding_model, created_at, updated_at) values (?, 'bench', ?, ?, 'premise', 'Llm', 'Published', ?, ?, ?)");
             PreparedStatement vector = c.prepareStatement("insert into idea_embeddings (idea_uid, model, dimensions, "
                     + "vector, created_at) values (?, ?, ?, ?, ?)")) {
            for (int i = 0; i < count; i++) {
                UUID uid = UUID.randomUUID();
                idea.setObject(1, uid);
                idea.setString(2, "idea-" + i);
                idea.setString(3, "Idea " + i);
                idea.setString(4, model);
                idea.setTimestamp(5, now);
                idea.setTimestamp(6, now);
                idea.addBatch();
                vector.setObject(1, uid);
                vector.setString(2, model);
                vector.setInt(3, MiniLmEmbedder.DIMENSIONS);
                vector.setBytes(4, Vectors.toBytes(randomUnitVector(random)));
                vector.setTimestamp(5, now);
                vector.addBatch();
                if (i % 1000 == 999 || i == count - 1) {
                    idea.executeBatch();
                    vector.executeBatch();
                }
            }
        }
        c.commit();
        try (Statement s = c.createStatement()) {
            s.execute("analyze");
        }
    }

    /** The gate's load of one namespace, as IdeaRepository.vectors reads it. */
    private static VectorMatrix load(Connection c, String model) throws Exception {
        VectorMatrix matrix = new VectorMatrix(MiniLmEmbedder.DIMENSIONS);
        try (PreparedStatement s = c.prepareStatement("select i.uid, i.name, i.title, e.vector from ideas i "
                + "join idea_embeddings e on e.idea_uid = i.uid where i.namespace = 'bench' and e.model = ?")) {
            s.setString(1, model);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    matrix.put(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), Vectors.fromBytes(rs.getBytes(4)));
                }
            }
        }
        return matrix;
    }

    private static float[] randomUnitVector(Random random) {
        float[] v = new float[MiniLmEmbedder.DIMENSIONS];
        double norm = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
            norm += v[i] * v[i];
        }
        float inverse = (float) (1 / Math.sqrt(norm));
        for (int i = 0; i < v.length; i++) {
            v[i] *= inverse;
        }
        return v;
    }
}
