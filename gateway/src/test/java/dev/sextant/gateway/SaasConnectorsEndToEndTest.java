package dev.sextant.gateway;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.connectors.gdrive.DriveFixture;
import dev.sextant.connectors.gdrive.FakeDriveData;
import dev.sextant.connectors.gdrive.FakeDriveData.Perm;
import dev.sextant.connectors.github.FakeGitHubOrg;
import dev.sextant.connectors.github.GitHubFixture;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GitHub and Google Drive end to end: each source created through the admin API against its fake (the real REST
 * protocols, from the connectors' test jar), synced by the scheduler into the real index, and searched by people
 * whose access comes from the source: org membership, teams, an identity link an admin adds, Google Groups.
 */
@QuarkusTest
@TestProfile(SaasConnectorsEndToEndTest.NoDemo.class)
class SaasConnectorsEndToEndTest {

    public static class NoDemo implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                return Map.of("sextant.data-dir", Files.createTempDirectory("sextant-saas").toString(),
                        "sextant.demo.enabled", "false", "sextant.sync.interval", "PT1H");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static final String PASSWORD = "correct horse battery staple";
    private static GitHubFixture github;
    private static DriveFixture drive;
    private static FakeGitHubOrg.User gwen;
    private static FakeGitHubOrg.User hugo;

    @Inject
    DataSource database;

    @BeforeAll
    static void startFakes() throws IOException {
        github = new GitHubFixture(10);
        github.server().edit(org -> {
            gwen = org.member("gwen", "gwen@acme.example");
            hugo = org.member("hugo", null);
            org.commit(org.repo("payroll"), Map.of("docs/bands.md", text("# Salary bands\n\nThe zephyr bands for 2027.")),
                    Set.of());
            org.commit(org.repo("platform"), Map.of("docs/oncall.md", text("# On call\n\nThe zephyr rota starts Monday.")),
                    Set.of());
            org.commit(org.repo("handbook"), Map.of("docs/welcome.md", text("# Welcome\n\nThe zephyr office is open.")),
                    Set.of());
        });
        drive = new DriveFixture(10);
        FakeDriveData data = drive.drive.data;
        data.group(DriveFixture.FINANCE, FakeDriveData.Member.user("gwen@acme.example"));
        data.addFile("Quetzal forecast", FakeDriveData.DOC, "The quetzal forecast for the quarter.", null,
                drive.financeDrive);
        data.addFile("Quetzal picnic", FakeDriveData.DOC, "The quetzal picnic is on Friday.", null, null,
                Perm.domain("acme.example", true));
        data.addFile("Quetzal link", FakeDriveData.DOC, "The quetzal link-only note.", null, null,
                Perm.anyone(false));
    }

    @AfterAll
    static void stopFakes() {
        github.close();
        drive.close();
    }

    @BeforeEach
    void accounts() {
        TestAccounts.ensure(database, "ops", "ops@acme.example", Set.of(), true, PASSWORD);
        TestAccounts.ensure(database, "gwen", "gwen@acme.example", Set.of(), false, PASSWORD);
        TestAccounts.ensure(database, "hugo", "hugo@acme.example", Set.of(), false, PASSWORD);
        TestAccounts.ensure(database, "mallory", "mallory@elsewhere.example", Set.of(), false, PASSWORD);
    }

    @Test
    void gitHubAccessFollowsOrgTeamsAndTheIdentityMap() throws Exception {
        admin().contentType(ContentType.JSON).body(Map.of("id", GitHubFixture.SOURCE_ID, "kind", "github",
                        "interval", "PT1H", "settings", Map.of("base_url", github.server().base().toString(), "org", "acme"),
                        "secrets", Map.of("token", "ghp_fixture0000000000000000000000000000")))
                .post("/api/admin/sources").then().statusCode(201);
        awaitRuns(GitHubFixture.SOURCE_ID, 1);

        assertThat(files("gwen")).as("an org member with a public email")
                .contains("docs/oncall.md", "docs/welcome.md").doesNotContain("docs/bands.md");
        assertThat(files("mallory")).as("outside the org").containsExactly("docs/welcome.md");
        assertThat(files("hugo")).as("no public email: unmapped").containsExactly("docs/welcome.md");

        String hugoAccount = "account:github:" + hugo.id();
        assertThat(admin().queryParam("unmapped", true).get("/api/admin/identities").asString()).contains(hugoAccount);
        admin().contentType(ContentType.JSON).body(Map.of("email", "hugo@acme.example", "account", hugoAccount))
                .put("/api/admin/identities/links").then().statusCode(200);
        assertThat(files("hugo")).as("linked by the admin, on the next query")
                .contains("docs/oncall.md");

        github.server().edit(org -> org.joinTeam("finance", gwen));
        admin().post("/api/admin/sources/" + GitHubFixture.SOURCE_ID + "/sync").then().statusCode(202);
        JsonPath after = awaitRuns(GitHubFixture.SOURCE_ID, 2);
        assertThat(files("gwen")).as("in team finance now").contains("docs/bands.md");
        List<Map<String, Object>> runs = admin().get("/api/admin/sources/" + GitHubFixture.SOURCE_ID + "/runs")
                .jsonPath().getList("$");
        assertThat(runs.getFirst()).as("the membership change re-indexed nothing: " + after.prettify())
                .containsEntry("added", 0).containsEntry("updated", 0);
    }

    @Test
    void driveAccessFollowsSharedDrivesGroupsAndDiscoverableShares() throws Exception {
        admin().contentType(ContentType.JSON).body(Map.of("id", DriveFixture.SOURCE, "kind", "gdrive",
                        "interval", "PT1H", "settings", Map.of("subject", DriveFixture.SUBJECT,
                                "drive_base_url", drive.drive.driveBase(), "admin_base_url", drive.drive.adminBase()),
                        "secrets", Map.of("service_account_json", drive.drive.auth.keyFile(drive.drive.tokenUri()))))
                .post("/api/admin/sources").then().statusCode(201);
        awaitRuns(DriveFixture.SOURCE, 1);

        assertThat(titles("gwen", "quetzal")).as("in finance@, a member of the shared drive")
                .contains("Quetzal forecast", "Quetzal picnic").doesNotContain("Quetzal link");
        assertThat(titles("hugo", "quetzal")).as("the domain share only").containsExactly("Quetzal picnic");
        assertThat(titles("mallory", "quetzal")).as("outside the domain; a link-only share is not public").isEmpty();

        drive.drive.data.removeMember(DriveFixture.FINANCE, "gwen@acme.example");
        admin().post("/api/admin/sources/" + DriveFixture.SOURCE + "/sync").then().statusCode(202);
        awaitRuns(DriveFixture.SOURCE, 2);
        assertThat(titles("gwen", "quetzal")).as("left finance@").containsExactly("Quetzal picnic");
    }

    private static byte[] text(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return given().auth().preemptive().basic("ops", PASSWORD);
    }

    private static List<String> titles(String user, String query) {
        return given().auth().preemptive().basic(user, PASSWORD).queryParam("q", query).queryParam("limit", 20)
                .get("/api/search").then().statusCode(200).extract().jsonPath().getList("hits.title", String.class);
    }

    /** The repository paths of the GitHub files a user finds for the test's word; titles end with them. */
    private static List<String> files(String user) {
        return titles(user, "zephyr").stream().map(t -> t.substring(t.lastIndexOf("docs/"))).toList();
    }

    private static JsonPath awaitRuns(String id, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (true) {
            JsonPath view = admin().get("/api/admin/sources/" + id).then().statusCode(200).extract().jsonPath();
            if (view.getInt("runs") >= count && !List.of("queued", "running").contains(view.getString("state"))) {
                assertThat(view.getString("last_run.failure")).as(view.prettify()).isNull();
                return view;
            }
            assertThat(System.nanoTime()).as("%d runs of %s; now %s", count, id, view.prettify()).isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
