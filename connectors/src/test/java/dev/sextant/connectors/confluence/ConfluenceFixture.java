package dev.sextant.connectors.confluence;

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
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@link ConfluenceServer} as {@link dev.sextant.connectors.testing.ConnectorContractTest} and the sync benchmark
 * drive it: two spaces, ENG (read by the group {@code g-eng}) and FIN (read by the account {@code acc-fin}); seeded
 * pages alternate between them, every fifth a blog post, every third page a child of the space's first page.
 */
public final class ConfluenceFixture implements SourceFixture {

    public static final String SOURCE_ID = "conf";
    static final String EMAIL = "sync@example.com";
    static final String TOKEN = "fake-api-token";

    private final ConfluenceServer server;
    private final String eng;
    private final String fin;
    private String engRoot;
    private String finRoot;
    private int next;

    public ConfluenceFixture() {
        this(250);
    }

    public ConfluenceFixture(int pageSize) {
        try {
            server = new ConfluenceServer(pageSize, EMAIL, TOKEN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        eng = server.space("ENG", List.of("group:g-eng"));
        fin = server.space("FIN", List.of("user:acc-fin"));
        server.group("g-eng", "engineering", List.of(new ConfluenceServer.User("acc-ann", "Ann", "ann@example.com"),
                new ConfluenceServer.User("acc-bob", "Bob", null)));
    }

    public ConfluenceServer server() {
        return server;
    }

    String eng() {
        return eng;
    }

    static Principal engReaders() {
        return Principal.group("confluence", "g-eng");
    }

    @Override
    public int pageSize() {
        return server.pageSize();
    }

    @Override
    public void seed(int documents) {
        for (int i = 0; i < documents; i++) {
            int n = next++;
            boolean inEng = n % 2 == 0;
            String space = inEng ? eng : fin;
            String type = n % 5 == 4 ? "blogpost" : "page";
            String root = inEng ? engRoot : finRoot;
            String parent = type.equals("page") && root != null && n % 3 == 0 ? root : null;
            ConfluenceServer.Content c = server.create(type, space, parent, "Doc " + n,
                    "<h1>Doc " + n + "</h1><p>About topic " + n + ".</p>");
            if (type.equals("page") && root == null) {
                if (inEng) {
                    engRoot = c.id();
                } else {
                    finRoot = c.id();
                }
            }
        }
    }

    @Override
    public Set<String> documentIds() {
        return server.content().values().stream().filter(c -> c.status().equals("current"))
                .map(c -> SOURCE_ID + ":" + c.type() + ":" + c.id()).collect(Collectors.toSet());
    }

    @Override
    public String editContent() {
        ConfluenceServer.Content c = current().getFirst();
        server.put(c.with(c.parentId(), c.body() + "<p>Edited.</p>", c.status(), true));
        return SOURCE_ID + ":" + c.type() + ":" + c.id();
    }

    /** Restricts an ENG blog post to the account acc-ann: space clause AND the restriction. */
    @Override
    public AclChange changeAcl() {
        ConfluenceServer.Content c = current().stream().filter(x -> x.spaceId().equals(eng))
                .filter(x -> x.type().equals("blogpost") || x.parentId() == null).toList().getLast();
        server.restrict(c.id(), Set.of("acc-ann"), Set.of());
        return new AclChange(SOURCE_ID + ":" + c.type() + ":" + c.id(), Acl.of(AclClause.of(engReaders()),
                AclClause.of(Principal.account("confluence", "acc-ann"))));
    }

    /** Moves the newest current item to the trash. */
    @Override
    public String deleteDocument() {
        ConfluenceServer.Content c = current().getLast();
        server.put(c.with(c.parentId(), c.body(), "trashed", false));
        return SOURCE_ID + ":" + c.type() + ":" + c.id();
    }

    private List<ConfluenceServer.Content> current() {
        return server.content().values().stream().filter(c -> c.status().equals("current")).toList();
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
        return ConfluenceConnectorFactory.create(new ConfluenceConnector.Config(SOURCE_ID, server.site(), Set.of(),
                Set.of()), ConfluenceConnectorFactory.basic(EMAIL, TOKEN), SourceHttp.create(settings,
                RateLimitRule.standard(), observer), Clock.systemUTC());
    }

    @Override
    public void close() {
        server.close();
    }
}
