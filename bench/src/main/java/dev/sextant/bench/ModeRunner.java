package dev.sextant.bench;

import dev.sextant.acl.Principal;
import dev.sextant.acl.Principals;
import dev.sextant.indexer.ChunkIndex;
import dev.sextant.indexer.Embedder;
import dev.sextant.reranker.AccessGuard;
import dev.sextant.reranker.RerankerCascade;
import dev.sextant.reranker.SearchPipeline;
import dev.sextant.reranker.SearchSettings;
import dev.sextant.retriever.Candidate;
import dev.sextant.retriever.InvalidQueryException;
import dev.sextant.retriever.SearchQuery;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every evaluated query through the production {@link SearchPipeline}, built from the same
 * {@link SearchSettings} as the gateway's, as the public reader, timing each end to end in-process: query
 * validation, query embedding, retrieval, fusion, the access guard, and loading the passages of the first
 * page of {@value #PAGE} hits, as the search page would. The first {@code warmup} queries are run once beforehand, untimed, to load and JIT-compile the
 * code paths. A query the parser still rejects after {@link QueryText#escapeOperators} counts as failed
 * and is scored as an empty run (as trec_eval -c would).
 */
final class ModeRunner {

    /** One query's result list in trec_eval order; empty when the query failed. */
    record QueryRun(BeirDataset.EvalQuery query, List<String> ranking, boolean failed) {
    }

    /** All queries of one mode, with their latencies (failed queries excluded). */
    record ModeRun(EvalMode mode, List<QueryRun> runs, LatencyStats latency, int failed, List<String> failures,
                   int underHundredDocs) {
    }

    private static final Principals PUBLIC_READER = Principals.of(Principal.PUBLIC);

    static final int PAGE = 10;

    private final ChunkIndex index;
    private final Embedder embedder;
    private final SearchSettings settings;
    private final int warmup;

    ModeRunner(ChunkIndex index, Embedder embedder, SearchSettings settings, int warmup) {
        this.index = index;
        this.embedder = embedder;
        this.settings = settings;
        this.warmup = warmup;
    }

    ModeRun run(EvalMode mode, List<BeirDataset.EvalQuery> queries) throws IOException, InterruptedException {
        AccessGuard guard = new AccessGuard(c -> {
            throw new IllegalStateException("the guard dropped " + c.docId() + " for the public reader");
        });
        SearchPipeline pipeline = new SearchPipeline(index, mode.retriever(embedder, settings),
                RerankerCascade.passThrough(), guard, settings);
        String scoreStage = mode.scoreStage(settings);
        for (BeirDataset.EvalQuery q : queries.subList(0, Math.min(warmup, queries.size()))) {
            search(pipeline, q.text());
        }
        List<QueryRun> runs = new ArrayList<>(queries.size());
        long[] nanos = new long[queries.size()];
        int timed = 0;
        List<String> failures = new ArrayList<>();
        int underHundred = 0;
        for (BeirDataset.EvalQuery q : queries) {
            long start = System.nanoTime();
            List<Candidate> found;
            try {
                found = search(pipeline, q.text());
            } catch (InvalidQueryException e) {
                failures.add(q.id() + ": " + e.getMessage());
                runs.add(new QueryRun(q, List.of(), true));
                continue;
            }
            nanos[timed++] = System.nanoTime() - start;
            if (found.size() < 100) {
                underHundred++;
            }
            List<TrecMetrics.Scored> scored = found.stream()
                    .map(c -> new TrecMetrics.Scored(c.docId(), c.scores().get(scoreStage))).toList();
            runs.add(new QueryRun(q, TrecMetrics.trecOrder(scored), false));
        }
        LatencyStats latency = timed == 0 ? null : new LatencyStats(java.util.Arrays.copyOf(nanos, timed));
        return new ModeRun(mode, runs, latency, failures.size(), failures, underHundred);
    }

    private List<Candidate> search(SearchPipeline pipeline, String text) throws IOException, InterruptedException {
        var query = new SearchQuery(text, QueryText.escapeOperators(text), PUBLIC_READER, settings.depth());
        return pipeline.search(query, 0, PAGE).ranking();
    }
}
