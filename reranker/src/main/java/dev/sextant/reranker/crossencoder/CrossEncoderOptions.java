package dev.sextant.reranker.crossencoder;

/**
 * Compile-only stand-in for the {@code xenc} branch's options (contract 1 of issue 11); replaced at merge.
 *
 * @param maxTokens query and passage tokens the model reads
 * @param batchSize pairs scored in one run
 * @param threads   ONNX Runtime intra-op threads
 */
public record CrossEncoderOptions(int maxTokens, int batchSize, int threads) {

    public static CrossEncoderOptions defaults() {
        return new CrossEncoderOptions(512, 16, 1);
    }
}
