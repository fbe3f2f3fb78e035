package dev.sextant.reranker.crossencoder;

import dev.sextant.indexer.ChunkText;
import dev.sextant.indexer.Passage;
import dev.sextant.reranker.Reranker;
import dev.sextant.retriever.Candidate;
import dev.sextant.retriever.SearchQuery;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Reorders candidates by a cross-encoder's relevance logit for the query and each passage (title, heading and
 * text, as the index reads a chunk), run in-process by ONNX Runtime: ms-marco-MiniLM-L-6-v2,
 * bge-reranker-base and other exports with a {@code model.onnx} and a HuggingFace {@code tokenizer.json}.
 * Each candidate gains its logit under {@value #SCORE}; equal logits keep the order they came in. Safe for
 * concurrent searches.
 */
public final class CrossEncoderReranker implements Reranker, AutoCloseable {

    /** The key of the logit in each candidate's scores. */
    public static final String SCORE = "cross_encoder";

    private final CrossEncoderModel model;

    private CrossEncoderReranker(CrossEncoderModel model) {
        this.model = model;
    }

    /**
     * Loads {@code model.onnx} and {@code tokenizer.json} from a directory.
     *
     * @throws IOException when either file is missing (the message names it) or the model cannot be loaded
     */
    public static CrossEncoderReranker fromDirectory(Path modelDir, CrossEncoderOptions options) throws IOException {
        return new CrossEncoderReranker(CrossEncoderModel.load(modelDir, options));
    }

    /** @param candidates each with its passage loaded */
    @Override
    public List<Candidate> rerank(SearchQuery query, List<Candidate> candidates) throws Exception {
        List<String> passages = candidates.stream().map(c -> text(c.passage())).toList();
        float[] logits = model.score(query.text(), passages);
        List<Candidate> scored = new ArrayList<>(candidates.size());
        for (int i = 0; i < logits.length; i++) {
            scored.add(candidates.get(i).withScore(SCORE, logits[i]));
        }
        scored.sort(Comparator.comparing((Candidate c) -> c.scores().get(SCORE)).reversed());
        return scored;
    }

    private static String text(Passage passage) {
        return new ChunkText(passage.heading(), passage.text()).contextualized(passage.title());
    }

    @Override
    public String tag() {
        return "cross-encoder";
    }

    /** Releases the session and the tokenizer; a search still scoring finishes first. */
    @Override
    public void close() {
        model.close();
    }
}
