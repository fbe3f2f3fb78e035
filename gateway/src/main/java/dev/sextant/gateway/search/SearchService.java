package dev.sextant.gateway.search;

import dev.sextant.acl.Principals;
import dev.sextant.gateway.SextantConfig;
import dev.sextant.reranker.RerankerCascade;
import dev.sextant.reranker.SearchPipeline;
import dev.sextant.retriever.Candidate;
import dev.sextant.retriever.Passage;
import dev.sextant.retriever.PassageLoader;
import dev.sextant.retriever.QueryParser;
import dev.sextant.retriever.SearchQuery;
import dev.sextant.retriever.SnippetHighlighter;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.List;

/** One search for one reader: parse, run the pipeline, guard, page, load the page's passages, highlight. */
@ApplicationScoped
public class SearchService {

    private final SearchPipeline pipeline;
    private final AccessGuard guard;
    private final PassageLoader passages;
    private final QueryParser parser = QueryParser.english();
    private final SnippetHighlighter highlighter = SnippetHighlighter.english();
    private final int depth;

    SearchService(SearchPipeline pipeline, AccessGuard guard, PassageLoader passages, SextantConfig config) {
        this.pipeline = pipeline;
        this.guard = guard;
        this.passages = passages;
        this.depth = config.search().depth();
    }

    /** @throws dev.sextant.retriever.InvalidQueryException when the text cannot be searched as typed */
    public SearchResponse search(String text, Principals reader, int limit, int offset)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        SearchQuery query = new SearchQuery(text, parser.parse(text), reader, depth);
        RerankerCascade.Result ranked = pipeline.search(query);
        List<Candidate> admitted = guard.admitted(ranked.candidates(), reader);
        List<Candidate> page = passages.load(admitted.stream().skip(offset).limit(limit).toList());
        List<SearchResponse.Hit> hits = page.stream()
                .map(c -> {
                    Passage p = c.passage();
                    return new SearchResponse.Hit(c.docId(), p.title(), p.url(), p.source(), p.updated(),
                            highlighter.snippet(query.lexical(), p.text()), c.scores());
                })
                .toList();
        long tookMs = (System.nanoTime() - start) / 1_000_000;
        return new SearchResponse(admitted.size(), tookMs, hits, ranked.notices());
    }
}
