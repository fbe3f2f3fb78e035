package dev.sextant.connectors.reference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sextant.acl.Acl;
import dev.sextant.acl.AclClause;
import dev.sextant.acl.Principal;
import dev.sextant.connectors.SourceDocument;
import dev.sextant.connectors.http.SourceHttp;
import dev.sextant.connectors.http.SourceHttpException;
import dev.sextant.connectors.http.SourceResponse;
import dev.sextant.connectors.spi.ChangeSink;
import dev.sextant.connectors.spi.DocumentFetch;
import dev.sextant.connectors.spi.DocumentSink;
import dev.sextant.connectors.spi.FullLoad;
import dev.sextant.connectors.spi.IncrementalPoll;
import dev.sextant.connectors.spi.SlimDocument;
import dev.sextant.connectors.spi.SlimListing;
import dev.sextant.connectors.spi.SlimSink;
import dev.sextant.connectors.spi.SourceConnector;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The reference connector for {@link NotesServer}: every verb of the SPI, in as few lines as it takes. */
final class NotesConnector implements SourceConnector, FullLoad, IncrementalPoll, SlimListing, DocumentFetch {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PREFIX = "notes:";

    private final URI base;
    private final SourceHttp http;

    NotesConnector(URI base, SourceHttp http) {
        this.base = base;
        this.http = http;
    }

    @Override
    public String id() {
        return "notes";
    }

    @Override
    public String kind() {
        return "notes";
    }

    @Override
    public void loadAll(DocumentSink sink) throws IOException, InterruptedException {
        for (JsonNode note : list()) {
            if (sink.offer(slim(note))) {
                Optional<SourceDocument> document = fetch(documentId(note));
                if (document.isPresent()) {
                    sink.upsert(document.get());
                }
            }
        }
    }

    @Override
    public String currentCursor() throws IOException, InterruptedException {
        return read(base.resolve("changes/cursor")).get("cursor").asText();
    }

    @Override
    public String poll(String cursor, ChangeSink sink) throws IOException, InterruptedException {
        JsonNode page = read(base.resolve("changes?cursor=" + cursor));
        for (JsonNode change : page.get("changes")) {
            String id = PREFIX + change.get("id").asText();
            Optional<SourceDocument> current = change.get("removed").asBoolean() ? Optional.empty() : fetch(id);
            if (current.isPresent()) {
                sink.upsert(current.get());
            } else {
                sink.delete(id);
            }
        }
        return page.get("cursor").asText();
    }

    @Override
    public void listSlim(SlimSink sink) throws IOException, InterruptedException {
        for (JsonNode note : list()) {
            sink.document(slim(note));
        }
    }

    @Override
    public Optional<SourceDocument> fetch(String documentId) throws IOException, InterruptedException {
        SourceResponse response = http.get(base.resolve("notes/" + documentId.substring(PREFIX.length())));
        if (response.status() == 404) {
            return Optional.empty();
        }
        JsonNode note = JSON.readTree(response.requireOk().body());
        return Optional.of(new SourceDocument(documentId(note), "notes", note.get("title").asText(),
                note.get("body").asText(), base.resolve("notes/" + note.get("id").asText()).toString(),
                Instant.EPOCH.plusSeconds(note.get("revision").asLong()), acl(note), slim(note).version()));
    }

    private List<JsonNode> list() throws IOException, InterruptedException {
        List<JsonNode> all = new ArrayList<>();
        String token = "0";
        while (token != null) {
            JsonNode page = read(base.resolve("notes?fields=slim&page_token=" + token));
            page.get("notes").forEach(all::add);
            token = page.hasNonNull("next_page_token") ? page.get("next_page_token").asText() : null;
        }
        return all;
    }

    private JsonNode read(URI uri) throws IOException, InterruptedException {
        try {
            return JSON.readTree(http.get(uri, "Accept", "application/json").requireOk().body());
        } catch (SourceHttpException e) {
            throw new IOException("notes API: " + e.getMessage(), e);
        }
    }

    private static SlimDocument slim(JsonNode note) {
        return new SlimDocument(documentId(note), "r" + note.get("revision").asInt(), acl(note));
    }

    private static String documentId(JsonNode note) {
        return PREFIX + note.get("id").asText();
    }

    private static Acl acl(JsonNode note) {
        List<Principal> readers = new ArrayList<>();
        note.get("readers").forEach(r -> readers.add(Principal.parse(r.asText())));
        return readers.isEmpty() ? Acl.NONE : Acl.of(AclClause.of(readers));
    }
}
