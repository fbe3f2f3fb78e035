package dev.sextant.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.sextant.acl.Principal;
import dev.sextant.gateway.directory.SourceDirectory;
import dev.sextant.gateway.sources.DocumentStates;
import dev.sextant.gateway.sources.RunStore;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connector platform end to end: sources created through the admin API (the test-only {@code memo} kind,
 * {@link MemoConnectorFactory}), synced by the scheduler into the real index, read by a user through search, and
 * the platform's runs, pauses, rate limits, crashes, deletions and identity map around them.
 */
@QuarkusTest
@TestProfile(ConnectorPlatformTest.Platform.class)
class ConnectorPlatformTest {

    /** No demo, no folders, hourly syncs; commits every two documents, so that a crash mid-run leaves some. */
    public static class Platform implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                return Map.of("sextant.data-dir", Files.createTempDirectory("sextant-platform").toString(),
                        "sextant.demo.enabled", "false", "sextant.sync.interval", "PT1H",
                        "sextant.sync.commit-every-docs", "2", "sextant.sync.embed-batch-size", "1");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final String TOKEN = "memo-token-7f3a9c";

    @Inject
    DataSource database;

    @Inject
    SourceDirectory directory;

    @Inject
    DocumentStates states;

    @Inject
    RunStore runs;

    @BeforeEach
    void accounts() {
        SyncAccounts.create(database);
    }

    @Test
    void aSourceCreatedThroughTheApiSyncsIntoTheIndexWithPerUserAccessAndItsSecretNeverComesBack() throws Exception {
        MemoConnectorFactory.Space space = MemoConnectorFactory.space("alpha", TOKEN);
        space.put(new MemoConnectorFactory.Memo("m1", "Staff memo", "The albatross quorum meets on Fridays.",
                List.of("group:idp:staff"), 1));
        space.put(new MemoConnectorFactory.Memo("m2", "Finance memo", "The albatross ledger is closed.",
                List.of("group:idp:finance"), 1));
        space.put(new MemoConnectorFactory.Memo("m3", "Empty", "", List.of("public"), 1));

        String body = admin().contentType(ContentType.JSON).body(definition("memo-alpha", "alpha", TOKEN))
                .post("/api/admin/sources").then().statusCode(201)
                .body("id", equalTo("memo-alpha")).body("kind", equalTo("memo")).body("stored", equalTo(true))
                .body("settings.space", equalTo("alpha")).body("secrets.token.set", equalTo(true))
                .extract().asString();
        assertThat(body).doesNotContain(TOKEN);
        assertThat(admin().get("/api/admin/sources").asString()).doesNotContain(TOKEN);
        String sealed = column("select secrets from source where id = 'memo-alpha'");
        assertThat(sealed).contains("\"token\"").doesNotContain(TOKEN);

        JsonPath view = awaitRuns("memo-alpha", 1);
        assertThat(view.getString("last_run.failure")).isNull();
        assertThat(titles()).contains("Staff memo").doesNotContain("Finance memo");

        List<Map<String, Object>> list = admin().get("/api/admin/sources/memo-alpha/runs").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(list).hasSize(1);
        assertThat(list.get(0)).containsEntry("outcome", "completed").containsEntry("added", 2)
                .containsEntry("skipped", 1);
        assertThat((String) list.get(0).get("checkpoint")).as("the committed cursor, copied").isEqualTo("poll:3");
        admin().get("/api/admin/runs/" + list.get(0).get("id")).then().statusCode(200)
                .body("skipped[0].location", equalTo("memo-alpha:m3")).body("skipped[0].reason", equalTo("empty memo"));
        assertThat(states.of("memo-alpha")).extracting(DocumentStates.State::documentId)
                .containsExactly("memo-alpha:m1", "memo-alpha:m2");
        assertThat(states.of("memo-alpha").get(0).acl()).isEqualTo("group:idp:staff");
    }

