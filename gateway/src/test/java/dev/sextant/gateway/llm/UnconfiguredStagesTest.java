package dev.sextant.gateway.llm;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.gateway.indexing.IndexingService;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With neither a cross-encoder folder nor an LLM endpoint, every search says both stages are not configured. */
@QuarkusTest
class UnconfiguredStagesTest {

    @Inject
    IndexingService indexing;

    @Inject
    LlmModels models;

    @Test
    void bothFineStagesAreReportedAsNotConfigured() throws InterruptedException {
        assertThat(indexing.awaitInitialSync(Duration.ofMinutes(8))).isTrue();
        assertThat(models.chat()).isEmpty();
        assertThat(models.streaming()).isEmpty();
        JsonPath result = given().auth().preemptive().basic("bob", "demo").queryParam("q", "runway")
                .get("/api/search").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> stages = result.getList("stages");
        assertThat(stages).extracting(s -> s.get("tag")).containsExactly("cross-encoder", "llm");
        assertThat(stages).allSatisfy(s -> {
            assertThat(s.get("outcome")).isEqualTo("skipped: not configured");
            assertThat(s.get("millis")).isEqualTo(0);
        });
        assertThat(result.getList("notices")).isEmpty();
        assertThat(result.getList("hits")).isNotEmpty();
    }
}
