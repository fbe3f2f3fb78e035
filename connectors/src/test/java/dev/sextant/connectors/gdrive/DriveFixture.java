package dev.sextant.connectors.gdrive;

import dev.sextant.acl.Acl;
import dev.sextant.acl.AclClause;
import dev.sextant.acl.Principal;
import dev.sextant.connectors.extract.BoundedExtractor;
import dev.sextant.connectors.extract.ExtractionLimits;
import dev.sextant.connectors.extract.TextExtractor;
import dev.sextant.connectors.gdrive.FakeDriveData.Member;
import dev.sextant.connectors.gdrive.FakeDriveData.Perm;
import dev.sextant.connectors.http.HttpObserver;
import dev.sextant.connectors.http.HttpSettings;
import dev.sextant.connectors.http.SourceHttp;
import dev.sextant.connectors.spi.ConnectorContext;
import dev.sextant.connectors.spi.InvalidSourceException;
import dev.sextant.connectors.spi.SourceConnector;
import dev.sextant.connectors.spi.SourceDefinition;
import dev.sextant.connectors.testing.ConnectorContractTest;
import dev.sextant.connectors.testing.SourceFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The Drive connector's fake source for the contract test and the sync benchmark: a {@link FakeDrive} holding a
 * company {@code acme.example} whose admin is the delegated subject. Its layout: a My Drive folder "Projects"
 * shared with the group {@code eng@} (which nests {@code platform@}), and a shared drive "Finance" whose members are
 * the admin and the group {@code finance@}. Seeded documents go round My Drive, the folder and the shared drive, as
 * Docs, Sheets and plain-text files; those in My Drive are shared with {@code carol@}, and so is one in ten of
 * the shared drive's (the rest inherit the drive's members only, as most shared-drive files do).
 */
public final class DriveFixture implements SourceFixture {

    public static final String SOURCE = "gdrive-acme";
    public static final String SUBJECT = "admin@acme.example";
    public static final String ENG = "eng@acme.example";
    public static final String PLATFORM = "platform@acme.example";
    public static final String FINANCE = "finance@acme.example";

    /** Back-offs of milliseconds, as the contract test uses, for this connector's own tests. */
    public static final HttpSettings FAST_HTTP = ConnectorContractTest.FAST;

    public final FakeDrive drive;
    public final String projects;
    public final String financeDrive;
    private final int pageSize;
    private final Map<String, String> settings = new HashMap<>();
    private int next;

    /** The sync benchmark's fixture: pages of up to 100 items, the Drive API's default page size. */
    public DriveFixture() {
        this(100);
    }

    public DriveFixture(int pageSize) {
        this.pageSize = pageSize;
        try {
            drive = new FakeDrive(SUBJECT, pageSize);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        FakeDriveData data = drive.data;
        data.group(ENG, Member.user("alice@acme.example"), Member.group(PLATFORM));
        data.group(PLATFORM, Member.user("erin@acme.example"));
        data.group(FINANCE, Member.user("bob@acme.example"));
        projects = data.addFolder("Projects", null, null, Perm.group(ENG, "reader"));
        financeDrive = data.addDrive("Finance", Perm.user(SUBJECT, "organizer"), Perm.group(FINANCE, "reader"));
    }

    /** A setting added to the source definition of every connector made from now on. */
    public DriveFixture setting(String name, String value) {
        settings.put(name, value);
        return this;
    }

    @Override
    public int pageSize() {
        return pageSize;
    }

    @Override
    public void seed(int documents) {
        for (int i = 0; i < documents; i++) {
            int n = next++;
            String parent = n % 3 == 1 ? projects : null;
            String driveId = n % 3 == 2 ? financeDrive : null;
            String text = "Document " + n + " of acme: quarterly notes on widget " + (n * 7919 % 1000) + ".";
            Perm[] readers = driveId != null && n % 10 != 2 ? new Perm[0]
                    : new Perm[] {Perm.user("carol@acme.example", "reader")};
            if (n % 4 == 3) {
                drive.data.addFile("notes-" + n + ".txt", "text/plain", text, parent, driveId, readers);
            } else if (n % 4 == 2) {
                drive.data.addFile("Budget " + n, FakeDriveData.SHEET, "item,amount\nwidget " + n + "," + n,
                        parent, driveId, readers);
            } else {
                drive.data.addFile("Doc " + n, FakeDriveData.DOC, text, parent, driveId, readers);
            }
        }
    }

    @Override
    public Set<String> documentIds() {
        synchronized (drive.data) {
            return drive.data.files.values().stream()
                    .filter(f -> !f.mimeType.equals(FakeDriveData.FOLDER) && !f.trashed && drive.data.visible(f))
                    .map(f -> SOURCE + ":" + f.id).collect(Collectors.toSet());
        }
    }

    /** The id a connector gives a file. */
    public static String documentId(String fileId) {
        return SOURCE + ":" + fileId;
    }

    private List<FakeDriveData.File> documents() {
        synchronized (drive.data) {
            return drive.data.files.values().stream().filter(f -> !f.mimeType.equals(FakeDriveData.FOLDER)).toList();
        }
    }

    @Override
    public String editContent() {
        FakeDriveData.File f = documents().getFirst();
        drive.data.edit(f.id, new String(f.content) + " Edited.");
        return documentId(f.id);
    }

    @Override
    public AclChange changeAcl() {
        FakeDriveData.File f = documents().stream().filter(d -> d.driveId == null && d.parent == null).toList().get(1);
        drive.data.setPermissions(f.id, Perm.user("dana@acme.example", "commenter"));
        return new AclChange(documentId(f.id), Acl.of(AclClause.of(Principal.user(SUBJECT),
                Principal.user("dana@acme.example"))));
    }

    @Override
    public String deleteDocument() {
        FakeDriveData.File f = documents().getLast();
        drive.data.delete(f.id);
        return documentId(f.id);
    }

    @Override
    public void refuseNextWithRateLimit(Duration resetIn) {
        drive.rateLimitNext(resetIn.toSeconds());
    }

    @Override
    public void failNext(int requests, int status) {
        drive.failNext(requests, status);
    }

    @Override
    public void stallNext(int requests) {
        drive.stallNext(requests);
    }

    @Override
    public SourceConnector connector(HttpSettings settings, HttpObserver observer) {
        return connector(settings, observer, Map.of("service_account_json", drive.auth.keyFile(drive.tokenUri())));
    }

    /** A connector with these secrets instead of the service account's key file. */
    public DriveConnector connector(HttpSettings http, HttpObserver observer, Map<String, String> secrets) {
        ExtractionLimits limits = ExtractionLimits.defaults();
        DriveConnectorFactory factory = new DriveConnectorFactory();
        ConnectorContext context = new ConnectorContext(SourceHttp.create(http, factory.rateLimits(), observer),
                new BoundedExtractor(TextExtractor.standard(limits), limits), limits, 1024 * 1024, Clock.systemUTC());
        Map<String, String> all = new HashMap<>(Map.of("subject", SUBJECT, "drive_base_url", drive.driveBase(),
                "admin_base_url", drive.adminBase(), "client_id", drive.auth.clientId));
        all.putAll(settings);
        try {
            return (DriveConnector) factory.create(new SourceDefinition(SOURCE, "gdrive", all,
                    secrets), context);
        } catch (InvalidSourceException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        drive.close();
    }
}
