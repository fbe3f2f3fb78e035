package dev.sextant.reranker.crossencoder;

/**
 * How a {@link CrossEncoderReranker} runs its model.
 *
 * @param maxTokens the most tokens of one query and passage pair, special tokens included (a BERT-style model's
 *                  limit is 512); the passage is cut to fit, never the query
 * @param batchSize how many pairs go through the model in one run
 * @param threads   the model's intra-op threads, shared by every concurrent search; at most the machine's cores
 */
public record CrossEncoderOptions(int maxTokens, int batchSize, int threads) {

    /** Leaves room for a short query and a few passage tokens between the special tokens. */
    private static final int MIN_TOKENS = 8;

    public CrossEncoderOptions {
        if (maxTokens < MIN_TOKENS) {
            throw new IllegalArgumentException("a cross-encoder's maxTokens must be at least " + MIN_TOKENS
                    + ", got " + maxTokens);
        }
        if (batchSize < 1 || threads < 1) {
            throw new IllegalArgumentException("a cross-encoder's batch size and threads must be positive, got "
                    + batchSize + " and " + threads);
        }
        threads = Math.min(threads, Runtime.getRuntime().availableProcessors());
    }

    /** 512 tokens, batches of 16, one thread. */
    public static CrossEncoderOptions defaults() {
        return new CrossEncoderOptions(512, 16, 1);
    }
}
