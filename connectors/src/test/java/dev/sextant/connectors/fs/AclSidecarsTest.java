package dev.sextant.connectors.fs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.acl.Acl;
import dev.sextant.acl.AclClause;
import dev.sextant.acl.Principal;
import dev.sextant.connectors.SourceDocument;
import dev.sextant.connectors.extract.TextExtractor;
import dev.sextant.connectors.fs.RecordingSyncSession.Skip;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How sidecars, the default ACL and fail-closed combine, seen through what a sync indexes. */
class AclSidecarsTest {

    private static final Acl ENGINEERING = Acl.of(AclClause.of(Principal.group("idp", "engineering")));
    private static final Acl SECURITY = Acl.of(AclClause.of(Principal.user("sec@example.com")),
            AclClause.of(Principal.domain("example.com")));
    private static final Acl DEFAULT = Acl.of(AclClause.of(Principal.domain("example.com")));

    @TempDir
    Path root;

    private TestTree tree;
    private final RecordingSyncSession session = new RecordingSyncSession();

    @BeforeEach
    void setUp() {
        tree = new TestTree(root);
    }

    @Test
    void sidecarCoversItsFolderAndBelowUntilADeeperOneReplacesIt() throws Exception {
        tree.sidecar("eng", "group:idp:engineering");
        tree.sidecar("eng/platform/security", "user:sec@example.com\ndomain:example.com");
        tree.write("eng/a.md", "# A");
        tree.write("eng/platform/b.md", "# B");
        tree.write("eng/platform/security/c.md", "# C");
        tree.write("eng/platform/security/keys/d.md", "# D");

        sync(Optional.empty());

        assertThat(aclsByFile()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "eng/a.md", ENGINEERING,
                "eng/platform/b.md", ENGINEERING,
                "eng/platform/security/c.md", SECURITY,
                "eng/platform/security/keys/d.md", SECURITY));
    }

    @Test
    void defaultAclAppliesOnlyWhereNoSidecarDoes() throws Exception {
        tree.sidecar("eng", "group:idp:engineering");
        tree.write("top.md", "# Top");
        tree.write("misc/other.md", "# Other");
        tree.write("eng/a.md", "# A");

        sync(Optional.of(DEFAULT));

        assertThat(aclsByFile()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "top.md", DEFAULT, "misc/other.md", DEFAULT, "eng/a.md", ENGINEERING));
    }

    @Test
    void withoutSidecarOrDefaultNobodyMayRead() throws Exception {
        tree.write("orphan.md", "# Orphan");

        sync(Optional.empty());

        assertThat(aclsByFile()).containsExactly(Map.entry("orphan.md", Acl.NONE));
    }

    @Test
    void invalidSidecarMeansNobodyBelowItIsReportedOnceAndStillIndexes() throws Exception {
        tree.sidecar("", "group:idp:engineering");
        Path broken = tree.sidecar("hr", "user:not-an-email");
        tree.write("hr/salaries.md", "# Salaries");
        tree.write("hr/reviews/2025.md", "# Reviews");
        tree.write("hr/nothing-here/.keep", "");
        tree.write("readme.md", "# Readme");

        sync(Optional.of(DEFAULT));

        assertThat(aclsByFile()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "hr/salaries.md", Acl.NONE, "hr/reviews/2025.md", Acl.NONE, "readme.md", ENGINEERING));
        assertThat(session.skips()).containsExactly(new Skip(broken.toString(),
                "invalid ACL sidecar: line 1: not an email address: 'not-an-email'; documents below it are readable by nobody"));
    }

    @Test
    void emptySidecarIsInvalidRatherThanInherited() throws Exception {
        tree.sidecar("", "group:idp:engineering");
        tree.sidecar("open", "# just a comment\n");
        tree.write("open/page.md", "# Page");

        sync(Optional.empty());

        assertThat(aclsByFile()).containsExactly(Map.entry("open/page.md", Acl.NONE));
        assertThat(session.skips()).singleElement().extracting(Skip::reason).asString().startsWith("invalid ACL sidecar: no clause");
    }

    @Test
    void sidecarThatCannotBeReadMeansNobodyBelowItAndIsReported() throws Exception {
        tree.sidecar("", "group:idp:engineering");
        Path unreadable = tree.sidecar("hr", "group:idp:hr");
        tree.write("hr/salaries.md", "# Salaries");
        tree.write("hr/reviews/2025.md", "# Reviews");
        tree.write("readme.md", "# Readme");
        FilesystemConnector connector = new FilesystemConnector(FilesystemConnectorConfig.of(root, DEFAULT),
                TextExtractor.standard(), (file, max) -> {
                    if (file.equals(unreadable)) {
                        throw new IOException("Input/output error");
                    }
                    return Files.readAllBytes(file);
                });

        connector.sync(session);

        assertThat(aclsByFile()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "hr/salaries.md", Acl.NONE, "hr/reviews/2025.md", Acl.NONE, "readme.md", ENGINEERING));
        assertThat(session.skips()).containsExactly(new Skip(unreadable.toString(),
                "invalid ACL sidecar: cannot read it: IOException: Input/output error; documents below it are readable by nobody"));
    }

    @Test
    void sidecarThatIsNotUtf8OrTooLargeIsInvalid() throws Exception {
        Path latin1 = tree.write("latin1/" + AclSidecar.FILE_NAME, new byte[] {'u', 's', 'e', 'r', ':', (byte) 0xE9});
        Path huge = tree.sidecar("huge", "public\n" + "# padding\n".repeat(AclSidecar.MAX_BYTES / 10));
        tree.write("latin1/a.md", "# A");
        tree.write("huge/b.md", "# B");

        sync(Optional.of(DEFAULT));

        assertThat(aclsByFile()).containsExactlyInAnyOrderEntriesOf(Map.of("latin1/a.md", Acl.NONE, "huge/b.md", Acl.NONE));
        assertThat(session.skips()).containsExactlyInAnyOrder(
                new Skip(latin1.toString(), "invalid ACL sidecar: not valid UTF-8; documents below it are readable by nobody"),
                new Skip(huge.toString(), "invalid ACL sidecar: larger than 1048576 bytes; documents below it are readable by nobody"));
    }

    private void sync(Optional<Acl> defaultAcl) throws Exception {
        new FilesystemConnector(new FilesystemConnectorConfig(root, defaultAcl, FilesystemConnectorConfig.DEFAULT_MAX_FILE_BYTES))
                .sync(session);
    }

    private Map<String, Acl> aclsByFile() {
        return session.documents().values().stream().collect(Collectors.toMap(
                doc -> root.toAbsolutePath().relativize(Path.of(doc.id().substring("fs:".length()))).toString(),
                SourceDocument::acl));
    }
}
