package dev.sextant.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import dev.sextant.gateway.indexing.IndexingService;
import dev.sextant.gateway.security.SessionCookie;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The sign-in form's server-side session over HTTP: cookie flags, sign-out revocation, expiry. */
@QuarkusTest
class SessionLifecycleTest {

    private static final String NAME = SessionCookie.NAME;

    @TestHTTPResource("/")
    URL base;

    @Inject
    IndexingService indexing;

    @Inject
    DataSource db;

    @BeforeEach
    void indexed() throws InterruptedException {
        IndexedCorpus.await(indexing);
    }

    @Test
    void signOutEndsTheSessionOnTheServerSoTheSameCookieIs401() {
        Response login = signIn("carol", "demo", origin("http"), Map.of());
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.header("Location")).isEqualTo("/");
        String token = login.getCookie(NAME);
        assertThat(token).hasSizeGreaterThanOrEqualTo(43);

        search(token).then().statusCode(200);
        given().cookie(NAME, token).get("/api/session").then().body("signed_in", is(true))
                .body("username", equalTo("carol"));

        Response logout = given().cookie(NAME, token).header("Origin", origin("http")).post("/api/logout");
        assertThat(logout.statusCode()).isEqualTo(204);
        assertThat(logout.header("Set-Cookie")).startsWith(NAME + "=;").contains("Max-Age=0");

        search(token).then().statusCode(401);
        given().cookie(NAME, token).get("/api/session").then().statusCode(200).body("signed_in", is(false));
    }

    @Test
    void theCookieIsHttpOnlySameSiteStrictAndSecureOnlyWhenTheClientUsedHttps() {
        String plain = signIn("carol", "demo", origin("http"), Map.of()).header("Set-Cookie");
        assertThat(plain).startsWith(NAME + "=");
        assertThat(attributes(plain)).contains("path=/", "httponly", "samesite=strict", "max-age=86400")
                .doesNotContain("secure");

        // Loopback is the tests' trusted proxy: it says the client reached it over TLS.
        String viaTls = signIn("carol", "demo", origin("https"), Map.of("X-Forwarded-Proto", "https"))
                .header("Set-Cookie");
        assertThat(attributes(viaTls)).contains("secure", "httponly", "samesite=strict");
    }

    @Test
    void anExpiredOrIdleSessionIs401() throws Exception {
        String expired = signIn("bob", "demo", origin("http"), Map.of()).getCookie(NAME);
        String idle = signIn("bob", "demo", origin("http"), Map.of()).getCookie(NAME);
        search(expired).then().statusCode(200);
        search(idle).then().statusCode(200);

        setColumn(expired, "expires_at", OffsetDateTime.now().minusMinutes(1));
        setColumn(idle, "last_seen_at", OffsetDateTime.now().minusHours(9));

        search(expired).then().statusCode(401);
        Response idleAgain = search(idle);
        assertThat(idleAgain.statusCode()).isEqualTo(401);
        assertThat(idleAgain.header("Set-Cookie")).as("the browser is told to drop the dead cookie")
                .startsWith(NAME + "=;").contains("Max-Age=0");
    }

    @Test
    void aForgedTokenIsAnonymousAndSigningInAgainEndsTheOldSession() {
        search("forged-token-that-names-no-session").then().statusCode(401);

        String first = signIn("alice", "demo", origin("http"), Map.of()).getCookie(NAME);
        Response second = given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .header("Origin", origin("http")).cookie(NAME, first)
                .formParam("j_username", "alice").formParam("j_password", "demo").post("/j_security_check");
        search(second.getCookie(NAME)).then().statusCode(200);
        search(first).then().statusCode(401);
    }

    @Test
    void onlyNonBrowserClientsAreChallengedForBasic() {
        Response curl = given().queryParam("q", "policy").get("/api/search");
        assertThat(curl.statusCode()).isEqualTo(401);
        assertThat(curl.header("WWW-Authenticate")).startsWith("Basic realm=\"Sextant\"");
        Response page = given().header("Sec-Fetch-Mode", "cors").queryParam("q", "policy").get("/api/search");
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.header("WWW-Authenticate")).as("no password dialog over the page").isNull();
    }

    @Test
    void theSessionsTableHoldsOnlyTheTokensHash() throws Exception {
        String token = signIn("carol", "demo", origin("http"), Map.of()).getCookie(NAME);
        try (Connection c = db.getConnection();
             PreparedStatement byToken = c.prepareStatement("select count(*) from login_session where token_hash = ?");
             PreparedStatement byHash = c.prepareStatement("select count(*) from login_session where token_hash = ?")) {
            byToken.setString(1, token);
            byHash.setString(1, sha256(token));
            assertThat(count(byToken)).isZero();
            assertThat(count(byHash)).isEqualTo(1);
        }
    }

    private Response signIn(String username, String password, String origin, Map<String, String> headers) {
        return given().redirects().follow(false).contentType("application/x-www-form-urlencoded")
                .header("Origin", origin).headers(headers)
                .formParam("j_username", username).formParam("j_password", password).post("/j_security_check");
    }

    private static Response search(String token) {
        return given().cookie(NAME, token).queryParam("q", "policy").get("/api/search");
    }

    private String origin(String scheme) {
        return scheme + "://" + base.getHost() + ":" + base.getPort();
    }

    private void setColumn(String token, String column, OffsetDateTime value) throws Exception {
        try (Connection c = db.getConnection();
             PreparedStatement update = c.prepareStatement(
                     "update login_session set " + column + " = ? where token_hash = ?")) {
            update.setObject(1, value);
            update.setString(2, sha256(token));
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    /** A Set-Cookie header's attributes, lower case, without the name=value pair. */
    private static List<String> attributes(String setCookie) {
        return Arrays.stream(setCookie.split(";")).skip(1).map(a -> a.strip().toLowerCase(Locale.ROOT)).toList();
    }

    private static long count(PreparedStatement query) throws Exception {
        try (var rs = query.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String sha256(String token) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(token.getBytes(StandardCharsets.UTF_8)));
    }
}
