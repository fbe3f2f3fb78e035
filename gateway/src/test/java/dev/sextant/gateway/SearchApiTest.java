package dev.sextant.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.is;

import dev.sextant.gateway.indexing.IndexingService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SearchApiTest {

    @Inject
    IndexingService indexing;

    @BeforeEach
    void indexed() throws InterruptedException {
        IndexedCorpus.await(indexing);
    }

    @Test
    void financeReportIsFoundByFinanceAndInvisibleToEngineering() {
        JsonPath bob = AclMatrixTest.search("bob", "Q3 2026 revenue runway", 10);
        List<String> bobUrls = bob.getList("hits.url");
        assertThat(bobUrls).anyMatch(u -> u.contains("/finance/q3-2026-financial-report"));
        assertThat(bob.getString("hits[0].snippet")).contains("<mark>");
        assertThat(bob.getList("hits.scores")).as("raw scores are for admins who ask").allMatch(x -> x == null);
        assertThat(bob.getString("hits[0].updated")).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        assertThat(bob.getLong("took_ms")).isNotNegative();

        JsonPath alice = AclMatrixTest.search("alice", "Q3 2026 revenue runway", 50);
        assertThat(alice.getList("hits.url", String.class)).noneMatch(u -> u.contains("/finance/"));
        assertThat(alice.getList("hits.snippet", String.class)).noneMatch(s -> s.contains("4.2 million"));
        long aliceMayRead = DemoCorpus.documents().values().stream()
                .filter(acl -> acl.admits(DemoCorpus.READERS.get(0).principals())).count();
        assertThat(alice.getInt("total")).as("alice's total counts only what she may read")
                .isGreaterThanOrEqualTo(alice.getList("hits").size()).isLessThanOrEqualTo((int) aliceMayRead);
    }

    @Test
    void theOneDocumentAWordOccursInLeadsTheDocumentsThatOnlyResembleIt() {
        JsonPath bob = AclMatrixTest.search("bob", "runway", 10);
        assertThat(bob.getString("hits[0].url")).contains("/finance/q3-2026-financial-report");
    }

    @Test
    void totalCountsWhatTheQueryFoundNotEverythingTheReaderMayRead() {
        long aliceMayRead = DemoCorpus.documents().values().stream()
                .filter(acl -> acl.admits(DemoCorpus.READERS.get(0).principals())).count();
        JsonPath runbook = AclMatrixTest.search("alice", "postgres failover runbook", 50);
        assertThat(runbook.getInt("total")).isPositive().isLessThan((int) aliceMayRead)
                .isEqualTo(runbook.getList("hits").size());
        JsonPath gibberish = AclMatrixTest.search("alice", "xqzvbw jjkqq", 50);
        assertThat(gibberish.getInt("total")).as("nothing matches a word, nothing is near in meaning").isZero();
        assertThat(gibberish.getList("hits")).isEmpty();
    }

    @Test
    void rawScoresAreForAdminsWhoAskForThem() {
        given().auth().preemptive().basic("bob", "demo").queryParam("q", "runway").queryParam("explain", "true")
                .get("/api/search").then().statusCode(403).body("error", containsString("admins only"));
        JsonPath admin = given().auth().preemptive().basic("admin", "demo").queryParam("q", "holiday calendar")
                .queryParam("explain", "true").get("/api/search").then().statusCode(200).extract().jsonPath();
        assertThat(admin.getList("hits")).isNotEmpty();
        assertThat(admin.getMap("hits[0].scores")).containsKeys("bm25", "dense", "hybrid");
        JsonPath plain = AclMatrixTest.search("admin", "holiday calendar", 10);
        assertThat(plain.getList("hits.scores")).allMatch(x -> x == null);
    }

    @Test
    void hostileQuerySyntaxGetsAnAnswerOrAClearErrorNeverAFailure() {
        for (String q : List.of("((((((((((a))))))))))", "+-+-+-", "*", "a~2 b~ ~", "\\", "\"", "a\\\"b", "| | |",
                "-a -b -c", "\"a\" \"\" \"b", "a*b*c*", "%00", "<script>alert(1)</script>", "\u202e\u200b",
                "title:secret", "acl_0:*", "*:*", "\"" + "a ".repeat(400) + "\"")) {
            var response = given().auth().preemptive().basic("alice", "demo").queryParam("q", q).get("/api/search");
            assertThat(response.statusCode()).as("q=%s", q).isIn(200, 400);
            if (response.statusCode() == 400) {
                assertThat(response.jsonPath().getString("error")).as("q=%s", q).isNotBlank();
            } else {
                assertThat(response.jsonPath().getList("hits.url", String.class)).as("q=%s", q)
                        .noneMatch(u -> u.contains("/finance/") || u.contains("/hr/"));
            }
        }
    }

    @Test
    void aThousandCharactersOfPrefixesAreAnsweredInBoundedTime() {
        String spam = "a* b* c* d* e* f* g* h* i* j* k* l* m* n* o* p* q* r* s* t* ".repeat(20).substring(0, 1000);
        long start = System.nanoTime();
        var response = given().auth().preemptive().basic("alice", "demo").queryParam("q", spam).get("/api/search");
        long seconds = (System.nanoTime() - start) / 1_000_000_000;
        assertThat(response.statusCode()).isIn(200, 400);
        assertThat(seconds).as("a bound against denial of service, not a speed target").isLessThan(30);
        given().auth().preemptive().basic("alice", "demo").queryParam("q", spam + "x").get("/api/search")
                .then().statusCode(400).body("error", containsString("limit is 1000"));
    }

    @Test
    void hitsCarryTheFilesFileUrlAndSource() {
        JsonPath alice = AclMatrixTest.search("alice", "pg_promote replication lag", 5);
        assertThat(alice.getString("hits[0].url")).startsWith("file:/").contains("/engineering/runbooks/postgres-failover");
        assertThat(alice.getString("hits[0].source")).isEqualTo("filesystem");
        assertThat(alice.getString("hits[0].doc_id")).startsWith("fs:/");
    }

    @Test
    void pagingWalksTheSameRanking() {
        JsonPath all = AclMatrixTest.search("carol", "company", 50);
        List<String> ranking = all.getList("hits.doc_id");
        assertThat(ranking).as("enough hits to page through").hasSizeGreaterThan(6);
        JsonPath second = given().auth().preemptive().basic("carol", "demo")
                .queryParam("q", "company").queryParam("limit", 5).queryParam("offset", 5)
                .get("/api/search").then().statusCode(200).extract().jsonPath();
        assertThat(second.getList("hits.doc_id")).isEqualTo(ranking.subList(5, Math.min(10, ranking.size())));
        assertThat(second.getInt("total")).isEqualTo(all.getInt("total"));
    }

    @Test
    void noCredentialsIs401AndWrongPasswordToo() {
        given().queryParam("q", "budget").get("/api/search").then().statusCode(401);
        given().auth().preemptive().basic("bob", "wrong").queryParam("q", "budget").get("/api/search")
                .then().statusCode(401);
        given().auth().preemptive().basic("nobody", "demo").queryParam("q", "budget").get("/api/search")
                .then().statusCode(401);
    }

    @Test
    void badQueriesAre400WithAMessage() {
        badRequest("", "empty");
        badRequest("   ", "empty");
        badRequest("x".repeat(1001), "limit");
        badRequest("\"unclosed phrase", "closing");
        badRequest("(budget", "unclosed");
        given().auth().preemptive().basic("bob", "demo").queryParam("q", "budget").queryParam("limit", "ten")
                .get("/api/search").then().statusCode(400).body("error", containsString("limit"));
        given().auth().preemptive().basic("bob", "demo").queryParam("q", "budget").queryParam("limit", 0)
                .get("/api/search").then().statusCode(400);
        given().auth().preemptive().basic("bob", "demo").get("/api/search").then().statusCode(400);
    }

    private static void badRequest(String q, String messagePart) {
        given().auth().preemptive().basic("bob", "demo").queryParam("q", q).get("/api/search")
                .then().statusCode(400).body("error", containsString(messagePart));
    }

    @Test
    void formLoginSetsASessionThatSearchAccepts() {
        var login = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "carol").formParam("j_password", "demo")
                .post("/j_security_check");
        assertThat(login.statusCode()).isEqualTo(302);
        String cookie = login.getCookie("sextant-session");
        assertThat(cookie).isNotBlank();
        given().cookie("sextant-session", cookie).get("/api/session").then().statusCode(200)
                .body("signed_in", is(true)).body("username", equalTo("carol"));
        given().cookie("sextant-session", cookie).queryParam("q", "parental leave").get("/api/search")
                .then().statusCode(200);

        var failed = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .formParam("j_username", "carol").formParam("j_password", "nope").post("/j_security_check");
        assertThat(failed.getHeader("Location")).contains("login=failed");
    }

    @Test
    void anonymousSessionSaysSignedOutAndDemo() {
        given().get("/api/session").then().statusCode(200).body("signed_in", is(false)).body("demo", is(true));
    }

    @Test
    void healthIsUpAndTheIndexIsNotEmpty() {
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        given().auth().preemptive().basic("admin", "demo").get("/api/index/status").then().statusCode(200)
                .body("chunks", greaterThan(50));
    }

    @Test
    void indexStatusReportsTheDemoSync() {
        given().auth().preemptive().basic("admin", "demo").get("/api/index/status").then().statusCode(200)
                .body("current.state", equalTo("DONE"));
    }
}
