package dev.sextant.reranker.crossencoder;

import dev.sextant.reranker.Reranker;
import dev.sextant.retriever.Candidate;
import dev.sextant.retriever.SearchQuery;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Compile-only stand-in for the {@code xenc} branch's cross-encoder (contract 1 of issue 11), so that the
 * gateway's wiring builds on this branch; the real class replaces it at merge. It loads no model.
 */
public final class CrossEncoderReranker implements Reranker, AutoCloseable {

    private CrossEncoderReranker() {
    }

    /** @throws IOException always: this build has no cross-encoder */
    public static CrossEncoderReranker fromDirectory(Path modelDir, CrossEncoderOptions options) throws IOException {
        throw new IOException("no cross-encoder in this build (asked for " + modelDir + ")");
    }

    @Override
    public List<Candidate> rerank(SearchQuery query, List<Candidate> candidates) {
        return candidates;
    }

    @Override
    public String tag() {
        return "cross-encoder";
    }

    @Override
    public void close() {
    }
}
