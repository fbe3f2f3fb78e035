package dev.sextant.gateway.search;

import dev.sextant.acl.Principals;
import dev.sextant.indexer.IndexProgress;
import dev.sextant.indexer.Indexer;
import dev.sextant.indexer.Passage;
import dev.sextant.reranker.SearchPipeline;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;

/** One search for one reader: the pipeline's page, shaped for the API. */
@ApplicationScoped
public class SearchService {

    private final SearchPipeline pipeline;
    private final Indexer indexer;

    SearchService(SearchPipeline pipeline, Indexer indexer) {
        this.pipeline = pipeline;
        this.indexer = indexer;
    }

    /**
     * @param explain whether hits carry each stage's raw score (for admins only: scores are statistics)
     * @throws dev.sextant.retriever.InvalidQueryException when the text cannot be searched as typed
     */
    public SearchResponse search(String text, Principals reader, int limit, int offset, boolean explain)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        SearchPipeline.Result result = pipeline.search(text, reader, offset, limit);
        var hits = result.page().stream().map(c -> {
            Passage p = c.passage();
            return new SearchResponse.Hit(c.docId(), p.title(), p.url(), p.source(), p.updated(), p.snippet(),
                    explain ? c.scores() : null);
        }).toList();
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        return new SearchResponse(result.total(), tookMs, hits, result.notices(), indexing(), result.stages());
    }

    private SearchResponse.Indexing indexing() {
        IndexProgress.Snapshot now = indexer.progress().snapshot();
        if (now.state() != IndexProgress.State.SYNCING) {
            return null;
        }
        int percent = now.discovered() == 0 ? 0 : Math.min(99, 100 * now.processed() / now.discovered());
        return new SearchResponse.Indexing(percent);
    }
}
