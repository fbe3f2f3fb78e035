package dev.sextant.gateway.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sextant.gateway.indexing.IndexingService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The audit log records searches, answers and chat turns with the documents returned; admins read it. */
@QuarkusTest
class AuditTest {

    @Inject
    IndexingService indexing;

    @Inject
    AuditLog audit;

    private final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void indexed() throws InterruptedException {
        assertThat(indexing.awaitInitialSync(Duration.ofMinutes(8))).isTrue();
    }

    @Test
    void aSearchIsRecordedWithTheDocumentsItReturned() throws InterruptedException {
        Instant before = Instant.now();
        String query = "runway audit-" + System.nanoTime();
        List<String> returned = given().auth().preemptive().basic("bob", "demo").queryParam("q", query)
                .queryParam("limit", 5).get("/api/search").then().statusCode(200).extract().jsonPath()
                .getList("hits.doc_id", String.class);
        assertThat(returned).as("bob finds his runway report").isNotEmpty();
        assertThat(audit.awaitWritten(Duration.ofSeconds(10))).isTrue();

        JsonPath log = admin().queryParam("user", "bob").queryParam("since", before.toString())
                .get("/api/admin/audit").then().statusCode(200).extract().jsonPath();
        Map<String, Object> event = log.getMap("events.find { it.query == '" + query + "' }");
        assertThat(event).as("the event of this search").isNotNull()
                .containsEntry("user", "bob").containsEntry("email", "bob@northwind.example")
                .containsEntry("action", "search").containsEntry("doc_ids", returned);
        assertThat(Instant.parse((String) event.get("at"))).isBetween(before, Instant.now());

        JsonPath alices = admin().queryParam("user", "alice").queryParam("since", before.toString())
                .get("/api/admin/audit").then().statusCode(200).extract().jsonPath();
        assertThat(alices.getList("events.query", String.class)).doesNotContain(query);
        JsonPath byEmail = admin().queryParam("user", "Bob@Northwind.example").queryParam("since", before.toString())
                .get("/api/admin/audit").then().statusCode(200).extract().jsonPath();
        assertThat(byEmail.getList("events.query", String.class)).contains(query);
    }

    @Test
    void answersAndChatTurnsAreRecordedWithTheirSources() throws InterruptedException {
        Instant before = Instant.now();
        JsonPath answer = given().auth().preemptive().basic("carol", "demo").contentType("application/json")
                .accept("application/json").body(Map.of("query", "parental leave policy")).post("/api/answer")
                .then().statusCode(200).extract().jsonPath();
        given().auth().preemptive().basic("carol", "demo").contentType("application/json").accept("application/json")
                .body(Map.of("messages", List.of(Map.of("role", "user", "content", "parental leave policy"),
                        Map.of("role", "assistant", "content", "It is 16 weeks."),
                        Map.of("role", "user", "content", "and for contractors?"))))
                .post("/api/chat").then().statusCode(200);
        assertThat(audit.awaitWritten(Duration.ofSeconds(10))).isTrue();

        JsonPath log = admin().queryParam("user", "carol").queryParam("since", before.toString())
                .get("/api/admin/audit").then().statusCode(200).extract().jsonPath();
        assertThat(log.getList("events.action", String.class)).as("newest first").containsExactly("chat", "answer");
        List<String> sources = log.getList("events[1].doc_ids", String.class);
        assertThat(sources).isNotEmpty().containsAll(answer.getList("citations.doc_id", String.class));
        assertThat(log.getString("events[0].query")).isEqualTo("and for contractors?");
        assertThat(log.getString("events[0].searched")).as("the standalone query searched")
                .contains("contractors").isNotEqualTo("and for contractors?");
        assertThat(log.getString("events[1].searched")).isNull();
    }

    @Test
    void theExportIsOneJsonObjectALineOldestFirst() throws Exception {
        String query = "holiday calendar export-" + System.nanoTime();
        given().auth().preemptive().basic("alice", "demo").queryParam("q", query).get("/api/search")
                .then().statusCode(200);
        given().auth().preemptive().basic("alice", "demo").queryParam("q", query + " again").get("/api/search")
                .then().statusCode(200);
        assertThat(audit.awaitWritten(Duration.ofSeconds(10))).isTrue();

        Response export = admin().queryParam("user", "alice").get("/api/admin/audit/export");
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.contentType()).startsWith("application/x-ndjson");
        String[] lines = export.asString().split("\n");
        List<JsonNode> events = new ArrayList<>();
        for (String line : lines) {
            events.add(json.readTree(line));
        }
        assertThat(events).allSatisfy(e -> {
            assertThat(e.get("user").asText()).isEqualTo("alice");
            assertThat(e.get("doc_ids").isArray()).isTrue();
        });
        List<String> queries = events.stream().map(e -> e.get("query").asText()).toList();
        assertThat(queries).containsSubsequence(query, query + " again");
        List<Instant> times = events.stream().map(e -> Instant.parse(e.get("at").asText())).toList();
        assertThat(times).isSorted();
    }

    @Test
    void eventsPastTheRetentionArePruned() throws Exception {
        Instant now = Instant.now();
        String user = "prune-test-" + System.nanoTime();
        AuditEvent old = new AuditEvent(now.minus(Duration.ofDays(91)), user, null, AuditAction.SEARCH,
                "old", null, List.of("fs:/old"));
        AuditEvent recent = new AuditEvent(now.minus(Duration.ofDays(89)), user, null, AuditAction.SEARCH,
                "recent", null, List.of("fs:/recent"));
        audit.store().insert(List.of(old, recent));
        assertThat(audit.store().newest(new AuditQuery(Optional.empty(), Optional.empty(),
                Optional.of(user)), 10)).hasSize(2);

        assertThat(audit.prune()).isPositive();

        List<AuditEvent> left = audit.store().newest(new AuditQuery(Optional.empty(),
                Optional.empty(), Optional.of(user)), 10);
        assertThat(left).extracting(AuditEvent::query).containsExactly("recent");
        assertThat(left.getFirst().docIds()).containsExactly("fs:/recent");
    }

    @Test
    void onlyAdminsReadTheLog() {
        for (String path : List.of("/api/admin/audit", "/api/admin/audit/export")) {
            given().auth().preemptive().basic("alice", "demo").get(path).then().statusCode(403);
            given().get(path).then().statusCode(401);
        }
    }

    @Test
    void badFiltersAre400WithAMessage() {
        admin().queryParam("since", "yesterday").get("/api/admin/audit").then().statusCode(400)
                .body("error", containsString("since must be an ISO-8601 instant"));
        admin().queryParam("limit", "0").get("/api/admin/audit").then().statusCode(400)
                .body("error", containsString("between 1 and 1000"));
        admin().queryParam("until", "2001-01-01").get("/api/admin/audit").then().statusCode(200)
                .body("events.size()", org.hamcrest.Matchers.is(0));
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().auth().preemptive().basic("admin", "demo");
    }
}