    @Test
    void definitionsAreValidatedWithMessagesThatSayWhat() throws Exception {
        MemoConnectorFactory.space("beta", TOKEN);
        admin().contentType(ContentType.JSON).body(definition("memo-beta", "beta", "wrong-token"))
                .post("/api/admin/sources").then().statusCode(400).body("error", containsString("bad token"));
        admin().contentType(ContentType.JSON).body(Map.of("id", "x1", "kind", "nosuch"))
                .post("/api/admin/sources").then().statusCode(400)
                .body("error", containsString("unknown connector kind 'nosuch'"));
        admin().contentType(ContentType.JSON).body(Map.of("id", "x2", "kind", "memo", "secrets", Map.of("token", TOKEN)))
                .post("/api/admin/sources").then().statusCode(400).body("error", containsString("'space'"));
        admin().contentType(ContentType.JSON).body(Map.of("id", "x3", "kind", "memo", "interval", "soon",
                "settings", Map.of("space", "beta"), "secrets", Map.of("token", TOKEN)))
                .post("/api/admin/sources").then().statusCode(400).body("error", containsString("'interval'"));
        admin().contentType(ContentType.JSON).body(Map.of("id", "x4", "kind", "memo",
                "settings", Map.of("space", "beta", "token", TOKEN)))
                .post("/api/admin/sources").then().statusCode(400).body("error", containsString("is a secret"));
        admin().get("/api/admin/sources/nothing-here").then().statusCode(404);
        admin().get("/api/admin/runs/999999").then().statusCode(404);
        given().auth().preemptive().basic(SyncAccounts.READER, SyncAccounts.PASSWORD).get("/api/admin/sources")
                .then().statusCode(403);

        admin().contentType(ContentType.JSON).body(definition("memo-beta", "beta", "wrong-token"))
                .queryParam("check", false).post("/api/admin/sources").then().statusCode(201);
        awaitRuns("memo-beta", 1);
        admin().post("/api/admin/sources/memo-beta/test").then().statusCode(200).body("ok", equalTo(false))
                .body("message", containsString("bad token"));
        admin().contentType(ContentType.JSON).body(definition("memo-beta", "beta", TOKEN))
                .post("/api/admin/sources").then().statusCode(409);
        admin().contentType(ContentType.JSON).body(Map.of("secrets", Map.of("token", TOKEN)))
                .put("/api/admin/sources/memo-beta").then().statusCode(200).body("settings.space", equalTo("beta"));
        admin().post("/api/admin/sources/memo-beta/test").then().statusCode(200).body("ok", equalTo(true));
        admin().get("/api/admin/connectors").then().statusCode(200)
                .body("find { it.kind == 'memo' }.settings.name", org.hamcrest.Matchers.hasItems("space", "token"))
                .body("kind", org.hamcrest.Matchers.hasItem("filesystem"));
    }

    @Test
    void aPausedSourceDoesNotSyncUntilResumed() throws Exception {
        MemoConnectorFactory.Space space = MemoConnectorFactory.space("gamma", TOKEN);
        space.put(new MemoConnectorFactory.Memo("g1", "Gamma memo", "The cormorant schedule slips.",
                List.of("public"), 1));
        admin().contentType(ContentType.JSON).body(definition("memo-gamma", "gamma", TOKEN))
                .post("/api/admin/sources").then().statusCode(201);
        awaitRuns("memo-gamma", 1);

        admin().post("/api/admin/sources/memo-gamma/pause").then().statusCode(200).body("state", equalTo("paused"));
        admin().post("/api/admin/sources/memo-gamma/sync").then().statusCode(409).body("error", containsString("paused"));
        assertThat(column("select paused from source where id = 'memo-gamma'")).isEqualToIgnoringCase("true");

        admin().post("/api/admin/sources/memo-gamma/resume").then().statusCode(202);
        JsonPath after = awaitRuns("memo-gamma", 2);
        assertThat(after.getString("state")).isEqualTo("idle");
        assertThat(column("select paused from source where id = 'memo-gamma'")).isEqualToIgnoringCase("false");
    }

