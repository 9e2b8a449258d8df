package io.animops.operator.idea;

import dev.langchain4j.model.embedding.onnx.OnnxEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.PoolingMode;
import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The in-process model loads on this platform, and a model that cannot load leaves the gate on the hash embedding. */
class IdeaGateEmbedderTest {
    @Test
    void bundledMiniLmLoadsOfflineAndMakesUnitVectors() {
        Embedder embedder = GateEmbedder.loading(MiniLmEmbedder::load);

        assertThat(embedder.modelId()).isEqualTo("all-minilm-l6-v2-q@" + MiniLmEmbedder.bundledVersion());
        assertThat(MiniLmEmbedder.bundledVersion()).matches("\\d+\\.\\d+\\.\\d+.*");
        float[] cradle = embedder.embed("Newton's cradle with ten steel balls swinging in a row");
        float[] paraphrase = embedder.embed("A row of ten chrome spheres clacking back and forth in a Newton's cradle");
        float[] other = embedder.embed("A red flag flutters in strong wind on a tall pole");
        assertThat(cradle).hasSize(MiniLmEmbedder.DIMENSIONS);
        assertThat(Vectors.cosine(cradle, cradle)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
        assertThat(Vectors.cosine(cradle, paraphrase)).isGreaterThan(Vectors.cosine(cradle, other) + 0.3);
    }

    @Test
    void theLeanSessionMakesTheVectorsOfLangChainsDefaultSession() {
        // the gate's calibrated zones and the stored vectors come from LangChain4j's own session of the same model
        MiniLmEmbedder lean = MiniLmEmbedder.load();
        MiniLmEmbedder usual = new MiniLmEmbedder(new AllMiniLmL6V2QuantizedEmbeddingModel(), "usual");
        // the long one is cut into several windows and their vectors averaged
        String longText = "a ball bounces off a spring and rolls down a ramp ".repeat(60);
        for (String text :
                List.of("Newton's cradle with ten steel balls", "A red flag flutters in strong wind", longText)) {
            assertThat(lean.embed(text)).containsExactly(usual.embed(text), Offset.offset(1e-5f));
        }
    }

    @Test
    void modelThatCannotLoadFallsBackToTheHashEmbeddingAndSaysSo(@TempDir Path dir) throws IOException {
        // a real load through ONNX Runtime of a file that is not a model, as a truncated download or a bad image would
        // be
        Path model = Files.write(dir.resolve("model.onnx"), new byte[] {1, 2, 3, 4});
        Path tokenizer = Files.writeString(dir.resolve("tokenizer.json"), "{}");
        Embedder embedder = GateEmbedder.loading(
                () -> new MiniLmEmbedder(new OnnxEmbeddingModel(model, tokenizer, PoolingMode.MEAN), "broken"));

        assertThat(embedder.modelId()).isEqualTo(new HashEmbedding().modelId());
        float[] vector = embedder.embed("a ball bounces");
        assertThat(vector).containsExactly(new HashEmbedding().embed("a ball bounces"));
    }

    @Test
    void missingNativeLibraryAlsoFallsBack() {
        // a LinkageError is an Error, not an Exception: the fallback must catch it too
        Embedder embedder = GateEmbedder.choose(() -> {
            throw new UnsatisfiedLinkError("no onnxruntime in java.library.path");
        });
        assertThat(embedder).isInstanceOf(HashEmbedding.class);
    }
}
