package dev.sextant.connectors.github;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.acl.Acl;
import dev.sextant.acl.Principal;
import dev.sextant.acl.Principals;
import dev.sextant.connectors.SourceDocument;
import dev.sextant.connectors.SyncSession;
import dev.sextant.connectors.http.HttpObserver;
import dev.sextant.connectors.http.HttpSettings;
import dev.sextant.connectors.http.SourceHttp;
import dev.sextant.connectors.spi.DocumentFetch;
import dev.sextant.connectors.sync.DirectoryStore;
import dev.sextant.connectors.sync.SourceSync;
import dev.sextant.connectors.testing.MemoryIndex;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What GitHub-specific syncs do beyond the contract: deletions of every kind, skips, revalidation, trees, issues. */
class GitHubSyncTest {

    private static final HttpSettings FAST = HttpSettings.DEFAULTS.withBackoff(Duration.ofMillis(5),
            Duration.ofMillis(20));
    private static final Principals OUTSIDER = Principals.of(Principal.PUBLIC, Principal.user("mallory@elsewhere.example"));

    private GitHubFixture fixture;
    private final MemoryIndex index = new MemoryIndex();

    @BeforeEach
    void start() throws Exception {
        fixture = new GitHubFixture(5);
        fixture.seed(12);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    private SourceSync fresh() {
        return new SourceSync(fixture.connector(FAST, HttpObserver.NONE), DirectoryStore.NONE);
    }

    private long repoId(String name) {
        return fixture.server.read(org -> org.repo(name).id);
    }

    private long documentsOf(long repoId) {
        String prefix = GitHubFixture.SOURCE_ID + ":" + repoId + ":";
        return index.documents().keySet().stream().filter(id -> id.startsWith(prefix)).count();
    }

    @Test
    void aRepositoryMadePrivateDeletedOrArchivedLeavesEveryonesResultsOnTheNextSync() throws Exception {
        index.sync(fresh());
        assertThat(index.documents().values()).filteredOn(d -> d.url().contains("/handbook/"))
                .isNotEmpty().allMatch(d -> d.acl().admits(OUTSIDER));
        long payroll = repoId("payroll");
        long platform = repoId("platform");
        assertThat(documentsOf(payroll)).isPositive();
        assertThat(documentsOf(platform)).isPositive();

        fixture.server.edit(org -> {
            org.repo("handbook").visibility = "private";
            org.deleteRepo("platform");
            org.repo("payroll").archived = true;
        });
        index.sync(fresh());

        assertThat(index.documents().values()).filteredOn(d -> d.url().contains("/handbook/"))
                .isNotEmpty().noneMatch(d -> d.acl().admits(OUTSIDER));
        assertThat(documentsOf(platform)).isZero();
        assertThat(documentsOf(payroll)).isZero();
        assertThat(index.documents().keySet()).containsExactlyInAnyOrderElementsOf(fixture.documentIds());
    }

    @Test
    void binariesVendoredGeneratedAndOversizedFilesAreLeftOutAndNotDownloaded() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("vendor/lib/util.go", "package util".getBytes(StandardCharsets.UTF_8));
        files.put("web/node_modules/left-pad/index.js", "module.exports = 1".getBytes(StandardCharsets.UTF_8));
        files.put("web/app.min.js", "var a=1".getBytes(StandardCharsets.UTF_8));
        files.put("package-lock.json", "{}".getBytes(StandardCharsets.UTF_8));
        files.put("img/logo.png", new byte[]{(byte) 0x89, 'P', 'N', 'G', 0, 0, 1});
        files.put("data/blob.weird", new byte[]{1, 0, 2, 0, 3});
        files.put("big/huge.txt", "x".repeat(2 * 1024 * 1024).getBytes(StandardCharsets.UTF_8));
        files.put("src/Main.java", "class Main { /* the retry loop */ }".getBytes(StandardCharsets.UTF_8));
        fixture.server.edit(org -> org.commit(org.repo("handbook"), files, Set.of()));
        int blobsBefore = fixture.server.blobReads();
        Map<String, String> skipped = new LinkedHashMap<>();
        new SourceSync(fixture.connector(FAST, HttpObserver.NONE), DirectoryStore.NONE).sync(recording(skipped));

        String handbook = GitHubFixture.SOURCE_ID + ":" + repoId("handbook") + ":file:";
        assertThat(skipped).containsKeys(handbook + "img/logo.png", handbook + "big/huge.txt",
                handbook + "data/blob.weird");
        assertThat(skipped.get(handbook + "img/logo.png")).contains("binary");
        assertThat(skipped.get(handbook + "big/huge.txt")).contains("larger than the limit");
        assertThat(skipped.get(handbook + "data/blob.weird")).contains("binary content");
        assertThat(skipped).doesNotContainKeys(handbook + "vendor/lib/util.go");
        index.sync(fresh());
        assertThat(index.documents()).containsKey(handbook + "src/Main.java")
                .doesNotContainKeys(handbook + "vendor/lib/util.go", handbook + "web/node_modules/left-pad/index.js",
                        handbook + "web/app.min.js", handbook + "package-lock.json", handbook + "img/logo.png",
                        handbook + "big/huge.txt", handbook + "data/blob.weird");
        assertThat(index.documents().get(handbook + "src/Main.java").title()).isEqualTo("acme/handbook/src/Main.java");
        int indexedFiles = (int) index.documents().keySet().stream().filter(id -> id.contains(":file:")).count();
        assertThat(fixture.server.blobReads() - blobsBefore).as("blobs read by two full loads")
                .isEqualTo(2 * (indexedFiles + 1));
    }

