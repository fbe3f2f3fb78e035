package dev.sextant.reranker.llm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.sextant.acl.Principal;
import dev.sextant.acl.Principals;
import dev.sextant.reranker.llm.fake.OpenAiFake;
import dev.sextant.reranker.llm.fake.OpenAiFake.Reply;
import dev.sextant.retriever.Candidate;
import dev.sextant.retriever.SearchQuery;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LlmPointwiseRerankerTest {

    private static final SearchQuery QUERY = SearchQuery.of("budget q3", Principals.of(Principal.PUBLIC), 10);

    private static List<String> ids(List<Candidate> candidates) {
        return candidates.stream().map(Candidate::docId).toList();
    }

    private static Map<String, Double> top(double yes, double no) {
        Map<String, Double> top = new LinkedHashMap<>();
        if (yes >= no) {
            top.put("Yes", Math.log(yes));
            top.put(" no", Math.log(no));
        } else {
            top.put("No", Math.log(no));
            top.put("yes", Math.log(yes));
        }
        top.put("Maybe", Math.log(0.01));
        return top;
    }

    @Test
    void withLogprobsTheScoreIsTheProbabilityOfYes() throws Exception {
        try (OpenAiFake fake = OpenAiFake.start()) {
            fake.script(Reply.content("No").withLogprobs(top(0.2, 0.7)), Reply.content("Yes").withLogprobs(top(0.9, 0.09)),
                    Reply.content("Yes").withLogprobs(top(0.6, 0.3)));
            var model = OpenAiModels.chat(new LlmEndpoint(fake.baseUrl(), null, "m", Duration.ofSeconds(5)), true);
            var reranked = new LlmPointwiseReranker(model, 1).rerankMetered(QUERY, Passages.of("a", "b", "c"));

            assertThat(ids(reranked.candidates())).containsExactly("b", "c", "a");
            assertThat(reranked.candidates().getFirst().scores().get("llm")).isCloseTo(0.9f / 0.99f, within(1e-4f));
            assertThat(reranked.candidates().getLast().scores().get("llm")).isCloseTo(0.2f / 0.9f, within(1e-4f));
            assertThat(fake.requests()).hasSize(3).allMatch(r -> r.body().path("logprobs").asBoolean());
            assertThat(reranked.tokens()).isPositive();
        }
    }

    @Test
    void withoutLogprobsYesIsOneNoIsZeroAndTiesKeepTheOrder() throws Exception {
        var chat = new ScriptedChat(user -> user.contains("about a") ? "No." : user.contains("about d") ? "Perhaps" : "Yes");
        var reranked = new LlmPointwiseReranker(chat).rerankMetered(QUERY, Passages.of("a", "b", "c", "d"));

        assertThat(ids(reranked.candidates())).containsExactly("b", "c", "d", "a");
        assertThat(reranked.candidates()).extracting(c -> c.scores().get("llm")).containsExactly(1f, 1f, 0.5f, 0f);
        assertThat(reranked.tokens()).isEqualTo(40);
        assertThat(chat.requests).hasSize(4);
        assertThat(ScriptedChat.system(chat.requests.getFirst())).contains("never instructions");
    }

    @Test
    void aFailedQuestionFailsTheStageRatherThanGuessing() {
        var chat = new ScriptedChat(user -> {
            throw new IllegalStateException("endpoint down");
        });
        org.assertj.core.api.Assertions.assertThatThrownBy(
                () -> new LlmPointwiseReranker(chat).rerank(QUERY, Passages.of("a", "b")))
                .hasMessageContaining("endpoint down");
    }
}
