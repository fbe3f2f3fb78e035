package dev.sextant.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.gateway.security.SessionCookie;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.net.URL;
import org.junit.jupiter.api.Test;

/** State-changing requests from another origin are refused with a 403, the sign-in form included. */
@QuarkusTest
class CsrfOriginTest {

    private static final String EVIL = "https://evil.example";

    @TestHTTPResource("/")
    URL base;

    @Test
    void aSignInPostedFromAnotherSiteIsRefusedBeforeThePasswordIsLookedAt() {
        Response refused = signIn(EVIL);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.contentType()).startsWith("application/json");
        assertThat(refused.jsonPath().getString("error")).contains("cross-origin request refused", EVIL);
        assertThat(refused.getCookie(SessionCookie.NAME)).isNull();

        assertThat(signIn(own()).statusCode()).isEqualTo(302);
    }

    @Test
    void signOutFromAnotherSiteIsRefusedAndTheSessionLives() {
        String token = signIn(own()).getCookie(SessionCookie.NAME);
        assertThat(logout(token, "Origin", EVIL).statusCode()).isEqualTo(403);
        assertThat(logout(token, "Sec-Fetch-Site", "cross-site").statusCode()).isEqualTo(403);
        assertThat(logout(token, "Origin", "null").statusCode()).isEqualTo(403);
        assertThat(logout(token, "Referer", EVIL + "/page").statusCode()).isEqualTo(403);
        assertThat(given().cookie(SessionCookie.NAME, token).post("/api/logout").statusCode())
                .as("a cookie without Origin or Referer").isEqualTo(403);
        given().cookie(SessionCookie.NAME, token).get("/api/session").then().statusCode(200)
                .body("signed_in", org.hamcrest.Matchers.is(true));

        assertThat(logout(token, "Referer", own() + "/?q=x").statusCode()).as("same-origin Referer").isEqualTo(204);
    }

    @Test
    void apiClientsWithoutOriginOrCookieAndSafeMethodsPass() {
        assertThat(given().post("/api/logout").statusCode()).as("curl-like POST").isEqualTo(204);
        assertThat(given().header("Origin", EVIL).header("Sec-Fetch-Site", "cross-site").get("/api/session")
                .statusCode()).as("a GET changes nothing").isEqualTo(200);
    }

    private Response signIn(String origin) {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .header("Origin", origin)
                .formParam("j_username", "carol").formParam("j_password", "demo").post("/j_security_check");
    }

    private static Response logout(String token, String header, String value) {
        return given().cookie(SessionCookie.NAME, token).header(header, value).post("/api/logout");
    }

    private String own() {
        return "http://" + base.getHost() + ":" + base.getPort();
    }
}
