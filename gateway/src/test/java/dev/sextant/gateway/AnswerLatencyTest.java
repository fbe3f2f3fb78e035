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
 * prompt, stream). Figures go to {@code target/answer-latency.txt} for docs/benchmarks.md.
 */
@QuarkusTest
class AnswerLatencyTest {

    private static final int WARM_UP = 5;
    private static final int RUNS = 20;
    private static final Path REPORT = Path.of("target/answer-latency.txt");

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
    void extractiveFirstEvent() throws Exception {
        report("extractive (no LLM)", firstEventMillis(), -1);
    }

    @Test
    void instantModelFirstToken() throws Exception {
        InstantModel model = new InstantModel();
        QuarkusMock.installMockForType(new LlmModels() {
            @Override
            public Optional<ChatModel> chat() {
                return Optional.empty();
            }

            @Override
            public Optional<StreamingChatModel> streaming() {
                return Optional.of(model);
            }
        }, LlmModels.class);
        List<Long> firstEvent = firstEventMillis();
        report("scripted streaming model, zero delay", firstEvent, model.requests);

        List<String> events = post("Q3 runway").body().toList();
        JsonPath done = new JsonPath(AnswerSse.events(String.join("\n", events) + "\n\n").getLast().data());
        assertThat(done.getBoolean("llm")).isTrue();
        assertThat(done.getString("answer")).isEqualTo("Runway is 26 months [1].");
        assertThat(done.getString("citations[0].url")).contains("/finance/q3-2026-financial-report");
        assertThat(done.getInt("usage.input_tokens")).isEqualTo(100);
    }

    private List<Long> firstEventMillis() throws IOException, InterruptedException {
        List<Long> millis = new ArrayList<>();
        for (int i = 0; i < WARM_UP + RUNS; i++) {
            long start = System.nanoTime();
            HttpResponse<Stream<String>> response = post("Q3 runway");
            assertThat(response.statusCode()).isEqualTo(200);
            try (Stream<String> lines = response.body()) {
                Iterator<String> it = lines.iterator();
                String first = it.next();
                long took = (System.nanoTime() - start) / 1_000_000;
                assertThat(first).matches("event: ?token");
                StringBuilder rest = new StringBuilder(first).append('\n');
                it.forEachRemaining(line -> rest.append(line).append('\n'));
                if (i == 0) {
                    System.out.println("answer-latency raw stream:\n" + rest);
                }
                if (i >= WARM_UP) {
                    millis.add(took);
                }
            }
        }
        return millis;
    }

    private HttpResponse<Stream<String>> post(String query) throws IOException, InterruptedException {
        String basic = Base64.getEncoder().encodeToString("bob:demo".getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(answer).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json").header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"" + query + "\"}")).build();
        return client.send(request, HttpResponse.BodyHandlers.ofLines());
    }

    private static void report(String path, List<Long> millis, int modelCalls) throws IOException {
        List<Long> sorted = millis.stream().sorted().toList();
        long median = sorted.get(sorted.size() / 2);
        long p95 = sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
        String line = String.format("%s: %d requests, first SSE event median %d ms, p95 %d ms, max %d ms%s%n",
                path, sorted.size(), median, p95, sorted.getLast(),
                modelCalls < 0 ? "" : ", model asked " + modelCalls + " times");
        System.out.print("answer-latency " + line);
        Files.writeString(REPORT, line, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        assertThat(median).as("a guard against a gross regression, not the target").isLessThan(1000);
    }

    /** Answers at once on the caller's thread: whatever time passes before its first token is ours. */
    private static final class InstantModel implements StreamingChatModel {
        volatile int requests;

        @Override
        public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
            requests++;
            handler.onPartialResponse("Runway is 26 months ");
            handler.onPartialResponse("[1].");
            handler.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from("Runway is 26 months [1]."))
                    .tokenUsage(new TokenUsage(100, 2)).build());
        }
    }
}
