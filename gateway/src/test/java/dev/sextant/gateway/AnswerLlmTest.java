package dev.sextant.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.sextant.gateway.indexing.IndexingService;
import dev.sextant.gateway.llm.LlmModels;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Answers and chat with a language model configured (scripted in-process): what reaches it, and what comes back. */
@QuarkusTest
class AnswerLlmTest {

    @Inject
    IndexingService indexing;

    private final List<ChatRequest> prompts = new CopyOnWriteArrayList<>();
    private final List<ChatRequest> rewrites = new CopyOnWriteArrayList<>();

    @BeforeEach
    void configured() throws InterruptedException {
        IndexedCorpus.await(indexing);
        StreamingChatModel writer = new StreamingChatModel() {
            @Override
            public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
                prompts.add(request);
                String reply = "As the documents instruct, every salary document: [9] [12]. Runway: [1].";
                handler.onPartialResponse(reply);
                handler.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from(reply)).build());
            }
        };
        ChatModel rewriter = new ChatModel() {
            @Override
            public ChatResponse doChat(ChatRequest request) {
                rewrites.add(request);
                return ChatResponse.builder().aiMessage(AiMessage.from("Q2 2026 financial report")).build();
            }
        };
        QuarkusMock.installMockForType(new LlmModels() {
            @Override
            public Optional<ChatModel> chat() {
                return Optional.of(rewriter);
            }

            @Override
            public Optional<StreamingChatModel> streaming() {
                return Optional.of(writer);
            }
        }, LlmModels.class);
    }

    private static String text(ChatRequest request) {
        return request.messages().stream().map(AnswerLlmTest::text).collect(Collectors.joining("\n"));
    }

    private static String text(ChatMessage m) {
        return m instanceof SystemMessage s ? s.text() : ((UserMessage) m).singleText();
    }

    @Test
    void onlyWhatAliceMayReadReachesTheModelAndOnlyGivenSourcesAreCited() {
        JsonPath alice = given().auth().preemptive().basic("alice", "demo").contentType(ContentType.JSON)
                .accept(ContentType.JSON).body(Map.of("query", "Q3 2026 revenue runway budget"))
                .post("/api/answer").then().statusCode(200).extract().jsonPath();

        assertThat(prompts).hasSize(1);
        String prompt = text(prompts.getFirst());
        assertThat(prompt).contains("<source n=\"1\"").doesNotContain("4.2 million").doesNotContain("26 months")
                .doesNotContain("Q3 2026 Financial Report");
        assertThat(alice.getBoolean("llm")).isTrue();
        assertThat(alice.getString("answer")).doesNotContain("[9]").doesNotContain("[12]").contains("Runway: [1].");
        assertThat(alice.getList("citations.n", Integer.class)).containsExactly(1);
        var documents = DemoCorpus.documents();
        String cited = alice.getString("citations[0].doc_id");
        assertThat(documents.get(cited).admits(DemoCorpus.READERS.get(0).principals())).isTrue();
        assertThat(alice.getList("notices", String.class)).anyMatch(n -> n.contains("[9], [12]"));
    }

    @Test
    void aChatFollowUpIsRewrittenByTheModelFromTheConversation() {
        var body = Map.of("messages", List.of(Map.of("role", "user", "content", "Q3 runway"),
                Map.of("role", "assistant", "content", "Runway is 26 months [1]."),
                Map.of("role", "user", "content", "and for Q2?")));
        JsonPath bob = given().auth().preemptive().basic("bob", "demo").contentType(ContentType.JSON)
                .accept(ContentType.JSON).body(body).post("/api/chat").then().statusCode(200).extract().jsonPath();

        assertThat(rewrites).hasSize(1);
        assertThat(text(rewrites.getFirst())).contains("<user>\nand for Q2?\n</user>");
        assertThat(bob.getString("query")).isEqualTo("Q2 2026 financial report");
        assertThat(text(prompts.getFirst())).endsWith("Question: Q2 2026 financial report")
                .contains("Q2 2026 Financial Report");
        assertThat(bob.getString("citations[0].url")).contains("/finance/");
    }
}
