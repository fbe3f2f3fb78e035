package dev.sextant.reranker;

import dev.sextant.retriever.Candidate;
import dev.sextant.retriever.SearchQuery;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs rerankers in order, each on the previous one's output and within its own time budget. A stage that
 * fails or runs out of time is skipped: the order before it stands, and a notice says so.
 */
public final class RerankerCascade implements AutoCloseable {

    /** A reranker with the most time it may take. */
    public record Stage(Reranker reranker, Duration budget) {
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

    public Result rerank(SearchQuery query, List<Candidate> candidates) throws InterruptedException {
        List<Candidate> current = candidates;
        List<String> notices = new ArrayList<>();
        for (Stage stage : stages) {
            List<Candidate> input = current;
            Future<List<Candidate>> run = executor.submit(() -> stage.reranker().rerank(query, input));
            try {
                current = run.get(stage.budget().toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                run.cancel(true);
                notices.add("reranker '" + stage.reranker().tag() + "' ran past its " + stage.budget().toMillis()
                        + " ms budget; the previous order stands");
            } catch (ExecutionException e) {
                notices.add("reranker '" + stage.reranker().tag() + "' failed (" + e.getCause()
                        + "); the previous order stands");
            }
        }
        return new Result(current, notices);
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
