package dev.sextant.connectors.mediawiki;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sextant.acl.Acl;
import dev.sextant.acl.AclClause;
import dev.sextant.acl.Principal;
import dev.sextant.connectors.SourceDocument;
import dev.sextant.connectors.sync.DirectoryStore;
import dev.sextant.connectors.sync.SourceSync;
import dev.sextant.connectors.testing.MemoryIndex;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MediaWikiDumpImportTest {

    private static final Acl STAFF = Acl.of(AclClause.of(Principal.domain("example.com")));

    @TempDir
    Path dir;

    @Test
    void theOfficialDemoDumpYieldsItsNonRedirectPagesAtTheirNewestRevision() throws Exception {
        Path demo = dir.resolve("export-demo.xml");
        try (var in = getClass().getResourceAsStream("/mediawiki/export-demo.xml")) {
            Files.copy(in, demo);
        }
        MemoryIndex index = new MemoryIndex();
        index.sync(new SourceSync(new MediaWikiDumpImport("dump", demo, List.of(0, 1, 6), STAFF), DirectoryStore.NONE));
        assertThat(index.documents()).containsOnlyKeys("dump:2", "dump:3");
        SourceDocument talk = index.documents().get("dump:2");
        assertThat(talk.title()).isEqualTo("Talk:Page title");
        assertThat(talk.url()).isEqualTo("http://example.com/wiki/Talk:Page_title");
        assertThat(talk.version()).startsWith("101");
        assertThat(talk.acl()).isEqualTo(STAFF);
        SourceDocument file = index.documents().get("dump:3");
        assertThat(file.body()).contains("This is an awesome little imgae.").doesNotContain("{{PD}}");
    }

    @Test
    void aLargeGzippedDumpStreamsPageByPage() throws Exception {
        Path dump = dir.resolve("big.xml.gz");
        int pages = 3_000;
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(dump));
             Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            w.write("<mediawiki xmlns=\"http://www.mediawiki.org/xml/export-0.11/\" version=\"0.11\">\n<siteinfo>"
                    + "<base>https://wiki.example.com/wiki/Main_Page</base></siteinfo>\n");
            for (int i = 1; i <= pages; i++) {
                w.write("<page><title>Page " + i + "</title><ns>0</ns><id>" + i + "</id><revision><id>" + (i + 100_000)
                        + "</id><timestamp>2024-01-01T00:00:00Z</timestamp><contributor><username>A</username>"
                        + "<id>7</id></contributor><model>wikitext</model><format>text/x-wiki</format>"
                        + "<text bytes=\"40\" xml:space=\"preserve\">== Part ==\nText of page " + i + " &amp; more."
                        + "</text><sha1>x</sha1></revision></page>\n");
            }
            w.write("</mediawiki>\n");
        }
        MemoryIndex index = new MemoryIndex();
        index.sync(new SourceSync(new MediaWikiDumpImport("dump", dump, List.of(0), STAFF), DirectoryStore.NONE));
        assertThat(index.documents()).hasSize(pages);
        assertThat(index.documents().get("dump:2999").body()).isEqualTo("## Part\n\nText of page 2999 & more.");
        assertThat(index.documents().get("dump:2999").version()).startsWith("102999");
    }
}
