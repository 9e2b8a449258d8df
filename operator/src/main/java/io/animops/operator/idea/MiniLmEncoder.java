package io.animops.operator.idea;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;

import java.nio.LongBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A BERT sentence model run by ONNX Runtime, with mean pooling: the steps of LangChain4j's {@code OnnxBertBiEncoder}
 * with {@link BertWordPieceTokenizer} instead of the Hugging Face native library. A text is cut off at the tokenizer's
 * maximum length (128 tokens for the bundled model), as there. The vectors are LangChain4j's (IdeaGateEmbedderTest),
 * so that stored vectors and the gate's calibrated zones still hold.
 */
final class MiniLmEncoder implements EmbeddingModel {
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final BertWordPieceTokenizer tokenizer;
    private final boolean takesTokenTypes;

    MiniLmEncoder(OrtEnvironment environment, OrtSession session, BertWordPieceTokenizer tokenizer)
            throws OrtException {
        this.environment = environment;
        this.session = session;
        this.tokenizer = tokenizer;
        this.takesTokenTypes = session.getInputNames().contains("token_type_ids");
    }

    @Override
    public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
        return Response.from(segments.stream()
                .map(segment -> Embedding.from(vector(segment.text())))
                .toList());
    }

    float[] vector(String text) {
        List<String> tokens = tokenizer.tokenize(text);
        List<String> content = tokens.subList(1, tokens.size() - 1);
        if (content.isEmpty()) {
            throw new IllegalArgumentException("nothing to embed: the text has no tokens");
        }
        float[] vector = meanOfTokens(tokenizer.ids(encoded(tokens, content)));
        HashEmbedding.normalise(vector);
        return vector;
    }

    /**
     * The tokens the model is given, as LangChain4j encodes them (so that the vectors stay its own): the text's own
     * when its tokens, joined back into words, give the same tokens again; else those of the tokens run together.
     */
    private List<String> encoded(List<String> tokens, List<String> content) {
        String sentence = String.join(" ", content).replace(" ##", "").trim();
        return tokenizer.tokenize(sentence).equals(tokens) ? tokens : tokenizer.tokenize(String.join("", content));
    }

    private float[] meanOfTokens(long[] ids) {
        long[] shape = {1, ids.length};
        long[] attention = new long[ids.length];
        Arrays.fill(attention, 1L);
        long[] types = new long[ids.length];
        try (OnnxTensor idsTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape);
                OnnxTensor attentionTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(attention), shape);
                OnnxTensor typesTensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape)) {
            Map<String, OnnxTensor> inputs = new HashMap<>();
            inputs.put("input_ids", idsTensor);
            inputs.put("attention_mask", attentionTensor);
            if (takesTokenTypes) {
                inputs.put("token_type_ids", typesTensor);
            }
            try (OrtSession.Result result = session.run(inputs)) {
                float[][] tokenVectors = ((float[][][]) result.get(0).getValue())[0];
                float[] mean = new float[tokenVectors[0].length];
                for (float[] tokenVector : tokenVectors) {
                    for (int j = 0; j < mean.length; j++) {
                        mean[j] += tokenVector[j];
                    }
                }
                for (int j = 0; j < mean.length; j++) {
                    mean[j] /= tokenVectors.length;
                }
                return mean;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("ONNX Runtime could not run the embedding model", e);
        }
    }
}
