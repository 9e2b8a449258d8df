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

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
    void theLeanSessionAndJavaTokenizerMakeTheVectorsOfLangChainsDefaultModel() {
        // the gate's calibrated zones and the stored vectors come from LangChain4j's own session and tokenizer
        MiniLmEmbedder lean = MiniLmEmbedder.load();
        MiniLmEmbedder usual = new MiniLmEmbedder(new AllMiniLmL6V2QuantizedEmbeddingModel(), "usual");
        // accents, CJK, emoji, punctuation, odd white space and control characters, special tokens written in the
        // text, a word too long for WordPiece; the long one cut off at the tokenizer's 128 tokens, as there
        for (String text : BertWordPieceTokenizerTest.TEXTS) {
            if (!text.isBlank()) {
                assertThat(lean.embed(text)).as(text).containsExactly(usual.embed(text), Offset.offset(1e-5f));
            }
        }
    }

    @Test
    void aTextWithoutTokensIsRefusedWithItsReason() {
        MiniLmEmbedder lean = MiniLmEmbedder.load();

        // not blank, but only a zero-width space and a bell, which the normalizer removes
        assertThatThrownBy(() -> lean.embed("\u200b\u0007"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the text has no tokens");
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
