package dev.sextant.reranker.llm.fake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiChatResponseMetadata;
import dev.langchain4j.model.output.FinishReason;
import dev.sextant.reranker.llm.LlmEndpoint;
import dev.sextant.reranker.llm.OpenAiModels;
import dev.sextant.reranker.llm.fake.OpenAiFake.Reply;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake, spoken to by LangChain4j's real OpenAI clients configured as Sextant configures them. */
class OpenAiFakeTest {

    private OpenAiFake fake;
    private LlmEndpoint endpoint;

    @BeforeEach
    void start() throws IOException {
        fake = OpenAiFake.start();
        endpoint = new LlmEndpoint(fake.baseUrl(), "sk-test", "fake-model", Duration.ofSeconds(5));
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    private static ChatRequest ask(String text) {
        return ChatRequest.builder().messages(SystemMessage.from("Be brief."), UserMessage.from(text)).build();
    }

    @Test
    void aCompletionCarriesContentFinishReasonUsageAndTheRequestIsRecorded() {
        fake.script(Reply.content("[2] > [1]"));
        ChatResponse response = OpenAiModels.chat(endpoint, false).chat(ask("Rank these."));

        assertThat(response.aiMessage().text()).isEqualTo("[2] > [1]");
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.modelName()).isEqualTo("fake-model");
        assertThat(response.tokenUsage().inputTokenCount()).isEqualTo(("Be brief.".length() + "Rank these.".length() + 3) / 4);
        assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(3);
        OpenAiFake.Request request = fake.requests().getFirst();
        assertThat(request.authorization()).isEqualTo("Bearer sk-test");
        assertThat(request.body().path("model").asText()).isEqualTo("fake-model");
        assertThat(request.body().path("temperature").asDouble()).isZero();
        assertThat(request.content("system")).isEqualTo("Be brief.");
        assertThat(request.content("user")).isEqualTo("Rank these.");
        assertThat(request.body().has("logprobs")).isFalse();
    }

    @Test
    void logprobsComeBackOnlyWhenAskedForAndTheClientExposesThem() {
        Map<String, Double> top = new LinkedHashMap<>();
        top.put("Yes", -0.105);
        top.put("No", -2.3);
        fake.script(Reply.content("Yes").withLogprobs(top), Reply.content("Yes").withLogprobs(top));

        ChatResponse with = OpenAiModels.chat(endpoint, true).chat(ask("Relevant?"));
        assertThat(fake.requests().getFirst().body().path("logprobs").asBoolean()).isTrue();
        assertThat(fake.requests().getFirst().body().path("top_logprobs").asInt()).isPositive();
        var logprobs = ((OpenAiChatResponseMetadata) with.metadata()).logProbs();
        assertThat(logprobs).hasSize(1);
        assertThat(logprobs.getFirst().token()).isEqualTo("Yes");
        assertThat(logprobs.getFirst().topLogprobs()).extracting(p -> p.token()).containsExactly("Yes", "No");
        assertThat(logprobs.getFirst().topLogprobs().get(1).logprob()).isEqualTo(-2.3);

        ChatResponse without = OpenAiModels.chat(endpoint, false).chat(ask("Relevant?"));
        var none = ((OpenAiChatResponseMetadata) without.metadata()).logProbs();
        assertThat(none == null || none.isEmpty()).isTrue();
    }

    @Test
    void aStreamArrivesInItsChunksAndEndsWithUsage() throws Exception {
        fake.script(Reply.stream("The ", "answer ", "[1]."));
        List<String> partials = new CopyOnWriteArrayList<>();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        OpenAiModels.streaming(endpoint).chat(ask("Answer."), handler(partials, done));

        ChatResponse response = done.get(5, TimeUnit.SECONDS);
        assertThat(partials).containsExactly("The ", "answer ", "[1].");
        assertThat(response.aiMessage().text()).isEqualTo("The answer [1].");
        assertThat(response.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(response.tokenUsage().outputTokenCount()).isEqualTo(4);
        assertThat(fake.requests().getFirst().body().path("stream").asBoolean()).isTrue();
    }

    @Test
    void aStreamCutInTheMiddleIsAnErrorAfterThePartsSent() throws Exception {
        fake.script(Reply.cutAfter("The ", "ans"));
        List<String> partials = new CopyOnWriteArrayList<>();
        CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        OpenAiModels.streaming(endpoint).chat(ask("Answer."), handler(partials, done));

        assertThatThrownBy(() -> done.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(Throwable.class);
        assertThat(partials).containsExactly("The ", "ans");
    }

    @Test
    void a429IsLangChain4jsRateLimitExceptionAndCarriesRetryAfter() throws Exception {
        fake.script(Reply.rateLimited(Duration.ofSeconds(7)));
        ChatModel model = OpenAiModels.chat(endpoint, false);
        assertThatThrownBy(() -> model.chat(ask("Rank these."))).isInstanceOf(RateLimitException.class)
                .hasMessageContaining("Rate limit reached");
        assertThat(fake.requests()).as("no client-side retry").hasSize(1);

        fake.script(Reply.rateLimited(Duration.ofSeconds(7)));
        HttpResponse<String> raw = post("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(raw.statusCode()).isEqualTo(429);
        assertThat(raw.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(raw.body()).contains("\"type\":\"requests\"").contains("\"code\":\"rate_limit_exceeded\"");
    }

    @Test
    void aSlowReplyRunsIntoTheClientsTimeout() {
        fake.script(Reply.content("late").after(Duration.ofMillis(1500)));
        ChatModel impatient = OpenAiModels.chat(new LlmEndpoint(fake.baseUrl(), null, "m", Duration.ofMillis(300)), false);
        long start = System.nanoTime();
        assertThatThrownBy(() -> impatient.chat(ask("Rank these."))).isNotNull();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1400));
    }

    @Test
    void errorsHaveOpenAisBodyAndAnExhaustedScriptSaysSo() throws Exception {
        fake.script(Reply.error(500, "The server had an error while processing your request."));
        HttpResponse<String> failed = post("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(failed.statusCode()).isEqualTo(500);
        assertThat(failed.body()).isEqualTo("{\"error\":{\"message\":\"The server had an error while processing your "
                + "request.\",\"type\":\"server_error\",\"param\":null,\"code\":null}}");

        HttpResponse<String> exhausted = post("{\"model\":\"m\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}");
        assertThat(exhausted.statusCode()).isEqualTo(500);
        assertThat(exhausted.body()).contains("no reply left");

        HttpResponse<String> invalid = post("{\"messages\":[]}");
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(invalid.body()).contains("invalid_request_error");
    }

    private HttpResponse<String> post(String json) throws IOException, InterruptedException {
        try (HttpClient client = HttpClient.newHttpClient()) {
            return client.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/chat/completions"))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }
    }

    private static StreamingChatResponseHandler handler(List<String> partials, CompletableFuture<ChatResponse> done) {
        return new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(String partial) {
                partials.add(partial);
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                done.complete(response);
            }

            @Override
            public void onError(Throwable error) {
                done.completeExceptionally(error);
            }
        };
    }
}
