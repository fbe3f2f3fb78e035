package dev.sextant.gateway.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sextant.reranker.RerankerCascade;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The JSON of {@code GET /api/search}.
 *
 * @param total    how many documents the reader may read that the query found (see SearchPipeline)
 * @param indexing while a sync runs: how far it is, so that a short result list is not taken as final
 * @param stages   what each fine stage (cross-encoder, LLM) did: ran, or skipped and why
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchResponse(int total, long tookMs, List<Hit> hits, List<String> notices, Indexing indexing,
                             List<RerankerCascade.StageRun> stages) {

    /**
     * @param snippet HTML: escaped text with {@code <mark>} around matched terms
     * @param scores  each stage's score; only for admins who ask ({@code explain=true}), else absent
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hit(String docId, String title, String url, String source, Instant updated, String snippet,
                      Map<String, Float> scores) {
    }

    /** @param percent of the documents found so far that are indexed */
    public record Indexing(int percent) {
    }
}
