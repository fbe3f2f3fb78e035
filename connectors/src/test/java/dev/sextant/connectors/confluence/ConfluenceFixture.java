package dev.sextant.connectors.confluence;

import dev.sextant.acl.Acl;
import dev.sextant.acl.AclClause;
import dev.sextant.acl.Principal;
import dev.sextant.connectors.extract.BoundedExtractor;
import dev.sextant.connectors.extract.ExtractionLimits;
import dev.sextant.connectors.extract.TextExtractor;
import dev.sextant.connectors.http.HttpObserver;
import dev.sextant.connectors.http.HttpSettings;
import dev.sextant.connectors.http.RateLimitRule;
import dev.sextant.connectors.http.SourceHttp;
import dev.sextant.connectors.spi.ConnectorContext;
import dev.sextant.connectors.spi.SourceConnector;
import dev.sextant.connectors.testing.SourceFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@link ConfluenceServer} as {@link dev.sextant.connectors.testing.ConnectorContractTest} and the sync benchmark
 * drive it: two spaces, ENG (read by the group {@code g-eng}) and FIN (read by the account {@code acc-fin}); seeded
 * pages alternate between them, every fifth a blog post, every third page a child of the space's first page.
 * {@link #dataCenter} serves the same data as a Data Center site, read with a personal access token.
 */
public final class ConfluenceFixture implements SourceFixture {

    public static final String SOURCE_ID = "conf";
    static final String EMAIL = "sync@example.com";
    static final String TOKEN = "fake-api-token";
    static final String PAT = "fake-personal-access-token";
    static final long MAX_FILE_BYTES = 1 << 16;

    private final ConfluenceServer server;
    private final boolean dataCenter;
    private final String eng;
    private final String fin;
    private String engRoot;
    private String finRoot;
    private int next;

    public ConfluenceFixture() {
        this(250);
    }

    public ConfluenceFixture(int pageSize) {
        this(pageSize, false);
    }

    private ConfluenceFixture(int pageSize, boolean dataCenter) {
        this.dataCenter = dataCenter;
        try {
            server = dataCenter ? ConfluenceServer.dataCenter(pageSize, PAT)
                    : new ConfluenceServer(pageSize, EMAIL, TOKEN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        eng = server.space("ENG", List.of("group:g-eng"));
        fin = server.space("FIN", List.of("user:acc-fin"));
        server.group("g-eng", "engineering", List.of(new ConfluenceServer.User("acc-ann", "Ann", "ann@example.com"),
                new ConfluenceServer.User("acc-bob", "Bob", null)));
    }

    /** The same spaces, groups and seeding on a Data Center site ({@code /confluence}, personal access token). */
    public static ConfluenceFixture dataCenter(int pageSize) {
        return new ConfluenceFixture(pageSize, true);
    }

    public ConfluenceServer server() {
        return server;
    }

    String eng() {
        return eng;
    }

    String fin() {
        return fin;
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
        Map<String, ConfluenceServer.Content> all = server.content();
        return all.values().stream().filter(c -> c.status().equals("current") && !c.type().equals("folder"))
                .filter(c -> !c.type().equals("attachment") && !c.type().equals("comment")
                        || all.get(c.parentId()).status().equals("current"))
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
        ExtractionLimits limits = ExtractionLimits.defaults();
        ConnectorContext context = new ConnectorContext(SourceHttp.create(settings, RateLimitRule.standard(),
                observer), new BoundedExtractor(TextExtractor.standard(limits), limits), limits, MAX_FILE_BYTES,
                Clock.systemUTC());
        return ConfluenceConnectorFactory.create(new ConfluenceConnector.Config(SOURCE_ID, server.site(), Set.of(),
                Set.of(), dataCenter ? ConfluenceConnector.Deployment.DATACENTER : ConfluenceConnector.Deployment.CLOUD,
                true), dataCenter ? "Bearer " + PAT : ConfluenceConnectorFactory.basic(EMAIL, TOKEN), context);
    }

    @Override
    public void close() {
        server.close();
    }
}
