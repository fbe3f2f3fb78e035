package dev.sextant.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.TokenUsage;
import dev.sextant.gateway.indexing.IndexingService;
import dev.sextant.gateway.llm.LlmModels;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Time to the first answer token that is our own: from the request to the first SSE event, on the extractive
 * path and with a streaming model that answers at once (so all the time measured is ours: sign-in, search,
 * prompt, stream), beside the same search alone; the three interleaved in a shuffled order each round, so that
 * load from elsewhere falls on all alike. Figures go to {@code target/answer-latency.txt} for docs/benchmarks.md.
 */
@QuarkusTest
class AnswerLatencyTest {

    private static final int WARM_UP = 10;
    private static final int RUNS = 20;
    private static final Path REPORT = Path.of("target/answer-latency.txt");
    private static final String SEARCH = "GET /api/search, whole response";
    private static final String EXTRACTIVE = "POST /api/answer, no LLM (extractive): first SSE event";
    private static final String MODEL = "POST /api/answer, streaming model answering at once: first SSE event";

    @Inject
    IndexingService indexing;

    @TestHTTPResource("/api/answer")
    URI answer;

    private final HttpClient client = HttpClient.newHttpClient();

    @BeforeEach
    void indexed() throws InterruptedException {
        IndexedCorpus.await(indexing);
    }

    @Test
    void firstEventOfEachPathInterleaved() throws Exception {
        InstantModel model = new InstantModel();
        AtomicBoolean modelOn = new AtomicBoolean();
        QuarkusMock.installMockForType(new LlmModels() {
            @Override
            public Optional<ChatModel> chat() {
                return Optional.empty();
            }

            @Override
            public Optional<StreamingChatModel> streaming() {
                return modelOn.get() ? Optional.of(model) : Optional.empty();
            }
        }, LlmModels.class);
        Map<String, List<Long>> millis = new LinkedHashMap<>();
        List<String> paths = new ArrayList<>(List.of(SEARCH, EXTRACTIVE, MODEL));
        paths.forEach(p -> millis.put(p, new ArrayList<>()));
        Random shuffle = new Random(11);
        for (int round = 0; round < WARM_UP + RUNS; round++) {
            Collections.shuffle(paths, shuffle);
            for (String path : paths) {
                modelOn.set(path.equals(MODEL));
                long took = path.equals(SEARCH) ? searchMillis() : firstEventMillis();
                if (round >= WARM_UP) {
                    millis.get(path).add(took);
                }
            }
        }
        Files.deleteIfExists(REPORT);
        for (var path : millis.entrySet()) {
            report(path.getKey(), path.getValue());
        }
        assertThat(model.requests.get()).isEqualTo(WARM_UP + RUNS);

        modelOn.set(true);
        List<String> events = post("Q3 runway").body().toList();
        JsonPath done = new JsonPath(AnswerSse.events(String.join("\n", events) + "\n\n").getLast().data());
        assertThat(done.getBoolean("llm")).isTrue();
        assertThat(done.getString("answer")).isEqualTo("Runway is 26 months [1].");
        assertThat(done.getString("citations[0].url")).contains("/finance/q3-2026-financial-report");
        assertThat(done.getInt("usage.input_tokens")).isEqualTo(100);
    }

    /** From sending the request to the first SSE event's first line. */
    private long firstEventMillis() throws IOException, InterruptedException {
        long start = System.nanoTime();
        HttpResponse<Stream<String>> response = post("Q3 runway");
        assertThat(response.statusCode()).isEqualTo(200);
        try (Stream<String> lines = response.body()) {
            Iterator<String> it = lines.iterator();
            String first = it.next();
            long took = (System.nanoTime() - start) / 1_000_000;
            assertThat(first).matches("event: ?token");
            it.forEachRemaining(line -> { });
            return took;
        }
    }

    /** The whole response of the same search, for comparison: what of the time above is the search. */
    private long searchMillis() throws IOException, InterruptedException {
        URI search = answer.resolve("/api/search?q=Q3+runway&limit=8");
        long start = System.nanoTime();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(search)
                .header("Authorization", "Basic " + basic()).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return (System.nanoTime() - start) / 1_000_000;
    }

    private static String basic() {
        return Base64.getEncoder().encodeToString("bob:demo".getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<Stream<String>> post(String query) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(answer).header("Authorization", "Basic " + basic())
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + query + "\"}")).build();
        return client.send(request, HttpResponse.BodyHandlers.ofLines());
    }

    private static void report(String path, List<Long> millis) throws IOException {
        List<Long> sorted = millis.stream().sorted().toList();
        long median = sorted.get(sorted.size() / 2);
        long p95 = sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
        String line = String.format("%s: %d requests, median %d ms, p95 %d ms, max %d ms%n",
                path, sorted.size(), median, p95, sorted.getLast());
        System.out.print("answer-latency " + line);
        Files.writeString(REPORT, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        assertThat(median).as("a guard against a gross regression, not the target").isLessThan(1000);
    }

    /** Answers at once on the caller's thread: whatever time passes before its first token is ours. */
    private static final class InstantModel implements StreamingChatModel {
        final AtomicInteger requests = new AtomicInteger();

        @Override
        public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
            requests.incrementAndGet();
            handler.onPartialResponse("Runway is 26 months ");
            handler.onPartialResponse("[1].");
            handler.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from("Runway is 26 months [1]."))
                    .tokenUsage(new TokenUsage(100, 2)).build());
        }
    }
}
