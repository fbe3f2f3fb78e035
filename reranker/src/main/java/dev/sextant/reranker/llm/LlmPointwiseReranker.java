package dev.sextant.reranker.llm;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.LogProb;
import dev.langchain4j.model.openai.OpenAiChatResponseMetadata;
import dev.sextant.reranker.MeteredReranker;
import dev.sextant.retriever.Candidate;
import dev.sextant.retriever.SearchQuery;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Pointwise reranking: one yes/no question per candidate ("does this passage answer the query?"), asked with
 * log-probabilities. The score {@code llm} is P(yes) among the first token's alternatives, normalised over
 * yes and no; where the endpoint returns no log-probabilities, a Yes is 1, a No 0 and anything else 0.5. Ties
 * keep the previous order. Questions run concurrently, at most {@code parallelism} at a time.
 */
public final class LlmPointwiseReranker implements MeteredReranker {

    public static final String TAG = "llm-pointwise";
    public static final String SCORE = "llm";

    private static final String SYSTEM = "You judge whether a passage answers a search query. Answer with one word, "
            + "Yes or No. " + PassagePrompt.DATA_NOT_INSTRUCTIONS;

    private final ChatModel model;
    private final int parallelism;

    /** Four questions at a time. */
    public LlmPointwiseReranker(ChatModel model) {
        this(model, 4);
    }

    public LlmPointwiseReranker(ChatModel model, int parallelism) {
        if (parallelism < 1) {
            throw new IllegalArgumentException("parallelism must be positive, got " + parallelism);
        }
        this.model = model;
        this.parallelism = parallelism;
    }

    private record Judged(Candidate candidate, double yes, int tokens) {
    }

    @Override
    public Reranked rerankMetered(SearchQuery query, List<Candidate> candidates) throws Exception {
        Semaphore permits = new Semaphore(parallelism);
        List<Judged> judged = new ArrayList<>();
        try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Judged>> runs = new ArrayList<>();
            for (Candidate c : candidates) {
                runs.add(executor.submit(() -> {
                    permits.acquire();
                    try {
                        return judge(query.text(), c);
                    } finally {
                        permits.release();
                    }
                }));
            }
            for (Future<Judged> run : runs) {
                judged.add(get(run));
            }
        }
        int tokens = judged.stream().mapToInt(Judged::tokens).sum();
        List<Candidate> ranked = judged.stream()
                .sorted(Comparator.comparingDouble(Judged::yes).reversed())
                .map(j -> j.candidate().withScore(SCORE, (float) j.yes()))
                .toList();
        return new Reranked(ranked, tokens);
    }

    private static Judged get(Future<Judged> run) throws Exception {
        try {
            return run.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private Judged judge(String query, Candidate candidate) {
        String user = "Search query: " + PassagePrompt.query(query) + "\n\n" + PassagePrompt.passage(0, candidate.passage())
                + "\n\nDoes the passage answer the search query? Answer Yes or No.";
        ChatResponse response = model.chat(ChatRequest.builder()
                .messages(SystemMessage.from(SYSTEM), UserMessage.from(user))
                .maxOutputTokens(2)
                .build());
        return new Judged(candidate, yesProbability(response), PassagePrompt.tokens(response));
    }

    /** P(yes) from the first token's alternatives where there are any, else from the text. */
    static double yesProbability(ChatResponse response) {
        if (response.metadata() instanceof OpenAiChatResponseMetadata openAi && openAi.logProbs() != null
                && !openAi.logProbs().isEmpty()) {
            LogProb first = openAi.logProbs().getFirst();
            List<LogProb> alternatives = first.topLogprobs() == null || first.topLogprobs().isEmpty()
                    ? List.of(first) : first.topLogprobs();
            double yes = 0;
            double no = 0;
            for (LogProb p : alternatives) {
                switch (word(p.token())) {
                    case "yes" -> yes += Math.exp(p.logprob());
                    case "no" -> no += Math.exp(p.logprob());
                    default -> { }
                }
            }
            if (yes + no > 0) {
                return yes / (yes + no);
            }
        }
        return switch (word(response.aiMessage().text())) {
            case "yes" -> 1.0;
            case "no" -> 0.0;
            default -> 0.5;
        };
    }

    /** The first word, lower case, without punctuation: {@code " Yes."} is {@code yes}. */
    private static String word(String text) {
        if (text == null) {
            return "";
        }
        String[] words = text.strip().toLowerCase(Locale.ROOT).split("[^\\p{L}]+", 3);
        return words.length == 0 ? "" : words[0].isEmpty() && words.length > 1 ? words[1] : words[0];
    }

    @Override
    public String tag() {
        return TAG;
    }
}
