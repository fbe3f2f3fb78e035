package dev.sextant.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.gateway.security.SecurityHeaders;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Every response carries the security headers: the page, static files, the API, errors, refusals. */
@QuarkusTest
class HeadersTest {

    @Test
    void thePageAndItsFilesCarryThem() {
        assertSecurityHeaders(given().get("/"), 200);
        assertSecurityHeaders(given().get("/js/main.js"), 200);
        assertSecurityHeaders(given().get("/app.css"), 200);
    }

    @Test
    void apiResponsesCarryThemAndAreNeverStored() {
        assertApi(given().get("/api/session"), 200);
        assertApi(given().queryParam("q", "budget").get("/api/search"), 401);
        assertApi(given().auth().preemptive().basic("bob", "wrong").get("/api/session"), 401);
        assertApi(given().header("Origin", "https://evil.example").post("/api/logout"), 403);
    }

    @Test
    void errorsCarryThem() {
        assertSecurityHeaders(given().get("/no-such-page"), 404);
        assertApi(given().auth().preemptive().basic("alice", "demo").get("/api/no-such-endpoint"), 404);
        // Every /api path needs a reader, so an anonymous caller learns no more than 401 about what exists.
        assertApi(given().get("/api/no-such-endpoint"), 401);
    }

    private static void assertApi(Response response, int status) {
        assertSecurityHeaders(response, status);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
    }

    private static void assertSecurityHeaders(Response response, int status) {
        assertThat(response.statusCode()).isEqualTo(status);
        assertThat(response.header("Content-Security-Policy")).isEqualTo(SecurityHeaders.CONTENT_SECURITY_POLICY)
                .contains("default-src 'self'", "script-src 'self'", "style-src 'self'", "object-src 'none'",
                        "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
        assertThat(response.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(response.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(response.header("Referrer-Policy")).isEqualTo("same-origin");
    }
}
