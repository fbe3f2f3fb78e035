package dev.sextant.gateway.leak;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.gateway.indexing.IndexingService;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The leak sweep over HTTP: every demo account asks a few hundred questions made from the demo corpus itself (its
 * titles and rare words, for documents each may and may not read) and query syntax that names index fields,
 * through {@code /api/search} (pages 1 to 3, with {@code explain=true} for the admin), {@code /api/answer} and
 * {@code /api/chat}. Nothing may come back that {@link DemoAccessOracle}, reading the sidecars itself, says the
 * account may not read: no hit or citation, no total above what it may read, and no word found only in documents
 * it may not read in a title, snippet or extractive answer.
 */
@QuarkusTest
class DemoLeakSweepTest {

    private static final int LIMIT = 10;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> SYNTAX = List.of("acl_0:public", "acl_0:*", "+acl_0:* +salary", "acl_1:*",
            "title:payroll", "doc_id:*", "*:*", "*", "group:idp:finance", "user:carol@northwind.example",
            "domain:northwind.example", "acl_1:user\\:bob@northwind.example", "salary -public", "payroll*", "invest*",
            "\"salary bands\"", "chunk_id:*", "content:salary", "(budget | runway) -wiki", "public");

    @Inject
    IndexingService indexing;

    private final DemoAccessOracle oracle = new DemoAccessOracle();
    private final List<String> violations = new ArrayList<>();
    private int requests;

    @Test
    void noDemoAccountGetsAnythingItsSidecarsDoNotGrant() throws Exception {
        assertThat(indexing.awaitInitialSync(Duration.ofMinutes(8))).as("the demo corpus is indexed").isTrue();
        List<String> queries = sample(queries());
        assertThat(queries).as("queries made from the corpus").hasSizeGreaterThan(100);
        long start = System.nanoTime();
        int shown = 0;
        for (DemoAccessOracle.Account account : DemoAccessOracle.ACCOUNTS) {
            Set<String> readable = oracle.readable(account);
            Set<String> foreign = oracle.foreignWords(account);
            assertThat(readable).as(account.username() + " may read something").isNotEmpty();
            String previous = null;
            for (int i = 0; i < queries.size(); i++) {
                String q = queries.get(i);
                shown += search(account, readable, foreign, q);
                if (i % 3 == 0) {
                    answer(account, readable, foreign, q);
                } else if (i % 3 == 1 && previous != null) {
                    chat(account, readable, foreign, previous, q);
                }
                previous = q;
            }
        }
        System.out.printf("demo leak sweep: %d accounts, %d queries, %d requests, %d hits shown, %.1f s%n",
                DemoAccessOracle.ACCOUNTS.size(), queries.size(), requests, shown, (System.nanoTime() - start) / 1e9);
        assertThat(violations).as(violations.size() + " violations").isEmpty();
        assertThat(shown).as("hits shown over the sweep").isGreaterThan(queries.size());
    }

