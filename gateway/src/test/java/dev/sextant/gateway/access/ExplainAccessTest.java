package dev.sextant.gateway.access;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import dev.sextant.gateway.accounts.AccountRecord;
import dev.sextant.gateway.accounts.AccountTable;
import dev.sextant.gateway.indexing.IndexingService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An admin asks why someone can or cannot read a document, and learns its ACL and their principals, no more. */
@QuarkusTest
class ExplainAccessTest {

    private static final Path CORPUS = Path.of("../demo/corpus").toAbsolutePath().normalize();
    /** Two clauses: group:idp:finance, and Bob or Dana by name. */
    private static final String PAYROLL = "fs:" + CORPUS.resolve("finance/payroll/bonus-payout-q3.txt");
    private static final String Q3_REPORT = "fs:" + CORPUS.resolve("finance/q3-2026-financial-report.md");
    private static final String WIKI = "fs:" + CORPUS.resolve("wiki/company-handbook.md");

    @Inject
    IndexingService indexing;

    @Inject
    DataSource database;

    @BeforeEach
    void indexed() throws InterruptedException {
        assertThat(indexing.awaitInitialSync(Duration.ofMinutes(8))).isTrue();
    }

    @Test
    void bobMayReadPayrollAndEachClauseSaysWhichOfHisPrincipalsSatisfiesIt() {
        JsonPath bob = explain("bob", PAYROLL).then().statusCode(200).extract().jsonPath();
        assertThat(bob.getBoolean("allowed")).isTrue();
        assertThat(bob.getList("principals", String.class)).containsExactly("domain:northwind.example",
                "group:idp:finance", "public", "user:bob@northwind.example");
        assertThat(bob.getList("clauses.clause")).containsExactly(List.of("group:idp:finance"),
                List.of("user:bob@northwind.example", "user:dana@northwind.example"));
        assertThat(bob.getList("clauses.satisfied_by")).containsExactly("group:idp:finance",
                "user:bob@northwind.example");
        assertThat(bob.getString("reason")).startsWith("bob may read " + PAYROLL);
    }

    @Test
    void aliceMayNotAndTheFailingClausesHaveNoSatisfier() {
        JsonPath alice = explain("alice", PAYROLL).then().statusCode(200).extract().jsonPath();
        assertThat(alice.getBoolean("allowed")).isFalse();
        assertThat(alice.getList("principals", String.class)).contains("group:idp:engineering")
                .doesNotContain("group:idp:finance");
        assertThat(alice.getList("clauses.satisfied_by")).containsExactly(null, null);
        assertThat(alice.getString("reason")).contains("alice may not read")
                .contains("clause 1 (group:idp:finance) and clause 2");
    }

    @Test
    void anAccountIsFoundByItsEmailToo() {
        JsonPath carol = explain("Carol@Northwind.example", Q3_REPORT).then().statusCode(200).extract().jsonPath();
        assertThat(carol.getBoolean("allowed")).isFalse();
        assertThat(carol.getList("principals", String.class)).contains("group:idp:hr");
        assertThat(carol.getString("reason")).startsWith("carol may not read").contains("clause 1 (group:idp:finance)")
                .doesNotContain("no built-in account");
    }

    @Test
    void aReaderInFinanceNotNamedInPayrollFailsOnlyTheSecondClause() throws Exception {
        AccountTable accounts = new AccountTable(database);
        if (accounts.find("explain-erin").isEmpty()) {
            accounts.add(new AccountRecord("explain-erin", "explain-erin@northwind.example", null, Set.of("finance"),
                    false, false), "$2a$10$never.signs.in.never.signs.in.never.signs.in.never.sig");
        }
        JsonPath erin = explain("explain-erin", PAYROLL).then().statusCode(200).extract().jsonPath();
        assertThat(erin.getBoolean("allowed")).isFalse();
        assertThat(erin.getList("clauses.satisfied_by")).containsExactly("group:idp:finance", null);
        assertThat(erin.getString("reason")).contains("clause 2 (user:bob@northwind.example, "
                + "user:dana@northwind.example) names none").doesNotContain("clause 1");
    }

    @Test
    void someoneWithoutAnAccountIsResolvedFromTheEmailAloneAndTheReasonSaysSo() {
        JsonPath zed = explain("Zed@Northwind.example", WIKI).then().statusCode(200).extract().jsonPath();
        assertThat(zed.getBoolean("allowed")).as("the wiki is for the whole domain").isTrue();
        assertThat(zed.getList("principals", String.class)).containsExactly("domain:northwind.example", "public",
                "user:zed@northwind.example");
        assertThat(zed.getList("clauses.satisfied_by")).containsExactly("domain:northwind.example");
        assertThat(zed.getString("reason")).startsWith("Zed@Northwind.example may read").contains("no built-in account")
                .contains("identity provider's groups are not known");

        JsonPath payroll = explain("zed@northwind.example", PAYROLL).then().statusCode(200).extract().jsonPath();
        assertThat(payroll.getBoolean("allowed")).isFalse();
        assertThat(payroll.getList("clauses.satisfied_by")).containsExactly(null, null);
    }

    @Test
    void theAnswerCarriesTheAclAndPrincipalsButNoTitleOrText() {
        Response response = explain("bob", Q3_REPORT);
        assertThat(response.jsonPath().getMap("")).containsOnlyKeys("allowed", "principals", "clauses", "reason");
        assertThat(response.asString()).doesNotContainIgnoringCase("Q3 2026 Financial Report")
                .doesNotContain("runway").doesNotContain("4.2 million");
    }

    @Test
    void anUnknownDocumentOrUserIs404WithAMessage() {
        explain("bob", "fs:/no/such/file.md").then().statusCode(404)
                .body("error", containsString("no document with the id 'fs:/no/such/file.md'"));
        explain("nobody", PAYROLL).then().statusCode(404)
                .body("error", containsString("no built-in account is named 'nobody'"));
        explain("not an@email@x", PAYROLL).then().statusCode(400).body("error", containsString("not an email"));
        given().auth().preemptive().basic("admin", "demo").queryParam("user", "bob").get("/api/admin/access")
                .then().statusCode(400).body("error", containsString("doc="));
    }

    @Test
    void onlyAdminsMayAsk() {
        given().auth().preemptive().basic("bob", "demo").queryParams(Map.of("user", "bob", "doc", PAYROLL))
                .get("/api/admin/access").then().statusCode(403);
        given().queryParams(Map.of("user", "bob", "doc", PAYROLL)).get("/api/admin/access").then().statusCode(401);
    }

    private static Response explain(String user, String doc) {
        return given().auth().preemptive().basic("admin", "demo").queryParam("user", user).queryParam("doc", doc)
                .get("/api/admin/access");
    }
}
