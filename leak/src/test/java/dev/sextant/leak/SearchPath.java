package dev.sextant.leak;

import dev.sextant.indexer.Passage;
import dev.sextant.reranker.RerankerCascade;
import dev.sextant.reranker.SearchPipeline;
import dev.sextant.retriever.Candidate;
import dev.sextant.retriever.InvalidQueryException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Search results as {@code /api/search} pages them: the first pages of hits, each hit's title, URL, passage and
 * snippet, the total, and what {@code explain=true} adds (every stage's score, the stage reports, the notices).
 */
final class SearchPath implements LeakPath {

    private final String name;
    private final SearchPipeline pipeline;
    private final boolean lexical;
    private final int pages;
    private final int limit;

    /** @param lexical whether the pipeline retrieves by words only, so that its total is exactly the readable matches */
    SearchPath(String name, SearchPipeline pipeline, boolean lexical, int pages, int limit) {
        this.name = name;
        this.pipeline = pipeline;
        this.lexical = lexical;
        this.pages = pages;
        this.limit = limit;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Exposure ask(Reader reader, Probe probe) throws Exception {
        List<String> shown = new ArrayList<>();
        Set<String> counted = new LinkedHashSet<>();
        List<String> texts = new ArrayList<>();
        Integer total = null;
        try {
            for (int page = 0; page < pages; page++) {
                SearchPipeline.Result result = pipeline.search(probe.query(), reader.principals(), page * limit, limit);
                if (total != null && total != result.total()) {
                    texts.add("the total changed between pages: " + total + " then " + result.total());
                }
                total = result.total();
                result.ranking().forEach(c -> counted.add(c.docId()));
                for (Candidate hit : result.page()) {
                    shown.add(hit.docId());
                    texts.addAll(shownOf(hit.passage()));
                    texts.add(scores(hit.scores()));
                }
                texts.addAll(result.notices());
                result.stages().stream().map(RerankerCascade.StageRun::toString).forEach(texts::add);
                if (result.page().size() < limit) {
                    break;
                }
            }
        } catch (InvalidQueryException e) {
            texts.add(e.getMessage());
            return new Exposure(shown, null, texts, null, lexical, List.of(probe.query()));
        }
        return new Exposure(shown, counted, texts, total, lexical, List.of(probe.query()));
    }

    static List<String> shownOf(Passage p) {
        return List.of(p.title(), p.heading(), p.text(), p.snippet(), p.url(), p.source());
    }

    private static String scores(Map<String, Float> scores) {
        return scores.toString();
    }
}
