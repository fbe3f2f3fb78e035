package dev.sextant.answer;

import dev.sextant.retriever.Candidate;
import java.util.List;
import java.util.function.Consumer;

/**
 * Writes the answer to a question from checked passages, streaming it as it is written. Nothing but the
 * sources reaches the writer: it cannot cite, quote or reveal any other document.
 */
public interface AnswerWriter {

    /**
     * @param question the reader's question, standalone (a chat follow-up rewritten first)
     * @param sources  access-checked candidates with their passages, best first: the pipeline's page
     * @param tokens   receives the text as it is written; its pieces joined are the answer's text. A consumer
     *                 that throws (the reader went away) stops the writing
     * @return the whole answer; a model's failure is a notice in it, never an exception
     */
    Answer write(String question, List<Candidate> sources, Consumer<String> tokens) throws InterruptedException;
}
