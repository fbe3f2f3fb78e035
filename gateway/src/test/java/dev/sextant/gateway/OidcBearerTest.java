package dev.sextant.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import dev.sextant.acl.Acl;
import dev.sextant.acl.Principals;
import dev.sextant.gateway.indexing.IndexingService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * The API with real bearer tokens from a real Keycloak: each reader sees what their token's email and groups
 * allow and no more, roles decide admin access, and every kind of hostile token is a 401.
 */
@QuarkusTest
@TestProfile(OidcProfile.class)
@EnabledIfEnvironmentVariable(named = Keycloak.URL_VARIABLE, matches = ".+", disabledReason = Keycloak.NOT_RUNNING)
class OidcBearerTest {

    private static final List<String> QUERIES = List.of("runway", "salary", "incident", "onboarding", "roadmap",
            "policy", "report", "investigation", "architecture", "budget");

    @Inject
    IndexingService indexing;

    @BeforeEach
    void indexed() throws InterruptedException {
        IndexedCorpus.await(indexing);
    }

    @Test
    void eachReaderSeesExactlyWhatTheirTokenAllows() {
        Map<String, Acl> docs = DemoCorpus.documents();
        Map<String, DemoCorpus.Reader> readers = Map.of(
                "alice", new DemoCorpus.Reader("alice", "alice@northwind.example", Set.of("engineering"), null),
                "bob", new DemoCorpus.Reader("bob", "bob@northwind.example", Set.of("finance", "payroll"), null),
                "carol", new DemoCorpus.Reader("carol", "carol@northwind.example", Set.of("hr"), null),
                "admin", new DemoCorpus.Reader("admin", "admin@northwind.example", Set.of(), null));
        for (DemoCorpus.Reader reader : readers.values()) {
            String token = Keycloak.accessToken(reader.username());
            Principals principals = reader.principals();
            int seen = 0;
            for (String query : QUERIES) {
                List<String> hits = search(token, query).getList("hits.doc_id");
                for (String docId : hits) {
                    assertThat(docs.get(docId).admits(principals))
                            .as("%s's hit %s for '%s'", reader.username(), docId, query).isTrue();
                }
                seen += hits.size();
            }
            assertThat(seen).as("%s finds something", reader.username()).isPositive();
        }
        assertThat(search(Keycloak.accessToken("bob"), "runway").getList("hits.doc_id", String.class))
                .as("bob reads the finance report").anyMatch(id -> id.contains("/finance/"));
        for (String nonFinance : List.of("alice", "admin")) {
            assertThat(search(Keycloak.accessToken(nonFinance), "runway").getList("hits.doc_id", String.class))
                    .as("%s does not", nonFinance).noneMatch(id -> id.contains("/finance/"));
        }
    }

    @Test
    void theSessionNamesTheTokensPersonEmailAndMappedRoles() {
        JsonPath session = given().auth().oauth2(Keycloak.accessToken("alice")).get("/api/session")
                .then().statusCode(200).extract().jsonPath();
        assertThat(session.getBoolean("signed_in")).isTrue();
        assertThat(session.getString("username")).isEqualTo("alice");
        assertThat(session.getString("email")).isEqualTo("alice@northwind.example");
        assertThat(session.getList("roles")).containsExactly("employee");
        assertThat(session.getString("mode")).isEqualTo("oidc");
    }

    @Test
    void adminTokensReachAdminEndpointsAndEmployeeTokensGet403() {
        String admin = Keycloak.accessToken("admin");
        String alice = Keycloak.accessToken("alice");
        for (String path : List.of("/api/admin/sources", "/api/index/status")) {
            given().auth().oauth2(admin).get(path).then().statusCode(200);
            given().auth().oauth2(alice).get(path).then().statusCode(403);
        }
        given().auth().oauth2(alice).queryParam("q", "runway").queryParam("explain", "true").get("/api/search")
                .then().statusCode(403);
    }

    @Test
    void aTokenWithNeitherRoleReadsNothing() {
        String guest = Keycloak.accessToken("guest");
        given().auth().oauth2(guest).queryParam("q", "policy").get("/api/search").then().statusCode(403);
        given().auth().oauth2(guest).contentType("application/json").body("{\"query\":\"policy\"}")
                .post("/api/answer").then().statusCode(403);
    }

