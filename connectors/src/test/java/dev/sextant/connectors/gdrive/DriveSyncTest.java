package dev.sextant.connectors.gdrive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.connectors.SourceDocument;
import dev.sextant.connectors.http.HttpObserver;
import dev.sextant.connectors.http.RateLimitedException;
import dev.sextant.connectors.spi.DocumentSink;
import dev.sextant.connectors.spi.SlimDocument;
import dev.sextant.connectors.sync.DirectoryStore;
import dev.sextant.connectors.sync.SourceSync;
import dev.sextant.connectors.testing.MemoryIndex;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Change-feed paging, Google's rate-limit signals, tokens, and what content is skipped and why. */
class DriveSyncTest {

    private final DriveFixture fixture = new DriveFixture(20);
    private final FakeDriveData data = fixture.drive.data;
    private final List<Instant> waits = Collections.synchronizedList(new ArrayList<>());
    private final HttpObserver observer = new HttpObserver() {
        @Override
        public void waitingForRateLimit(Instant until, String reason) {
            waits.add(until);
        }
    };

    @AfterEach
    void close() {
        fixture.close();
    }

    private SourceSync connector() {
        return new SourceSync(fixture.connector(DriveFixture.FAST_HTTP, observer), DirectoryStore.NONE);
    }

    @Test
    void theChangeFeedIsReadPageByPageCheckpointingEachNextPageTokenAndEndsOnNewStartPageToken() throws Exception {
        fixture.seed(45);
        MemoryIndex index = new MemoryIndex().commitEvery(1);
        index.sync(connector());
        String cursor = index.checkpoint().orElseThrow();
        List<String> ids = new ArrayList<>(fixture.documentIds());
        for (String id : ids) {
            String fileId = id.substring(DriveFixture.SOURCE.length() + 1);
            data.edit(fileId, "edited " + fileId);
        }
        index.crashAfter(25);
        assertThatThrownBy(() -> index.sync(connector())).isInstanceOf(MemoryIndex.SimulatedCrash.class);
        List<String> asked = fixture.drive.changeTokens();
        assertThat(asked).hasSize(2);
        assertThat("poll:" + asked.getFirst()).isEqualTo(cursor);
        assertThat(index.checkpoint()).as("the second page's token, saved after the first page")
                .contains("poll:" + asked.get(1));

        index.sync(connector());
        List<String> resumed = fixture.drive.changeTokens().subList(2, fixture.drive.changeTokens().size());
        assertThat(resumed).hasSize(2).first().isEqualTo(asked.get(1));
        assertThat(index.checkpoint()).contains("poll:" + (data.changes.size() + 1));
        MemoryIndex uninterrupted = new MemoryIndex();
        uninterrupted.sync(connector());
        assertThat(index.documents()).isEqualTo(uninterrupted.documents());
    }

    @Test
    void aUserRateLimitIsBackedOffAndTheSyncCompletes() throws Exception {
        fixture.seed(4);
        fixture.drive.refuseNext(2, "userRateLimitExceeded");
        MemoryIndex index = new MemoryIndex();
        index.sync(connector());
        assertThat(waits).hasSize(2);
        assertThat(index.documents().keySet()).containsExactlyInAnyOrderElementsOf(fixture.documentIds());
    }

    @Test
    void aSpentDailyQuotaPausesTheSourceUntilMidnightPacificTime() throws Exception {
        fixture.seed(2);
        fixture.drive.refuseNext(1, "dailyLimitExceeded");
        ZoneId pacific = ZoneId.of("America/Los_Angeles");
        Instant midnight = LocalDate.now(pacific).plusDays(1).atStartOfDay(pacific).toInstant();
        assertThatThrownBy(() -> new MemoryIndex().sync(connector()))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.until()).isEqualTo(midnight));
    }

    @Test
    void aRevokedAccessTokenIsReplacedAndTheSyncCarriesOn() throws Exception {
        fixture.seed(3);
        SourceSync connector = connector();
        MemoryIndex index = new MemoryIndex();
        index.sync(connector);
        String edited = fixture.editContent();
        fixture.drive.auth.revokeAll();
        index.sync(connector);
        assertThat(index.documents().get(edited).body()).endsWith("Edited.");
    }

    @Test
    void aRefreshTokenWorksInsteadOfAServiceAccount() throws Exception {
        fixture.seed(3);
        fixture.setting("token_url", fixture.drive.tokenUri());
        MemoryIndex index = new MemoryIndex();
        index.sync(new SourceSync(fixture.connector(DriveFixture.FAST_HTTP, observer, Map.of(
                "client_secret", fixture.drive.auth.clientSecret,
                "refresh_token", fixture.drive.auth.refreshToken)), DirectoryStore.NONE));
        assertThat(index.documents().keySet()).containsExactlyInAnyOrderElementsOf(fixture.documentIds());
    }

    @Test
    void filesWithoutUsableTextAreSkippedWithTheirReasonAndOversizedOnesAreNeverDownloaded() throws Exception {
        String big = data.addFile("Huge doc", FakeDriveData.DOC, "x".repeat(10 * 1024 * 1024 + 1), null, null);
        String large = data.addBinary("scan.pdf", "application/pdf", new byte[2 * 1024 * 1024], null, null);
        String image = data.addBinary("photo.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}, null, null);
        String form = data.addFile("Survey", FakeDriveData.FORM, "", null, null);
        String text = data.addBinary("readme", "text/plain", "plain words".getBytes(), null, null);
        Map<String, String> skipped = new LinkedHashMap<>();
        Map<String, String> bodies = new LinkedHashMap<>();
        fixture.connector(DriveFixture.FAST_HTTP, observer, Map.of("service_account_json",
                fixture.drive.auth.keyFile(fixture.drive.tokenUri()))).loadAll(new DocumentSink() {
                    @Override
                    public boolean offer(SlimDocument document) {
                        return true;
                    }

                    @Override
                    public void upsert(SourceDocument document) {
                        bodies.put(document.id(), document.body());
                    }

                    @Override
                    public void skip(String documentId, String reason) {
                        skipped.put(documentId, reason);
                    }
                });
        assertThat(skipped.get(DriveFixture.documentId(big))).contains("10 MB");
        assertThat(skipped.get(DriveFixture.documentId(large))).contains("too large");
        assertThat(skipped.get(DriveFixture.documentId(image))).contains("unsupported type .png");
        assertThat(skipped.get(DriveFixture.documentId(form))).contains("no text export");
        assertThat(bodies.get(DriveFixture.documentId(text))).isEqualTo("plain words");
        assertThat(fixture.drive.downloads()).as("only the text file was downloaded").isEqualTo(1);
    }
}
