package dev.sextant.connectors.gdrive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.acl.Acl;
import dev.sextant.acl.AclClause;
import dev.sextant.acl.Principal;
import dev.sextant.connectors.SourceDocument;
import dev.sextant.connectors.gdrive.FakeDriveData.Perm;
import dev.sextant.connectors.http.HttpObserver;
import dev.sextant.connectors.sync.SourceSync;
import dev.sextant.connectors.testing.MemoryIndex;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Who reads what after a Drive sync: permissions, inheritance, shared drives, groups resolved at query time. */
class DriveAccessTest {

    private static final List<String> PEOPLE = List.of("admin@acme.example", "alice@acme.example",
            "bob@acme.example", "carol@acme.example", "erin@acme.example", "frank@acme.example");

    private final DriveFixture fixture = new DriveFixture(20);
    private final FakeDriveData data = fixture.drive.data;
    private final RecordingDirectory directory = new RecordingDirectory();
    private final MemoryIndex index = new MemoryIndex();

    @AfterEach
    void close() {
        fixture.close();
    }

    private void sync() throws Exception {
        index.sync(new SourceSync(fixture.connector(DriveFixture.FAST_HTTP, HttpObserver.NONE), directory));
    }

    private Acl acl(String fileId) {
        return index.documents().get(DriveFixture.documentId(fileId)).acl();
    }

    /** The documents this person finds, as the gateway's filter would admit them. */
    private Set<String> results(String email) {
        return index.documents().values().stream().filter(d -> d.acl().admits(directory.reader(email)))
                .map(SourceDocument::id).collect(Collectors.toSet());
    }

    @Test
    void aGroupMembershipChangeMovesAccessOnTheNextQueryWithoutReindexing() throws Exception {
        String doc = data.addFile("Roadmap", FakeDriveData.DOC, "the platform roadmap", fixture.projects, null);
        sync();
        assertThat(acl(doc).clauses().getFirst().anyOf()).contains(Principal.group("google", DriveFixture.ENG));
        assertThat(results("erin@acme.example")).as("erin is in platform@, which is in eng@")
                .contains(DriveFixture.documentId(doc));
        assertThat(results("frank@acme.example")).doesNotContain(DriveFixture.documentId(doc));

        data.removeMember(DriveFixture.ENG, DriveFixture.PLATFORM);
        index.resetCounts();
        sync();
        assertThat(index.contentWrites() + index.aclWrites() + index.deletes()).isZero();
        assertThat(results("erin@acme.example")).doesNotContain(DriveFixture.documentId(doc));
        assertThat(results("alice@acme.example")).contains(DriveFixture.documentId(doc));
    }

    @Test
    void aFileUnsharedDeletedOrTrashedLeavesEveryonesResultsOnTheNextSync() throws Exception {
        Perm carol = Perm.user("carol@acme.example", "reader");
        String unshared = data.addFile("Offsite plan", FakeDriveData.DOC, "offsite", null, null, carol);
        String deleted = data.addFile("old.txt", "text/plain", "old notes", fixture.projects, null, carol);
        String trashed = data.addFile("Budget draft", FakeDriveData.SHEET, "a,b\n1,2", null, fixture.financeDrive,
                carol);
        sync();
        assertThat(results("carol@acme.example")).contains(DriveFixture.documentId(unshared),
                DriveFixture.documentId(deleted), DriveFixture.documentId(trashed));

        data.unshare(unshared, "carol@acme.example");
        data.delete(deleted);
        data.trash(trashed);
        sync();
        assertThat(results("carol@acme.example")).doesNotContain(DriveFixture.documentId(unshared));
        assertThat(results("admin@acme.example")).contains(DriveFixture.documentId(unshared));
        for (String person : PEOPLE) {
            assertThat(results(person)).as(person).doesNotContain(DriveFixture.documentId(deleted),
                    DriveFixture.documentId(trashed));
        }
        assertThat(index.documents()).doesNotContainKeys(DriveFixture.documentId(deleted),
                DriveFixture.documentId(trashed));
    }

