package dev.sextant.leak;

import dev.sextant.answer.Answer;
import dev.sextant.answer.AnswerWriter;
import dev.sextant.answer.Citation;
import dev.sextant.reranker.SearchPipeline;
import dev.sextant.reranker.llm.fake.OpenAiFake;
import dev.sextant.retriever.InvalidQueryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * An answer as {@code /api/answer} writes it: the reader's search, then the writer reads that page. What leaves:
 * the streamed text, the citations (document, title, URL, snippet), the notices, and, with a model, every
 * prompt the model received (captured by the {@link OpenAiFake} it talks to).
 */
final class AnswerPath implements LeakPath {

    /** How many checked passages the writer reads, as the gateway gives it. */
    static final int SOURCES = 8;

    private final String name;
    private final SearchPipeline pipeline;
    private final AnswerWriter writer;
    private final Optional<OpenAiFake> model;

    /** @param model the fake the writer's model talks to, whose requests are part of what leaves; empty when none */
    AnswerPath(String name, SearchPipeline pipeline, AnswerWriter writer, Optional<OpenAiFake> model) {
        this.name = name;
        this.pipeline = pipeline;
        this.writer = writer;
        this.model = model;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Exposure ask(Reader reader, Probe probe) throws Exception {
        List<String> shown = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        model.ifPresent(OpenAiFake::clearRequests);
        try {
            SearchPipeline.Result result = pipeline.search(probe.query(), reader.principals(), 0, SOURCES);
            Answer answer = writer.write(probe.query(), result.page(), texts::add);
            collect(answer, shown, texts);
        } catch (InvalidQueryException e) {
            texts.add(e.getMessage());
        }
        model.ifPresent(fake -> texts.addAll(prompts(fake)));
        return new Exposure(shown, null, texts, null, false, List.of(probe.query()));
    }

    static void collect(Answer answer, List<String> shown, List<String> texts) {
        texts.add(answer.text());
        texts.addAll(answer.notices());
        for (Citation c : answer.citations()) {
            shown.add(c.docId());
            texts.addAll(List.of(c.title(), c.url(), c.snippet()));
        }
    }

    /** Every message of every request the model received since the fake's requests were last cleared. */
    static List<String> prompts(OpenAiFake fake) {
        List<String> prompts = new ArrayList<>();
        for (OpenAiFake.Request request : fake.requests()) {
            request.body().path("messages").forEach(m -> prompts.add(m.path("content").asText()));
        }
        return prompts;
    }
}
