package dev.sextant.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.sextant.gateway.indexing.IndexingService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A revoked or deleted file leaves the results after an admin's on-demand sync, without a restart; the
 * schedule (an hour here) plays no part. And a folder no longer configured left nothing behind.
 */
@QuarkusTest
@TestProfile(SyncOnDemandTest.OnDemand.class)
class SyncOnDemandTest {

    /** A server on {@link SyncFolders}, syncing by itself only once an hour. */
    public static class OnDemand implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SyncFolders.class, Map.of("interval", "PT1H")));
        }
    }

    @Inject
    IndexingService indexing;

    @Inject
    DataSource accounts;

    @Inject
    SextantConfig config;

    @BeforeEach
    void indexed() throws InterruptedException {
        SyncAccounts.create(accounts);
        assertThat(indexing.awaitInitialSync(Duration.ofMinutes(3))).as("the folder is indexed").isTrue();
        assertThat(indexing.failures()).isEmpty();
    }

    @Test
    void aRevokedAndADeletedFileAreGoneAfterAnOnDemandSync() throws Exception {
        Path root = config.fs().roots().orElseThrow().get(0);
        assertThat(urls("kestrel quartzite")).anyMatch(u -> u.endsWith("/projects/kestrel.md"));
        assertThat(urls("heron obsidian")).anyMatch(u -> u.endsWith("/archive/heron.md"));
        JsonPath before = sources();
        assertThat(before.getInt("[0].runs")).isEqualTo(1);
        String id = before.getString("[0].id");

        Files.writeString(root.resolve("projects/.sextant-acl"), "group:idp:finance\n");
        Files.delete(root.resolve("archive/heron.md"));
        given().auth().preemptive().basic(SyncAccounts.ADMIN, SyncAccounts.PASSWORD)
                .post("/api/admin/sources/" + id + "/sync")
                .then().statusCode(202).body("id", equalTo(id)).body("state", equalTo("queued"));
        JsonPath after = awaitRuns(2);

        assertThat(after.getString("[0].last_run.failure")).isNull();
        assertThat(after.getInt("[0].last_run.report.deleted")).isEqualTo(1);
        assertThat(after.getInt("[0].last_run.report.upserted")).as("the ACL change re-writes kestrel").isEqualTo(1);
        assertThat(urls("kestrel quartzite")).noneMatch(u -> u.endsWith("/projects/kestrel.md"));
        assertThat(urls("heron obsidian")).noneMatch(u -> u.endsWith("/archive/heron.md"));
    }

    @Test
    void theAdminViewListsTheConfiguredFolderOnly() {
        Path root = config.fs().roots().orElseThrow().get(0);
        JsonPath view = sources();
        assertThat(view.getList("id")).hasSize(1);
        assertThat(view.getString("[0].id")).matches("fs-share-[0-9a-f]{6}");
        assertThat(view.getString("[0].kind")).isEqualTo("filesystem");
        assertThat(view.getString("[0].root")).isEqualTo(root.toAbsolutePath().normalize().toString());
        assertThat(view.getString("[0].connector_id")).isEqualTo("fs:" + root.toAbsolutePath().normalize());
        assertThat(view.getString("[0].schedule")).isEqualTo("PT1H");
        assertThat(view.getString("[0].last_run.started")).isNotBlank();
        assertThat(view.getString("[0].last_run.finished")).isNotBlank();
        assertThat(view.getString("[0].next_run")).isNotBlank();
    }

    @Test
    void aFolderNoLongerConfiguredWasRemovedAtStart() {
        assertThat(urls(SyncFolders.STALE_WORD + " osprey")).as("the old folder's document")
                .noneMatch(u -> u.contains("/gone/"));
        JsonPath status = given().auth().preemptive().basic(SyncAccounts.ADMIN, SyncAccounts.PASSWORD)
                .get("/api/index/status").then().statusCode(200).extract().jsonPath();
        assertThat(status.getMap("last_syncs").keySet()).containsExactly(sources().getString("[0].connector_id"));
    }

    @Test
    void onlyAdminsMaySyncAndAnUnknownSourceIs404() {
        String id = sources().getString("[0].id");
        given().auth().preemptive().basic(SyncAccounts.READER, SyncAccounts.PASSWORD)
                .post("/api/admin/sources/" + id + "/sync").then().statusCode(403);
        given().post("/api/admin/sources/" + id + "/sync").then().statusCode(401);
        given().auth().preemptive().basic(SyncAccounts.ADMIN, SyncAccounts.PASSWORD)
                .post("/api/admin/sources/fs-nothing-000000/sync").then().statusCode(404)
                .body("error", containsString("fs-nothing-000000"));
    }

    static JsonPath sources() {
        return given().auth().preemptive().basic(SyncAccounts.ADMIN, SyncAccounts.PASSWORD)
                .get("/api/admin/sources").then().statusCode(200).extract().jsonPath();
    }

    /** Polls the admin view until the first source has finished this many runs and is waiting again. */
    static JsonPath awaitRuns(int runs) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            JsonPath view = sources();
            if (view.getInt("[0].runs") >= runs && view.getString("[0].state").equals("idle")) {
                return view;
            }
            assertThat(System.nanoTime()).as("%d runs within 60 s; now %s", runs, view.prettify()).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    static List<String> urls(String query) {
        return given().auth().preemptive().basic(SyncAccounts.READER, SyncAccounts.PASSWORD)
                .queryParam("q", query).queryParam("limit", 20).get("/api/search")
                .then().statusCode(200).extract().jsonPath().getList("hits.url", String.class);
    }
}
