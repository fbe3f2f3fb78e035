package dev.sextant.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.gateway.indexing.IndexingService;
import dev.sextant.reranker.llm.fake.OpenAiFake;
import dev.sextant.reranker.llm.fake.OpenAiFake.Reply;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A chat follow-up rewritten, then answered, by LangChain4j's OpenAI clients against the fake over HTTP. */
@QuarkusTest
@TestProfile(AnswerOverHttpTest.OverHttp.class)
class ChatOverHttpTest {

    private static final String REWRITTEN = "Q2 2026 financial report runway";

    OpenAiFake fake;

    @Inject
    IndexingService indexing;

    @BeforeEach
    void indexed() throws InterruptedException {
        IndexedCorpus.await(indexing);
        fake.clearRequests();
    }

    @Test
    void theFakeRewritesTheFollowUpThenStreamsTheAnswerToWhatWasSearched() {
        fake.script(Reply.content(REWRITTEN), Reply.stream("Runway was ", "22 months [", "1]."));
        var body = Map.of("messages", List.of(Map.of("role", "user", "content", "Q3 runway"),
                Map.of("role", "assistant", "content", "Runway is 26 months [1]."),
                Map.of("role", "user", "content", "and for Q2?")));

        List<AnswerSse.Event> events = AnswerOverHttpTest.stream("bob", "/api/chat", body);

        assertThat(fake.requests()).hasSize(2);
        OpenAiFake.Request rewrite = fake.requests().get(0);
        assertThat(rewrite.body().path("stream").asBoolean(false)).as("the rewrite is not streamed").isFalse();
        assertThat(rewrite.content("user")).contains("<user>\nand for Q2?\n</user>")
                .contains("<assistant>\nRunway is 26 months [1].\n</assistant>");
        OpenAiFake.Request answer = fake.requests().get(1);
        assertThat(answer.body().path("stream").asBoolean()).isTrue();
        assertThat(answer.content("user")).endsWith("Question: " + REWRITTEN);

        JsonPath done = AnswerOverHttpTest.done(events);
        assertThat(done.getString("query")).isEqualTo(REWRITTEN);
        assertThat(done.getString("answer")).isEqualTo("Runway was 22 months [1].")
                .isEqualTo(AnswerOverHttpTest.streamed(events));
        assertThat(done.getBoolean("llm")).isTrue();
        assertThat(done.getList("notices", String.class)).isEmpty();
        List<String> searched = AnswerOverHttpTest.hits("bob", REWRITTEN);
        assertThat(done.getString("citations[0].doc_id")).isEqualTo(searched.getFirst());
        assertThat(done.getString("citations[0].url")).contains("/finance/");
    }
}
