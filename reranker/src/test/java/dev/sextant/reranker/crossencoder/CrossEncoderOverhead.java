package dev.sextant.reranker.crossencoder;

import dev.sextant.acl.Principal;
import dev.sextant.acl.Principals;
import dev.sextant.indexer.Passage;
import dev.sextant.reranker.crossencoder.TinyCrossEncoder.Kind;
import dev.sextant.retriever.Candidate;
import dev.sextant.retriever.SearchQuery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * What the reranker itself costs per candidate: tokenizing each pair, building the tensors and one session run
 * per batch, over {@link TinyCrossEncoder}'s graph, whose own arithmetic is a few additions per token. A timed
 * loop rather than a test: {@code docs/benchmarks.md} ("Cross-encoder stage") gives the command.
 *
 * <p>Arguments: rounds (default 500), then optionally a real model's directory to measure instead of the tiny
 * graph. 30 candidates of 200 words a round, reranked once per batch size (1, 16, 32) and then only tokenized,
 * in turn, so that load from elsewhere falls on all of them alike.
 */
public final class CrossEncoderOverhead {

    private static final int CANDIDATES = 30;
    private static final int WORDS = 200;
    private static final int[] BATCH_SIZES = {1, 16, 32};

    private CrossEncoderOverhead() {
    }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 500;
        int warmUp = Math.max(50, rounds / 5);
        Path dir = args.length > 1 ? Path.of(args[1])
                : TinyCrossEncoder.write(Files.createTempDirectory("tiny-cross-encoder"), Kind.ONE_LOGIT);
        SearchQuery query = SearchQuery.of("how do I promote the replica after a failover",
                Principals.of(Principal.PUBLIC), 100);
        List<Candidate> candidates = candidates(new Random(7));
        List<CrossEncoderReranker> rerankers = new ArrayList<>();
        for (int batch : BATCH_SIZES) {
            rerankers.add(CrossEncoderReranker.fromDirectory(dir, new CrossEncoderOptions(512, batch, 1)));
        }
        List<String> passages = candidates.stream().map(c -> c.passage().title() + "\n" + c.passage().heading()
                + "\n" + c.passage().text()).toList();
        long tokens = 0;
        long[][] nanos = new long[BATCH_SIZES.length + 1][rounds];
        try (CrossEncoderModel tokenizerOnly = CrossEncoderModel.load(dir, CrossEncoderOptions.defaults())) {
            for (int round = -warmUp; round < rounds; round++) {
                for (int b = 0; b < BATCH_SIZES.length; b++) {
                    long start = System.nanoTime();
                    rerankers.get(b).rerank(query, candidates);
                    if (round >= 0) {
                        nanos[b][round] = System.nanoTime() - start;
                    }
                }
                long start = System.nanoTime();
                tokens = 0;
                for (String passage : passages) {
                    tokens += tokenizerOnly.encode(query.text(), passage).getIds().length;
                }
                if (round >= 0) {
                    nanos[BATCH_SIZES.length][round] = System.nanoTime() - start;
                }
            }
        }
        System.out.printf("%s: %d candidates of %d words (%d tokens a pair), %d rounds after %d of warm-up, "
                + "one intra-op thread%n", dir, CANDIDATES, WORDS, tokens / CANDIDATES, rounds, warmUp);
        for (int b = 0; b <= BATCH_SIZES.length; b++) {
            long[] sorted = nanos[b].clone();
            Arrays.sort(sorted);
            double p50 = sorted[rounds / 2] / 1e3;
            double p90 = sorted[rounds * 9 / 10] / 1e3;
            String what = b < BATCH_SIZES.length ? "rerank, batch " + BATCH_SIZES[b] : "tokenizing alone";
            System.out.printf("%-18s p50 %7.0f µs (p90 %7.0f), %5.1f µs a candidate%n", what, p50, p90,
                    p50 / CANDIDATES);
            if (b < BATCH_SIZES.length) {
                rerankers.get(b).close();
            }
        }
    }

    /** Passages of English-like text: a few of the tiny vocabulary's words among words it does not know. */
    private static List<Candidate> candidates(Random random) {
        String[] words = ("when the primary database stops answering the on-call engineer checks replication lag "
                + "on each standby before choosing which replica to promote after a failover and announces it "
                + "in the incident channel with the lunch menu of the holiday runbook").split(" ");
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < CANDIDATES; i++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < WORDS; w++) {
                text.append(words[random.nextInt(words.length)]).append(w % 15 == 14 ? ". " : " ");
            }
            Passage passage = new Passage("Runbook " + i, "Failover", text.toString(), "", "https://wiki.example/" + i,
                    "wiki", Instant.EPOCH, "public");
            candidates.add(new Candidate("d" + i, "d" + i + "#0", "public", Map.of("rrf", 1f / (i + 1)))
                    .withPassage(passage));
        }
        return candidates;
    }
}
