package dev.sextant.reranker;

import dev.sextant.acl.Principals;
import dev.sextant.indexer.ChunkIndex;
import dev.sextant.indexer.IndexSnapshot;
import dev.sextant.retriever.Bm25Retriever;
import dev.sextant.retriever.Candidate;
import dev.sextant.retriever.DenseRetriever;
import dev.sextant.retriever.PassageLoader;
import dev.sextant.retriever.Retriever;
import dev.sextant.retriever.SearchQuery;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The query path below the gateway, in the one order that keeps unreadable text away from every stage:
 * <pre>
 *   SearchQuery ─► Retriever (coarse: BM25 ∪ kNN, ACL filter inside both, fused; weak kNN-only hits dropped)
 *               ─► AccessGuard (every candidate's stored ACL re-checked)
 *               ─► fetch the passages of the top N, from the same index snapshot, and check their ACL again
 *               ─► RerankerCascade (fine: per-stage top-K, time and token budgets, passage text available)
 *               ─► page
 * </pre>
 * Retrieval, guard and fetch read one {@link IndexSnapshot}, so a document re-permissioned meanwhile is seen
 * either before or after the change, never half. A reranker only ever receives checked candidates. It only
 * sequences; each stage is its own class.
 */
public final class SearchPipeline {

    /** A page of results, what the whole ranking counted, and what each fine stage did. */
    public record Result(List<Candidate> page, List<Candidate> ranking, int total, List<String> notices,
                         List<RerankerCascade.StageRun> stages) {
    }

    private final ChunkIndex index;
    private final Retriever retriever;
    private final RerankerCascade cascade;
    private final AccessGuard guard;
    private final SearchSettings settings;

    public SearchPipeline(ChunkIndex index, Retriever retriever, RerankerCascade cascade, AccessGuard guard,
                          SearchSettings settings) {
        this.index = index;
        this.retriever = retriever;
        this.cascade = cascade;
        this.guard = guard;
        this.settings = settings;
    }

    public SearchSettings settings() {
        return settings;
    }

    /** What a person typed, searched as typed; see {@link #search(SearchQuery, int, int)}. */
    public Result search(String text, Principals reader, int offset, int limit) throws IOException, InterruptedException {
        return search(SearchQuery.of(text, reader, settings.depth()), offset, limit);
    }

    /**
     * @return the page {@code [offset, offset + limit)} with passages; the ranking of every document found, the
     *         fetched ones with passages; and {@code total}, how many documents the reader may read that the
     *         query found: matched by a query word, or within {@link SearchSettings#denseFloor()} by meaning
     */
    public Result search(SearchQuery query, int offset, int limit) throws IOException, InterruptedException {
        try (IndexSnapshot snapshot = index.snapshot()) {
            List<Candidate> found = matches(retriever.retrieve(query, snapshot));
            List<Candidate> admitted = guard.admitted(found, query.reader());
            int fetched = Math.min(admitted.size(), Math.max(offset + limit, cascade.depth()));
            List<Candidate> loaded = guard.admitted(
                    PassageLoader.load(snapshot, admitted.subList(0, fetched), query.lexical()), query.reader());
            RerankerCascade.Result fine = cascade.rerank(query, loaded);
            List<Candidate> ranking = new ArrayList<>(fine.candidates());
            ranking.addAll(admitted.subList(fetched, admitted.size()));
            int shown = fine.candidates().size();
            List<Candidate> page = fine.candidates().subList(Math.min(offset, shown), Math.min(offset + limit, shown));
            return new Result(List.copyOf(page), List.copyOf(ranking), admitted.size(), fine.notices(), fine.stages());
        }
    }

    /** Drops the candidates only kNN found, at a similarity below the floor. */
    private List<Candidate> matches(List<Candidate> coarse) {
        return coarse.stream().filter(c -> c.scores().containsKey(Bm25Retriever.STAGE)
                || c.scores().getOrDefault(DenseRetriever.STAGE, Float.NEGATIVE_INFINITY) >= settings.denseFloor())
                .toList();
    }
}
