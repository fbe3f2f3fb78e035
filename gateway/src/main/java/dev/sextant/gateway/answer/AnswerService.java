package dev.sextant.gateway.answer;

import dev.sextant.acl.Principals;
import dev.sextant.answer.Answer;
import dev.sextant.answer.AnswerWriter;
import dev.sextant.answer.ExtractiveAnswerWriter;
import dev.sextant.answer.LlmAnswerWriter;
import dev.sextant.answer.QueryRewriter;
import dev.sextant.gateway.llm.LlmModels;
import dev.sextant.reranker.SearchPipeline;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * An answer for one reader: the reader's search through the one {@link SearchPipeline} (so the same guard),
 * then the writer reads only that search's page. Each chat turn is searched anew for the reader; nothing an
 * earlier turn retrieved is carried over.
 */
@ApplicationScoped
public class AnswerService {

    /** How many of the best checked passages the writer reads. */
    public static final int DEFAULT_SOURCES = 8;

    private final SearchPipeline pipeline;
    private final LlmModels models;
    private final ExtractiveAnswerWriter extractive = new ExtractiveAnswerWriter();

    AnswerService(SearchPipeline pipeline, LlmModels models) {
        this.pipeline = pipeline;
        this.models = models;
    }

    /** A question searched and ready to be written; searching first lets a bad query fail before any stream. */
    public record Searched(String query, SearchPipeline.Result result, List<String> notices) {
    }

    /** @throws dev.sextant.retriever.InvalidQueryException when the query cannot be searched as typed */
    public Searched search(String query, int sources, Principals reader) throws IOException, InterruptedException {
        return new Searched(query, pipeline.search(query, reader, 0, sources), List.of());
    }

    /** The last user message rewritten to stand alone, then searched. */
    public Searched search(List<QueryRewriter.Turn> conversation, Principals reader)
            throws IOException, InterruptedException {
        QueryRewriter.Rewrite rewrite = new QueryRewriter(models.chat()).standalone(conversation);
        return new Searched(rewrite.query(), pipeline.search(rewrite.query(), reader, 0, DEFAULT_SOURCES),
                rewrite.notices());
    }

    /** Writes the answer from the search's page, streaming its text to {@code tokens}. */
    public AnswerResponse write(Searched searched, Consumer<String> tokens) throws InterruptedException {
        AnswerWriter writer = models.streaming().<AnswerWriter>map(m -> new LlmAnswerWriter(m, extractive))
                .orElse(extractive);
        Answer answer = writer.write(searched.query(), searched.result().page(), tokens);
        List<String> notices = new ArrayList<>(searched.result().notices());
        notices.addAll(searched.notices());
        notices.addAll(answer.notices());
        return new AnswerResponse(searched.query(), answer.text(), answer.citations(), searched.result().stages(),
                answer.llm(), answer.usage(), notices);
    }
}
