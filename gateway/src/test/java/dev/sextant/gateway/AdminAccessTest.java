package dev.sextant.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.sextant.gateway.indexing.IndexingService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Operational views are for admins: other readers get 403, anonymous callers 401, and health tells
 * anyone only up or down.
 */
@QuarkusTest
class AdminAccessTest {

    private static final List<String> ADMIN_GETS = List.of("/api/index/status", "/api/admin/sources");

    @Inject
    IndexingService indexing;

    @BeforeEach
    void indexed() throws InterruptedException {
        IndexedCorpus.await(indexing);
    }

    @Test
    void healthSaysUpAndNothingElse() {
        for (String path : List.of("/q/health", "/q/health/ready", "/q/health/live")) {
            JsonPath health = given().get(path).then().statusCode(200).body("status", equalTo("UP"))
                    .extract().jsonPath();
            String body = health.prettify();
            assertThat(body).as(path).doesNotContain("chunks").doesNotContain("indexing").doesNotContain("DONE");
            List<Map<String, Object>> checks = health.getList("checks");
            for (Map<String, Object> check : checks) {
                assertThat(check.keySet()).as("%s check %s", path, check).isSubsetOf("name", "status", "data");
                @SuppressWarnings("unchecked")
                Map<String, Object> data = (Map<String, Object>) check.getOrDefault("data", Map.of());
                assertThat(data.values()).as("%s check %s carries up/down only", path, check.get("name"))
                        .allMatch(v -> v.equals("UP") || v.equals("DOWN"));
            }
        }
        List<String> ready = given().get("/q/health/ready").then().extract().jsonPath().getList("checks.name");
        assertThat(ready).contains("index");
        Map<String, Object> index = given().get("/q/health/ready").then().extract().jsonPath()
                .getMap("checks.find { it.name == 'index' }");
        assertThat(index).containsOnlyKeys("name", "status").containsEntry("status", "UP");
    }

    @Test
    void aReaderWhoIsNoAdminGets403AndAnonymous401() {
        for (String path : ADMIN_GETS) {
            given().auth().preemptive().basic("alice", "demo").get(path).then().statusCode(403);
            given().get(path).then().statusCode(401);
        }
        given().auth().preemptive().basic("alice", "demo").post("/api/admin/sources/demo/sync").then().statusCode(403);
        given().post("/api/admin/sources/demo/sync").then().statusCode(401);
    }

    @Test
    void anAdminSeesTheIndexSizeSyncStateAndSources() {
        JsonPath status = given().auth().preemptive().basic("admin", "demo").get("/api/index/status")
                .then().statusCode(200).extract().jsonPath();
        assertThat(status.getInt("chunks")).isGreaterThan(50);
        assertThat(status.getString("current.state")).isIn("DONE", "SYNCING");
        assertThat(status.getMap("last_syncs")).hasSize(1);

        JsonPath sources = given().auth().preemptive().basic("admin", "demo").get("/api/admin/sources")
                .then().statusCode(200).extract().jsonPath();
        assertThat(sources.getList("id")).containsExactly("demo");
        assertThat(sources.getString("[0].kind")).isEqualTo("demo");
        assertThat(sources.getString("[0].root")).isEqualTo(DemoCorpus.ROOT.toString());
        assertThat(sources.getString("[0].schedule")).isEqualTo("PT5M");
        assertThat(sources.getInt("[0].runs")).isPositive();
        assertThat(sources.getInt("[0].last_run.report.upserted") + sources.getInt("[0].last_run.report.unchanged"))
                .as("documents the last run saw").isGreaterThan(50);
    }

    @Test
    void anUnknownSourceIs404ForAnAdmin() {
        given().auth().preemptive().basic("admin", "demo").post("/api/admin/sources/nope/sync")
                .then().statusCode(404).body("error", containsString("'nope'"));
    }
}