    @Test
    void theLoginPathSendsTheBrowserToTheProviderWithPkce() {
        io.restassured.response.Response login = given().redirects().follow(false).get("/login");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.header("Location")).startsWith(Keycloak.issuer("sextant") + "/protocol/openid-connect/auth?")
                .contains("code_challenge_method=S256", "client_id=sextant", "response_type=code");
    }

    @Test
    void anApiCallWithoutATokenIs401WithABearerChallengeNeverARedirect() {
        given().redirects().follow(false).queryParam("q", "policy").get("/api/search")
                .then().statusCode(401).header("WWW-Authenticate", "Bearer realm=\"Sextant\"");
        given().redirects().follow(false).get("/api/session").then().statusCode(200)
                .body("signed_in", org.hamcrest.Matchers.equalTo(false))
                .body("mode", org.hamcrest.Matchers.equalTo("oidc"));
    }

    @Test
    void builtInAccountsCannotSignInInTheOidcMode() {
        given().auth().preemptive().basic("alice", "demo").queryParam("q", "policy").get("/api/search")
                .then().statusCode(401);
    }

    @Test
    void hostileTokensAre401() throws Exception {
        String alice = Keycloak.accessToken("alice");
        search(alice, "policy");

        assertRefused("tampered payload (finance added to groups)", tampered(alice));
        assertRefused("alg none", new PlainJWT(SignedJWT.parse(alice).getJWTClaimsSet()).serialize());
        assertRefused("signed with a key of our own under Keycloak's key id", forged(alice));
        assertRefused("wrong issuer (same realm asked at localhost)", Keycloak.accessToken(
                Keycloak.url().replace("127.0.0.1", "localhost"), "sextant", Keycloak.CLIENT, Keycloak.CLIENT_SECRET,
                "alice"));
        assertRefused("wrong audience (another client of the realm)", Keycloak.accessToken(Keycloak.url(), "sextant",
                Keycloak.OTHER_APP, Keycloak.OTHER_APP_SECRET, "alice"));
        assertRefused("another realm", Keycloak.accessToken(Keycloak.url(), "other", Keycloak.CLIENT,
                Keycloak.CLIENT_SECRET, "alice"));
        assertRefused("not a token", "not-a-token");

        String shortLived = Keycloak.accessToken(Keycloak.url(), "sextant", Keycloak.SHORT_LIVED,
                Keycloak.SHORT_LIVED_SECRET, "alice");
        search(shortLived, "policy");
        long expiresAt = SignedJWT.parse(shortLived).getJWTClaimsSet().getExpirationTime().getTime();
        Thread.sleep(Math.max(0, expiresAt - System.currentTimeMillis()) + 1_500);
        assertRefused("expired", shortLived);
    }

    private static void assertRefused(String what, String token) {
        System.out.println("hostile token: " + what);
        given().auth().oauth2(token).queryParam("q", "policy").get("/api/search")
                .then().log().ifValidationFails().statusCode(401);
    }

    private static JsonPath search(String token, String query) {
        return given().auth().oauth2(token).queryParam("q", query).queryParam("limit", 50).get("/api/search")
                .then().statusCode(200).extract().jsonPath();
    }

    /** The same header and signature over a payload that also claims the finance group. */
    private static String tampered(String token) throws Exception {
        String[] parts = token.split("\\.");
        ObjectMapper json = new ObjectMapper();
        ObjectNode payload = (ObjectNode) json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        payload.putArray("groups").add("engineering").add("finance");
        String body = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(json.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + body + "." + parts[2];
    }

    /** The token's own claims and key id, signed with a key Keycloak never had. */
    private static String forged(String token) throws ParseException, com.nimbusds.jose.JOSEException {
        SignedJWT real = SignedJWT.parse(token);
        RSAKey key = new RSAKeyGenerator(2048).keyID(real.getHeader().getKeyID()).generate();
        JWTClaimsSet claims = new JWTClaimsSet.Builder(real.getJWTClaimsSet())
                .claim("groups", List.of("engineering", "finance")).build();
        SignedJWT forged = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        forged.sign(new RSASSASigner(key));
        return forged.serialize();
    }
}
