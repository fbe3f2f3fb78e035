package dev.sextant.indexer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.output.Response;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class QueryPriorityTest {

    /** Records what it embeds, in order; a query waits on {@code queryMayFinish} once it has started. */
    private static final class RecordingModel implements EmbeddingModel {
        final List<String> embedded = new CopyOnWriteArrayList<>();
        final CountDownLatch queryStarted = new CountDownLatch(1);
        final CountDownLatch queryMayFinish = new CountDownLatch(1);

        @Override
        public Response<List<Embedding>> embedAll(List<TextSegment> segments) {
            for (TextSegment s : segments) {
                if (s.text().startsWith(BgeSmallEmbedder.QUERY_PREFIX)) {
                    queryStarted.countDown();
                    await(queryMayFinish);
                }
                embedded.add(s.text());
            }
            return Response.from(segments.stream().map(s -> Embedding.from(new float[] {1, 0})).toList());
        }
    }

    @Test
    void passagesWaitWhileAQueryIsBeingEmbedded() throws Exception {
        RecordingModel model = new RecordingModel();
        BgeSmallEmbedder embedder = new BgeSmallEmbedder(model);
        CompletableFuture<float[]> query = CompletableFuture.supplyAsync(() -> embedder.embedQuery("runway"));
        assertThat(model.queryStarted.await(5, TimeUnit.SECONDS)).isTrue();
        CompletableFuture<List<float[]>> passages = CompletableFuture.supplyAsync(
                () -> embedder.embedPassages(List.of("p1", "p2")));
        Thread.sleep(100);
        assertThat(model.embedded).isEmpty();
        model.queryMayFinish.countDown();
        assertThat(passages.get(5, TimeUnit.SECONDS)).hasSize(2);
        assertThat(query.get(5, TimeUnit.SECONDS)).containsExactly(1, 0);
        assertThat(model.embedded).containsExactly(BgeSmallEmbedder.QUERY_PREFIX + "runway", "p1", "p2");
    }

    @Test
    void aQueryThatNeverEndsDelaysAPassageOnlyByTheLongestWait() throws Exception {
        RecordingModel model = new RecordingModel();
        BgeSmallEmbedder embedder = new BgeSmallEmbedder(model);
        CompletableFuture.runAsync(() -> embedder.embedQuery("stuck"));
        assertThat(model.queryStarted.await(5, TimeUnit.SECONDS)).isTrue();
        long start = System.nanoTime();
        assertThat(embedder.embedPassages(List.of("p1"))).hasSize(1);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isBetween(200L, 5_000L);
        model.queryMayFinish.countDown();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
