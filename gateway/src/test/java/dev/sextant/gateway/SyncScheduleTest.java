package dev.sextant.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.gateway.indexing.IndexingService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** With a two-second schedule, the server syncs again by itself: a new file is found without anyone asking. */
@QuarkusTest
@TestProfile(SyncScheduleTest.EveryTwoSeconds.class)
class SyncScheduleTest {

    /** A server on {@link SyncFolders} that syncs two seconds after each run. */
    public static class EveryTwoSeconds implements QuarkusTestProfile {
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(SyncFolders.class, Map.of("interval", "PT2S")));
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
    }

    @Test
    void theScheduleSyncsAgainAndANewFileArrivesWithoutATrigger() throws Exception {
        Path root = config.fs().roots().orElseThrow().get(0);
        Files.writeString(root.resolve("projects/plover.md"),
                "# Plover checklist\n\nThe plover checklist names the basalt racks to retire.\n");
        int runs = SyncOnDemandTest.sources().getInt("[0].runs");

        JsonPath view = SyncOnDemandTest.awaitRuns(runs + 2);

        assertThat(view.getString("[0].schedule")).isEqualTo("PT2S");
        Instant finished = Instant.parse(view.getString("[0].last_run.finished"));
        Instant next = Instant.parse(view.getString("[0].next_run"));
        assertThat(Duration.between(finished, next)).isBetween(Duration.ofMillis(1900), Duration.ofMillis(2100));
        assertThat(SyncOnDemandTest.urls("plover basalt")).anyMatch(u -> u.endsWith("/projects/plover.md"));
    }
}
