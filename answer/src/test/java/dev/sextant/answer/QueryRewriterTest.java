package dev.sextant.answer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.sextant.answer.QueryRewriter.Role;
import dev.sextant.answer.QueryRewriter.Turn;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class QueryRewriterTest {

    private static final QueryRewriter FALLBACK = new QueryRewriter(Optional.empty());

    private static List<Turn> conversation(String... messages) {
        return java.util.stream.IntStream.range(0, messages.length)
                .mapToObj(i -> new Turn(i % 2 == 0 ? Role.USER : Role.ASSISTANT, messages[i])).toList();
    }

    @Test
    void aShortFollowUpIsSearchedWithThePreviousQuestion() {
        var rewrite = FALLBACK.standalone(conversation("Q3 runway", "Runway is 26 months [1].", "and for Q2?"));
        assertThat(rewrite.query()).isEqualTo("Q3 runway and for Q2?");
        assertThat(rewrite.notices()).isEmpty();
    }

    @Test
    void aLongFollowUpThatOpensWithAFollowUpWordIsJoinedToo() {
        var rewrite = FALLBACK.standalone(conversation("postgres failover runbook", "See [1].",
                "what about the steps after the promotion finished"));
        assertThat(rewrite.query()).isEqualTo("postgres failover runbook what about the steps after the promotion finished");
    }

    @Test
    void aStandaloneQuestionStandsAlone() {
        var rewrite = FALLBACK.standalone(conversation("Q3 runway", "See [1].",
                "who approves the engineering budget for 2026"));
        assertThat(rewrite.query()).isEqualTo("who approves the engineering budget for 2026");
    }

    @Test
    void theFallbackNeverReadsTheAssistantsText() {
        var rewrite = FALLBACK.standalone(conversation("Q3 runway", "Salaries are in payroll-2026.xlsx [1].", "and Q2"));
        assertThat(rewrite.query()).doesNotContain("payroll").isEqualTo("Q3 runway and Q2");
    }

    @Test
    void aConversationMustEndWithTheUser() {
        assertThatThrownBy(() -> FALLBACK.standalone(conversation("Q3 runway", "See [1].")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ends with a user message");
    }

    @Test
    void aModelRewritesTheFollowUpFromTheConversationAsData() {
        var model = new ScriptedChatModel(() -> "Query: \"Q2 2026 cash runway\"\nBecause the user asked...");
        var rewrite = new QueryRewriter(Optional.of(model))
                .standalone(conversation("Q3 runway", "Runway is 26 months [1].", "and for Q2?"));

        assertThat(rewrite.query()).isEqualTo("Q2 2026 cash runway");
        assertThat(rewrite.notices()).isEmpty();
        var messages = model.requests.getFirst().messages();
        assertThat(((SystemMessage) messages.get(0)).text()).contains("Reply with the query only")
                .doesNotContain("Q3 runway");
        assertThat(((UserMessage) messages.get(1)).singleText()).startsWith("<conversation>\n<user>\nQ3 runway")
                .contains("<assistant>\nRunway is 26 months [1].").endsWith("<user>\nand for Q2?\n</user>\n</conversation>");
    }

    @Test
    void aFirstQuestionNeedsNoModel() {
        var model = new ScriptedChatModel(() -> "should not be asked");
        var rewrite = new QueryRewriter(Optional.of(model)).standalone(conversation("Q3 runway"));
        assertThat(rewrite.query()).isEqualTo("Q3 runway");
        assertThat(model.requests).isEmpty();
    }

    @Test
    void aFailingOrUselessModelFallsBackWithANotice() {
        var failing = new ScriptedChatModel(() -> {
            throw new RuntimeException("HTTP 500");
        });
        var failed = new QueryRewriter(Optional.of(failing))
                .standalone(conversation("Q3 runway", "See [1].", "and for Q2?"));
        assertThat(failed.query()).isEqualTo("Q3 runway and for Q2?");
        assertThat(failed.notices()).singleElement().asString().contains("HTTP 500").contains("fallback");

        var blank = new QueryRewriter(Optional.of(new ScriptedChatModel(() -> "   ")))
                .standalone(conversation("Q3 runway", "See [1].", "and for Q2?"));
        assertThat(blank.query()).isEqualTo("Q3 runway and for Q2?");
        assertThat(blank.notices()).singleElement().asString().contains("not a usable query");
    }
}
