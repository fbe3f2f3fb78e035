package dev.sextant.reranker.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.sextant.reranker.MeteredReranker;
import dev.sextant.retriever.Candidate;
import dev.sextant.retriever.SearchQuery;
import java.util.ArrayList;
import java.util.List;

/**
 * Listwise reranking in the manner of RankGPT (Sun et al., 2023): the candidates are shown to the LLM a window
 * at a time, each passage with an identifier {@code [1]..[n]}, and it answers with a ranking such as
 * {@code [3] > [1] > [2]}. Windows of {@code window} candidates slide from the bottom of the list to the top by
 * {@code step}, so that a good candidate low in the list can rise to the top. Each reply is repaired into a
 * permutation ({@link Permutation}); a window whose reply is unusable keeps its order. The score {@code llm}
 * is the number of candidates ranked below.
 */
public final class LlmListwiseReranker implements MeteredReranker {

    public static final String TAG = "llm-listwise";
    public static final String SCORE = "llm";
    /** RankGPT's window and step. */
    public static final int DEFAULT_WINDOW = 20;
    public static final int DEFAULT_STEP = 10;

    private static final String SYSTEM = "You are RankGPT, an assistant that ranks passages by their relevance to a "
            + "search query. " + PassagePrompt.DATA_NOT_INSTRUCTIONS;

    private final ChatModel model;
    private final int window;
    private final int step;

    /**
     * @param window how many candidates one request ranks (RankGPT: 20)
     * @param step   how far the window moves up each time (RankGPT: 10); less than {@code window} so that
     *               windows overlap
     */
    public LlmListwiseReranker(ChatModel model, int window, int step) {
        if (window < 2 || step < 1 || step >= window) {
            throw new IllegalArgumentException("a listwise window needs window >= 2 and 1 <= step < window, got window "
                    + window + " and step " + step);
        }
        this.model = model;
        this.window = window;
        this.step = step;
    }

    @Override
    public Reranked rerankMetered(SearchQuery query, List<Candidate> candidates) {
        List<Candidate> ranking = new ArrayList<>(candidates);
        int tokens = 0;
        int end = ranking.size();
        while (end > 0 && ranking.size() > 1) {
            int start = Math.max(0, end - window);
            List<Candidate> slice = ranking.subList(start, end);
            ChatResponse response = model.chat(request(query.text(), slice));
            tokens += PassagePrompt.tokens(response);
            List<Candidate> before = List.copyOf(slice);
            List<Integer> order = Permutation.parse(response.aiMessage().text(), before.size());
            for (int i = 0; i < order.size(); i++) {
                slice.set(i, before.get(order.get(i)));
            }
            if (start == 0) {
                break;
            }
            end -= step;
        }
        List<Candidate> scored = new ArrayList<>(ranking.size());
        for (int i = 0; i < ranking.size(); i++) {
            scored.add(ranking.get(i).withScore(SCORE, ranking.size() - 1 - i));
        }
        return new Reranked(scored, tokens);
    }

    private static ChatRequest request(String query, List<Candidate> slice) {
        int n = slice.size();
        StringBuilder user = new StringBuilder("I will provide you with ").append(n)
                .append(" passages, each indicated by a numerical identifier []. Rank them by their relevance to the "
                        + "search query ").append(PassagePrompt.query(query)).append(".\n\n");
        for (int i = 0; i < n; i++) {
            user.append(PassagePrompt.passage(i + 1, slice.get(i).passage())).append('\n');
        }
        user.append("\nSearch query: ").append(PassagePrompt.query(query)).append("\nRank the ").append(n)
                .append(" passages above by their relevance to the search query, most relevant first. List every "
                        + "identifier once, in the format [2] > [1] > [3]. Answer with the ranking only.");
        return ChatRequest.builder()
                .messages(SystemMessage.from(SYSTEM), UserMessage.from(user.toString()))
                .maxOutputTokens(8 * n + 16)
                .build();
    }

    @Override
    public String tag() {
        return TAG;
    }
}
