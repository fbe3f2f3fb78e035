package dev.sextant.reranker.crossencoder;

import static dev.sextant.reranker.crossencoder.OnnxModelWriter.FLOAT;
import static dev.sextant.reranker.crossencoder.OnnxModelWriter.INT64;
import static dev.sextant.reranker.crossencoder.OnnxModelWriter.floats;
import static dev.sextant.reranker.crossencoder.OnnxModelWriter.intAttribute;
import static dev.sextant.reranker.crossencoder.OnnxModelWriter.longs;
import static dev.sextant.reranker.crossencoder.OnnxModelWriter.node;
import static dev.sextant.reranker.crossencoder.OnnxModelWriter.value;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A cross-encoder small enough to write in a test, with a real ONNX graph and a real HuggingFace tokenizer:
 * a pair's logit is the sum of its tokens' weights ({@link #WEIGHTS}; every other token weighs 0), over the
 * tokens the attention mask keeps. A lower-casing WordLevel tokenizer splits on whitespace and punctuation
 * and joins a pair BERT's way: {@code [CLS] query [SEP] passage [SEP]}, type id 1 from the passage on.
 */
final class TinyCrossEncoder {

    /** What the model's logits look like. */
    enum Kind {
        /** {@code logits} [batch, 1], as ms-marco-MiniLM-L-6-v2 gives. */
        ONE_LOGIT,
        /** {@code logits} [batch, 2]: the negative class's logit (minus the sum), then the positive's (the sum). */
        TWO_LOGITS,
        /** Also takes {@code token_type_ids}, and sums only the passage's tokens (type id 1). */
        TYPE_IDS
    }

    static final Map<String, Float> WEIGHTS = Map.of("failover", 1f, "replica", 0.5f, "filler", 0.125f);

    private static final List<String> SPECIAL = List.of("[PAD]", "[UNK]", "[CLS]", "[SEP]");
    private static final List<String> WORDS = List.of("failover", "replica", "filler", "promote", "primary",
            "database", "lunch", "menu", "holiday", "the", "a", "runbook");

    private TinyCrossEncoder() {
    }

    /** Writes {@code model.onnx} and {@code tokenizer.json} into {@code dir}. */
    static Path write(Path dir, Kind kind) throws IOException {
        Files.createDirectories(dir);
        Files.write(dir.resolve("model.onnx"), model(kind));
        Files.writeString(dir.resolve("tokenizer.json"), tokenizerJson());
        return dir;
    }

    /** The logit the model gives a pair, computed here the slow way, for assertions. */
    static float expectedLogit(String query, String passage, Kind kind) {
        float passageSum = sum(passage);
        return kind == Kind.TYPE_IDS ? passageSum : sum(query) + passageSum;
    }

    private static float sum(String text) {
        float sum = 0;
        for (String word : text.toLowerCase().split("[^\\p{L}\\p{N}]+")) {
            sum += WEIGHTS.getOrDefault(word, 0f);
        }
        return sum;
    }

    private static List<String> vocabulary() {
        List<String> vocabulary = new ArrayList<>(SPECIAL);
        vocabulary.addAll(WORDS);
        return vocabulary;
    }

    static byte[] model(Kind kind) {
        List<String> vocabulary = vocabulary();
        float[] weights = new float[vocabulary.size()];
        for (int i = 0; i < weights.length; i++) {
            weights[i] = WEIGHTS.getOrDefault(vocabulary.get(i), 0f);
        }
        List<byte[]> nodes = new ArrayList<>(List.of(
                node("Gather", List.of("weights", "input_ids"), "token_weights"),
                node("Cast", List.of("attention_mask"), "mask", intAttribute("to", FLOAT)),
                node("Mul", List.of("token_weights", "mask"), "kept")));
        List<byte[]> inputs = new ArrayList<>(List.of(
                value("input_ids", INT64, "batch", "sequence"),
                value("attention_mask", INT64, "batch", "sequence")));
        String summed = "kept";
        if (kind == Kind.TYPE_IDS) {
            inputs.add(value("token_type_ids", INT64, "batch", "sequence"));
            nodes.add(node("Cast", List.of("token_type_ids"), "types", intAttribute("to", FLOAT)));
            nodes.add(node("Mul", List.of("kept", "types"), "passage_kept"));
            summed = "passage_kept";
        }
        String sum = kind == Kind.TWO_LOGITS ? "sum" : "logits";
        nodes.add(node("ReduceSum", List.of(summed, "axes"), sum, intAttribute("keepdims", 1)));
        if (kind == Kind.TWO_LOGITS) {
            nodes.add(node("Neg", List.of("sum"), "negative"));
            nodes.add(node("Concat", List.of("negative", "sum"), "logits", intAttribute("axis", 1)));
        }
        byte[] graph = OnnxModelWriter.graph("tiny-cross-encoder", nodes,
                List.of(floats("weights", weights, weights.length), longs("axes", new long[] {1}, 1)),
                inputs, List.of(value("logits", FLOAT, "batch", kind == Kind.TWO_LOGITS ? 2 : 1)));
        return OnnxModelWriter.model(13, graph);
    }

    /** A model that is not a cross-encoder: it takes {@code x} and returns it. */
    static byte[] identityModel() {
        byte[] graph = OnnxModelWriter.graph("identity", List.of(node("Identity", List.of("x"), "y")), List.of(),
                List.of(value("x", FLOAT, "n")), List.of(value("y", FLOAT, "n")));
        return OnnxModelWriter.model(13, graph);
    }

    static String tokenizerJson() {
        List<String> vocabulary = vocabulary();
        Map<String, Integer> ids = new LinkedHashMap<>();
        vocabulary.forEach(t -> ids.put(t, ids.size()));
        String added = SPECIAL.stream().map(t -> """
                {"id":%d,"content":"%s","single_word":false,"lstrip":false,"rstrip":false,"normalized":false,\
                "special":true}""".formatted(ids.get(t), t)).collect(Collectors.joining(","));
        String vocab = ids.entrySet().stream().map(e -> "\"" + e.getKey() + "\":" + e.getValue())
                .collect(Collectors.joining(","));
        return """
                {"version":"1.0","truncation":null,"padding":null,"added_tokens":[%s],
                 "normalizer":{"type":"Lowercase"},
                 "pre_tokenizer":{"type":"Whitespace"},
                 "post_processor":{"type":"TemplateProcessing",
                   "single":[{"SpecialToken":{"id":"[CLS]","type_id":0}},{"Sequence":{"id":"A","type_id":0}},
                             {"SpecialToken":{"id":"[SEP]","type_id":0}}],
                   "pair":[{"SpecialToken":{"id":"[CLS]","type_id":0}},{"Sequence":{"id":"A","type_id":0}},
                           {"SpecialToken":{"id":"[SEP]","type_id":0}},{"Sequence":{"id":"B","type_id":1}},
                           {"SpecialToken":{"id":"[SEP]","type_id":1}}],
                   "special_tokens":{"[CLS]":{"id":"[CLS]","ids":[%d],"tokens":["[CLS]"]},
                                     "[SEP]":{"id":"[SEP]","ids":[%d],"tokens":["[SEP]"]}}},
                 "decoder":null,
                 "model":{"type":"WordLevel","vocab":{%s},"unk_token":"[UNK]"}}
                """.formatted(added, ids.get("[CLS]"), ids.get("[SEP]"), vocab);
    }
}
