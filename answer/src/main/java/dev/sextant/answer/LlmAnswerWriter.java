package dev.sextant.answer;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.sextant.retriever.Candidate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * An answer a language model writes from the numbered sources ({@link AnswerPrompt}), streamed through a
 * {@link CitationFilter}: only citations of given sources reach the reader. A model that fails or stalls
 * mid-answer ends it there, with a notice. A model that fails before writing anything (a 429, a 500, a
 * timeout) leaves the answer to the fallback writer, when there is one, with a notice saying why.
 */
public final class LlmAnswerWriter implements AnswerWriter {

    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    static final String NOTHING_FOUND = "No document you may read matches the question, so there is nothing to "
            + "answer from.";

    private final StreamingChatModel model;
    private final AnswerPrompt prompt;
    private final Duration timeout;
    private final Optional<AnswerWriter> fallback;

    /** The default prompt, a minute for the whole answer, and no fallback. */
    public LlmAnswerWriter(StreamingChatModel model) {
        this(model, AnswerPrompt.defaults(), DEFAULT_TIMEOUT, Optional.empty());
    }

    /** The default prompt and a minute for the whole answer; {@code fallback} answers when the model cannot. */
    public LlmAnswerWriter(StreamingChatModel model, AnswerWriter fallback) {
        this(model, AnswerPrompt.defaults(), DEFAULT_TIMEOUT, Optional.of(fallback));
    }

    /**
     * @param timeout  the most time the whole answer may take; what was written by then stands
     * @param fallback writes the answer when the model fails before writing anything
     */
    public LlmAnswerWriter(StreamingChatModel model, AnswerPrompt prompt, Duration timeout,
                           Optional<AnswerWriter> fallback) {
        this.model = model;
        this.prompt = prompt;
        this.timeout = timeout;
        this.fallback = fallback;
    }

    @Override
    public Answer write(String question, List<Candidate> sources, Consumer<String> tokens) throws InterruptedException {
        if (sources.isEmpty()) {
            tokens.accept(NOTHING_FOUND);
            return new Answer(NOTHING_FOUND, List.of(), true, null,
                    List.of("no document you may read matched the question; the model was not asked"));
        }
        Stream stream = new Stream(new CitationFilter(sources.size()), tokens);
        try {
            model.chat(ChatRequest.builder().messages(prompt.messages(question, sources)).build(), stream);
        } catch (RuntimeException e) {
            stream.onError(e);
        }
        List<String> notices = new ArrayList<>();
        ChatResponse response = null;
        String failure = null;
        String stopped = null;
        try {
            response = stream.done.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            failure = "it did not finish within " + timeout.toSeconds() + " s";
            stopped = "the model did not finish within " + timeout.toSeconds() + " s; the answer ends where it stopped";
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof ReaderGone)) {
                failure = ModelFailure.describe(e.getCause());
                stopped = "the model failed mid-answer (" + failure + "); the answer ends where it stopped";
            }
        }
        String text = stream.close();
        if (failure != null && text.isEmpty() && fallback.isPresent()) {
            Answer instead = fallback.get().write(question, sources, tokens);
            return new Answer(instead.text(), instead.citations(), instead.llm(), instead.usage(),
                    List.of("the model could not answer (" + failure + "): these are the best passages instead"));
        }
        if (stopped != null) {
            notices.add(stopped);
        }
        CitationFilter filter = stream.filter;
        if (!filter.dropped().isEmpty()) {
            notices.add("the model cited " + String.join(", ", filter.dropped().stream().map(n -> "[" + n + "]").toList())
                    + ", which it was not given; removed");
        }
        if (response != null && response.finishReason() == FinishReason.LENGTH) {
            notices.add("the answer was cut at the model's output limit");
        }
        List<Citation> citations = filter.cited().stream().map(n -> Citation.of(n, sources.get(n - 1))).toList();
        return new Answer(text, citations, true, usage(response), notices);
    }

    private static Answer.Usage usage(ChatResponse response) {
        TokenUsage u = response == null ? null : response.tokenUsage();
        if (u == null) {
            return null;
        }
        return new Answer.Usage(u.inputTokenCount() == null ? 0 : u.inputTokenCount(),
                u.outputTokenCount() == null ? 0 : u.outputTokenCount());
    }

    /** The reader's consumer threw: nobody is listening any more. */
    private static final class ReaderGone extends RuntimeException {
        ReaderGone(Throwable cause) {
            super(cause);
        }
    }

    /** The model's callbacks, which may come on its own thread, and may keep coming after a timeout. */
    private static final class Stream implements StreamingChatResponseHandler {
        final CompletableFuture<ChatResponse> done = new CompletableFuture<>();
        final CitationFilter filter;
        private final Consumer<String> tokens;
        private boolean closed;
        private boolean readerGone;

        Stream(CitationFilter filter, Consumer<String> tokens) {
            this.filter = filter;
            this.tokens = tokens;
        }

        @Override
        public synchronized void onPartialResponse(String partial) {
            if (closed || done.isDone() || partial == null) {
                return;
            }
            String shown = filter.accept(partial);
            if (!shown.isEmpty()) {
                try {
                    tokens.accept(shown);
                } catch (RuntimeException e) {
                    readerGone = true;
                    done.completeExceptionally(new ReaderGone(e));
                }
            }
        }

        @Override
        public void onCompleteResponse(ChatResponse response) {
            done.complete(response);
        }

        @Override
        public void onError(Throwable error) {
            done.completeExceptionally(error);
        }

        /** Ends the stream: what the filter held back is shown, and later callbacks are ignored. */
        synchronized String close() {
            if (!closed) {
                closed = true;
                String rest = filter.finish();
                if (!rest.isEmpty() && !readerGone) {
                    try {
                        tokens.accept(rest);
                    } catch (RuntimeException e) {
                        readerGone = true;
                    }
                }
            }
            return filter.text();
        }
    }
}