    @Test
    void anUnchangedResyncOverOneClientIsRevalidatedWith304sAndReadsNoBlob() throws Exception {
        SourceSync sync = new SourceSync(fixture.connector(SourceHttp.create(FAST, GitHubRateLimits.rule(),
                HttpObserver.NONE)), DirectoryStore.NONE);
        index.sync(sync);
        int blobs = fixture.server.blobReads();
        int requests = fixture.server.requests();
        int notModified = fixture.server.notModified();
        index.resetCounts();
        index.sync(sync);
        int sent = fixture.server.requests() - requests;
        int revalidated = fixture.server.notModified() - notModified;
        assertThat(index.contentWrites() + index.aclWrites() + index.deletes()).isZero();
        assertThat(fixture.server.blobReads()).isEqualTo(blobs);
        assertThat(revalidated).as("304s among " + sent + " requests").isPositive()
                .isGreaterThanOrEqualTo(sent * 3 / 4);
    }

    @Test
    void aTruncatedTreeIsWalkedSubtreeBySubtree() throws Exception {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (int i = 0; i < 8; i++) {
            files.put("guides/part-" + (i % 3) + "/page-" + i + ".md", ("# Page " + i + "\n\nText " + i)
                    .getBytes(StandardCharsets.UTF_8));
        }
        fixture.server.edit(org -> org.commit(org.repo("handbook"), files, Set.of()));
        fixture.server.treeEntryLimit = 4;
        index.sync(fresh());
        assertThat(index.documents().keySet()).containsExactlyInAnyOrderElementsOf(fixture.documentIds());
        String handbook = GitHubFixture.SOURCE_ID + ":" + repoId("handbook") + ":file:";
        assertThat(index.documents()).containsKey(handbook + "guides/part-2/page-5.md");
    }

