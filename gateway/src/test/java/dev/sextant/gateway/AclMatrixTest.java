package dev.sextant.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.acl.Acl;
import dev.sextant.gateway.indexing.IndexingService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Walks the demo corpus's whole ACL matrix through the HTTP API, for the demo accounts and for readers at
 * the edges of the ACLs ({@link DemoCorpus#EDGE_READERS}): every hit admits its reader, and every document a
 * reader may read is found by a query for its title, and no other.
 */
@QuarkusTest
class AclMatrixTest {

    private static final Pattern FIRST_WORDS = Pattern.compile("[\\p{L}\\p{N}]+");

    @Inject
    IndexingService indexing;

    @Inject
    DataSource accounts;

    @BeforeEach
    void indexed() throws InterruptedException {
        IndexedCorpus.await(indexing);
        for (DemoCorpus.Reader r : DemoCorpus.EDGE_READERS) {
            TestAccounts.ensure(accounts, r.username(), r.email(), r.groups(), false, r.password());
        }
    }

    @Test
    void theEdgeReadersAreWhatTheirNamesSay() {
        Map<String, Acl> docs = DemoCorpus.documents();
        var payroll = docs.entrySet().stream().filter(e -> e.getKey().contains("/finance/payroll/")).toList();
        var wiki = docs.entrySet().stream().filter(e -> e.getKey().contains("/wiki/")).toList();
        assertThat(payroll).isNotEmpty();
        assertThat(wiki).isNotEmpty();
        for (String name : List.of("erin", "dana")) {
            var reader = edge(name).principals();
            assertThat(payroll).as(name).noneMatch(e -> e.getValue().admits(reader));
            assertThat(wiki).as(name).allMatch(e -> e.getValue().admits(reader));
        }
        assertThat(docs.entrySet()).as("erin reads finance outside payroll")
                .anyMatch(e -> e.getKey().contains("/finance/") && e.getValue().admits(edge("erin").principals()));
        assertThat(wiki).as("mallory, from outside the domain").noneMatch(e -> e.getValue().admits(edge("mallory").principals()));
    }

    private static DemoCorpus.Reader edge(String name) {
        return DemoCorpus.EDGE_READERS.stream().filter(r -> r.username().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyHitAdmitsItsReaderAndEveryReadableDocumentIsFindable() throws IOException {
        Map<String, Acl> docs = DemoCorpus.documents();
        assertThat(docs).as("demo corpus documents").hasSizeGreaterThan(50);
        List<DemoCorpus.Reader> readers = new ArrayList<>(DemoCorpus.READERS);
        readers.addAll(DemoCorpus.EDGE_READERS);
        for (DemoCorpus.Reader reader : readers) {
            int readable = 0;
            for (var doc : docs.entrySet()) {
                String query = titleQuery(doc.getKey());
                JsonPath result = search(reader, query, 50);
                List<String> hits = result.getList("hits.doc_id");
                for (String hit : hits) {
                    assertThat(docs).as("hit %s for %s", hit, reader.username()).containsKey(hit);
                    assertThat(docs.get(hit).admits(reader.principals()))
                            .as("%s may read hit %s (query '%s')", reader.username(), hit, query).isTrue();
                }
                assertThat(result.getInt("total")).as("total counts only readable hits").isGreaterThanOrEqualTo(hits.size());
                if (hits.size() < 50) {
                    assertThat(result.getInt("total")).isEqualTo(hits.size());
                }
                boolean mayRead = doc.getValue().admits(reader.principals());
                assertThat(hits.contains(doc.getKey()))
                        .as("%s %s find %s by '%s'", reader.username(), mayRead ? "must" : "must not", doc.getKey(), query)
                        .isEqualTo(mayRead);
                readable += mayRead ? 1 : 0;
            }
            assertThat(readable).as("%s can read something", reader.username()).isPositive();
        }
    }

    /** The first line of the file (its title, mostly), as plain words: what a person would type. */
    private static String titleQuery(String docId) throws IOException {
        String text = Files.readString(DemoCorpus.pathOf(docId));
        var m = Pattern.compile("(?is)<title>(.*?)</title>").matcher(text);
        String line = m.find() ? m.group(1) : text.strip().lines().findFirst().orElse("");
        StringBuilder q = new StringBuilder();
        var words = FIRST_WORDS.matcher(line);
        for (int n = 0; n < 12 && words.find(); n++) {
            q.append(words.group()).append(' ');
        }
        return q.toString().strip();
    }

    static JsonPath search(String user, String query, int limit) {
        return search(new DemoCorpus.Reader(user, null, Set.of(), "demo"), query, limit);
    }

    static JsonPath search(DemoCorpus.Reader reader, String query, int limit) {
        return given().auth().preemptive().basic(reader.username(), reader.password())
                .queryParam("q", query).queryParam("limit", limit)
                .when().get("/api/search")
                .then().statusCode(200).extract().jsonPath();
    }
}
