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
 * and is scored as an empty run (as trec_eval -c would). The cascade mode ranks by the cascade's final order, and
 * reports each query whose fine stage did not run.
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
    private final CascadeArgs cascade;

    /** Without the cascade mode's stages. */
    ModeRunner(ChunkIndex index, Embedder embedder, SearchSettings settings, int warmup) {
        this(index, embedder, settings, warmup, null);
    }

    /** @param cascade the fine stages of {@link EvalMode#CASCADE}; null when that mode is not run */
    ModeRunner(ChunkIndex index, Embedder embedder, SearchSettings settings, int warmup, CascadeArgs cascade) {
        this.index = index;
        this.embedder = embedder;
        this.settings = settings;
        this.warmup = warmup;
        this.cascade = cascade;
    }

    ModeRun run(EvalMode mode, List<BeirDataset.EvalQuery> queries) throws IOException, InterruptedException {
        AccessGuard guard = new AccessGuard(c -> {
            throw new IllegalStateException("the guard dropped " + c.docId() + " for the public reader");
        });
        if (mode == EvalMode.CASCADE && cascade == null) {
            throw new IllegalStateException("the cascade mode needs its LLM endpoint");
        }
        try (RerankerCascade fine = mode == EvalMode.CASCADE ? cascade.build() : RerankerCascade.passThrough()) {
            return run(mode, queries, new SearchPipeline(index, mode.retriever(embedder, settings), fine, guard, settings));
        }
    }

    private ModeRun run(EvalMode mode, List<BeirDataset.EvalQuery> queries, SearchPipeline pipeline)
            throws IOException, InterruptedException {
        String scoreStage = mode.scoreStage(settings);
        for (BeirDataset.EvalQuery q : queries.subList(0, Math.min(warmup, queries.size()))) {
            search(pipeline, q.text());
        }
        List<String> failures = new ArrayList<>();
        List<QueryRun> runs = new ArrayList<>(queries.size());
        long[] nanos = new long[queries.size()];
        int timed = 0;
        int underHundred = 0;
        for (BeirDataset.EvalQuery q : queries) {
            long start = System.nanoTime();
            SearchPipeline.Result result;
            try {
                result = search(pipeline, q.text());
            } catch (InvalidQueryException e) {
                failures.add(q.id() + ": " + e.getMessage());
                runs.add(new QueryRun(q, List.of(), true));
                continue;
            }
            nanos[timed++] = System.nanoTime() - start;
            List<Candidate> found = result.ranking();
            if (found.size() < 100) {
                underHundred++;
            }
            result.stages().stream().filter(s -> !s.outcome().equals(RerankerCascade.StageRun.RAN))
                    .forEach(s -> failures.add(q.id() + ": stage " + s.tag() + " " + s.outcome() + ", so its order is coarse"));
            List<TrecMetrics.Scored> scored = new ArrayList<>(found.size());
            for (int i = 0; i < found.size(); i++) {
                Candidate c = found.get(i);
                // the cascade's order is its result: rank it by position, not by a coarse score
                float score = mode == EvalMode.CASCADE ? found.size() - i : c.scores().get(scoreStage);
                scored.add(new TrecMetrics.Scored(c.docId(), score));
            }
            runs.add(new QueryRun(q, TrecMetrics.trecOrder(scored), false));
        }
        LatencyStats latency = timed == 0 ? null : new LatencyStats(java.util.Arrays.copyOf(nanos, timed));
        return new ModeRun(mode, runs, latency, failures.size(), failures, underHundred);
    }

    private SearchPipeline.Result search(SearchPipeline pipeline, String text) throws IOException, InterruptedException {
        var query = new SearchQuery(text, QueryText.escapeOperators(text), PUBLIC_READER, settings.depth());
        return pipeline.search(query, 0, PAGE);
    }
}