    @Test
    void aLinkOnlyShareIsNotPublicAndADiscoverableOneIs() throws Exception {
        String link = data.addFile("Link only", FakeDriveData.DOC, "x", null, null, Perm.anyone(false),
                Perm.domain("acme.example", false));
        String open = data.addFile("Discoverable", FakeDriveData.DOC, "y", null, null, Perm.anyone(true),
                Perm.domain("acme.example", true));
        sync();
        assertThat(acl(link)).isEqualTo(Acl.of(AclClause.of(Principal.user(DriveFixture.SUBJECT))));
        assertThat(acl(open)).isEqualTo(Acl.of(AclClause.of(Principal.user(DriveFixture.SUBJECT), Principal.PUBLIC,
                Principal.domain("acme.example"))));
    }

    @Test
    void anExpiredPermissionGrantsNothing() throws Exception {
        String doc = data.addFile("Contract", FakeDriveData.DOC, "terms", null, null,
                Perm.user("carol@acme.example", "reader").expiring(java.time.Instant.now().minusSeconds(60)),
                Perm.user("bob@acme.example", "reader").expiring(java.time.Instant.now().plusSeconds(86_400)));
        sync();
        assertThat(acl(doc)).isEqualTo(Acl.of(AclClause.of(Principal.user(DriveFixture.SUBJECT),
                Principal.user("bob@acme.example"))));
    }

    @Test
    void aFolderSharedLaterGrantsItsFilesWithoutReadingThem() throws Exception {
        String doc = data.addFile("Design", FakeDriveData.DOC, "the design", fixture.projects, null);
        sync();
        assertThat(results("frank@acme.example")).doesNotContain(DriveFixture.documentId(doc));

        data.share(fixture.projects, Perm.user("frank@acme.example", "reader"));
        index.resetCounts();
        sync();
        assertThat(index.contentWrites()).isZero();
        assertThat(index.aclWrites()).isEqualTo(1);
        assertThat(results("frank@acme.example")).contains(DriveFixture.documentId(doc));
    }

    @Test
    void sharedDriveMembersAndAFilesOwnPermissionsGrantAccess() throws Exception {
        String plain = data.addFile("Forecast", FakeDriveData.DOC, "forecast", null, fixture.financeDrive);
        String extra = data.addFile("Payroll", FakeDriveData.DOC, "payroll", null, fixture.financeDrive,
                Perm.user("carol@acme.example", "reader"));
        sync();
        assertThat(acl(plain)).isEqualTo(Acl.of(AclClause.of(Principal.user(DriveFixture.SUBJECT),
                Principal.group("google", DriveFixture.FINANCE))));
        assertThat(results("bob@acme.example")).contains(DriveFixture.documentId(plain),
                DriveFixture.documentId(extra));
        assertThat(results("carol@acme.example")).contains(DriveFixture.documentId(extra))
                .doesNotContain(DriveFixture.documentId(plain));

        data.addDriveMember(fixture.financeDrive, Perm.user("frank@acme.example", "reader"));
        index.resetCounts();
        sync();
        assertThat(index.contentWrites()).isZero();
        assertThat(results("frank@acme.example")).contains(DriveFixture.documentId(plain),
                DriveFixture.documentId(extra));
    }

    @Test
    void aFileWhosePermissionsCannotBeReadIsSkippedNotDeletedAndTheSyncCompletes() throws Exception {
        String other = data.addFile("Plan", FakeDriveData.DOC, "plan", null, fixture.financeDrive);
        String hidden = data.addFile("Secret", FakeDriveData.DOC, "secret", null, fixture.financeDrive,
                Perm.user("carol@acme.example", "reader"));
        fixture.drive.hidePermissionsOf(hidden);
        sync();
        assertThat(index.documents()).containsKey(DriveFixture.documentId(other))
                .doesNotContainKey(DriveFixture.documentId(hidden));
        assertThat(index.skips()).isEqualTo(1);

        MemoryIndex readable = new MemoryIndex();
        try (DriveFixture second = new DriveFixture(20)) {
            String file = second.drive.data.addFile("Memo", FakeDriveData.DOC, "memo", null, second.financeDrive,
                    Perm.user("carol@acme.example", "reader"));
            SourceSync connector = new SourceSync(second.connector(DriveFixture.FAST_HTTP, HttpObserver.NONE),
                    directory);
            readable.sync(connector);
            second.drive.hidePermissionsOf(file);
            second.drive.data.edit(file, "memo, edited");
            readable.sync(connector);
            assertThat(readable.documents()).as("kept as indexed, not deleted").containsKey(
                    DriveFixture.documentId(file));
            assertThat(readable.documents().get(DriveFixture.documentId(file)).body()).isEqualTo("memo");
        }
    }
}
