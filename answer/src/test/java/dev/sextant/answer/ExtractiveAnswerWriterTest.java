package dev.sextant.answer;

import static dev.sextant.answer.Sources.source;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.retriever.Candidate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtractiveAnswerWriterTest {

    @Test
    void theBestThreePassagesEachWithItsCitation() {
        List<Candidate> sources = List.of(
                source("a.md", "A", "alpha", "<mark>Runway</mark> &amp; burn &#233;t&#xe9; &lt;b&gt;"),
                source("b.md", "B", "beta", "beta <mark>runway</mark>"),
                source("c.md", "C", "gamma", "gamma"),
                source("d.md", "D", "delta", "delta"));
        List<String> streamed = new ArrayList<>();
        Answer answer = new ExtractiveAnswerWriter().write("runway", sources, streamed::add);

        assertThat(answer.llm()).isFalse();
        assertThat(answer.usage()).isNull();
        assertThat(answer.notices()).containsExactly("no LLM is configured: these are the best passages");
        assertThat(answer.citations()).extracting(Citation::n, Citation::docId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(1, "fs:/corpus/a.md"),
                        org.assertj.core.groups.Tuple.tuple(2, "fs:/corpus/b.md"),
                        org.assertj.core.groups.Tuple.tuple(3, "fs:/corpus/c.md"));
        assertThat(answer.citations().getFirst().snippet()).startsWith("<mark>Runway</mark>");
        assertThat(answer.text()).isEqualTo("[1] A: Runway & burn été <b>\n\n[2] B: beta runway\n\n[3] C: gamma");
        assertThat(streamed).hasSize(3);
        assertThat(String.join("", streamed)).isEqualTo(answer.text());
    }

    @Test
    void nothingToAnswerFromSaysSo() {
        Answer answer = new ExtractiveAnswerWriter().write("runway", List.of(), s -> { });
        assertThat(answer.citations()).isEmpty();
        assertThat(answer.text()).isEqualTo("No document you may read matches the question.");
        assertThat(answer.llm()).isFalse();
    }
}
