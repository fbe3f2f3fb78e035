package dev.sextant.indexer;

/**
 * What the chunks of an index were made with: the embedding model and how documents were cut. An index keeps
 * the profile it was built with; opened with another, its vectors or its chunks no longer fit the code.
 *
 * @param embedder the model's {@link Embedder#modelId()}
 * @param chunker  the chunker's {@link Chunker#fingerprint()}
 */
public record IndexProfile(String embedder, String chunker) {

    public static IndexProfile of(Embedder embedder, Chunker chunker) {
        return new IndexProfile(embedder.modelId(), chunker.fingerprint());
    }
}