    @Test
    void deletingASourceRemovesItsDocumentsFromTheIndex() throws Exception {
        MemoConnectorFactory.Space space = MemoConnectorFactory.space("delta", TOKEN);
        space.put(new MemoConnectorFactory.Memo("d1", "Delta memo", "The pelican audit found nothing.",
                List.of("public"), 1));
        admin().contentType(ContentType.JSON).body(definition("memo-delta", "delta", TOKEN))
                .post("/api/admin/sources").then().statusCode(201);
        awaitRuns("memo-delta", 1);
        assertThat(titles("pelican audit")).contains("Delta memo");

        admin().delete("/api/admin/sources/memo-delta").then().statusCode(200).body("documents_removed", equalTo(1));
        assertThat(titles("pelican audit")).doesNotContain("Delta memo");
        admin().get("/api/admin/sources/memo-delta").then().statusCode(404);
        assertThat(states.of("memo-delta")).isEmpty();
        assertThat(runs.runs("memo-delta", 10)).isEmpty();
    }

    @Test
    void aRateLimitPausesTheSourceUntilItsResetInsteadOfFailingIt() throws Exception {
        MemoConnectorFactory.Space space = MemoConnectorFactory.space("epsilon", TOKEN);
        Instant reset = Instant.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);
        space.rateLimitedUntil = reset;
        admin().contentType(ContentType.JSON).body(definition("memo-epsilon", "epsilon", TOKEN))
                .post("/api/admin/sources").then().statusCode(201);
        JsonPath view = awaitRuns("memo-epsilon", 1);

