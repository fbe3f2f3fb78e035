package dev.sextant.bench.load;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The mixed search workload: keyword, question-like, phrase and prefix queries over the demo corpus, each
 * asked for page 1, 2 or 3. Request {@code n} of user {@code u} is a fixed function of both, so runs repeat.
 */
public final class Workload {

    /** Results per page, as the web page asks. */
    static final int PAGE_SIZE = 10;
    static final int PAGES = 3;

    /** The kinds of query, in the order a user cycles through them. */
    public enum Kind { KEYWORD, QUESTION, PHRASE, PREFIX }

    /** One request: what kind of query, its text, and the result offset of its page. */
    public record Request(Kind kind, String query, int offset) {
        /** The path and query string of {@code GET /api/search} for this request. */
        public String pathAndQuery() {
            return "/api/search?q=" + URLEncoder.encode(query, StandardCharsets.UTF_8)
                    + "&limit=" + PAGE_SIZE + "&offset=" + offset;
        }
    }

    private static final List<String> KEYWORD = List.of("runway", "parental leave", "onboarding", "compensation bands",
            "security", "hiring plan", "relocation", "beacon release", "incident", "budget");
    private static final List<String> QUESTION = List.of("how many weeks of parental leave do we get",
            "what is the cash runway after Q3", "who do I ask about relocation support",
            "how does the promotion process work", "when is the next all-hands",
            "what does the learning budget cover");
    private static final List<String> PHRASE = List.of("\"parental leave\"", "\"series a\"", "\"remote work\"",
            "\"performance review\"", "\"on-call\"");
    private static final List<String> PREFIX = List.of("onboard*", "compens*", "secur*", "promot*", "budg*", "relocat*");

    private static final Kind[] KINDS = Kind.values();

    /** The {@code n}-th request (from 0) of user {@code user}. */
    public Request request(int user, long n) {
        Kind kind = KINDS[(int) Math.floorMod(user + n, KINDS.length)];
        List<String> queries = switch (kind) {
            case KEYWORD -> KEYWORD;
            case QUESTION -> QUESTION;
            case PHRASE -> PHRASE;
            case PREFIX -> PREFIX;
        };
        long round = n / KINDS.length;
        String query = queries.get((int) Math.floorMod(user * 7L + round, queries.size()));
        int page = (int) Math.floorMod(user + round, PAGES);
        return new Request(kind, query, page * PAGE_SIZE);
    }
}
