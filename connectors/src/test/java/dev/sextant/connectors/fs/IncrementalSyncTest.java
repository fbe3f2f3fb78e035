package dev.sextant.connectors.fs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sextant.acl.Acl;
import dev.sextant.acl.AclClause;
import dev.sextant.acl.Principal;
import dev.sextant.connectors.SourceDocument;
import dev.sextant.connectors.extract.ExtractedText;
import dev.sextant.connectors.extract.ExtractionException;
import dev.sextant.connectors.extract.TextExtractor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Second and later syncs: only what changed is read and upserted, and what is gone is deleted. */
class IncrementalSyncTest {

    private static final Acl LEGAL = Acl.of(AclClause.of(Principal.group("idp", "legal")));
    private static final Acl LEGAL_AND_HR = Acl.of(AclClause.of(Principal.group("idp", "legal"), Principal.group("idp", "hr")));

    @TempDir
    Path root;

    private TestTree tree;
    private final RecordingSyncSession session = new RecordingSyncSession();
    /** Every document the connector opened, in order; sidecars, which every sync reads, are left out. */
    private final List<Path> reads = new ArrayList<>();
    private FilesystemConnector connector;

    @BeforeEach
    void indexOnce() throws Exception {
        tree = new TestTree(root);
        tree.sidecar("legal", "group:idp:legal");
        tree.write("legal/contract.md", "# Contract\nterms");
        tree.write("legal/archive/old.txt", "old terms");
        tree.write("public/faq.md", "# FAQ\nanswers");
        connector = new FilesystemConnector(FilesystemConnectorConfig.of(root, Acl.PUBLIC), TextExtractor.standard(),
                (file, max) -> {
                    if (!file.endsWith(AclSidecar.FILE_NAME)) {
                        reads.add(file);
                    }
                    return Files.readAllBytes(file);
                });
        connector.sync(session);
        assertThat(session.upserts()).hasSize(3);
        reads.clear();
        session.startSync();
    }

    @Test
    void unchangedTreeIsNeitherReadNorUpserted() throws Exception {
        connector.sync(session);

        assertThat(reads).isEmpty();
        assertThat(session.upserts()).isEmpty();
        assertThat(session.deletes()).isEmpty();
        assertThat(session.skips()).isEmpty();
        assertThat(session.documents()).hasSize(3);
    }

    @Test
    void modifiedFileIsReadAndUpsertedAlone() throws Exception {
        tree.rewrite("public/faq.md", "# FAQ\nnew answers");

        connector.sync(session);

        assertThat(reads).containsExactly(tree.path("public/faq.md"));
        assertThat(session.upserts()).singleElement().extracting(SourceDocument::body).isEqualTo("# FAQ\nnew answers");
        assertThat(session.deletes()).isEmpty();
    }

    @Test
    void newFileIsUpsertedAndDeletedFileIsDeleted() throws Exception {
        tree.write("public/new.md", "# New");
        Files.delete(tree.path("legal/archive/old.txt"));

        connector.sync(session);

        assertThat(session.upserts()).extracting(SourceDocument::id).containsExactly(tree.id("public/new.md"));
        assertThat(session.deletes()).containsExactly(tree.id("legal/archive/old.txt"));
    }

    @Test
    void editedSidecarUpsertsExactlyTheDocumentsBelowItWithTheNewAcl() throws Exception {
        tree.sidecar("legal", "group:idp:legal, group:idp:hr");

        connector.sync(session);

        assertThat(session.upserts()).extracting(SourceDocument::id)
                .containsExactlyInAnyOrder(tree.id("legal/contract.md"), tree.id("legal/archive/old.txt"));
        assertThat(session.upserts()).extracting(SourceDocument::acl).containsOnly(LEGAL_AND_HR);
        assertThat(session.documents().get(tree.id("public/faq.md")).acl()).isEqualTo(Acl.PUBLIC);
    }

    @Test
    void brokenThenFixedSidecarIsSeenAsAnAclChangeBothTimes() throws Exception {
        tree.sidecar("legal", "group:legal");
        connector.sync(session);
        assertThat(session.upserts()).extracting(SourceDocument::acl).containsOnly(Acl.NONE).hasSize(2);

        session.startSync();
        tree.sidecar("legal", "group:idp:legal");
        connector.sync(session);

        assertThat(session.upserts()).extracting(SourceDocument::acl).containsOnly(LEGAL).hasSize(2);
        assertThat(session.skips()).isEmpty();
    }

    @Test
    void previouslyIndexedFileThatIsNowSkippedIsDeleted() throws Exception {
        tree.rewrite("public/faq.md", "x".repeat(200));
        FilesystemConnector strict = new FilesystemConnector(new FilesystemConnectorConfig(root, Optional.of(Acl.PUBLIC), 100));

        strict.sync(session);

        assertThat(session.skips()).singleElement().extracting(RecordingSyncSession.Skip::reason)
                .isEqualTo("too large: 200 bytes > limit 100");
        assertThat(session.deletes()).containsExactly(tree.id("public/faq.md"));
    }

    @Test
    void interruptedSyncStopsAndDeletesNothing() throws Exception {
        Files.delete(tree.path("public/faq.md"));
        tree.write("public/new.md", "# New");

        Thread.currentThread().interrupt();
        assertThatThrownBy(() -> connector.sync(session))
                .isInstanceOf(InterruptedException.class)
                .hasMessageContaining(root.toString());

        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(session.upserts()).isEmpty();
        assertThat(session.deletes()).isEmpty();
    }

    @Test
    void syncInterruptedWhileAParserRunsStopsWithoutSkippingOrDeleting() throws Exception {
        Files.delete(tree.path("public/faq.md"));
        tree.write("public/slow.html", "<p>slow</p>");
        CountDownLatch parsing = new CountDownLatch(1);
        TextExtractor standard = TextExtractor.standard();
        FilesystemConnector waiting = new FilesystemConnector(FilesystemConnectorConfig.of(root, Acl.PUBLIC), new TextExtractor() {
            @Override
            public boolean supports(String fileName) {
                return standard.supports(fileName);
            }

            @Override
            public ExtractedText extract(byte[] content, String fileName) throws ExtractionException {
                parsing.countDown();
                try {
                    Thread.sleep(60_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return standard.extract(content, fileName);
            }
        });
        Thread caller = Thread.currentThread();
        Thread interrupter = Thread.ofPlatform().start(() -> {
            try {
                parsing.await();
                caller.interrupt();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        assertThatThrownBy(() -> waiting.sync(session)).isInstanceOf(InterruptedException.class);

        interrupter.join();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
        assertThat(session.upserts()).isEmpty();
        assertThat(session.skips()).isEmpty();
        assertThat(session.deletes()).isEmpty();
    }
}
