package dev.sextant.reranker;

import dev.sextant.retriever.Candidate;
import dev.sextant.retriever.SearchQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs rerankers in order, each on the top of the previous one's output and within its own budgets. A stage
 * reorders at most its {@code topK} candidates, and no more of them than fit its token budget; the rest keep
 * their order after them. A stage that fails, runs out of time or returns a candidate it was not given is
 * skipped: the order before it stands, and a notice says so.
 */
public final class RerankerCascade implements AutoCloseable {

    /**
     * A reranker and its budgets.
     *
     * @param topK        how many of the best candidates it reorders
     * @param budget      the most time it may take
     * @param tokenBudget the most passage words it may be given in all (a reranker pays per token); the
     *                    first candidate is always given
     */
    public record Stage(Reranker reranker, int topK, Duration budget, int tokenBudget) {
        public Stage {
            if (topK < 1 || tokenBudget < 1) {
                throw new IllegalArgumentException("a stage's topK and token budget must be positive, got "
                        + topK + " and " + tokenBudget);
            }
        }

        /** A stage without a token budget. */
        public Stage(Reranker reranker, int topK, Duration budget) {
            this(reranker, topK, budget, Integer.MAX_VALUE);
        }
    }

    /** The final order and what, if anything, did not run as configured. */
    public record Result(List<Candidate> candidates, List<String> notices) {
    }

    private final List<Stage> stages;
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public RerankerCascade(List<Stage> stages) {
        this.stages = List.copyOf(stages);
    }

    public static RerankerCascade passThrough() {
        return new RerankerCascade(List.of());
    }

    /** How many of the best candidates some stage reorders: those need their passages loaded first. */
    public int depth() {
        return stages.stream().mapToInt(Stage::topK).max().orElse(0);
    }

    /** @param candidates best first, each with its passage loaded as far as {@link #depth()} */
    public Result rerank(SearchQuery query, List<Candidate> candidates) throws InterruptedException {
        List<Candidate> current = candidates;
        List<String> notices = new ArrayList<>();
        for (Stage stage : stages) {
            List<Candidate> input = withinBudget(current, stage);
            Future<List<Candidate>> run = executor.submit(() -> stage.reranker().rerank(query, input));
            String tag = stage.reranker().tag();
            try {
                List<Candidate> output = run.get(stage.budget().toMillis(), TimeUnit.MILLISECONDS);
                if (onlyFrom(output, input)) {
                    List<Candidate> next = new ArrayList<>(output);
                    next.addAll(current.subList(input.size(), current.size()));
                    current = next;
                } else {
                    notices.add("reranker '" + tag + "' returned candidates it was not given; the previous order stands");
                }
            } catch (TimeoutException e) {
                run.cancel(true);
                notices.add("reranker '" + tag + "' ran past its " + stage.budget().toMillis()
                        + " ms budget; the previous order stands");
            } catch (ExecutionException e) {
                notices.add("reranker '" + tag + "' failed (" + e.getCause() + "); the previous order stands");
            }
        }
        return new Result(current, notices);
    }

    /** The best candidates, at most {@code topK} and as many as fit the token budget (at least one). */
    private static List<Candidate> withinBudget(List<Candidate> candidates, Stage stage) {
        int n = Math.min(stage.topK(), candidates.size());
        long tokens = 0;
        for (int i = 0; i < n; i++) {
            Candidate c = candidates.get(i);
            tokens += c.hasPassage() ? wordCount(c.passage().text()) : 0;
            if (tokens > stage.tokenBudget() && i > 0) {
                n = i;
                break;
            }
        }
        return List.copyOf(candidates.subList(0, n));
    }

    private static int wordCount(String text) {
        int words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            boolean letter = !Character.isWhitespace(text.charAt(i));
            if (letter && !inWord) {
                words++;
            }
            inWord = letter;
        }
        return words;
    }

    /**
     * Whether every output candidate is one of the input's (same chunk, ACL and passage; scores may differ),
     * each at most once: a stage may reorder and drop, never add or alter what was checked.
     */
    private static boolean onlyFrom(List<Candidate> output, List<Candidate> input) {
        Map<String, Candidate> given = new HashMap<>();
        input.forEach(c -> given.put(c.chunkId(), c));
        Set<String> seen = new HashSet<>();
        return output.stream().allMatch(c -> {
            Candidate original = given.get(c.chunkId());
            return original != null && seen.add(c.chunkId()) && original.aclText().equals(c.aclText())
                    && original.hasPassage() == c.hasPassage()
                    && (!c.hasPassage() || original.passage().equals(c.passage()));
        });
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
