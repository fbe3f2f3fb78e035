package dev.sextant.bench;

import java.util.List;

/**
 * One mode's figures: trec_eval measures averaged over every evaluated query (failed ones count as 0),
 * and nearest-rank latency percentiles.
 */
record ModeResult(EvalMode mode, double ndcg10, double recall100, double mrr10, double p50Ms, double p95Ms,
                  double p99Ms, int failed, int underHundredDocs) {

    static ModeResult of(ModeRunner.ModeRun run) {
        List<ModeRunner.QueryRun> runs = run.runs();
        double ndcg = 0;
        double recall = 0;
        double mrr = 0;
        for (ModeRunner.QueryRun r : runs) {
            ndcg += TrecMetrics.ndcgAt(10, r.ranking(), r.query().qrels());
            recall += TrecMetrics.recallAt(100, r.ranking(), r.query().qrels());
            mrr += TrecMetrics.mrrAt(10, r.ranking(), r.query().qrels());
        }
        int n = runs.size();
        LatencyStats l = run.latency();
        return new ModeResult(run.mode(), ndcg / n, recall / n, mrr / n,
                l == null ? Double.NaN : l.percentileMs(50), l == null ? Double.NaN : l.percentileMs(95),
                l == null ? Double.NaN : l.percentileMs(99), run.failed(), run.underHundredDocs());
    }
}
