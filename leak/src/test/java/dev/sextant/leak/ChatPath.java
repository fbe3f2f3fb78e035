package dev.sextant.leak;

import dev.langchain4j.model.chat.ChatModel;
import dev.sextant.answer.Answer;
import dev.sextant.answer.AnswerWriter;
import dev.sextant.answer.QueryRewriter;
import dev.sextant.reranker.SearchPipeline;
import dev.sextant.reranker.llm.fake.OpenAiFake;
import dev.sextant.retriever.InvalidQueryException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A conversation as {@code /api/chat} holds it: each turn the reader sends every earlier turn back (their own
 * questions and the replies they were given), the last question is rewritten to stand alone by the model, searched
 * anew for the reader, and answered from that search alone. The probe's earlier questions are the conversation's
 * first turns. What leaves: every reply, citation and notice, and every prompt (rewrite and answer) the model got.
 */
final class ChatPath implements LeakPath {

    static final String ANSWER = "The documents agree [1], with details in [2][3]; compare [9] and [12].";

    private final SearchPipeline pipeline;
    private final AnswerWriter writer;
    private final ChatModel rewriteModel;
    private final OpenAiFake fake;

    /** @param fake what both the rewrite model and the writer's model talk to */
    ChatPath(SearchPipeline pipeline, AnswerWriter writer, ChatModel rewriteModel, OpenAiFake fake) {
        this.pipeline = pipeline;
        this.writer = writer;
        this.rewriteModel = rewriteModel;
        this.fake = fake;
    }

    @Override
    public String name() {
        return "chat";
    }

    @Override
    public Exposure ask(Reader reader, Probe probe) throws Exception {
        List<String> asked = new ArrayList<>(probe.earlier());
        asked.add(probe.query());
        List<QueryRewriter.Turn> turns = new ArrayList<>();
        List<String> shown = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        List<String> typed = new ArrayList<>(asked);
        QueryRewriter rewriter = new QueryRewriter(Optional.of(rewriteModel));
        fake.clearRequests();
        for (int i = 0; i < asked.size(); i++) {
            turns.add(new QueryRewriter.Turn(QueryRewriter.Role.USER, asked.get(i)));
            String rewritten = i == 0 ? asked.get(i) : asked.get(i - 1) + " " + asked.get(i);
            typed.add(rewritten);
            if (i == 0) {
                fake.script(OpenAiFake.Reply.content(ANSWER));
            } else {
                fake.script(OpenAiFake.Reply.content(rewritten), OpenAiFake.Reply.content(ANSWER));
            }
            String reply;
            try {
                QueryRewriter.Rewrite rewrite = rewriter.standalone(turns);
                texts.addAll(rewrite.notices());
                SearchPipeline.Result result = pipeline.search(rewrite.query(), reader.principals(), 0, AnswerPath.SOURCES);
                Answer answer = writer.write(rewrite.query(), result.page(), texts::add);
                AnswerPath.collect(answer, shown, texts);
                reply = answer.text();
            } catch (InvalidQueryException e) {
                texts.add(e.getMessage());
                reply = e.getMessage();
            }
            turns.add(new QueryRewriter.Turn(QueryRewriter.Role.ASSISTANT, reply));
        }
        texts.addAll(AnswerPath.prompts(fake));
        return new Exposure(shown, null, texts, null, false, typed);
    }
}
