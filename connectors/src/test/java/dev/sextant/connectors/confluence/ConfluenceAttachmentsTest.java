package dev.sextant.connectors.confluence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.acl.Acl;
import dev.sextant.acl.AclClause;
import dev.sextant.acl.Principal;
import dev.sextant.connectors.SourceDocument;
import dev.sextant.connectors.http.HttpObserver;
import dev.sextant.connectors.http.HttpSettings;
import dev.sextant.connectors.spi.DocumentSink;
import dev.sextant.connectors.spi.FullLoad;
import dev.sextant.connectors.spi.SlimDocument;
import dev.sextant.connectors.sync.DirectoryStore;
import dev.sextant.connectors.sync.SourceSync;
import dev.sextant.connectors.testing.MemoryIndex;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Attachments on both flavours: each a document with its page's ACL and its own version; the size cap applied
 * before any download; unsupported and binary files skipped with a reason; gone with their page.
 */
class ConfluenceAttachmentsTest {

    private static final HttpSettings FAST = HttpSettings.DEFAULTS.withBackoff(Duration.ofMillis(5),
            Duration.ofMillis(50)).withRequestTimeout(Duration.ofSeconds(2));
    private static final Principal ENG = Principal.group("confluence", "g-eng");
    private static final Principal ANN = Principal.account("confluence", "acc-ann");

    private static ConfluenceFixture fixture(boolean dataCenter) {
        return dataCenter ? ConfluenceFixture.dataCenter(2) : new ConfluenceFixture(2);
    }

    /** Offers nothing is known; records what was written and what was skipped, and why. */
    private static final class Recording implements DocumentSink {
        final Map<String, SourceDocument> upserts = new LinkedHashMap<>();
        final Map<String, String> skips = new LinkedHashMap<>();

        @Override
        public boolean offer(SlimDocument document) {
            return true;
        }

        @Override
        public void upsert(SourceDocument document) {
            upserts.put(document.id(), document);
        }

        @Override
        public void skip(String documentId, String reason) {
            skips.put(documentId, reason);
        }
    }

    @ParameterizedTest(name = "dataCenter={0}")
    @ValueSource(booleans = {false, true})
    void attachmentsAreDocumentsWithTheirPagesAclAndOversizedOrBinaryOnesAreSkippedWithAReason(boolean dataCenter)
            throws Exception {
        try (ConfluenceFixture fixture = fixture(dataCenter)) {
            ConfluenceServer server = fixture.server();
            ConfluenceServer.Content page = server.create("page", fixture.eng(), null, "Plans", "<p>p</p>");
            server.restrict(page.id(), Set.of("acc-ann"), Set.of());
            ConfluenceServer.Content post = server.create("blogpost", fixture.eng(), null, "News", "<p>n</p>");
            ConfluenceServer.Content notes = server.create("attachment", fixture.eng(), page.id(), "notes one.txt",
                    "Launch checklist: ship on Monday.");
            ConfluenceServer.Content big = server.create("attachment", fixture.eng(), page.id(), "big.txt",
                    "x".repeat((int) ConfluenceFixture.MAX_FILE_BYTES + 1));
            ConfluenceServer.Content binary = server.create("attachment", fixture.eng(), page.id(), "dump.txt",
                    "a\0b");
            ConfluenceServer.Content exe = server.create("attachment", fixture.eng(), page.id(), "setup.exe", "MZ");
            ConfluenceServer.Content memo = server.create("attachment", fixture.eng(), post.id(), "memo.md",
                    "# Memo\n\nBlog attachment.");

            Recording sink = new Recording();
            ((FullLoad) fixture.connector(FAST, HttpObserver.NONE)).loadAll(sink);

            SourceDocument doc = sink.upserts.get("conf:attachment:" + notes.id());
            assertThat(doc.body()).contains("ship on Monday");
            assertThat(doc.title()).isEqualTo("notes one.txt");
            assertThat(doc.version()).isEqualTo("v1");
            assertThat(doc.acl()).isEqualTo(Acl.of(AclClause.of(ENG), AclClause.of(ANN)))
                    .isEqualTo(sink.upserts.get("conf:page:" + page.id()).acl());
            assertThat(sink.upserts.get("conf:attachment:" + memo.id()).acl()).isEqualTo(Acl.of(AclClause.of(ENG)));
            assertThat(sink.skips).containsOnlyKeys("conf:attachment:" + big.id(), "conf:attachment:" + binary.id(),
                    "conf:attachment:" + exe.id());
            assertThat(sink.skips.get("conf:attachment:" + big.id())).contains("over the cap of 65536");
            assertThat(sink.skips.get("conf:attachment:" + binary.id())).contains("binary content");
            assertThat(sink.skips.get("conf:attachment:" + exe.id())).contains("not a kind of file");
            assertThat(server.downloads()).as("notes, dump and memo; the big file and the .exe never").isEqualTo(3);
        }
    }

    @ParameterizedTest(name = "dataCenter={0}")
    @ValueSource(booleans = {false, true})
    void aNewAttachmentVersionIsReReadAndAttachmentsLeaveWithTheirPage(boolean dataCenter) throws Exception {
        try (ConfluenceFixture fixture = fixture(dataCenter)) {
            ConfluenceServer server = fixture.server();
            ConfluenceServer.Content page = server.create("page", fixture.eng(), null, "Plans", "<p>p</p>");
            ConfluenceServer.Content notes = server.create("attachment", fixture.eng(), page.id(), "notes.txt",
                    "First draft.");
            String id = "conf:attachment:" + notes.id();
            MemoryIndex index = new MemoryIndex();
            index.sync(new SourceSync(fixture.connector(FAST, HttpObserver.NONE), DirectoryStore.NONE));
            assertThat(index.documents().get(id).body()).contains("First draft.");

            server.put(notes.with(page.id(), "Second draft.", "current", true));
            index.resetCounts();
            index.sync(new SourceSync(fixture.connector(FAST, HttpObserver.NONE), DirectoryStore.NONE));
            assertThat(index.documents().get(id).body()).contains("Second draft.");
            assertThat(index.documents().get(id).version()).startsWith("v2");
            assertThat(index.contentWrites()).isEqualTo(1);

            server.put(page.with(null, page.body(), "trashed", false));
            index.sync(new SourceSync(fixture.connector(FAST, HttpObserver.NONE), DirectoryStore.NONE));
            assertThat(index.documents()).doesNotContainKeys(id, "conf:page:" + page.id());
        }
    }
}
