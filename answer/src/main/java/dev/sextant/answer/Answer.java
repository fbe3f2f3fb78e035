package dev.sextant.answer;

import java.util.List;

/**
 * A written answer.
 *
 * @param text      what was streamed, with every {@code [n]} naming one of {@code citations}
 * @param citations the sources the text cites, in the order it first cites them
 * @param llm       whether a language model wrote it (else it is extractive: the best passages)
 * @param usage     the model's token counts, null when no model ran or it reported none
 * @param notices   what did not go as asked (a model error, a dropped citation, no model configured)
 */
public record Answer(String text, List<Citation> citations, boolean llm, Usage usage, List<String> notices) {

    public Answer {
        citations = List.copyOf(citations);
        notices = List.copyOf(notices);
    }

    /** Tokens the model read and wrote for one answer. */
    public record Usage(int inputTokens, int outputTokens) {
    }
}