        assertThat(view.getString("state")).isEqualTo("rate_limited");
        assertThat(Instant.parse(view.getString("paused_until"))).isEqualTo(reset);
        assertThat(Instant.parse(view.getString("next_run"))).isCloseTo(reset, org.assertj.core.api.Assertions.within(
                2, ChronoUnit.SECONDS));
        assertThat(view.getString("last_run.failure")).as("not a failure").isNull();
        RunStore.Run run = runs.runs("memo-epsilon", 1).get(0);
        assertThat(run.outcome()).isEqualTo("rate_limited");
        assertThat(run.pausedUntil()).isEqualTo(reset);
        assertThat(run.message()).contains("rate limit of memo.example");
    }

    @Test
    void aRunThatDiesResumesFromTheLastCommittedCheckpointAndARunLeftRunningIsClosedAsInterrupted() throws Exception {
        MemoConnectorFactory.Space space = MemoConnectorFactory.space("zeta", TOKEN);
        space.put(new MemoConnectorFactory.Memo("z0", "Zeta zero", "The heron ledger opens.", List.of("public"), 1));
        admin().contentType(ContentType.JSON).body(definition("memo-zeta", "zeta", TOKEN))
                .post("/api/admin/sources").then().statusCode(201);
        awaitRuns("memo-zeta", 1);
        for (int i = 1; i <= 5; i++) {
            space.put(new MemoConnectorFactory.Memo("z" + i, "Zeta " + i, "The heron ledger entry " + i + ".",
                    List.of("public"), 1));
        }
        space.dieAtChange = 4;

        admin().post("/api/admin/sources/memo-zeta/sync").then().statusCode(202);
        JsonPath failed = awaitRuns("memo-zeta", 2);
        assertThat(failed.getString("last_run.failure")).contains("connection reset");
        RunStore.Run dead = runs.runs("memo-zeta", 1).get(0);
        assertThat(dead.outcome()).isEqualTo("failed");
        assertThat(dead.checkpoint()).as("committed with the second document, covering the first").isEqualTo("poll:2");

        admin().post("/api/admin/sources/memo-zeta/sync").then().statusCode(202);
        awaitRuns("memo-zeta", 3);
        assertThat(space.pollsFrom).containsExactly("1", "2");
        assertThat(runs.runs("memo-zeta", 1).get(0).outcome()).isEqualTo("completed");
        assertThat(titles("heron ledger")).contains("Zeta zero", "Zeta 1", "Zeta 2", "Zeta 3", "Zeta 4", "Zeta 5");

        long left = runs.start("memo-zeta", Instant.now());
        assertThat(runs.closeInterrupted()).isEqualTo(1);
        RunStore.Run closed = runs.run(left).orElseThrow().run();
        assertThat(closed.outcome()).isEqualTo("interrupted");
        assertThat(closed.ended()).isNotNull();
    }

    @Test
    void anIdentityLinkAndAGroupChangeMoveAccessOnTheNextQueryWithoutReindexing() throws Exception {
        MemoConnectorFactory.Space space = MemoConnectorFactory.space("eta", TOKEN);
        space.put(new MemoConnectorFactory.Memo("e1", "Owned memo", "The osprey budget belongs to account 42.",
                List.of("account:{source}:42"), 1));
        space.put(new MemoConnectorFactory.Memo("e2", "Team memo", "The osprey roadmap is for the core team.",
                List.of("group:{source}:core"), 1));
        space.groups.put("core", Set.of("account:memo-eta:77"));
        space.identities.add(new String[] {"42", "dana-on-memo", null});
        space.identities.add(new String[] {"77", "lee-on-memo", "lee@example.com"});
        admin().contentType(ContentType.JSON).body(definition("memo-eta", "eta", TOKEN))
                .post("/api/admin/sources").then().statusCode(201);
        awaitRuns("memo-eta", 1);
        assertThat(titles("osprey")).doesNotContain("Owned memo", "Team memo");
        List<Map<String, Object>> unmapped = admin().queryParam("unmapped", true).get("/api/admin/identities")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(unmapped).anyMatch(i -> "account:memo-eta:42".equals(i.get("account")))
                .noneMatch(i -> "account:memo-eta:77".equals(i.get("account")));

        admin().contentType(ContentType.JSON).body(Map.of("email", "dana@example.com", "account", "account:memo-eta:42"))
                .put("/api/admin/identities/links").then().statusCode(200);
        assertThat(titles("osprey")).contains("Owned memo").doesNotContain("Team memo");

        directory.replaceGroups("memo-eta", Map.of(Principal.group("memo-eta", "core"),
                Set.of(Principal.account("memo-eta", "42"))));
        assertThat(titles("osprey")).contains("Owned memo", "Team memo");

        admin().queryParam("email", "dana@example.com").queryParam("account", "account:memo-eta:42")
                .delete("/api/admin/identities/links").then().statusCode(200);
        assertThat(titles("osprey")).doesNotContain("Owned memo", "Team memo");
        assertThat(admin().get("/api/admin/sources/memo-eta").jsonPath().getInt("runs")).as("no re-index").isEqualTo(1);
    }

    private static Map<String, Object> definition(String id, String space, String token) {
        return Map.of("id", id, "kind", "memo", "name", "Memos " + space, "interval", "PT1H",
                "settings", Map.of("space", space), "secrets", Map.of("token", token));
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().auth().preemptive().basic(SyncAccounts.ADMIN, SyncAccounts.PASSWORD);
    }

    private static List<String> titles() {
        return titles("albatross");
    }

    private static List<String> titles(String query) {
        return given().auth().preemptive().basic(SyncAccounts.READER, SyncAccounts.PASSWORD)
                .queryParam("q", query).queryParam("limit", 20).get("/api/search")
                .then().statusCode(200).extract().jsonPath().getList("hits.title", String.class);
    }

    /** Polls the source until it has finished this many runs and is no longer queued or running. */
    private static JsonPath awaitRuns(String id, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        Predicate<JsonPath> done = v -> v.getInt("runs") >= count
                && !List.of("queued", "running").contains(v.getString("state"));
        while (true) {
            JsonPath view = admin().get("/api/admin/sources/" + id).then().statusCode(200).extract().jsonPath();
            if (done.test(view)) {
                return view;
            }
            assertThat(System.nanoTime()).as("%d runs of %s within 90 s; now %s", count, id, view.prettify())
                    .isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private String column(String sql) throws Exception {
        try (Connection c = database.getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet r = s.executeQuery()) {
            assertThat(r.next()).as("a row for " + sql).isTrue();
            return r.getString(1);
        }
    }
}
