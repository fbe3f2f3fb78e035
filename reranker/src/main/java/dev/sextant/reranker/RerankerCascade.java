package dev.sextant.reranker;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.RateLimitException;
import dev.sextant.retriever.Candidate;
import dev.sextant.retriever.SearchQuery;
import java.net.http.HttpTimeoutException;
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
 * skipped: the order before it stands, and a notice says so. Every stage, run or not, is reported as a
 * {@link StageRun} and counted in {@link #metrics()}.
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

        /** A stage the configuration leaves out: reported as {@code skipped: not configured}, never run. */
        public static Stage notConfigured(String tag) {
            return new Stage(new Absent(tag), 1, Duration.ZERO);
        }
    }

    /**
     * What one stage did for one query.
     *
     * @param outcome    {@code ran}, or {@code skipped: } and why: {@code timeout}, {@code rate limited},
     *                   {@code error}, {@code invalid output} or {@code not configured}
     * @param millis     how long it took, or ran before it was given up
     * @param candidates how many candidates it was given
     * @param tokens     the LLM tokens it used, as the endpoint counted them (0 for other stages, and where unknown)
     */
    public record StageRun(String tag, String outcome, long millis, int candidates, int tokens) {
        public static final String RAN = "ran";
        public static final String SKIPPED = "skipped: ";
    }

    /** The final order, what did not run as configured, and each stage's run. */
    public record Result(List<Candidate> candidates, List<String> notices, List<StageRun> stages) {
    }

    private final List<Stage> stages;
    private final CascadeMetrics metrics = new CascadeMetrics();
    private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();

    public RerankerCascade(List<Stage> stages) {
        this.stages = List.copyOf(stages);
    }

    public CascadeMetrics metrics() {
        return metrics;
    }

    public static RerankerCascade passThrough() {
        return new RerankerCascade(List.of());
    }

    /** How many of the best candidates some stage reorders: those need their passages loaded first. */
    public int depth() {
        return stages.stream().filter(s -> !(s.reranker() instanceof Absent)).mapToInt(Stage::topK).max().orElse(0);
    }

    /** @param candidates best first, each with its passage loaded as far as {@link #depth()} */
    public Result rerank(SearchQuery query, List<Candidate> candidates) throws InterruptedException {
        List<Candidate> current = candidates;
        List<String> notices = new ArrayList<>();
        List<StageRun> runs = new ArrayList<>();
        for (Stage stage : stages) {
            String tag = stage.reranker().tag();
            if (stage.reranker() instanceof Absent) {
                runs.add(report(new StageRun(tag, StageRun.SKIPPED + "not configured", 0, 0, 0)));
                continue;
            }
            List<Candidate> input = withinBudget(current, stage);
            long start = System.nanoTime();
            Future<MeteredReranker.Reranked> run = executor.submit(() -> stage.reranker() instanceof MeteredReranker m
                    ? m.rerankMetered(query, input) : new MeteredReranker.Reranked(stage.reranker().rerank(query, input), 0));
            String outcome;
            int tokens = 0;
            try {
                MeteredReranker.Reranked output = run.get(stage.budget().toMillis(), TimeUnit.MILLISECONDS);
                tokens = output.tokens();
                if (onlyFrom(output.candidates(), input)) {
                    List<Candidate> next = new ArrayList<>(output.candidates());
                    next.addAll(current.subList(input.size(), current.size()));
                    current = next;
                    outcome = StageRun.RAN;
                } else {
                    outcome = StageRun.SKIPPED + "invalid output";
                    notices.add("reranker '" + tag + "' returned candidates it was not given; the previous order stands");
                }
            } catch (TimeoutException e) {
                run.cancel(true);
                outcome = StageRun.SKIPPED + "timeout";
                notices.add("reranker '" + tag + "' ran past its " + stage.budget().toMillis()
                        + " ms budget; the previous order stands");
            } catch (ExecutionException e) {
                String why = why(e.getCause());
                outcome = StageRun.SKIPPED + why;
                notices.add(switch (why) {
                    case "rate limited" -> "reranker '" + tag + "' was rate limited by its endpoint; the previous order stands";
                    case "timeout" -> "reranker '" + tag + "' timed out (" + e.getCause() + "); the previous order stands";
                    default -> "reranker '" + tag + "' failed (" + e.getCause() + "); the previous order stands";
                });
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            runs.add(report(new StageRun(tag, outcome, millis, input.size(), tokens)));
        }
        return new Result(current, notices, List.copyOf(runs));
    }

    private StageRun report(StageRun run) {
        metrics.record(run);
        return run;
    }

    /** {@code rate limited} for a 429 anywhere in the causes, {@code timeout} for a client timeout, else {@code error}. */
    private static String why(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof RateLimitException || t instanceof HttpException h && h.statusCode() == 429) {
                return "rate limited";
            }
            if (t instanceof dev.langchain4j.exception.TimeoutException || t instanceof HttpTimeoutException) {
                return "timeout";
            }
        }
        return "error";
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

    /** The reranker of a stage that is not configured. */
    private record Absent(String tag) implements Reranker {
        @Override
        public List<Candidate> rerank(SearchQuery query, List<Candidate> candidates) {
            throw new IllegalStateException("the stage '" + tag + "' is not configured");
        }
    }
}
