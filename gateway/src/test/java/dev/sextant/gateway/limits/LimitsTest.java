package dev.sextant.gateway.limits;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Per-user rate limits (429 with Retry-After) and the body size limit (413), each with a message. */
@QuarkusTest
@TestProfile(LimitsTest.Tight.class)
class LimitsTest {

    /** Small budgets, so that a test reaches them in a few requests. */
    public static class Tight implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("sextant.limits.search-per-minute", "3", "sextant.limits.answer-per-minute", "2",
                    "sextant.limits.chat-per-minute", "2", "sextant.limits.max-body-size", "4K");
        }
    }

    @Test
    void searchesPastTheBudgetAre429WithRetryAfterPerUserAndKind() {
        for (int i = 0; i < 3; i++) {
            search("carol").then().statusCode(200);
        }
        Response refused = search("carol");
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).as("seconds until one search is back")
                .isBetween(1, 20);
        assertThat(refused.jsonPath().getString("error")).contains("too many search requests")
                .contains("limit is 3 a minute");

        search("alice").then().statusCode(200);
        answer("carol", "{\"query\":\"holiday calendar\"}").then().statusCode(200);
    }

    @Test
    void answersAndChatHaveTheirOwnBudgets() {
        String chat = "{\"messages\":[{\"role\":\"user\",\"content\":\"parental leave\"}]}";
        for (int i = 0; i < 2; i++) {
            given().auth().preemptive().basic("bob", "demo").contentType("application/json").accept("application/json")
                    .body(chat).post("/api/chat").then().statusCode(200);
        }
        given().auth().preemptive().basic("bob", "demo").contentType("application/json").accept("application/json")
                .body(chat).post("/api/chat").then().statusCode(429)
                .body("error", containsString("too many chat requests"));
        given().auth().preemptive().basic("bob", "demo").contentType("application/json").accept("text/event-stream")
                .body(chat).post("/api/chat").then().statusCode(429);
    }

    @Test
    void aBodyLargerThanTheLimitIs413WithAMessage() {
        String big = "{\"messages\":[{\"role\":\"user\",\"content\":\"" + "word ".repeat(1000) + "\"}]}";
        Response refused = given().auth().preemptive().basic("admin", "demo").contentType("application/json")
                .accept("application/json").body(big).post("/api/chat");
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.jsonPath().getString("error")).contains("larger than the limit of 4096 bytes");
        assertThat(refused.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
    }

    @Test
    void aBodySentWithoutALengthIsCutOffAtTheLimitToo() throws Exception {
        byte[] big = ("{\"query\":\"" + "word ".repeat(2000) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(RestAssured.baseURI + ":" + RestAssured.port
                        + "/api/answer"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "admin:demo".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))).build();
        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("chunked, %d bytes", big.length).isEqualTo(413);
    }

    private static Response search(String user) {
        return given().auth().preemptive().basic(user, "demo").queryParam("q", "company").get("/api/search");
    }

    private static Response answer(String user, String body) {
        return given().auth().preemptive().basic(user, "demo").contentType("application/json")
                .accept("application/json").body(body).post("/api/answer");
    }
}
