package dev.sextant.connectors.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.connectors.SourceDocument;
import dev.sextant.connectors.http.HttpObserver;
import dev.sextant.connectors.http.HttpSettings;
import dev.sextant.connectors.http.RateLimitedException;
import dev.sextant.connectors.sync.DirectoryStore;
import dev.sextant.connectors.sync.SourceSync;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every connector must do against its fake source, whatever the source: a connector is done when its
 * fake-server test extends this and passes. The index is a {@link MemoryIndex}, so "re-embedded" means a content
 * write reached it.
 */
public abstract class ConnectorContractTest {

    /** Back-offs of milliseconds and a one-second request timeout, so that failures cost the test little time. */
    public static final HttpSettings FAST = HttpSettings.DEFAULTS.withBackoff(Duration.ofMillis(5),
            Duration.ofMillis(50)).withRequestTimeout(Duration.ofSeconds(1)).withMaxInlineWait(Duration.ofSeconds(5));

    protected SourceFixture fixture;
    protected final List<Instant> rateLimitWaits = Collections.synchronizedList(new ArrayList<>());
    private final HttpObserver observer = new HttpObserver() {
        @Override
        public void waitingForRateLimit(Instant until, String reason) {
            rateLimitWaits.add(until);
        }
    };

    /** A fresh fake source, empty. */
    protected abstract SourceFixture newFixture() throws IOException;

    /** Where the connector's groups and identities go; a connector test may look at them. */
    protected DirectoryStore directory() {
        return DirectoryStore.NONE;
    }

    @BeforeEach
    void startFixture() throws IOException {
        fixture = newFixture();
    }

    @AfterEach
    void stopFixture() throws IOException {
        fixture.close();
    }

    protected SourceSync connector() {
        return new SourceSync(fixture.connector(FAST, observer), directory());
    }

    protected MemoryIndex synced() throws IOException, InterruptedException {
        MemoryIndex index = new MemoryIndex();
        index.sync(connector());
        return index;
    }

    @Test
    void aFullLoadReadsEveryPageWithTitlesUrlsAndKnownAcls() throws Exception {
        fixture.seed(fixture.pageSize() * 3 + 2);
        MemoryIndex index = synced();
        assertThat(index.documents().keySet()).containsExactlyInAnyOrderElementsOf(fixture.documentIds());
        assertThat(index.documents()).hasSizeGreaterThan(fixture.pageSize() * 3);
        for (SourceDocument d : index.documents().values()) {
            assertThat(d.acl().isNone()).as("ACL of " + d.id()).isFalse();
            assertThat(d.url()).as("url of " + d.id()).startsWith("http");
            assertThat(d.title()).isNotBlank();
        }
    }

    @Test
    void anUnchangedResyncWritesNothing() throws Exception {
        fixture.seed(fixture.pageSize() + 1);
        MemoryIndex index = synced();
        Map<String, SourceDocument> before = index.documents();
        index.resetCounts();
        index.sync(connector());
        assertThat(index.contentWrites() + index.aclWrites() + index.deletes()).isZero();
        assertThat(index.documents()).isEqualTo(before);
    }

    @Test
    void aSecondSyncReadsOnlyTheChangedDocument() throws Exception {
        fixture.seed(fixture.pageSize() + 1);
        MemoryIndex index = synced();
        Map<String, SourceDocument> before = index.documents();
        String edited = fixture.editContent();
        index.resetCounts();
        index.sync(connector());
        assertThat(index.contentWrites()).isEqualTo(1);
        assertThat(index.documents().get(edited).body()).isNotEqualTo(before.get(edited).body());
        before.forEach((id, d) -> {
            if (!id.equals(edited)) {
                assertThat(index.documents().get(id)).isEqualTo(d);
            }
        });
    }

    @Test
    void aDeletedDocumentLeavesTheIndexOnTheNextSync() throws Exception {
        fixture.seed(fixture.pageSize() + 1);
        MemoryIndex index = synced();
        String deleted = fixture.deleteDocument();
        index.sync(connector());
        assertThat(index.documents()).doesNotContainKey(deleted);
        assertThat(index.documents().keySet()).containsExactlyInAnyOrderElementsOf(fixture.documentIds());
    }

