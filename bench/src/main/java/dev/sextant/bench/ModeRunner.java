package dev.sextant.bench;

import dev.sextant.acl.Principal;
import dev.sextant.acl.Principals;
import dev.sextant.retriever.Candidate;
import dev.sextant.retriever.InvalidQueryException;
import dev.sextant.retriever.PassageLoader;
import dev.sextant.retriever.QueryParser;
import dev.sextant.retriever.Retriever;
import dev.sextant.retriever.SearchQuery;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every evaluated query through one retrieval pipeline as the product would (parse, then retrieve as
 * the public reader), timing each end to end in-process: query parse, query embedding, retrieval,
 * fusion, and loading the passages of the first page of {@value #PAGE} hits, as the search page would. The first {@code warmup} queries are run once beforehand, untimed, to load and JIT-compile the
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

    private final QueryParser parser = QueryParser.english();
    private final PassageLoader passages;
    private final int depth;
    private final int warmup;

    ModeRunner(PassageLoader passages, int depth, int warmup) {
        this.passages = passages;
        this.depth = depth;
        this.warmup = warmup;
    }

    ModeRun run(EvalMode mode, Retriever retriever, List<BeirDataset.EvalQuery> queries) throws IOException {
        for (BeirDataset.EvalQuery q : queries.subList(0, Math.min(warmup, queries.size()))) {
            search(retriever, q.text());
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
                found = search(retriever, q.text());
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
                    .map(c -> new TrecMetrics.Scored(c.docId(), c.scores().get(mode.scoreStage))).toList();
            runs.add(new QueryRun(q, TrecMetrics.trecOrder(scored), false));
        }
        LatencyStats latency = timed == 0 ? null : new LatencyStats(java.util.Arrays.copyOf(nanos, timed));
        return new ModeRun(mode, runs, latency, failures.size(), failures, underHundred);
    }

    private List<Candidate> search(Retriever retriever, String text) throws IOException {
        var lexical = parser.parse(QueryText.escapeOperators(text));
        List<Candidate> found = retriever.retrieve(new SearchQuery(text, lexical, PUBLIC_READER, depth));
        passages.load(found.subList(0, Math.min(PAGE, found.size())));
        return found;
    }
}
