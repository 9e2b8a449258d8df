package io.animops.operator.idea;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The Java tokenizer gives the tokens and ids of the Hugging Face library, as LangChain4j configures it. */
class BertWordPieceTokenizerTest {
    static final List<String> TEXTS = List.of(
            "Newton's cradle with ten steel balls swinging in a row",
            "Galton Board Bell Curve: 150 balls fall through ten rows of pegs into eleven bins.",
            "Café crème brûlée: naïve résumé — Ångström ÉCOLE façade",
            "物理模拟：弹珠 falling through 钉板, then 終わり",
            "🎱 pool break ⚽️ goal! 🚀 launch",
            "don't stop!!! ...what?? (really) [x] {y} <z> a+b=c ~50% $5 #1 @you ^_^ `code` |pipe| \\slash",
            "tabs\tand\nnew lines\r\nand\u00a0no-break\u2003em space\u3000ideographic\u0085next line",
            "zero\u200bwidth\u200djoiner soft\u00adhyphen control\u0007bell\u0000nul \ufffd replacement",
            "[MASK] and [CLS] inside[UNK]text [PAD][SEP]",
            "supercalifragilisticexpialidocious " + "a".repeat(120) + " antidisestablishmentarianism",
            "İstanbul ΣΊΣΥΦΟΣ straße ǅungla ﬁnal ligature",
            "Ⅻ ½ ² numbers 3.14159 1,000,000 2026-12-03T10:00:00Z",
            "",
            "   ",
            "a ball bounces off a spring and rolls down a ramp ".repeat(60));

    @Test
    void tokensAndIdsAreThoseOfTheHuggingFaceLibrary() throws Exception {
        BertWordPieceTokenizer tokenizer = bundled();
        try (InputStream json = json();
                HuggingFaceTokenizer reference = HuggingFaceTokenizer.newInstance(json, Map.of("padding", "false"))) {
            for (String text : TEXTS) {
                Encoding expected = reference.encode(text, true, false);
                List<String> tokens = tokenizer.tokenize(text);
                assertThat(tokens).as(text).containsExactly(expected.getTokens());
                assertThat(tokenizer.ids(tokens)).as(text).containsExactly(expected.getIds());
            }
        }
    }

    @Test
    void aLongWordIsUnknownAndTheSpecialTokensAreKeptAsWritten() throws IOException {
        BertWordPieceTokenizer tokenizer = bundled();

        assertThat(tokenizer.tokenize("a " + "b".repeat(101) + " [MASK]"))
                .containsExactly("[CLS]", "a", "[UNK]", "[MASK]", "[SEP]");
        assertThat(tokenizer.tokenize("Hello, WORLD")).containsExactly("[CLS]", "hello", ",", "world", "[SEP]");
    }

    @Test
    void aLongTextIsCutOffAtTheTokenizersMaximumLength() throws IOException {
        List<String> tokens = bundled().tokenize("ball ".repeat(300));

        assertThat(tokens).hasSize(128).startsWith("[CLS]", "ball").endsWith("ball", "[SEP]");
    }

    @Test
    void aTokenizerOfAnotherKindIsRefusedWithItsReason() {
        String notBert = "{\"model\":{\"type\":\"BPE\",\"vocab\":{}},\"normalizer\":{\"type\":\"NFC\"}}";

        assertThatThrownBy(() -> BertWordPieceTokenizer.read(stream(notBert)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a lower-casing BERT WordPiece tokenizer");
    }

    @Test
    void aVocabularyWithoutTheSpecialTokensOrATruncationBeyondTheModelIsRefusedWithItsReason() {
        String noSep = "{\"normalizer\":{\"type\":\"BertNormalizer\",\"lowercase\":true},"
                + "\"model\":{\"type\":\"WordPiece\",\"vocab\":{\"[CLS]\":0,\"[UNK]\":1}}}";
        String tooLong = "{\"normalizer\":{\"type\":\"BertNormalizer\",\"lowercase\":true},"
                + "\"truncation\":{\"max_length\":1024},"
                + "\"model\":{\"type\":\"WordPiece\",\"vocab\":{\"[CLS]\":0,\"[SEP]\":1,\"[UNK]\":2}}}";

        assertThatThrownBy(() -> BertWordPieceTokenizer.read(stream(noSep)))
                .isInstanceOf(IOException.class)
                .hasMessage("tokenizer.json: the vocabulary has no [SEP]");
        assertThatThrownBy(() -> BertWordPieceTokenizer.read(stream(tooLong)))
                .isInstanceOf(IOException.class)
                .hasMessage("tokenizer.json: truncation.max_length 1024 is not between 3 and 512");
    }

    private static InputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }

    static BertWordPieceTokenizer bundled() throws IOException {
        try (InputStream json = json()) {
            return BertWordPieceTokenizer.read(json);
        }
    }

    private static InputStream json() {
        return BertWordPieceTokenizerTest.class.getResourceAsStream("/all-minilm-l6-v2-q-tokenizer.json");
    }
}