    @Test
    void issuesAndPullRequestsCarryTheirCommentsAndANewCommentArrivesByPoll() throws Exception {
        index.sync(fresh());
        long platform = repoId("platform");
        SourceDocument first = index.documents().get(GitHubFixture.SOURCE_ID + ":" + platform + ":issue:1");
        assertThat(first.title()).isEqualTo("Issue 0 · acme/platform#1");
        assertThat(first.body()).contains("Pull request #1", "cache is cold", "## Comment by carol", "Seen it on node 0");
        assertThat(first.url()).isEqualTo("https://github.example/acme/platform/pull/1");
        SourceDocument second = index.documents().get(GitHubFixture.SOURCE_ID + ":" + platform + ":issue:2");
        assertThat(second.body()).startsWith("Issue #2").doesNotContain("## Comment");

        fixture.server.edit(org -> {
            FakeGitHubOrg.Repo repo = org.repo("platform");
            org.comment(repo, repo.issues.get(2L), fixture.dan, "Fixed by restarting the cache.");
        });
        index.resetCounts();
        index.sync(fresh());
        assertThat(index.contentWrites()).isEqualTo(1);
        assertThat(index.documents().get(second.id()).body()).contains("## Comment by dan", "restarting the cache");
    }

    @Test
    void aForcePushThatDropsTheOldHeadBringsTheTreeAsItIsNow() throws Exception {
        index.sync(fresh());
        long payroll = repoId("payroll");
        assertThat(documentsOf(payroll)).isGreaterThan(1);
        fixture.server.edit(org -> {
            FakeGitHubOrg.Repo repo = org.repo("payroll");
            repo.commits.removeLast();
            org.commit(repo, Map.of("docs/rewritten.md", "# Rewritten\n\nHistory was rewritten."
                    .getBytes(StandardCharsets.UTF_8)), Set.of());
        });
        index.sync(fresh());
        assertThat(index.documents().keySet()).containsExactlyInAnyOrderElementsOf(fixture.documentIds());
        assertThat(documentsOf(payroll)).isEqualTo(1);
        assertThat(index.documents().get(GitHubFixture.SOURCE_ID + ":" + payroll + ":file:docs/rewritten.md").title())
                .isEqualTo("Rewritten — acme/payroll/docs/rewritten.md");
    }

    @Test
    void oneDocumentIsFetchedByIdAndAGoneOneIsEmpty() throws Exception {
        DocumentFetch connector = (DocumentFetch) fixture.connector(FAST, HttpObserver.NONE);
        String file = GitHubFixture.SOURCE_ID + ":" + repoId("payroll") + ":file:docs/note-1.md";
        String issue = GitHubFixture.SOURCE_ID + ":" + repoId("platform") + ":issue:1";
        assertThat(connector.fetch(file)).hasValueSatisfying(d -> {
            assertThat(d.body()).contains("topic 1");
            assertThat(d.url()).isEqualTo("https://github.example/acme/payroll/blob/main/docs/note-1.md");
            assertThat(d.acl().admits(OUTSIDER)).isFalse();
        });
        assertThat(connector.fetch(issue)).hasValueSatisfying(d -> assertThat(d.body()).contains("Seen it on node 0"));
        assertThat(connector.fetch(GitHubFixture.SOURCE_ID + ":" + repoId("payroll") + ":file:docs/none.md")).isEmpty();
        assertThat(connector.fetch(GitHubFixture.SOURCE_ID + ":" + repoId("platform") + ":issue:999")).isEmpty();
        assertThat(connector.fetch(GitHubFixture.SOURCE_ID + ":424242:issue:1")).isEmpty();
        assertThat(connector.fetch("other-source:1:file:x")).isEmpty();
    }

    /** A session that records skips, for a load whose writes this test does not keep. */
    private static SyncSession recording(Map<String, String> skipped) {
        return new SyncSession() {
            @Override
            public Map<String, String> knownVersions() {
                return Map.of();
            }

            @Override
            public Optional<String> checkpoint() {
                return Optional.empty();
            }

            @Override
            public void checkpoint(String cursor) {
            }

            @Override
            public void upsert(SourceDocument document) {
            }

            @Override
            public void delete(String documentId) {
            }

            @Override
            public boolean updateAcl(String documentId, Acl acl, String version) {
                return false;
            }

            @Override
            public void skip(String location, String reason) {
                skipped.put(location, reason);
            }
        };
    }
}