    @Test
    void aPermissionChangeArrivesWithoutReadingOrEmbeddingContent() throws Exception {
        fixture.seed(fixture.pageSize() + 1);
        MemoryIndex index = synced();
        SourceDocument before = index.documents().values().iterator().next();
        SourceFixture.AclChange change = fixture.changeAcl();
        index.resetCounts();
        index.sync(connector());
        assertThat(index.aclWrites()).isGreaterThanOrEqualTo(1);
        assertThat(index.contentWrites()).isZero();
        assertThat(index.documents().get(change.documentId()).acl()).isEqualTo(change.acl());
        assertThat(before.body()).isEqualTo(index.documents().get(before.id()).body());
    }

    @Test
    void aShortRateLimitIsWaitedOutAndTheSyncCompletes() throws Exception {
        fixture.seed(3);
        MemoryIndex index = synced();
        String edited = fixture.editContent();
        String bodyBefore = index.documents().get(edited).body();
        fixture.refuseNextWithRateLimit(Duration.ofSeconds(1));
        index.sync(connector());
        assertThat(rateLimitWaits).isNotEmpty();
        assertThat(index.documents().get(edited).body()).isNotEqualTo(bodyBefore);
        assertThat(index.documents().keySet()).containsExactlyInAnyOrderElementsOf(fixture.documentIds());
    }

    @Test
    void aRateLimitResettingInAnHourStopsTheSyncWithItsResetTimeAndLosesNothing() throws Exception {
        fixture.seed(3);
        MemoryIndex index = synced();
        Map<String, SourceDocument> before = index.documents();
        fixture.editContent();
        fixture.refuseNextWithRateLimit(Duration.ofHours(1));
        Instant now = Instant.now();
        assertThatThrownBy(() -> index.sync(connector()))
                .isInstanceOfSatisfying(RateLimitedException.class, e -> assertThat(e.until())
                        .isBetween(now.plus(Duration.ofMinutes(58)), now.plus(Duration.ofMinutes(62))));
        assertThat(index.documents()).isEqualTo(before);
        index.sync(connector());
        assertThat(index.documents().keySet()).containsExactlyInAnyOrderElementsOf(fixture.documentIds());
    }

    @Test
    void serverErrorsAndTimeoutsMidSyncAreRetried() throws Exception {
        fixture.seed(fixture.pageSize() * 2 + 1);
        MemoryIndex reference = synced();
        fixture.failNext(2, 500);
        MemoryIndex index = new MemoryIndex();
        index.sync(connector());
        fixture.failNext(1, 503);
        fixture.stallNext(1);
        fixture.editContent();
        reference.sync(connector());
        index.sync(connector());
        assertThat(index.documents()).isEqualTo(reference.documents());
    }

    @Test
    void aCrashBetweenBatchesThenAResumedRunEndsIdenticalToAnUninterruptedOne() throws Exception {
        fixture.seed(fixture.pageSize() * 3);
        MemoryIndex crashed = new MemoryIndex().commitEvery(3).crashAfter(fixture.pageSize() + 1);
        assertThatThrownBy(() -> crashed.sync(connector())).isInstanceOf(MemoryIndex.SimulatedCrash.class);
        assertThat(crashed.documents()).isNotEmpty();
        crashed.sync(connector());
        assertThat(crashed.documents()).isEqualTo(synced().documents());

        fixture.editContent();
        fixture.editContent();
        fixture.deleteDocument();
        SourceFixture.AclChange change = fixture.changeAcl();
        crashed.crashAfter(1);
        assertThatThrownBy(() -> crashed.sync(connector())).isInstanceOf(MemoryIndex.SimulatedCrash.class);
        crashed.sync(connector());
        MemoryIndex uninterrupted = synced();
        assertThat(crashed.documents()).isEqualTo(uninterrupted.documents());
        assertThat(crashed.documents().get(change.documentId()).acl()).isEqualTo(change.acl());
    }
}
