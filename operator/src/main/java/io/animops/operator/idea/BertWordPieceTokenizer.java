package io.animops.operator.idea;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The BERT tokenizer of a Hugging Face {@code tokenizer.json} (BertNormalizer with lower case, BertPreTokenizer,
 * WordPiece, {@code [CLS] … [SEP]}, truncation), in Java: the same tokens as the Hugging Face library for the bundled
 * MiniLM model, without its native library and the memory it holds (about 18 MB resident, bench/pipeline/README.md).
 * Its special tokens are recognised in the raw text, as added tokens are.
 */
final class BertWordPieceTokenizer {
    static final String CLS = "[CLS]";
    static final String SEP = "[SEP]";
    private static final String UNK = "[UNK]";
    private static final String CONTINUATION = "##";
    private static final int MAX_WORD_CHARS = 100;
    /** BERT's positions, when the tokenizer names no truncation. */
    private static final int MAX_POSITIONS = 512;

    private final Map<String, Integer> vocabulary;
    /** The added tokens, matched in the raw text before normalization (none of them is normalized). */
    private final List<String> specialTokens;
    /** The most tokens of a text, [CLS] and [SEP] included: the rest is cut off. */
    private final int maxLength;

    private BertWordPieceTokenizer(Map<String, Integer> vocabulary, List<String> specialTokens, int maxLength) {
        this.vocabulary = vocabulary;
        this.specialTokens = specialTokens;
        this.maxLength = maxLength;
    }

