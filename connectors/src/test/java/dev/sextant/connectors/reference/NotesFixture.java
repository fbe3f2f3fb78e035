package dev.sextant.connectors.reference;

import dev.sextant.acl.Acl;
import dev.sextant.acl.AclClause;
import dev.sextant.acl.Principal;
import dev.sextant.connectors.http.HttpObserver;
import dev.sextant.connectors.http.HttpSettings;
import dev.sextant.connectors.http.RateLimitRule;
import dev.sextant.connectors.http.SourceHttp;
import dev.sextant.connectors.spi.SourceConnector;
import dev.sextant.connectors.testing.SourceFixture;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The reference notes source for the contract test and the sync benchmark. */
public final class NotesFixture implements SourceFixture {

    private final NotesServer server;
    private int next;

    public NotesFixture() throws IOException {
        this.server = new NotesServer();
    }

    @Override
    public int pageSize() {
        return server.pageSize;
    }

    @Override
    public void seed(int documents) {
        for (int i = 0; i < documents; i++) {
            int n = next++;
            server.put(new NotesServer.Note("n" + n, "Note " + n, "Body of note " + n,
                    List.of(n % 2 == 0 ? "group:idp:engineering" : "user:bob@x.example"), 1));
        }
    }

    @Override
    public Set<String> documentIds() {
        return server.notes().keySet().stream().map(id -> "notes:" + id).collect(Collectors.toSet());
    }

    @Override
    public String editContent() {
        NotesServer.Note n = server.notes().values().iterator().next();
        server.put(new NotesServer.Note(n.id(), n.title(), n.body() + " edited", n.readers(), n.revision() + 1));
        return "notes:" + n.id();
    }

    @Override
    public AclChange changeAcl() {
        NotesServer.Note n = List.copyOf(server.notes().values()).get(1);
        server.share(n.id(), List.of("domain:x.example"));
        return new AclChange("notes:" + n.id(), Acl.of(AclClause.of(Principal.domain("x.example"))));
    }

    @Override
    public String deleteDocument() {
        String id = List.copyOf(server.notes().keySet()).getLast();
        server.remove(id);
        return "notes:" + id;
    }

    @Override
    public void refuseNextWithRateLimit(Duration resetIn) {
        server.rateLimitNext(resetIn.toSeconds());
    }

    @Override
    public void failNext(int requests, int status) {
        server.failNext(requests, status);
    }

    @Override
    public void stallNext(int requests) {
        server.stallNext(requests);
    }

    @Override
    public SourceConnector connector(HttpSettings settings, HttpObserver observer) {
        return new NotesConnector(server.base(), SourceHttp.create(settings, RateLimitRule.standard(), observer));
    }

    @Override
    public void close() {
        server.close();
    }
}