    /**
     * Every second query of the sweep, the field-syntax ones always, so that the suite stays within a CI run;
     * {@code -Dsextant.leak.sweep=full} runs them all.
     */
    private static List<String> sample(List<String> all) {
        if ("full".equals(System.getProperty("sextant.leak.sweep"))) {
            return all;
        }
        List<String> some = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            if (i % 2 == 0 || SYNTAX.contains(all.get(i))) {
                some.add(all.get(i));
            }
        }
        return some;
    }

    /** Pages 1 to 3 while there are more; returns how many hits were shown. */
    private int search(DemoAccessOracle.Account account, Set<String> readable, Set<String> foreign, String q)
            throws IOException {
        int shown = 0;
        for (int page = 0; page < 3; page++) {
            var request = given().auth().preemptive().basic(account.username(), "demo")
                    .queryParam("q", q).queryParam("limit", LIMIT).queryParam("offset", page * LIMIT);
            if (account.username().equals("admin")) {
                request.queryParam("explain", "true");
            }
            Response response = send(() -> request.when().get("/api/search"));
            String where = account.username() + " searching [" + q + "] page " + (page + 1);
            if (response.statusCode() == 400) {
                return shown;
            }
            if (response.statusCode() != 200) {
                violations.add(where + ": status " + response.statusCode() + " " + response.asString());
                return shown;
            }
            JsonNode json = JSON.readTree(response.asString());
            int total = json.path("total").asInt();
            if (total > readable.size()) {
                violations.add(where + ": total " + total + " above the " + readable.size() + " documents readable");
            }
            JsonNode hits = json.path("hits");
            for (JsonNode hit : hits) {
                check(where, readable, foreign, hit.path("doc_id").asText(),
                        hit.path("title").asText() + " " + hit.path("snippet").asText(), q);
            }
            shown += hits.size();
            if (hits.size() < LIMIT || total <= (page + 1) * LIMIT) {
                return shown;
            }
        }
        return shown;
    }

    private void answer(DemoAccessOracle.Account account, Set<String> readable, Set<String> foreign, String q)
            throws IOException {
        Response response = send(() -> given().auth().preemptive().basic(account.username(), "demo")
                .contentType(ContentType.JSON).accept(ContentType.JSON).body(Map.of("query", q)).post("/api/answer"));
        written(account.username() + " asking [" + q + "]", response, readable, foreign, q);
    }

    private void chat(DemoAccessOracle.Account account, Set<String> readable, Set<String> foreign, String before,
                      String q) throws IOException {
        Response first = send(() -> given().auth().preemptive().basic(account.username(), "demo")
                .contentType(ContentType.JSON).accept(ContentType.JSON)
                .body(Map.of("messages", List.of(Map.of("role", "user", "content", before)))).post("/api/chat"));
        String reply = first.statusCode() == 200 ? JSON.readTree(first.asString()).path("answer").asText()
                : "I could not answer.";
        List<Map<String, String>> turns = List.of(Map.of("role", "user", "content", before),
                Map.of("role", "assistant", "content", reply), Map.of("role", "user", "content", q));
        Response response = send(() -> given().auth().preemptive().basic(account.username(), "demo")
                .contentType(ContentType.JSON).accept(ContentType.JSON).body(Map.of("messages", turns)).post("/api/chat"));
        written(account.username() + " chatting [" + before + "] then [" + q + "]", response, readable, foreign,
                before + " " + q);
    }

    private void written(String where, Response response, Set<String> readable, Set<String> foreign, String typed)
            throws IOException {
        if (response.statusCode() == 400) {
            return;
        }
        if (response.statusCode() != 200) {
            violations.add(where + ": status " + response.statusCode() + " " + response.asString());
            return;
        }
        JsonNode json = JSON.readTree(response.asString());
        JsonNode citations = json.path("citations");
        for (JsonNode c : citations) {
            check(where, readable, foreign, c.path("doc_id").asText(),
                    c.path("title").asText() + " " + c.path("snippet").asText(), typed);
        }
        if (!citations.isEmpty() && !json.path("llm").asBoolean()) {
            foreignWords(where + " (answer text)", foreign, json.path("answer").asText(), typed);
        }
    }

    private void check(String where, Set<String> readable, Set<String> foreign, String docId, String text, String typed) {
        if (!readable.contains(docId)) {
            violations.add(where + ": " + docId + (oracle.acls.containsKey(docId) ? ", which it may not read"
                    : ", which is no demo document"));
        }
        foreignWords(where + " (" + docId + ")", foreign, text, typed);
    }

    private void foreignWords(String where, Set<String> foreign, String text, String typed) {
        Set<String> leaked = new TreeSet<>(DemoAccessOracle.words(text));
        leaked.retainAll(foreign);
        leaked.removeAll(DemoAccessOracle.words(typed));
        if (!leaked.isEmpty()) {
            violations.add(where + ": words only in documents it may not read: " + leaked);
        }
    }

    /** Sends, waiting out a 429 as its {@code Retry-After} asks. */
    private Response send(java.util.function.Supplier<Response> request) {
        for (int attempt = 0; ; attempt++) {
            requests++;
            Response response = request.get();
            String retry = response.getHeader("Retry-After");
            if (response.statusCode() != 429 || retry == null || attempt == 5) {
                return response;
            }
            try {
                Thread.sleep(Duration.ofSeconds(Long.parseLong(retry.strip())).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return response;
            }
        }
    }

    /**
     * For each text document: its first line (mostly its title) and its two rarest words, so that every account
     * asks for documents it may read and for ones it may not; then query syntax naming fields.
     */
    private List<String> queries() throws IOException {
        Map<String, Integer> documentFrequency = new HashMap<>();
        oracle.words.values().forEach(ws -> ws.forEach(w -> documentFrequency.merge(w, 1, Integer::sum)));
        Set<String> queries = new TreeSet<>();
        for (String id : oracle.acls.keySet()) {
            Path file = Path.of(id.substring("fs:".length()));
            if (!file.toString().matches(".*\\.(md|txt|html|htm)")) {
                continue;
            }
            String first = Files.readString(file).replaceAll("<[^>]*>", " ").strip().lines().findFirst().orElse("");
            String title = String.join(" ", first.replaceAll("[^\\p{L}\\p{N} ]", " ").strip().split("\\s+"));
            if (!title.isBlank()) {
                queries.add(title.length() > 80 ? title.substring(0, title.lastIndexOf(' ', 80)) : title);
            }
            oracle.words.get(id).stream().sorted((a, b) -> documentFrequency.get(a) - documentFrequency.get(b)
                    != 0 ? documentFrequency.get(a) - documentFrequency.get(b) : a.compareTo(b))
                    .limit(2).forEach(queries::add);
        }
        List<String> all = new ArrayList<>(queries);
        all.addAll(SYNTAX);
        return all;
    }
}
