package dev.sextant.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URL;
import org.junit.jupiter.api.Test;

/**
 * Failed sign-ins back off over HTTP, for Basic and the form alike. Each test signs in from its own client
 * address (loopback is the tests' trusted proxy, so X-Forwarded-For counts), so that nothing here throttles
 * the other test classes.
 */
@QuarkusTest
class LoginThrottlingTest {

    @TestHTTPResource("/")
    URL base;

    @Test
    void basicGetsA429WithRetryAfterAndAJsonErrorAfterFiveFailures() {
        for (int i = 0; i < 5; i++) {
            assertThat(basic("mallory", "guess" + i, "203.0.113.71").statusCode()).isEqualTo(401);
        }
        Response throttled = basic("mallory", "guess5", "203.0.113.71");
        assertThat(throttled.statusCode()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isEqualTo("1");
        assertThat(throttled.header("WWW-Authenticate")).isNull();
        assertThat(throttled.contentType()).startsWith("application/json");
        assertThat(throttled.jsonPath().getString("error")).contains("too many failed sign-ins");

        assertThat(basic("someone-else", "guess", "203.0.113.72").statusCode())
                .as("another account from another address is not held up").isEqualTo(401);
    }

    @Test
    void theFormSendsTheBrowserBackToAPageThatSaysHowLongToWait() {
        for (int i = 0; i < 5; i++) {
            assertThat(form("trudy", "guess" + i, "203.0.113.81").header("Location")).isEqualTo("/?login=failed");
        }
        Response throttled = form("trudy", "guess5", "203.0.113.81");
        assertThat(throttled.statusCode()).isEqualTo(302);
        assertThat(throttled.header("Location")).isEqualTo("/?login=throttled&retry_after=1");
        assertThat(throttled.getCookie("sextant-session")).isNull();
    }

    @Test
    void oneAddressTryingManyAccountsIsThrottledToo() {
        for (int i = 0; i < 20; i++) {
            assertThat(basic("spray" + i, "Winter2026!", "198.51.100.20").statusCode()).isEqualTo(401);
        }
        assertThat(basic("spray20", "Winter2026!", "198.51.100.20").statusCode()).isEqualTo(429);
        assertThat(basic("spray20", "Winter2026!", "198.51.100.21").statusCode()).isEqualTo(401);
    }

    private static Response basic(String username, String password, String clientAddress) {
        return given().auth().preemptive().basic(username, password).header("X-Forwarded-For", clientAddress)
                .get("/api/session");
    }

    private Response form(String username, String password, String clientAddress) {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .header("Origin", "http://" + base.getHost() + ":" + base.getPort())
                .header("X-Forwarded-For", clientAddress)
                .formParam("j_username", username).formParam("j_password", password).post("/j_security_check");
    }
}