    /** Reads the vocabulary and the added tokens of a {@code tokenizer.json} whose model is WordPiece. */
    static BertWordPieceTokenizer read(InputStream tokenizerJson) throws IOException {
        JsonNode root = new ObjectMapper().readTree(tokenizerJson);
        JsonNode model = root.path("model");
        if (!"WordPiece".equals(model.path("type").asText())
                || !"BertNormalizer".equals(root.path("normalizer").path("type").asText())
                || !root.path("normalizer").path("lowercase").asBoolean()) {
            throw new IOException("tokenizer.json: not a lower-casing BERT WordPiece tokenizer");
        }
        Map<String, Integer> vocabulary = new HashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = model.path("vocab").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            vocabulary.put(entry.getKey(), entry.getValue().asInt());
        }
        List<String> special = new ArrayList<>();
        root.path("added_tokens")
                .forEach(token -> special.add(token.path("content").asText()));
        for (String required : List.of(CLS, SEP, UNK)) {
            if (!vocabulary.containsKey(required)) {
                throw new IOException("tokenizer.json: the vocabulary has no " + required);
            }
        }
        int maxLength = root.path("truncation").path("max_length").asInt(MAX_POSITIONS);
        if (maxLength < 3 || maxLength > MAX_POSITIONS) {
            throw new IOException(
                    "tokenizer.json: truncation.max_length " + maxLength + " is not between 3 and " + MAX_POSITIONS);
        }
        return new BertWordPieceTokenizer(vocabulary, special, maxLength);
    }

    /** The tokens of a text, between {@code [CLS]} and {@code [SEP]}, its end cut off beyond the maximum length. */
    List<String> tokenize(String text) {
        List<String> tokens = new ArrayList<>();
        tokens.add(CLS);
        int from = 0;
        while (from < text.length()) {
            int at = -1;
            String special = null;
            for (String candidate : specialTokens) {
                int found = text.indexOf(candidate, from);
                if (found >= 0 && (at < 0 || found < at || (found == at && candidate.length() > special.length()))) {
                    at = found;
                    special = candidate;
                }
            }
            int end = at < 0 ? text.length() : at;
            for (String word : words(normalize(text.substring(from, end)))) {
                wordPieces(word, tokens);
            }
            if (at < 0) {
                break;
            }
            tokens.add(special);
            from = at + special.length();
        }
        if (tokens.size() > maxLength - 1) {
            tokens.subList(maxLength - 1, tokens.size()).clear();
        }
        tokens.add(SEP);
        return tokens;
    }

    long[] ids(List<String> tokens) {
        long[] ids = new long[tokens.size()];
        for (int i = 0; i < ids.length; i++) {
            Integer id = vocabulary.get(tokens.get(i));
            ids[i] = id != null ? id : vocabulary.get(UNK);
        }
        return ids;
    }

    /**
     * BertNormalizer: control characters removed and white space made a space, spaces around CJK ideographs,
     * accents stripped (NFD without non-spacing marks), lower case, in that order.
     */
    static String normalize(String text) {
        StringBuilder cleaned = new StringBuilder(text.length() + 8);
        text.codePoints().forEach(c -> {
            if (c == 0 || c == 0xFFFD || isControl(c)) {
                return;
            }
            if (isWhitespace(c)) {
                cleaned.append(' ');
            } else if (isChineseChar(c)) {
                cleaned.append(' ').appendCodePoint(c).append(' ');
            } else {
                cleaned.appendCodePoint(c);
            }
        });
        String decomposed = Normalizer.normalize(cleaned, Normalizer.Form.NFD);
        StringBuilder lower = new StringBuilder(decomposed.length());
        decomposed.codePoints().forEach(c -> {
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                return;
            }
            // a character's own lower case, as Rust's char::to_lowercase: İ alone becomes two characters
            if (c == 0x130) {
                lower.append("i\u0307");
            } else {
                lower.appendCodePoint(Character.toLowerCase(c));
            }
        });
        return lower.toString();
    }

    /** BertPreTokenizer: split on white space, and every punctuation character a word of its own. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (isWhitespace(c) || isPunctuation(c)) {
                if (!word.isEmpty()) {
                    words.add(word.toString());
                    word.setLength(0);
                }
                if (isPunctuation(c)) {
                    words.add(Character.toString(c));
                }
            } else {
                word.appendCodePoint(c);
            }
        });
        if (!word.isEmpty()) {
            words.add(word.toString());
        }
        return words;
    }

    /** WordPiece: the longest known prefix, then the longest known {@code ##} continuations; else {@code [UNK]}. */
    private void wordPieces(String word, List<String> tokens) {
        int[] chars = word.codePoints().toArray();
        if (chars.length > MAX_WORD_CHARS) {
            tokens.add(UNK);
            return;
        }
        List<String> pieces = new ArrayList<>();
        int start = 0;
        while (start < chars.length) {
            String piece = null;
            int end = chars.length;
            while (start < end) {
                String candidate = (start > 0 ? CONTINUATION : "") + new String(chars, start, end - start);
                if (vocabulary.containsKey(candidate)) {
                    piece = candidate;
                    break;
                }
                end--;
            }
            if (piece == null) {
                tokens.add(UNK);
                return;
            }
            pieces.add(piece);
            start = end;
        }
        tokens.addAll(pieces);
    }

    /** Unicode's White_Space, as Rust's char::is_whitespace (Java's isWhitespace leaves out no-break spaces). */
    private static boolean isWhitespace(int c) {
        return (c >= 0x09 && c <= 0x0D)
                || c == 0x20
                || c == 0x85
                || c == 0xA0
                || c == 0x1680
                || (c >= 0x2000 && c <= 0x200A)
                || c == 0x2028
                || c == 0x2029
                || c == 0x202F
                || c == 0x205F
                || c == 0x3000;
    }

    /** Categories Cc, Cf, Cn, Co and Cs, but not tab, line feed and carriage return (white space). */
    private static boolean isControl(int c) {
        if (c == '\t' || c == '\n' || c == '\r') {
            return false;
        }
        int type = Character.getType(c);
        return type == Character.CONTROL
                || type == Character.FORMAT
                || type == Character.UNASSIGNED
                || type == Character.PRIVATE_USE
                || type == Character.SURROGATE;
    }

    private static boolean isPunctuation(int c) {
        if (c < 0x80) {
            return (c >= 0x21 && c <= 0x2F)
                    || (c >= 0x3A && c <= 0x40)
                    || (c >= 0x5B && c <= 0x60)
                    || (c >= 0x7B && c <= 0x7E);
        }
        int type = Character.getType(c);
        return type == Character.CONNECTOR_PUNCTUATION
                || type == Character.DASH_PUNCTUATION
                || type == Character.START_PUNCTUATION
                || type == Character.END_PUNCTUATION
                || type == Character.INITIAL_QUOTE_PUNCTUATION
                || type == Character.FINAL_QUOTE_PUNCTUATION
                || type == Character.OTHER_PUNCTUATION;
    }

    private static boolean isChineseChar(int c) {
        return (c >= 0x4E00 && c <= 0x9FFF)
                || (c >= 0x3400 && c <= 0x4DBF)
                || (c >= 0x20000 && c <= 0x2A6DF)
                || (c >= 0x2A700 && c <= 0x2B73F)
                || (c >= 0x2B740 && c <= 0x2B81F)
                || (c >= 0x2B920 && c <= 0x2CEAF)
                || (c >= 0xF900 && c <= 0xFAFF)
                || (c >= 0x2F800 && c <= 0x2FA1F);
    }
}
