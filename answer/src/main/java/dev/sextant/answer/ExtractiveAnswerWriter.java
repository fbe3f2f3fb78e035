package dev.sextant.answer;

import dev.sextant.retriever.Candidate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The answer when no language model is configured: the best passages, each with its citation. The text
 * carries each passage's snippet as plain text; the citation carries it highlighted ({@code <mark>}).
 */
public final class ExtractiveAnswerWriter implements AnswerWriter {

    public static final String NO_LLM = "no LLM is configured: these are the best passages";
    static final String NOTHING_FOUND = "No document you may read matches the question.";

    private final int passages;

    /** The best three passages. */
    public ExtractiveAnswerWriter() {
        this(3);
    }

    public ExtractiveAnswerWriter(int passages) {
        if (passages < 1) {
            throw new IllegalArgumentException("an extractive answer needs at least one passage, got " + passages);
        }
        this.passages = passages;
    }

    @Override
    public Answer write(String question, List<Candidate> sources, Consumer<String> tokens) {
        if (sources.isEmpty()) {
            tokens.accept(NOTHING_FOUND);
            return new Answer(NOTHING_FOUND, List.of(), false, null, List.of(NO_LLM));
        }
        StringBuilder text = new StringBuilder();
        List<Citation> citations = new ArrayList<>();
        for (int i = 0; i < Math.min(passages, sources.size()); i++) {
            Citation citation = Citation.of(i + 1, sources.get(i));
            String part = (i == 0 ? "" : "\n\n") + "[" + citation.n() + "] " + citation.title() + ": "
                    + Snippets.plainText(citation.snippet());
            tokens.accept(part);
            text.append(part);
            citations.add(citation);
        }
        return new Answer(text.toString(), citations, false, null, List.of(NO_LLM));
    }
}
